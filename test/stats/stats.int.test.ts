import { aggregateCacheOf } from '../../src/db/aggregate-cache';
import { intParam } from '../../src/db/database';
import { countsCypher, totalsCypher } from '../../src/stats/stats.repository';
import { rankingCypher } from '../../src/stats/ranking.repository';
import { CROSS_REGION_LINKS_DATED, REGION_MATRIX, REGION_MATRIX_DATED, regionParams } from '../../src/stats/region.repository';
import { filterParams, type Anchor } from '../../src/stats/stats.filter';
import { CountTarget, GroupKey, ProvinceMode, RankingDirection, RankingMetric } from '../../src/stats/stats.type';
import { data, gqlClient, openTestDb } from '../helpers/graph';
import { selectionFields, statementsOf as runCounted } from '../helpers/statements';


const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

type Bucket = { key: string; label: string; count: number };

async function counts(args: string): Promise<Bucket[]> {
  const d = await data<{ counts: Bucket[] }>(gql(`{ counts(${args}) { key label count } }`));
  return d.counts;
}

const pairs = (buckets: Bucket[]) => buckets.map((b) => [b.key, b.count]);

async function errorOf(query: string, variables: Record<string, unknown> = {}) {
  const r = await gql(query, variables);
  expect(r.errors).toHaveLength(1);
  return { code: r.errors![0].extensions?.code, message: r.errors![0].message, extensions: r.errors![0].extensions };
}

// The seed is curated by hand and grows; these tests check the counting rules on it against hand-written
// Cypher or against each other, and the figures the analysts asked about. Exact answers per rule are in
// test/stats-ties.int.test.ts, on fixtures of their own.

type Counted = Bucket & { fractionalCount: number; total: number };
async function counted(args: string): Promise<Counted[]> {
  const d = await data<{ counts: Counted[] }>(gql(`{ counts(${args}) { key label count fractionalCount total } }`));
  return d.counts;
}

/** Every bucket states the same distinct total, which the fractional counts sum to and no count exceeds. */
function expectConsistent(buckets: Counted[]): number {
  const total = buckets[0]?.total ?? 0;
  for (const b of buckets) {
    expect(b.total).toBe(total);
    expect(b.count).toBeLessThanOrEqual(total);
    expect(b.fractionalCount).toBeLessThanOrEqual(b.count);
  }
  expect(buckets.reduce((n, b) => n + b.fractionalCount, 0)).toBeCloseTo(total, 6);
  expect(buckets.reduce((n, b) => n + b.count, 0)).toBeGreaterThanOrEqual(total);
  return total;
}

async function cypherCounts(cypher: string, params: Record<string, unknown> = {}): Promise<Array<[string, number]>> {
  const rows = await db.read(cypher, params);
  return rows.map((r) => [String(r.key), Number(r.count)]);
}

