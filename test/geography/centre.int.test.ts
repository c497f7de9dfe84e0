import type { Database } from '../../src/db/database';
import { data, gqlClient, openTestDb } from '../helpers/graph';
import { parseRecord } from '../../src/record/record.parse';
import { mergeSeed, validateRecords } from '../../src/record/record.merge';
import type { NodeRecord } from '../../src/record/record.format';

// Every Vietnamese provincial unit of the seed (the 63 before 1 July 2025 and the 34 after) has a centre that
// names its reference and is backed by one of the unit's provenance sources.

let db: Database;
let gql: ReturnType<typeof gqlClient>;
beforeAll(() => {
  db = openTestDb();
  gql = gqlClient(db);
});
afterAll(() => db.close());

const q = <T = any>(query: string, variables: Record<string, unknown> = {}) => data<T>(gql<T>(query, variables));

interface Unit {
  id: string;
  statCode: string | null;
  centre: { latitude: number; longitude: number; point: string; sourceId: string; reference: string } | null;
  provenance: Array<{ sourceId: string }>;
  successor: { id: string } | null;
}

const UNIT = `id statCode centre { latitude longitude point sourceId reference } provenance(first: 50) { sourceId } successor { id }`;

async function unitsOn(validOn: string | null): Promise<Unit[]> {
  const filter = validOn ? `{ validOn: "${validOn}", parent: "country-vn" }` : `{ parent: "country-vn" }`;
  const r = await q(`{ adminUnits(filter: ${filter}, first: 500) { nodes { ${UNIT} } } }`);
  return r.adminUnits.nodes;
}

const twoDecimals = (v: number) => Math.round(v * 100) / 100 === v;

describe('centres of the provincial units', () => {
  it('every provincial unit has a centre with a reference, backed by its provenance', async () => {
    const units = await unitsOn(null);
    // 63 before the reform and 34 after, the 11 unchanged ones counted once, and Thừa Thiên Huế before Huế.
    expect(units.length).toBe(87);
    for (const u of units) {
      expect({ id: u.id, hasCentre: u.centre !== null }).toEqual({ id: u.id, hasCentre: true });
      const c = u.centre!;
      expect(c.reference).toMatch(/^https:\/\//);
      expect(c.point.length).toBeGreaterThan(3);
      expect(u.provenance.map((p) => p.sourceId)).toContain(c.sourceId);
      // Vietnam's mainland seats lie within these bounds; a swapped or mistyped value falls outside.
      expect(c.latitude).toBeGreaterThan(8.5);
      expect(c.latitude).toBeLessThan(23.5);
      expect(c.longitude).toBeGreaterThan(102);
      expect(c.longitude).toBeLessThan(110);
      expect(twoDecimals(c.latitude) && twoDecimals(c.longitude)).toBe(true);
    }
  });

  it('the 63 units before the reform and the 34 after each have a centre', async () => {
    for (const [on, n] of [['2025-06-30', 63], ['2025-07-01', 34]] as const) {
      const units = await unitsOn(on);
      expect(units).toHaveLength(n);
      expect(units.filter((u) => u.centre).length).toBe(n);
    }
  });

  it('a merged unit is drawn at the seat of the former unit whose code it kept', async () => {
    const units = await unitsOn(null);
    const merged = units.filter((u) => u.id.endsWith('-2025'));
    expect(merged.length).toBe(23);
    for (const unit of merged) {
      const host = units.find((u) => u.successor?.id === unit.id && u.statCode === unit.statCode);
      expect({ id: unit.id, host: host?.id !== undefined }).toEqual({ id: unit.id, host: true });
      expect([unit.centre!.latitude, unit.centre!.longitude]).toEqual([host!.centre!.latitude, host!.centre!.longitude]);
    }
  });

  it('the coordinates keep the country’s order: Hà Nội north of Huế, Huế north of Hồ Chí Minh City, Cần Thơ west of it', async () => {
    const r = await q(`{ hn: adminUnit(id: "prov-ha-noi") { centre { latitude longitude } }
      hue: adminUnit(id: "prov-hue") { centre { latitude longitude } }
      hcm: adminUnit(id: "prov-ho-chi-minh-2025") { centre { latitude longitude } }
      ct: adminUnit(id: "prov-can-tho-2025") { centre { latitude longitude } }
      au: adminUnit(id: "country-au") { centre { latitude } } }`);
    expect(r.hn.centre.latitude).toBeGreaterThan(r.hue.centre.latitude);
    expect(r.hue.centre.latitude).toBeGreaterThan(r.hcm.centre.latitude);
    expect(r.ct.centre.longitude).toBeLessThan(r.hcm.centre.longitude);
    expect(r.au.centre).toBeNull();
  });
});

describe('centre validation', () => {
  const unit = (centre: Record<string, unknown>, sources = ['ext-geonames']) => ({
    type: 'adminUnit',
    id: 'prov-test',
    level: 'PROVINCE',
    name: 'Thử',
    centre,
    provenance: sources.map((source) => ({ source, note: 'n' })),
  });
  const problems = (value: unknown) => {
    const parsed = parseRecord(value, 'x.jsonl', 1);
    if (!parsed.node) return parsed.problems.map((p) => `${p.field}: ${p.message}`);
    const set = mergeSeed({ nodes: [{ record: parsed.node as NodeRecord, file: 'x.jsonl', line: 1 }], edges: [], problems: [], files: ['x.jsonl'] });
    const geonames = { type: 'source' as const, id: 'ext-geonames', fields: { kind: 'EXTERNAL', title: 'GeoNames' }, provenance: [], fieldProvenance: {}, at: { file: 's', line: 1 } };
    set.nodes.set('ext-geonames', geonames);
    set.nodes.set('ext-wikipedia', { ...geonames, id: 'ext-wikipedia' });
    return validateRecords(set, { textOf: () => null }).map((p) => `${p.field}: ${p.message}`);
  };
  const good = { latitude: 21.02, longitude: 105.84, point: 'the seat', source: 'ext-geonames', reference: 'https://www.geonames.org/1581130' };

  it('accepts a centre whose source backs the unit', () => {
    expect(problems(unit(good))).toEqual([]);
  });
  it('rejects a coordinate more precise than two decimals', () => {
    expect(problems(unit({ ...good, latitude: 21.0245 }))).toEqual(['centre.latitude: must be rounded to at most 2 decimals']);
  });
  it('rejects a centre whose source is not in the provenance', () => {
    expect(problems(unit({ ...good, source: 'ext-wikipedia' }))).toEqual(["centre.source: source 'ext-wikipedia' is not in the provenance of 'prov-test'"]);
  });
  it('rejects a centre without its reference', () => {
    const { reference: _r, ...rest } = good;
    expect(problems(unit(rest))).toEqual([expect.stringMatching(/^centre\.reference: /)]);
  });
});
