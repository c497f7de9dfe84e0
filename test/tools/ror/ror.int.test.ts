import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, projectRoot } from '../../../src/core/config';
import { createLogger } from '../../../src/core/logger';
import { importRor } from '../../../src/tools/ror/ror.importer';
import { importSeed } from '../../../src/tools/seed/seed.importer';
import { SeedError } from '../../../src/record/record.problem';
import { graphCounts } from '../../../src/record/record.repository';
import { openTestDb } from '../../helpers/graph';

const db = openTestDb();
const log = createLogger('silent');
const SAMPLE = path.join(projectRoot, 'test/fixtures/ror/vietnam-sample.json');
const sample = JSON.parse(fs.readFileSync(SAMPLE, 'utf8')) as { rorRelease: string; record: Record<string, unknown> }[];
const entryOf = (ror: string) => sample.find((e) => String(e.record.id).endsWith(ror))!;

const CURATED: Record<string, string> = {
  '00waaqh38': 'org-vnu-hcm',
  '003szmg30': 'org-vnu-hcm-iu',
  '04qva2324': 'org-vnu-hcm-hcmut',
  '02b207r52': 'org-most',
  '037hwy185': 'org-dost-ho-chi-minh',
  '03z9fzp04': 'org-vimaru',
  '0227kwk61': 'org-hai-phong-university',
};
// The only properties a ROR import may add to a curated organisation.
const ADDABLE = new Set(['aliases', 'aliasText', 'acronyms', 'acronymText', 'externalIds', 'website']);

function writeFile(entries: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coop-ror-')), 'ror.json');
  fs.writeFileSync(file, JSON.stringify(entries));
  return file;
}

/** A ROR id with a valid checksum for six base-32 characters. */
function rorId(six: string): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  let n = 0;
  for (const ch of six) n = n * 32 + alphabet.indexOf(ch);
  return `0${six}${String(98 - ((n * 100) % 97)).padStart(2, '0')}`;
}

const withId = (ror: string, entry: { rorRelease: string; record: Record<string, unknown> }, extra: Record<string, unknown> = {}) => ({
  rorRelease: entry.rorRelease,
  record: { ...entry.record, id: `https://ror.org/${ror}`, relationships: [], ...extra },
});

async function node(id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await db.read('MATCH (n {id: $id}) RETURN properties(n) AS p, labels(n) AS labels', { id });
  return row ? { ...(row.p as Record<string, unknown>), labels: [...(row.labels as string[])].sort() } : undefined;
}

async function targets(id: string, type: string): Promise<string[]> {
  const rows = await db.read('MATCH (n {id: $id})-[r]->(m) WHERE type(r) = $type RETURN m.id AS id ORDER BY id', { id, type });
  return rows.map((r) => String(r.id));
}

async function orgIds(): Promise<string[]> {
  return (await db.read('MATCH (n:Organization) RETURN n.id AS id ORDER BY id')).map((r) => String(r.id));
}

afterAll(async () => {
  try {
    // Other test files expect the pristine seed graph.
    await importSeed(db, loadConfig().seedDir, log, { reset: true });
  } finally {
    await db.close();
  }
});