describe('counts by region and province', () => {
  test('agreements per region: once in each region of their tied parties, once in the distinct total', async () => {
    const buckets = await counted('of: AGREEMENTS, groupBy: REGION');
    expect(buckets.length).toBeGreaterThan(1);
    const total = expectConsistent(buckets);
    const all = (await data(gql(`{ totals { agreements } }`))).totals.agreements;
    expect(total).toBeLessThanOrEqual(all);
    // Proposals and plans count only when asked.
    expect(expectConsistent(await counted('of: AGREEMENTS, groupBy: REGION, filter: { includeIntended: true }'))).toBeGreaterThanOrEqual(total);
  });

  test('another scheme groups by its own regions only', async () => {
    const buckets = await counted('of: AGREEMENTS, groupBy: REGION, regionScheme: KEY_ECONOMIC_ZONE');
    expect(buckets.map((b) => b.key)).toEqual(['region-mekong-kez']);
    expect(buckets[0].count).toBeGreaterThan(0);
  });

  test('organisations per region leave out those with no region (national bodies, foreign bodies)', async () => {
    const buckets = await counts('of: ORGANIZATIONS, groupBy: REGION');
    expect(pairs(buckets)).toEqual(
      await cypherCounts(`MATCH (o:Organization)-[:LOCATED_IN]->(:AdminUnit)-[:IN_REGION]->(r:Region {scheme: 'SOCIO_ECONOMIC_6'})
        RETURN r.id AS key, count(DISTINCT o) AS count ORDER BY count DESC, key`),
    );
    for (const id of ['org-most', 'org-gov-au-vic']) {
      const [row] = await db.read(`MATCH (o:Organization {id: $id}) RETURN EXISTS { (o)-[:LOCATED_IN]->()-[:IN_REGION]->() } AS has`, { id });
      expect(row.has).toBe(false);
    }
  });

  test('a tie counts in the region of each of its two organisations, once in the total', async () => {
    const buckets = await counted('of: LINKS, groupBy: REGION');
    const total = expectConsistent(buckets);
    expect(total).toBeLessThanOrEqual((await data(gql(`{ totals { links } }`))).totals.links);
  });

  test('CURRENT counts Sóc Trăng’s organisations under today’s Cần Thơ, HISTORICAL under Sóc Trăng as it was', async () => {
    const current = await counts('of: ORGANIZATIONS, groupBy: PROVINCE');
    const historical = await counts('of: ORGANIZATIONS, groupBy: PROVINCE, provinceMode: HISTORICAL');
    const of = (buckets: Bucket[], key: string) => buckets.find((b) => b.key === key)?.count ?? 0;
    expect(current.map((b) => b.key)).not.toContain('prov-soc-trang');
    expect(historical.map((b) => b.key)).not.toContain('prov-can-tho-2025');
    expect(of(historical, 'prov-soc-trang')).toBeGreaterThan(0);
    expect(of(current, 'prov-can-tho-2025')).toBe(of(historical, 'prov-can-tho') + of(historical, 'prov-soc-trang') + of(historical, 'prov-hau-giang'));
    expect(current.find((b) => b.key === 'prov-can-tho-2025')?.label).toBe('Can Tho City');
  });

  test('an agreement counts once per province however many of its tied parties sit there', async () => {
    const historical = await counted('of: AGREEMENTS, groupBy: PROVINCE, provinceMode: HISTORICAL, filter: { region: "region-mekong-delta" }');
    const current = await counted('of: AGREEMENTS, groupBy: PROVINCE, filter: { region: "region-mekong-delta" }');
    expect(expectConsistent(current)).toBe(expectConsistent(historical));
    const of = (buckets: Counted[], key: string) => buckets.find((b) => b.key === key)?.count ?? 0;
    // Merged units hold at most the sum of their parts: an agreement tied in both counts once.
    expect(of(current, 'prov-can-tho-2025')).toBeLessThanOrEqual(of(historical, 'prov-can-tho') + of(historical, 'prov-soc-trang'));
    expect(of(current, 'prov-can-tho-2025')).toBeGreaterThanOrEqual(Math.max(of(historical, 'prov-can-tho'), of(historical, 'prov-soc-trang')));
  });

  test('a province filter gathers the units that became part of it', async () => {
    const q = `query($p: ID!) { totals(filter: { province: $p }) { organizations agreements activities links } }`;
    const merged = (await data(gql(q, { p: 'prov-can-tho-2025' }))).totals;
    const canTho = (await data(gql(q, { p: 'prov-can-tho' }))).totals;
    const socTrang = (await data(gql(q, { p: 'prov-soc-trang' }))).totals;
    expect(merged.organizations).toBeGreaterThanOrEqual(canTho.organizations + socTrang.organizations);
    for (const k of ['agreements', 'activities', 'links']) expect(merged[k]).toBeGreaterThanOrEqual(Math.max(canTho[k], socTrang[k]));
  });
});

