import { FAMILIES } from '../../../src/tools/bench/bench.families';
import { COOPERATION_TIE_KINDS } from '../../../src/rules/tie';
import { parseBenchArgs } from '../../../src/tools/bench/bench.options';
import { meetsFloorTarget, renderReport } from '../../../src/tools/bench/bench.report';
import { compareAnswers, cpuSideBySide, sliceMedian, throughputSchedule, type FamilyResult, type TargetName } from '../../../src/tools/bench/bench.runner';
import { hasSettled, percentile, summarize } from '../../../src/tools/bench/bench.stats';

describe('benchmark statistics', () => {
  test('percentiles follow the nearest-rank rule', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
  });

  test('summaries sort their samples and have none for no samples', () => {
    expect(summarize([])).toBeUndefined();
    expect(summarize([5, 1, 3, 2, 4])).toEqual({ samples: 5, p50: 3, p95: 5, p99: 5, mean: 3 });
  });

  test('warm-up has settled once a window is no more than 5% faster than the one before', () => {
    const window = (median: number) => [median - 1, median, median, median + 1, median + 2];
    expect(hasSettled(undefined, window(10))).toBe(false);
    expect(hasSettled(window(20), window(10))).toBe(false);
    expect(hasSettled(window(10), window(9.6))).toBe(true);
    expect(hasSettled(window(10), window(12))).toBe(true);
    // Too few samples to judge (a family of slow requests) counts as settled.
    expect(hasSettled(window(20), [10, 10])).toBe(true);
  });

  test('percentiles refuse empty input and out-of-range ranks', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
    expect(() => percentile([1], 0)).toThrow('(0, 100]');
  });
});

describe('benchmark answers', () => {
  test('network families ask the floor for the default tie selection and say why @neo4j/graphql cannot answer', () => {
    const sample = { org: 'r', other: 'p', phrase: '', years: [] };
    for (const name of ['partners', 'partners, 2 hops', 'ego network', 'shortest path']) {
      const family = FAMILIES.find((f) => f.name === name)!;
      expect(family.floor.cypher).toContain('$tieKinds');
      expect(family.floor.cypher).toContain('$includeIntended');
      expect(family.floor.params(sample)).toMatchObject({ tieKinds: [...COOPERATION_TIE_KINDS], includeIntended: false });
      expect(family.neo4jGraphql).toEqual({ unsupported: expect.stringMatching(/tie|path/) });
    }
  });

  test('partner fingerprints carry count and weight, so a different weight is a different answer', () => {
    const family = FAMILIES.find((f) => f.name === 'partners')!;
    const sample = { org: 'r', other: 'p', phrase: '', years: [] };
    const floor = (weight: number) => family.floor.answer([{ total: 1, partners: [{ id: 'p', count: 2, weight }] }], sample);
    const hub = family.hub.answer({ partners: { totalCount: 1, partners: [{ count: 2, weight: 1.5, organization: { id: 'p' } }] } }, sample);
    expect(hub).toBe(floor(1.5));
    expect(hub).not.toBe(floor(2));
  });

  test('a failed @neo4j/graphql request counts as failed, not as a different answer', async () => {
    const lookup = FAMILIES.find((f) => f.name === 'lookup')!;
    const samples = ['a', 'b', 'c'].map((org) => ({ org, other: 'z', phrase: '', years: [] }));
    const neo: Record<string, string | undefined> = { a: 'x', b: undefined, c: 'y' };
    const agreement = await compareAnswers(lookup, samples, ['hub', 'floor', 'neo4jGraphql'], async (target, s) => (target === 'neo4jGraphql' ? neo[s.org] : 'x'));
    expect(agreement).toEqual({ compared: 3, hub: 3, neo4jGraphql: 1, neo4jGraphqlFailed: 1, firstMismatch: '@neo4j/graphql y vs floor x' });
  });
});