describe('ROR import', () => {
  let curatedBefore: Record<string, Record<string, unknown>>;
  let seedCounts: Awaited<ReturnType<typeof graphCounts>>;

  beforeAll(async () => {
    seedCounts = await graphCounts(db);
    curatedBefore = {};
    for (const id of Object.values(CURATED)) curatedBefore[id] = (await node(id))!;
  });

  test('with refuse, a malformed record aborts the import and the graph is unchanged', async () => {
    const before = { counts: await graphCounts(db), orgs: await orgIds() };
    const broken = { rorRelease: 'v2.1', record: { ...entryOf('01351mb48').record, names: [] } };
    const error = await importRor(db, writeFile([...sample, broken]), log, { onError: 'refuse' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).problems).toEqual([expect.objectContaining({ line: sample.length + 1, field: 'record.names' })]);

    // A problem found inside the transaction (a location the graph lacks) also leaves nothing behind.
    const foreign = withId(rorId('zzzzzz'), entryOf('0164qgj37'), {
      locations: [{ geonames_details: { name: 'Lyon', lat: 45.76, lng: 4.84, country_code: 'FR' } }],
    });
    const inside = await importRor(db, writeFile([...sample, foreign]), log).catch((e: unknown) => e);
    expect(inside).toBeInstanceOf(SeedError);
    expect((inside as SeedError).problems).toEqual([expect.objectContaining({ line: sample.length + 1, field: 'location' })]);

    expect(await graphCounts(db)).toEqual(before.counts);
    expect(await orgIds()).toEqual(before.orgs);
  });

  test('the sample merges into the curated organisations and creates the others', async () => {
    const result = await importRor(db, SAMPLE, log);
    expect(result).toMatchObject({ records: 192, created: 185, updated: 0, merged: 7, skipped: 0, withdrawn: 2, problems: [] });
    expect(result.relations).toBeGreaterThan(30);

    for (const [ror, id] of Object.entries(CURATED)) {
      const [{ holders }] = await db.read('MATCH (n:Organization {ror: $ror}) RETURN collect(n.id) AS holders', { ror });
      expect(holders).toEqual([id]);
      const after = (await node(id))!;
      for (const [key, value] of Object.entries(curatedBefore[id])) if (!ADDABLE.has(key)) expect([id, key, after[key]]).toEqual([id, key, value]);
      for (const key of Object.keys(after)) if (!ADDABLE.has(key)) expect(curatedBefore[id]).toHaveProperty(key);
      expect(JSON.parse(String(after.externalIds)).ROR).toEqual([ror]);
    }

    const vnu = (await node('org-vnu-hcm'))!;
    expect(vnu.name).toBe('Đại học Quốc gia Thành phố Hồ Chí Minh');
    const aliases = [...(curatedBefore['org-vnu-hcm'].aliases as string[]), 'Viet Nam National University HCMC', 'Viet Nam National University Ho Chi Minh City'];
    expect(vnu.aliases).toEqual(aliases);
    expect(vnu.aliasText).toBe(aliases.join(' | '));
    expect(vnu.acronyms).toEqual(['VNU-HCM', 'ĐHQG-HCM', 'VNUHCM']);
    expect(vnu.acronymText).toBe('VNU-HCM | ĐHQG-HCM | VNUHCM');
    expect(vnu.website).toBe('https://vnuhcm.edu.vn');
    expect(JSON.parse(String(vnu.externalIds))).toMatchObject({ GRID: ['grid.444808.4'], FundRef: ['501100010712'] });

    // HCMUT: ROR's English name equals the curated nameEn; its other names become aliases.
    const hcmut = (await node('org-vnu-hcm-hcmut'))!;
    expect(hcmut.name).toBe('Trường Đại học Bách khoa');
    expect(hcmut.aliases).toContain('Trường Đại học Bách khoa, Đại học Quốc gia Thành phố Hồ Chí Minh');
    expect(hcmut.acronyms).toEqual(['HCMUT', 'VNU HCMUT']);
    // DOST HCMC: ROR's display name is the curated name, "Sở KH&CN TP.HCM" a curated acronym, and
    // "Sở Khoa học và Công nghệ TP.HCM" already a curated alias: only the two English aliases are new.
    const dost = (await node('org-dost-ho-chi-minh'))!;
    const dostBefore = curatedBefore['org-dost-ho-chi-minh'].aliases as string[];
    expect(dostBefore).toContain('Sở Khoa học và Công nghệ TP.HCM');
    expect(dost.aliases).toEqual([...dostBefore, 'DOST Ho Chi Minh City', 'Department of Science and Technology of Ho Chi Minh City']);
    // Curated structure wins: MOST stays located in the country, IU keeps its one parent.
    expect(await targets('org-most', 'LOCATED_IN')).toEqual(['country-vn']);
    expect(await targets('org-vnu-hcm-iu', 'PART_OF')).toEqual(['org-vnu-hcm']);
    expect(await db.read(`MATCH (n:Organization) WHERE n.id STARTS WITH 'org-ror-' AND n.id IN $ids RETURN n`, { ids: Object.keys(CURATED).map((r) => `org-ror-${r}`) })).toEqual([]);

    // The added aliases are searchable.
    const found = await db.read(`CALL db.index.fulltext.queryNodes('name_search', '"Viet Nam National University HCMC"') YIELD node RETURN node.id AS id`);
    expect(found.map((r) => r.id)).toContain('org-vnu-hcm');
  });

  test('new organisations get their kind, city province, parents and relations', async () => {
    const vnuHanoi = (await node('org-ror-02jmfj006'))!;
    expect(vnuHanoi).toMatchObject({ kind: 'UNIVERSITY', name: 'Vietnam National University, Hanoi', ror: '02jmfj006', sources: ['ext-ror'] });
    expect(vnuHanoi.labels).toEqual(['Organization', 'University']);
    expect(await targets('org-ror-02jmfj006', 'LOCATED_IN')).toEqual(['prov-ha-noi']);
    // Hue University: ROR's admin fields say Bình Định.
    expect(await targets('org-ror-00qaa6j11', 'LOCATED_IN')).toEqual(['prov-hue']);

    expect(await targets('org-ror-0138jhg57', 'PART_OF')).toEqual(['org-vnu-hcm']);
    expect(await targets('org-ror-05c53qb74', 'PART_OF')).toEqual(['org-most']);
    expect(await targets('org-ror-011pd5k86', 'PART_OF')).toEqual(['org-ror-02wsd5p50']);
    const related = await db.read(
      `MATCH (:Organization {id: 'org-ror-00n8yb347'})-[r:RELATED_TO]-(:Organization {id: 'org-ror-025kb2624'}) RETURN r.kind AS kind`,
    );
    expect(related).toEqual([{ kind: 'RELATED' }]);
  });

  test('importing the same file again leaves the same graph', async () => {
    const first = await graphCounts(db);
    const again = await importRor(db, SAMPLE, log);
    expect(again).toMatchObject({ created: 0, updated: 185, merged: 7 });
    expect(await graphCounts(db)).toEqual(first);
    expect(first.nodes).toBe(seedCounts.nodes + 185);
  });

  test('with skip, malformed records are reported and the good ones imported', async () => {
    const [a, b] = [rorId('qqqqqq'), rorId('rrrrrr')];
    const entries = [
      withId(a, entryOf('0164qgj37')),
      { rorRelease: 'v1.9', record: { ...entryOf('03qd55m24').record, id: 'https://ror.org/not-a-ror', name: '' } },
      withId(b, entryOf('03qd55m24'), { relationships: [{ type: 'Parent', id: 'https://ror.org/00waaqh38', label: 'VNU-HCM' }] }),
    ];
    const file = writeFile(entries);
    const result = await importRor(db, file, log, { onError: 'skip' });
    expect(result).toMatchObject({ records: 2, created: 2, skipped: 1 });
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file, line: 2, field: 'record.id' }),
        expect.objectContaining({ file, line: 2, field: 'record.name' }),
      ]),
    );
    expect((await node(`org-ror-${a}`))!.name).toBe('Dong A University');
    expect(await targets(`org-ror-${b}`, 'PART_OF')).toEqual(['org-vnu-hcm']);
  });
});