describe('counts by year, kind and topic', () => {
  test('YEAR uses the signing date of agreements and the start date of activities; intentions count only when asked', async () => {
    const statuses = `$intended OR NOT coalesce(i.status, '') IN ['PROPOSED', 'PLANNED']`;
    for (const intended of [false, true]) {
      const filter = intended ? ', filter: { includeIntended: true }' : '';
      expect(pairs(await counts(`of: AGREEMENTS, groupBy: YEAR${filter}`))).toEqual(
        await cypherCounts(`MATCH (i:Agreement) WHERE i.signedOn IS NOT NULL AND (${statuses})
          RETURN toString(i.signedOn.year) AS key, count(*) AS count ORDER BY count DESC, key`, { intended }),
      );
      expect(pairs(await counts(`of: ACTIVITIES, groupBy: YEAR${filter}`))).toEqual(
        await cypherCounts(`MATCH (i:Activity) WHERE i.startDate IS NOT NULL AND (${statuses})
          RETURN toString(i.startDate.year) AS key, count(*) AS count ORDER BY count DESC, key`, { intended }),
      );
    }
  });

  test('from and to are inclusive: activities held on 9 June 2023 in Đà Nẵng, and those dated only by their year or month', async () => {
    const buckets = await counts('of: ACTIVITIES, groupBy: YEAR, filter: { from: "2023-06-09", to: "2023-06-09" }');
    expect(pairs(buckets)).toEqual(
      await cypherCounts(`MATCH (i:Activity) WHERE NOT coalesce(i.status, '') IN ['PROPOSED', 'PLANNED'] AND (
          i.startDate = date('2023-06-09')
          OR (i.startDatePrecision = 'YEAR' AND i.startDate.year = 2023)
          OR (i.startDatePrecision = 'MONTH' AND i.startDate.year = 2023 AND i.startDate.month = 6))
        RETURN toString(i.startDate.year) AS key, count(*) AS count`),
    );
    expect(buckets[0].count).toBeGreaterThanOrEqual(4);
  });

  test('organisations by kind, with readable labels', async () => {
    const buckets = await counts('of: ORGANIZATIONS, groupBy: ORGANIZATION_KIND');
    expect(pairs(buckets)).toEqual(await cypherCounts(`MATCH (o:Organization) RETURN o.kind AS key, count(*) AS count ORDER BY count DESC, key`));
    expect(buckets.find((b) => b.key === 'FOREIGN_BODY')?.label).toBe('Foreign body');
  });

  test('agreements by topic: an agreement on two topics counts in both, half in each fractionally', async () => {
    const topics = await counted('of: AGREEMENTS, groupBy: TOPIC');
    expect(topics.length).toBeGreaterThan(2);
    expectConsistent(topics);
  });

  test('ties by activity kind leave agreement ties out', async () => {
    const buckets = await counted('of: LINKS, groupBy: ACTIVITY_KIND');
    expect(expectConsistent(buckets)).toBe(buckets.reduce((n, b) => n + b.count, 0));
    const all = await counted('of: LINKS, groupBy: YEAR, filter: { includeIntended: true, ties: [COUNTERPARTIES, CO_PARTIES, CO_ORGANISERS, ORGANISER_PARTICIPANT, CO_PARTICIPANTS, PARENT_SUBUNIT] }');
    expect(expectConsistent(all)).toBeGreaterThan(0);
  });

  test('an activity kind filter counts no agreement', async () => {
    expect(await counts('of: AGREEMENTS, groupBy: YEAR, filter: { activityKind: CONFERENCE }')).toEqual([]);
  });
});