describe('benchmark baseline hub', () => {
  test('another build of the hub is compared with the floor like the hub, and a different answer is named', async () => {
    const lookup = FAMILIES.find((f) => f.name === 'lookup')!;
    const samples = ['a', 'b'].map((org) => ({ org, other: 'z', phrase: '', years: [] }));
    const agreement = await compareAnswers(lookup, samples, ['hub', 'floor', 'baseline'], async (target, s) => (target === 'baseline' && s.org === 'b' ? 'old' : 'x'));
    expect(agreement).toEqual({ compared: 2, hub: 2, baseline: 1, firstMismatch: 'baseline hub old vs floor x' });
  });

  test('the report sets both builds side by side, each against the floor of the same run', () => {
    const lookup = FAMILIES.find((f) => f.name === 'lookup')!;
    const lat = (p50: number) => ({ samples: 10, p50, p95: p50 * 2, p99: p50 * 3, mean: p50 });
    const results: FamilyResult[] = [
      { family: lookup, latency: { hub: lat(3), floor: lat(1.5), baseline: lat(2) }, throughput: { hub: 300, floor: 1000, baseline: 400 }, agreement: { compared: 10, hub: 10, baseline: 10 }, errors: {} },
    ];
    const info = { command: 'npm run bench', date: 'd', graph: { label: 'test', nodes: 1, relationships: 1 }, machine: 'm', concurrency: 8, warmupSeconds: 10, warmupMaxSeconds: 60 };
    const md = renderReport(results, { ...info, baseline: { label: 'the baseline build (old/dist/src/main.js)', peakRssMib: 99 } });
    expect(md).toContain('## The hub against the baseline build (old/dist/src/main.js) (same run)');
    expect(md).toContain('| lookup | 3.00 | 2.00 | 2.00x | 1.33x | 300.0 | 400.0 | 0.30x | 0.40x | 1.50x | – | 10/10 |');
    const sideBySide = renderReport([{ ...results[0], sideBySideCpu: { hub: 520, baseline: 400 } }], { ...info, baseline: { label: 'b' } });
    expect(sideBySide).toContain('| 1.50x | 1.30x | 10/10 |');
    expect(md).toContain('Baseline hub process: peak resident 99 MiB');
    expect(renderReport(results, info)).not.toContain('same run');
    expect(md).not.toContain('## CPU per request');
  });

  test('the report gives each server process its CPU per request, and the hub against the baseline', () => {
    const lookup = FAMILIES.find((f) => f.name === 'lookup')!;
    const lat = (p50: number) => ({ samples: 10, p50, p95: p50, p99: p50, mean: p50 });
    const results: FamilyResult[] = [
      {
        family: lookup,
        latency: { hub: lat(3), floor: lat(1.5), baseline: lat(2) },
        throughput: { hub: 300, floor: 1000, baseline: 400 },
        cpuPerRequest: { hub: 450.4, neo4jGraphql: 1200, baseline: 500 },
        agreement: { compared: 10, hub: 10, baseline: 10 },
        errors: {},
      },
    ];
    const info = { command: 'npm run bench', date: 'd', graph: { label: 'test', nodes: 1, relationships: 1 }, machine: 'm', concurrency: 8, warmupSeconds: 10, warmupMaxSeconds: 60 };
    const md = renderReport(results, { ...info, baseline: { label: 'the baseline build', peakRssMib: 99 } });
    expect(md).toContain('## CPU per request (µs, throughput phase)');
    expect(md).toContain('| lookup | 450 | 1200 | 500 | 0.90x |');
    expect(renderReport(results, info)).toContain('| lookup | 450 | 1200 |\n');
  });

  test('is an option', () => {
    expect(parseBenchArgs(['--baseline-hub', '/tmp/old/dist/src/main.js'])).toMatchObject({ ok: true, options: { baselineHub: '/tmp/old/dist/src/main.js' } });
    expect(parseBenchArgs([])).toMatchObject({ ok: true, options: { baselineHub: undefined } });
  });
});

describe('throughput schedule', () => {
  test('loads every target once untimed before any timed slice, then rotates which target goes first', async () => {
    const seen: string[] = [];
    await throughputSchedule(['hub', 'floor', 'baseline'], 3, async (target, slice) => {
      seen.push(slice === undefined ? `${target} warm` : `${target} ${slice}`);
    });
    expect(seen).toEqual([
      'hub warm', 'floor warm', 'baseline warm',
      'hub 0', 'floor 0', 'baseline 0',
      'floor 1', 'baseline 1', 'hub 1',
      'baseline 2', 'hub 2', 'floor 2',
    ]);
  });

  test('a slice that met a busy moment does not decide the figure: it is the median of the slices', () => {
    expect(sliceMedian([1090, 430, 980])).toBe(980);
    expect(sliceMedian([5])).toBe(5);
    expect(sliceMedian([])).toBe(0);
  });
});

describe('CPU per request side by side', () => {
  test('alternates requests between the two targets and divides each process’s CPU by the requests it answered', async () => {
    const cpu: Partial<Record<TargetName, number>> = { hub: 1_000, baseline: 5_000 };
    const seen: Array<[TargetName, number]> = [];
    const send = async (target: TargetName, k: number) => {
      seen.push([target, k]);
      // The hub's process spends 300 µs per answer, the baseline's 200; every fifth baseline request fails.
      cpu[target]! += target === 'hub' ? 300 : 200;
      await new Promise((resolve) => setTimeout(resolve, 1));
      return target === 'hub' || k % 5 !== 4;
    };
    const result = await cpuSideBySide(['hub', 'baseline'], (t) => cpu[t], send, 4, 60);
    expect(seen.slice(0, 4)).toEqual([['hub', 0], ['baseline', 0], ['hub', 1], ['baseline', 1]]);
    const baselineSent = seen.filter(([t]) => t === 'baseline').length;
    const baselineAnswered = seen.filter(([t, k]) => t === 'baseline' && k % 5 !== 4).length;
    expect(result!.hub).toBeCloseTo(300, 6);
    expect(result!.baseline).toBeCloseTo((200 * baselineSent) / baselineAnswered, 6);
  });

  test('gives nothing when a process’s CPU cannot be read', async () => {
    const result = await cpuSideBySide(['hub', 'baseline'], (t) => (t === 'hub' ? 1 : undefined), async () => true, 2, 5);
    expect(result).toBeUndefined();
  });
});

