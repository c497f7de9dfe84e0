import type { FamilyResult } from './bench.runner';

/** What the run measured besides the families: where, on what, and the servers' memory. */
export interface RunInfo {
  command: string;
  date: string;
  graph: { label: string; nodes: number; relationships: number };
  machine: string;
  concurrency: number;
  /** Seconds of untimed warm-up rounds per family: at least, and at most while latency still falls. */
  warmupSeconds: number;
  warmupMaxSeconds: number;
  /** Peak resident memory of the hub's process (MiB), from the kernel, and the highest sample under load. */
  hubPeakRssMib?: number;
  hubLoadRssMib?: number;
  neo4jGraphqlPeakRssMib?: number;
  /** The other build of the hub measured in the same run (--baseline-hub), as the report names it. */
  baseline?: { label: string; peakRssMib?: number };
}

/** The p50 target: within 1.3x of the floor, or within 1 ms of it where the floor is under 3 ms. */
export function meetsFloorTarget(hubP50: number, floorP50: number): boolean {
  return hubP50 <= floorP50 * 1.3 || (floorP50 < 3 && hubP50 - floorP50 <= 1);
}

const f = (x: number | undefined, digits = 2) => (x === undefined ? '–' : x.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '–' : `${(a / b).toFixed(2)}x`);

/**
 * The hub against another build of itself, measured in the same rounds and slices: each one's ratios to the
 * floor, so that what a change costs is read without comparing runs made on different days.
 */
function baselineSection(results: FamilyResult[], label: string): string[] {
  const lines = [`## The hub against ${label} (same run)`, ''];
  lines.push(
    'Both builds answer the same requests, interleaved with the floor in every round and slice; a ratio below 1.00x in the hub / baseline columns means this build is the faster. ' +
      'The CPU column loads both builds at once, requests alternating between them, and divides each process’s CPU time over that window by the requests it answered.',
  );
  lines.push('');
  lines.push('| family | hub p50 | baseline p50 | hub / floor (p50) | baseline / floor (p50) | hub throughput | baseline throughput | hub / floor (throughput) | baseline / floor (throughput) | hub / baseline (p50) | hub / baseline (CPU per request, side by side) | baseline answers agree |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const { hub, floor, baseline } = r.latency;
    const t = r.throughput;
    const agree = r.agreement.baseline === undefined ? '–' : `${r.agreement.baseline}/${r.agreement.compared}`;
    lines.push(
      `| ${r.family.name} | ${f(hub?.p50)} | ${f(baseline?.p50)} | ${ratio(hub?.p50, floor?.p50)} | ${ratio(baseline?.p50, floor?.p50)} | ` +
        `${f(t.hub, 1)} | ${f(t.baseline, 1)} | ${ratio(t.hub, t.floor)} | ${ratio(t.baseline, t.floor)} | ${ratio(hub?.p50, baseline?.p50)} | ` +
        `${ratio(r.sideBySideCpu?.hub, r.sideBySideCpu?.baseline)} | ${agree} |`,
    );
  }
  lines.push('');
  return lines;
}

/**
 * CPU per request of each server process in the throughput phase. Unlike throughput, which moves with whatever
 * else the two cores are running, this is the server's own work per answer; empty when nothing was measured.
 */
function cpuSection(results: FamilyResult[], withBaseline: boolean): string[] {
  if (!results.some((r) => r.cpuPerRequest && Object.keys(r.cpuPerRequest).length)) return [];
  const lines = ['## CPU per request (µs, throughput phase)', ''];
  lines.push(
    "User and system time of the target's own process in each throughput slice, divided by the requests it answered in it; the median of the slices. " +
      'It compares servers that are each the bottleneck of their slice; a server held back by the database wakes up for fewer requests at a time, so its figure rises.',
  );
  lines.push('');
  lines.push(`| family | hub | @neo4j/graphql |${withBaseline ? ' baseline | hub / baseline |' : ''}`);
  lines.push(`|---|---:|---:|${withBaseline ? '---:|---:|' : ''}`);
  for (const r of results) {
    const c = r.cpuPerRequest ?? {};
    const neo = 'request' in r.family.neo4jGraphql ? f(c.neo4jGraphql, 0) : 'n/a';
    lines.push(`| ${r.family.name} | ${f(c.hub, 0)} | ${neo} |${withBaseline ? ` ${f(c.baseline, 0)} | ${ratio(c.hub, c.baseline)} |` : ''}`);
  }
  lines.push('');
  return lines;
}