describe('totals', () => {
  test('the whole seed graph: intentions and co-attendance only when asked', async () => {
    const d = await data(gql(`{ current: totals { organizations agreements activities links people provinces }
      historical: totals(provinceMode: HISTORICAL) { provinces }
      everything: totals(filter: { includeIntended: true, ties: [COUNTERPARTIES, CO_PARTIES, CO_ORGANISERS, ORGANISER_PARTICIPANT, CO_PARTICIPANTS, PARENT_SUBUNIT] }) { agreements activities links } }`));
    const [graph] = await db.read(`RETURN COUNT { (:Organization) } AS organizations, COUNT { (:Agreement) } AS agreements, COUNT { (:Activity) } AS activities`);
    expect(d.current.organizations).toBe(Number(graph.organizations));
    expect(d.everything.agreements).toBe(Number(graph.agreements));
    expect(d.everything.activities).toBe(Number(graph.activities));
    expect(d.current.agreements).toBeLessThan(d.everything.agreements);
    expect(d.current.links).toBeLessThan(d.everything.links);
    expect(d.historical.provinces).toBeGreaterThan(d.current.provinces);
  });

  test('a date filter keeps organisations active then: in 2024 and later, HCMC DOST hosting Victoria', async () => {
    const d = await data(gql(`{ totals(filter: { from: "2024-01-01" }) { organizations links } ranking(by: PARTNERS, filter: { from: "2024-01-01" }) { items { organization { id } } } }`));
    expect(d.totals.links).toBeGreaterThan(0);
    expect(d.ranking.items.map((i: any) => i.organization.id)).toEqual(expect.arrayContaining(['org-dost-ho-chi-minh', 'org-gov-au-vic']));
  });
});

describe('rankings', () => {
  const EMBASSIES = ['org-embassy-br', 'org-embassy-ca', 'org-embassy-ch', 'org-embassy-fi', 'org-embassy-it'];
  const MEKONG_DOSTS = ['org-dost-an-giang', 'org-dost-ca-mau', 'org-dost-can-tho', 'org-dost-kien-giang'];

  async function values(by: string, filter = ''): Promise<Map<string, { rank: number; value: number; strength: number }>> {
    const d = await data(gql(`{ ranking(by: ${by}, first: 500${filter ? `, filter: { ${filter} }` : ''}) { items { rank value strength organization { id } } } }`));
    return new Map(d.ranking.items.map((i: any) => [i.organization.id, { rank: i.rank, value: i.value, strength: i.strength }]));
  }

  test('by agreements each instrument counts once: Victoria and Sóc Trăng DOST come to a handful', async () => {
    const byAgreements = await values('AGREEMENTS');
    for (const id of ['org-gov-au-vic', 'org-dost-soc-trang']) expect(byAgreements.get(id)?.value ?? 0).toBeLessThanOrEqual(5);
    const [most] = await db.read(`MATCH (o:Organization)-[:PARTY_TO]->(a:Agreement) RETURN count(DISTINCT a) AS n ORDER BY n DESC LIMIT 1`);
    for (const v of byAgreements.values()) expect(v.value).toBeLessThanOrEqual(Number(most.n));
  });

  test('by fractional strength HCMC DOST ranks above every embassy and every Mekong DOST', async () => {
    const strength = await values('STRENGTH');
    const hcmc = strength.get('org-dost-ho-chi-minh')!;
    expect(hcmc).toBeDefined();
    for (const id of [...EMBASSIES, ...MEKONG_DOSTS]) expect(strength.get(id)?.value ?? 0).toBeLessThan(hcmc.value);
    // The value ranked by is the strength itself, and every other ranking gives it too.
    for (const v of strength.values()) expect(v.value).toBe(v.strength);
    expect((await values('PARTNERS')).get('org-dost-ho-chi-minh')?.strength).toBeCloseTo(hcmc.value, 9);
  });

  test('by default no embassy is tied to another; co-attendance ties them', async () => {
    const q = (ties: string) =>
      data(gql(`{ crossRegionLinks(first: 500, filter: { includeForeign: true, includeNational: true${ties} }) { a { id } b { id } } }`));
    const embassyPairs = (links: Array<{ a: { id: string }; b: { id: string } }>) =>
      links.filter((l) => EMBASSIES.includes(l.a.id) && EMBASSIES.includes(l.b.id));
    expect(embassyPairs((await q('')).crossRegionLinks)).toEqual([]);
    expect(embassyPairs((await q(', ties: [CO_PARTICIPANTS]')).crossRegionLinks).length).toBeGreaterThan(0);
  });

  test('offset continues the ranks; ascending puts the fewest first, ties by id', async () => {
    const d = await data(gql(`{ top: ranking(by: PARTNERS, first: 3) { totalCount items { rank value organization { id } } }
      next: ranking(by: PARTNERS, first: 2, offset: 1) { items { rank value organization { id } } }
      asc: ranking(by: PARTNERS, first: 3, direction: ASC) { items { value organization { id } } } }`));
    expect(d.next.items).toEqual(d.top.items.slice(1, 3));
    const asc = d.asc.items.map((i: any) => [i.value, i.organization.id]);
    expect(asc).toEqual([...asc].sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1)));
    expect(asc[0][0]).toBe(1);
  });

  test('organisation filters select the ranked organisations: activities of Mekong Delta organisations', async () => {
    const d = await data(gql(`{ ranking(by: ACTIVITIES, first: 50, filter: { region: "region-mekong-delta" }) { items { organization { id location { regions { id } } } } } }`));
    expect(d.ranking.items.length).toBeGreaterThan(0);
    for (const i of d.ranking.items) expect(i.organization.location.regions.map((r: any) => r.id)).toContain('region-mekong-delta');
  });
});