describe('benchmark targets and report', () => {
  test('the p50 target is 1.3x the floor, or 1 ms over a floor under 3 ms', () => {
    expect(meetsFloorTarget(13, 10)).toBe(true);
    expect(meetsFloorTarget(13.1, 10)).toBe(false);
    expect(meetsFloorTarget(2.9, 2)).toBe(true);
    expect(meetsFloorTarget(3.1, 2)).toBe(false);
    expect(meetsFloorTarget(4.5, 3.5)).toBe(true);
  });

  test('the report gives absolute figures, both ratios and why @neo4j/graphql cannot answer a family', () => {
    const lookup = FAMILIES.find((f) => f.name === 'lookup')!;
    const path = FAMILIES.find((f) => f.name === 'shortest path')!;
    const lat = (p50: number) => ({ samples: 10, p50, p95: p50 * 2, p99: p50 * 3, mean: p50 });
    const results: FamilyResult[] = [
      { family: lookup, latency: { hub: lat(2), floor: lat(1.5), neo4jGraphql: lat(4) }, throughput: { hub: 400, floor: 800, neo4jGraphql: 200 }, agreement: { compared: 10, hub: 10, neo4jGraphql: 9, neo4jGraphqlFailed: 1 }, errors: {} },
      { family: path, latency: { hub: lat(30), floor: lat(10) }, throughput: { hub: 30, floor: 100 }, agreement: { compared: 10, hub: 9, firstMismatch: 'hub 3 vs floor 4' }, errors: { hub: 1 }, firstError: 'hub: boom' },
    ];
    const md = renderReport(results, {
      command: 'npm run bench',
      date: '2026-01-01T00:00:00Z',
      graph: { label: 'test', nodes: 10, relationships: 20 },
      machine: 'test',
      concurrency: 8,
      warmupSeconds: 10,
      warmupMaxSeconds: 60,
      hubPeakRssMib: 120,
    });
    expect(md).toContain('at least 10 s per family');
    expect(md).toContain('at most 60 s');
    expect(md).toContain('| lookup | 2.00 | 4.00 | 6.00 | 1.50 | 3.00 | 4.50 | 4.00 | 8.00 | 12.00 | 1.33x | 0.50x | met | 10 |');
    expect(md).toContain('| shortest path | 30.00 | 60.00 | 90.00 | 10.00 | 20.00 | 30.00 | n/a | n/a | n/a | 3.00x | n/a | **missed** | 10 |');
    expect(md).toContain('| lookup | 400.0 | 800.0 | 200.0 | 0.50x | 2.00x |');
    expect(md).toContain('cannot: no path queries');
    expect(md).toContain('hub 9/10 (first difference: hub 3 vs floor 4)');
    expect(md).toContain('hub 10/10, @neo4j/graphql 9/10 (1 failed) |');
    expect(md).toContain('- shortest path: {"hub":1}; first: hub: boom');
    expect(md).toContain('peak resident 120 MiB');
  });
});

describe('benchmark options', () => {
  test('defaults to the small graph and reads every option', () => {
    const parsed = parseBenchArgs(['--size', 'large', '--concurrency', '4', '--family', 'lookup', '--family', 'search']);
    expect(parsed).toMatchObject({ ok: true, options: { size: 'large', concurrency: 4, families: ['lookup', 'search'], seed: 1 } });
    expect(parseBenchArgs([])).toMatchObject({ ok: true, options: { size: 'small', warmupSeconds: 10, warmupMaxSeconds: 60 } });
    expect(parseBenchArgs(['--warmup-seconds', '0'])).toMatchObject({ ok: true, options: { warmupSeconds: 0 } });
  });

  test('names the bad option', () => {
    expect(parseBenchArgs(['--size', 'huge'])).toMatchObject({ ok: false, message: expect.stringContaining('--size') });
    expect(parseBenchArgs(['--concurrency', '0'])).toMatchObject({ ok: false, message: expect.stringContaining('--concurrency') });
    expect(parseBenchArgs(['--bogus'])).toMatchObject({ ok: false, message: expect.stringContaining('bogus') });
  });
});