/** The Markdown report: one row per family with absolute figures and ratios, then notes and memory. */
export function renderReport(results: FamilyResult[], info: RunInfo): string {
  const lines: string[] = [];
  lines.push(`# coop-hub benchmark: ${info.graph.label}`, '');
  lines.push(`- Command: \`${info.command}\``);
  lines.push(`- Date: ${info.date}`);
  lines.push(`- Graph: ${info.graph.nodes.toLocaleString('en')} nodes, ${info.graph.relationships.toLocaleString('en')} relationships`);
  lines.push(`- Machine: ${info.machine}`);
  lines.push(
    '- Targets: **hub** (this API over HTTP), **floor** (one hand-written Cypher statement for the same answer through neo4j-driver, no HTTP), ' +
      '**@neo4j/graphql** (the generic GraphQL layer over HTTP, on Apollo Server 5 with Express, same database). ' +
      'Both GraphQL targets are called through one keep-alive node:http client.',
  );
  lines.push(
    `- Latency: after untimed warm-up rounds (at least ${info.warmupSeconds} s per family, then until no target's median latency falls by over 5% from one 2 s window to the next, at most ${info.warmupMaxSeconds} s), one request at a time, targets interleaved in rotating order per round; throughput: ${info.concurrency} requests in flight, in alternating slices after one untimed slice per target at that load.`,
  );
  lines.push('');
  lines.push('## Latency (ms) and ratios');
  lines.push('');
  lines.push('| family | hub p50 | hub p95 | hub p99 | floor p50 | floor p95 | floor p99 | @neo4j/graphql p50 | p95 | p99 | hub / floor (p50) | hub / @neo4j/graphql (p50) | p50 target | samples |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|');
  for (const r of results) {
    const { hub, floor, neo4jGraphql: neo } = r.latency;
    const met = hub && floor ? meetsFloorTarget(hub.p50, floor.p50) && (!neo || hub.p50 < neo.p50) : false;
    lines.push(
      `| ${r.family.name} | ${f(hub?.p50)} | ${f(hub?.p95)} | ${f(hub?.p99)} | ${f(floor?.p50)} | ${f(floor?.p95)} | ${f(floor?.p99)} | ` +
        `${neo ? f(neo.p50) : 'n/a'} | ${neo ? f(neo.p95) : 'n/a'} | ${neo ? f(neo.p99) : 'n/a'} | ${ratio(hub?.p50, floor?.p50)} | ` +
        `${neo ? ratio(hub?.p50, neo.p50) : 'n/a'} | ${met ? 'met' : '**missed**'} | ${hub?.samples ?? 0} |`,
    );
  }
  lines.push('');
  lines.push(`## Throughput (requests/s, ${info.concurrency} in flight)`);
  lines.push('');
  lines.push('Each figure is the median of the target\'s slices. A target whose requests failed in the latency phase is left out of this phase (–): loading it would starve the others.');
  lines.push('');
  lines.push('| family | hub | floor | @neo4j/graphql | hub / floor | hub / @neo4j/graphql |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const { hub, floor, neo4jGraphql: neo } = r.throughput;
    const expressible = 'request' in r.family.neo4jGraphql;
    // Not measured: the target cannot express the family (n/a), or its requests failed one at a time (–).
    const neoCell = expressible ? f(neo, 1) : 'n/a';
    lines.push(`| ${r.family.name} | ${f(hub, 1)} | ${f(floor, 1)} | ${neoCell} | ${ratio(hub, floor)} | ${expressible ? ratio(hub, neo) : 'n/a'} |`);
  }
  lines.push('');
  lines.push(...cpuSection(results, Boolean(info.baseline)));
  if (info.baseline) lines.push(...baselineSection(results, info.baseline.label));
  lines.push('## Families');
  lines.push('');
  lines.push('| family | what is asked | answers agree with the floor | @neo4j/graphql |');
  lines.push('|---|---|---|---|');
  for (const r of results) {
    const a = r.agreement;
    const neoFailed = a.neo4jGraphqlFailed ? ` (${a.neo4jGraphqlFailed} failed)` : '';
    const agree = `hub ${a.hub}/${a.compared}${a.neo4jGraphql === undefined ? '' : `, @neo4j/graphql ${a.neo4jGraphql}/${a.compared}${neoFailed}`}`;
    const neo = 'unsupported' in r.family.neo4jGraphql ? `cannot: ${r.family.neo4jGraphql.unsupported}` : (r.family.neo4jGraphql.note ?? 'one request');
    lines.push(`| ${r.family.name} | ${r.family.description} | ${agree}${a.firstMismatch ? ` (first difference: ${a.firstMismatch.replace(/\|/g, '/')})` : ''} | ${neo} |`);
  }
  lines.push('');
  const failed = results.filter((r) => r.firstError);
  if (failed.length) {
    lines.push('## Failed requests (left out of the figures)');
    lines.push('');
    for (const r of failed) lines.push(`- ${r.family.name}: ${JSON.stringify(r.errors)}; first: ${r.firstError!.replace(/\n/g, ' ')}`);
    lines.push('');
  }
  lines.push('## Memory');
  lines.push('');
  lines.push(`- Hub process: peak resident ${f(info.hubPeakRssMib, 0)} MiB (kernel high-water mark); highest sample under load ${f(info.hubLoadRssMib, 0)} MiB. Target: under 300 MB.`);
  lines.push(`- @neo4j/graphql process: peak resident ${f(info.neo4jGraphqlPeakRssMib, 0)} MiB.`);
  if (info.baseline) lines.push(`- Baseline hub process: peak resident ${f(info.baseline.peakRssMib, 0)} MiB.`);
  lines.push('');
  return lines.join('\n');
}