describe('region matrix and cross-region links', () => {
  test('whole, with names: every ordered pair of regions, the diagonal and empty cells included, symmetric', async () => {
    const d = await data(gql(`{ regionMatrix { regions { id } areas { id kind name nameEn } cells { from to row column links weight agreements activities } } }`));
    const m = d.regionMatrix;
    expect(m.areas.map((a: any) => a.id)).toEqual(m.regions.map((r: any) => r.id));
    expect(m.areas).toHaveLength(6);
    expect(m.areas[0]).toEqual({ id: 'region-north-central-coast', kind: 'REGION', name: 'Bắc Trung Bộ và Duyên hải miền Trung', nameEn: 'North Central and Central Coast' });
    expect(m.cells).toHaveLength(36);
    const at = (r: number, c: number) => m.cells[r * 6 + c];
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 6; c++) {
        expect([at(r, c).row, at(r, c).column, at(r, c).from, at(r, c).to]).toEqual([r, c, m.areas[r].id, m.areas[c].id]);
        expect({ ...at(r, c), from: 0, to: 0, row: 0, column: 0 }).toEqual({ ...at(c, r), from: 0, to: 0, row: 0, column: 0 });
      }
    }
    expect(m.cells.some((c: any) => c.links === 0)).toBe(true);
    expect(m.cells.some((c: any) => c.links > 0 && c.weight > 0)).toBe(true);
  });

  test('national and foreign bodies appear only as the pseudo-regions asked for: MOST–Ninh Thuận, HCMC–Victoria', async () => {
    const d = await data(gql(`{ plain: crossRegionLinks(first: 500) { a { id } b { id } }
      pseudo: crossRegionLinks(first: 500, filter: { includeNational: true, includeForeign: true }) { a { id } b { id } areaA { id kind } areaB { id kind } regionA { id } regionB { id } }
      matrix: regionMatrix(filter: { includeNational: true, includeForeign: true }) { areas { id kind } cells { from to links } } }`));
    const plainIds = d.plain.flatMap((l: any) => [l.a.id, l.b.id]);
    for (const id of ['org-gov-au-vic', 'org-most', 'org-most-natec', 'org-vufo']) expect(plainIds).not.toContain(id);
    const pair = (x: string, y: string) => d.pseudo.find((l: any) => (l.a.id === x && l.b.id === y) || (l.a.id === y && l.b.id === x));
    expect(pair('org-most', 'org-pc-ninh-thuan')).toBeDefined();
    const victoria = pair('org-dost-ho-chi-minh', 'org-gov-au-vic');
    expect(victoria).toBeDefined();
    expect([victoria.areaA, victoria.areaB]).toEqual(expect.arrayContaining([{ id: 'foreign:country-au', kind: 'FOREIGN' }]));
    for (const l of d.pseudo) {
      expect(l.areaA.id).not.toBe(l.areaB.id);
      expect(l.regionA === null).toBe(l.areaA.kind !== 'REGION');
    }
    const areas = d.matrix.areas.map((a: any) => a.id);
    expect(areas.slice(6, 7)).toEqual(['national']);
    expect(areas).toContain('foreign:country-au');
    expect(d.matrix.cells).toHaveLength(areas.length ** 2);
    // No tie between two embassies: the cells between their countries are empty.
    const embassyCountries = ['foreign:country-br', 'foreign:country-ch', 'foreign:country-fi', 'foreign:country-it'];
    const between = d.matrix.cells.filter((c: any) => embassyCountries.includes(c.from) && embassyCountries.includes(c.to));
    expect(between.every((c: any) => c.links === 0)).toBe(true);
  });

  test('the region matrix holds one item at a time: its heap does not grow with the items it counts', async () => {
    const params = (from: string | null, to: string | null) => regionParams('SOCIO_ECONOMIC_6', from, to, null).params;
    const all = await db.profileMemory(REGION_MATRIX, params(null, null));
    const oneYear = await db.profileMemory(REGION_MATRIX_DATED, params('2018-01-01', '2018-12-31'));
    const items = await db.read(`MATCH (i) WHERE (i:Agreement OR i:Activity) AND EXISTS { (i)<-[:PARTY_TO|PARTICIPATED_IN]-() } RETURN count(i) AS n`);
    expect(Number(items[0].n)).toBeGreaterThan(20);
    expect(all).toBeLessThan(oneYear * 1.2);
  });

  test('a date window keeps ties whose instrument is dated within it', async () => {
    const d = await data(gql(`{ all: regionMatrix { cells { links } } y2018: regionMatrix(from: "2018-01-01", to: "2018-12-31") { cells { from to links } } }`));
    const sum = (cells: Array<{ links: number }>) => cells.reduce((n, c) => n + c.links, 0);
    expect(sum(d.y2018.cells)).toBeGreaterThan(0);
    expect(sum(d.y2018.cells)).toBeLessThan(sum(d.all.cells));
    // In 2018 the Mekong Delta DOSTs cooperated among themselves only.
    for (const c of d.y2018.cells) if (c.links > 0) expect([c.from, c.to]).toEqual(['region-mekong-delta', 'region-mekong-delta']);
  });

  test('cross-region links: HCMC and Sóc Trăng DOSTs come first, through the memorandum and the activity, each once', async () => {
    const d = await data(gql(`{ crossRegionLinks(first: 500) { a { id } b { id } regionA { id } regionB { id } count weight evidence evidenceKinds } }`));
    const first = d.crossRegionLinks[0];
    expect([first.a.id, first.b.id, first.regionA.id, first.regionB.id]).toEqual(['org-dost-ho-chi-minh', 'org-dost-soc-trang', 'region-southeast', 'region-mekong-delta']);
    expect(first.evidence).toContain('agr-dost-hcm-soc-trang-2019-2020');
    for (const l of d.crossRegionLinks) {
      expect(l.regionA.id).not.toBe(l.regionB.id);
      expect(l.count).toBe(l.evidence.length);
      expect(l.evidenceKinds).toHaveLength(l.evidence.length);
      expect(l.weight).toBeLessThanOrEqual(l.count);
    }
  });
});

