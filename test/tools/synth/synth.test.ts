import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../../src/core/config';
import { loadSeedSet } from '../../../src/tools/seed/seed.importer';
import { generateSynth, SYNTH_FILES, type SynthSummary } from '../../../src/tools/synth/synth.generate';
import { parseSynthArgs } from '../../../src/tools/synth/synth.options';
import { readSynthReference } from '../../../src/tools/synth/synth.reference';

const seeds = path.join(projectRoot, 'seeds');
const ref = readSynthReference(seeds);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-synth-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (orgs: number, links: number, seed: number, name: string) =>
  generateSynth({ orgs, links, seed, outDir: path.join(tmp, name) }, ref);
const read = (dir: string, file: string) =>
  fs.readFileSync(path.join(dir, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
const bytes = (dir: string) => Object.values(SYNTH_FILES).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\u0000');

describe('synthetic network generator', () => {
  let small: SynthSummary;
  beforeAll(async () => {
    small = await run(300, 2000, 7, 'small');
  });

  test('the same arguments give byte-identical files; another seed gives different ones', async () => {
    const again = await run(300, 2000, 7, 'again');
    const other = await run(300, 2000, 8, 'other');
    expect(bytes(again.outDir)).toBe(bytes(small.outDir));
    expect(bytes(other.outDir)).not.toBe(bytes(small.outDir));
  });

  test('writes exactly the requested organisations and links, 2 to 6 participants per agreement or activity', () => {
    expect(small.organizations).toBe(300);
    expect(small.parties + small.participations).toBe(2000);
    const links = [...read(small.outDir, SYNTH_FILES.party), ...read(small.outDir, SYNTH_FILES.participation)];
    expect(links).toHaveLength(2000);
    const sizes = new Map<string, number>();
    for (const l of links) sizes.set(l.agreement ?? l.activity, (sizes.get(l.agreement ?? l.activity) ?? 0) + 1);
    expect(sizes.size).toBe(small.agreements + small.activities);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(2);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(6);
  });

  test('loaded together with the curated seeds, the union has no problems', () => {
    const union = path.join(tmp, 'union');
    fs.cpSync(seeds, union, { recursive: true });
    fs.cpSync(small.outDir, path.join(union, 'synthetic'), { recursive: true });
    const set = loadSeedSet(union);
    expect(set.nodes.get('org-syn-300')?.type).toBe('organization');
    expect(set.nodes.get('ext-synthetic')?.fields.kind).toBe('EXTERNAL');
    expect(set.nodes.get('org-dost-binh-thuan')?.type).toBe('organization');
  });

  test('every record carries the synthetic provenance with its seed', () => {
    for (const file of Object.values(SYNTH_FILES)) {
      for (const r of read(small.outDir, file)) expect(r.provenance).toEqual([{ source: 'ext-synthetic', note: 'generated with seed 7' }]);
    }
  });

  test('participation is heavy-tailed: the top 1% of organisations hold over 10% of links', () => {
    const degree = new Map<string, number>();
    for (const file of [SYNTH_FILES.party, SYNTH_FILES.participation]) {
      for (const l of read(small.outDir, file)) degree.set(l.organization, (degree.get(l.organization) ?? 0) + 1);
    }
    const sorted = [...degree.values()].sort((a, b) => b - a);
    const top = sorted.slice(0, 3).reduce((a, b) => a + b, 0);
    expect(top / 2000).toBeGreaterThan(0.1);
    // Many small actors: over a third of the organisations with a link have at most 3, and the median one has
    // well under the mean (a uniform draw would put them together). Both hold for every seed, not only this one.
    expect(sorted.filter((d) => d <= 3).length).toBeGreaterThan(sorted.length / 3);
    const mean = 2000 / sorted.length;
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(0.6 * mean);
  });

  test('every organisation kind appears, foreign bodies sit in curated countries, the big cities get the most', () => {
    const orgs = read(small.outDir, SYNTH_FILES.organization);
    expect(new Set(orgs.map((o) => o.kind))).toEqual(
      new Set(['GOVERNMENT', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'COMPANY', 'HOSPITAL', 'NETWORK', 'FOREIGN_BODY']),
    );
    const countries = new Set(ref.countries.map((c) => c.id));
    for (const o of orgs.filter((x) => x.kind === 'FOREIGN_BODY')) expect(countries.has(o.location)).toBe(true);
    const perPlace = new Map<string, number>();
    for (const o of orgs) perPlace.set(o.location, (perPlace.get(o.location) ?? 0) + 1);
    const ranked = [...perPlace.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(ranked.slice(0, 2).sort()).toEqual(['prov-ha-noi', 'prov-ho-chi-minh']);
    expect(ref.provinces).toHaveLength(63);
  });

  test('about a third of agreements and activities cross planning-region boundaries; dates span 2011-2025', () => {
    const regionOf = new Map(ref.provinces.map((p) => [p.id, p.region]));
    const orgRegion = new Map(read(small.outDir, SYNTH_FILES.organization).map((o) => [o.id, regionOf.get(o.location) ?? 'abroad']));
    const regions = new Map<string, Set<string>>();
    for (const file of [SYNTH_FILES.party, SYNTH_FILES.participation]) {
      for (const l of read(small.outDir, file)) {
        const event = l.agreement ?? l.activity;
        if (!regions.has(event)) regions.set(event, new Set());
        regions.get(event)!.add(orgRegion.get(l.organization)!);
      }
    }
    const cross = [...regions.values()].filter((s) => s.size > 1).length;
    expect(cross).toBe(small.crossRegion);
    expect(cross / regions.size).toBeGreaterThan(0.25);
    expect(cross / regions.size).toBeLessThan(0.45);
    const years = [
      ...read(small.outDir, SYNTH_FILES.agreement).map((a) => a.signedOn ?? '2018'),
      ...read(small.outDir, SYNTH_FILES.activity).map((a) => a.startDate),
    ].map((d: string) => Number(d.slice(0, 4)));
    expect(Math.min(...years)).toBe(2011);
    expect(Math.max(...years)).toBe(2025);
  });
});

describe('synth arguments', () => {
  const parse = (...argv: string[]) => parseSynthArgs(argv, '/repo');

  test('valid arguments give the default output folder below the project', () => {
    expect(parse('--orgs', '100', '--links', '500', '--seed', '0')).toEqual({
      ok: true,
      options: { orgs: 100, links: 500, seed: 0, outDir: path.join('/repo', '.synth', '100-500-0'), seedDir: path.join('/repo', 'seeds') },
    });
  });

  test('missing, non-integer and out-of-range values are each named with their limits', () => {
    const r = parse('--orgs', '5', '--links', '1.5');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.split('\n')).toEqual([
      "--orgs must be an integer from 10 to 1000000, got '5'",
      "--links must be an integer from 2 to 20000000, got '1.5'",
      '--seed is required (an integer from 0 to 4294967295)',
    ]);
    expect(parse('--orgs', '10', '--links', '2', '--seed', '-1').ok).toBe(false);
    expect(parse('--orgs', '10', '--links', '2', '--seed', '1', '--bogus').ok).toBe(false);
  });
});