describe('validation', () => {
  test('from after to is BAD_USER_INPUT for every query that takes dates', async () => {
    for (const q of [
      `{ counts(of: AGREEMENTS, groupBy: YEAR, filter: { from: "2024-01-01", to: "2023-01-01" }) { key } }`,
      `{ totals(filter: { from: "2024-01-01", to: "2023-01-01" }) { links } }`,
      `{ ranking(by: PARTNERS, filter: { from: "2024-01-01", to: "2023-01-01" }) { totalCount } }`,
      `{ regionMatrix(from: "2024-01-01", to: "2023-01-01") { cells { links } } }`,
      `{ crossRegionLinks(from: "2024-01-01", to: "2023-01-01") { evidence } }`,
    ]) {
      const e = await errorOf(q);
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(e.message).toBe('from (2024-01-01) is after to (2023-01-01)');
    }
  });

  test('a grouping the target does not have is BAD_USER_INPUT', async () => {
    expect(await errorOf(`{ counts(of: AGREEMENTS, groupBy: ACTIVITY_KIND) { key } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'AGREEMENTS cannot be grouped by ACTIVITY_KIND',
    });
    expect((await errorOf(`{ counts(of: ACTIVITIES, groupBy: AGREEMENT_KIND) { key } }`)).code).toBe('BAD_USER_INPUT');
  });

  test('unknown topic, region and province ids are NOT_FOUND', async () => {
    expect((await errorOf(`{ counts(of: LINKS, groupBy: YEAR, filter: { topic: "topic-nope" }) { key } }`)).extensions).toMatchObject({
      code: 'NOT_FOUND',
      kind: 'Topic',
      id: 'topic-nope',
    });
    expect((await errorOf(`{ totals(filter: { region: "region-nope" }) { links } }`)).extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'Region' });
    expect((await errorOf(`{ ranking(by: AGREEMENTS, filter: { province: "prov-nope" }) { totalCount } }`)).extensions).toMatchObject({
      code: 'NOT_FOUND',
      kind: 'AdminUnit',
    });
  });

  test('page sizes beyond 500 are BAD_USER_INPUT stating the limit', async () => {
    expect(await errorOf(`{ ranking(by: PARTNERS, first: 501) { totalCount } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'first must be between 1 and 500 (got 501)',
    });
    expect((await errorOf(`{ ranking(by: PARTNERS, offset: -1) { totalCount } }`)).message).toBe('offset must be between 0 and 100000 (got -1)');
    expect((await errorOf(`{ crossRegionLinks(first: 0) { evidence } }`)).message).toBe('first must be between 1 and 500 (got 0)');
  });
});

// Measured uncached: the graph stamp (one statement, see src/db/aggregate-cache.ts) and what computes the answer.
const statementsOf = (query: string, variables: Record<string, unknown>) => {
  aggregateCacheOf(db).clear();
  return runCounted(db, gql, query, variables);
};

describe('database round trips do not grow with the number of results', () => {
  test('counts: one statement for any grouping, two when the filter names ids to check (besides the graph stamp)', async () => {
    const q = `query($of: CountTarget!, $g: GroupKey!, $f: StatsFilter) { counts(of: $of, groupBy: $g, filter: $f) { key label count } }`;
    for (const of of ['AGREEMENTS', 'ACTIVITIES', 'ORGANIZATIONS', 'LINKS']) {
      for (const g of ['REGION', 'PROVINCE', 'TOPIC']) {
        expect((await statementsOf(q, { of, g })).statements).toBe(2);
        expect((await statementsOf(q, { of, g, f: { region: 'region-mekong-delta' } })).statements).toBe(3);
      }
    }
  });

  test('totals: one statement besides the graph stamp', async () => {
    expect((await statementsOf(`{ totals { organizations agreements activities links people provinces } }`, {})).statements).toBe(2);
  });

  test('ranking items with nested organisation fields: no statement per item', async () => {
    const q = `query($first: Int!) { ranking(by: PARTNERS, first: $first) { totalCount items { rank value organization { id name
        location { id current { id } regions { id } } parent { id } agreements { agreement { id } } activities { activity { id } } } } } }`;
    const bound = selectionFields(q);
    const runs = [];
    for (const first of [3, 20, 56]) runs.push(await statementsOf(q, { first }));
    // A statement per item would break the bound: the largest page holds more items than it.
    expect(runs[2].data.ranking.items.length).toBeGreaterThan(bound);
    for (const run of runs) expect(run.statements).toBeLessThanOrEqual(bound);
  });

  test('region matrix and cross-region links with nested regions and organisations', async () => {
    const m = `query($s: RegionScheme) { regionMatrix(scheme: $s) { regions { id members { id } } cells { from to links } } }`;
    const small = await statementsOf(m, { s: 'SOUTH_CENTRAL_COAST' });
    const large = await statementsOf(m, { s: 'SOCIO_ECONOMIC_6' });
    expect(large.data.regionMatrix.regions).toHaveLength(6);
    expect(small.statements).toBe(3);
    expect(large.statements).toBe(3);

    const c = `query($first: Int!) { crossRegionLinks(first: $first, filter: { includeNational: true, includeForeign: true }) {
        a { id location { id } } b { id location { id } } regionA { id members { id } } regionB { id } areaA { id name } areaB { id } evidence } }`;
    const bound = selectionFields(c);
    const runs = [];
    for (const first of [1, 5, 500]) runs.push(await statementsOf(c, { first }));
    expect(runs[2].data.crossRegionLinks.length).toBeGreaterThan(bound);
    for (const run of runs) expect(run.statements).toBeLessThanOrEqual(bound);
  });
});

describe('query plans', () => {
  const FILTERS: Record<Exclude<Anchor, 'all'>, Record<string, unknown>> = {
    topic: { topic: 'topic-startup' },
    province: { province: 'prov-can-tho-2025' },
    region: { region: 'region-mekong-delta' },
    dates: { from: '2023-01-01', to: '2023-12-31' },
    organizationKind: { organizationKind: 'UNIVERSITY' },
    activityKind: { activityKind: 'WORKSHOP' },
  };

  test.each(Object.keys(FILTERS))('anchored on the %s filter, statements start from an index and scan no label', async (anchor) => {
    const a = anchor as Exclude<Anchor, 'all'>;
    const params = { ...filterParams(FILTERS[a]), scheme: 'SOCIO_ECONOMIC_6', offset: intParam(0), end: intParam(20) };
    const statements = [
      countsCypher(CountTarget.AGREEMENTS, GroupKey.REGION, ProvinceMode.CURRENT, a, a === 'activityKind'),
      countsCypher(CountTarget.ORGANIZATIONS, GroupKey.YEAR, ProvinceMode.CURRENT, a, a === 'activityKind'),
      countsCypher(CountTarget.LINKS, GroupKey.PROVINCE, ProvinceMode.CURRENT, a, a === 'activityKind'),
      totalsCypher(ProvinceMode.CURRENT, a, a === 'activityKind'),
      rankingCypher(RankingMetric.PARTNERS, RankingDirection.DESC, a, a === 'activityKind'),
    ];
    for (const cypher of statements) {
      const operators = await db.explain(cypher, params);
      expect(operators.some((o) => /IndexSeek/.test(o))).toBe(true);
      expect(operators).not.toContain('NodeByLabelScan');
      expect(operators).not.toContain('AllNodesScan');
    }
  });

  test('unfiltered statements scan labels, never all nodes; dated cross-region links seek the date indexes', async () => {
    const operators = await db.explain(countsCypher(CountTarget.LINKS, GroupKey.REGION, ProvinceMode.CURRENT, 'all', false), {
      ...filterParams(null),
      scheme: 'SOCIO_ECONOMIC_6',
    });
    expect(operators).not.toContain('AllNodesScan');
    const dated = await db.explain(CROSS_REGION_LINKS_DATED, {
      ...regionParams('SOCIO_ECONOMIC_6', '2023-01-01', null, null).params,
      offset: intParam(0),
      limit: intParam(10),
    });
    expect(dated).toContain('NodeIndexSeekByRange');
    expect(dated).not.toContain('NodeByLabelScan');
  });
});
