import { intParam } from '../src/neo4j';
import { countsCypher, totalsCypher } from '../src/stats/stats.repository';
import { rankingCypher } from '../src/stats/ranking.repository';
import { CROSS_REGION_LINKS_DATED, REGION_MATRIX, REGION_MATRIX_DATED } from '../src/stats/region.repository';
import { filterParams, type Anchor } from '../src/stats/stats.filter';
import { CountTarget, GroupKey, ProvinceMode, RankingDirection, RankingMetric } from '../src/stats/stats.type';
import { data, gqlClient, openTestDb } from './helpers/graph';
import { selectionFields, statementsOf as runCounted } from './helpers/statements';

// Expected values are read off the seed files (seeds/organizations.jsonl, seeds/documents/*.jsonl,
// seeds/geography/provinces.jsonl): parties, participations, locations and the regions of each unit.

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

describe('counts by region', () => {
  test('agreements per planning region: 10 in the Mekong Delta (the two 2018 key-zone agreements and the eight HCMC–Sóc Trăng ones)', async () => {
    expect(await counts('of: AGREEMENTS, groupBy: REGION')).toEqual([
      { key: 'region-southeast', label: 'Southeast', count: 26 },
      { key: 'region-mekong-delta', label: 'Mekong Delta', count: 10 },
      { key: 'region-north-central-coast', label: 'North Central and Central Coast', count: 4 },
    ]);
  });

  test('another scheme groups by its own regions: two agreements in the Mekong key economic zone', async () => {
    expect(pairs(await counts('of: AGREEMENTS, groupBy: REGION, regionScheme: KEY_ECONOMIC_ZONE'))).toEqual([['region-mekong-kez', 2]]);
  });

  test('organisations per region leave out those with no region (national bodies, foreign bodies)', async () => {
    const buckets = await counts('of: ORGANIZATIONS, groupBy: REGION');
    expect(pairs(buckets)).toEqual([
      ['region-mekong-delta', 14],
      ['region-southeast', 14],
      ['region-north-central-coast', 11],
      ['region-red-river-delta', 5],
    ]);
    // 68 organisations, 44 of them in a unit with a planning region.
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(44);
  });

  test('a link counts in the region of each of its two organisations, once per pair and evidence', async () => {
    expect(pairs(await counts('of: LINKS, groupBy: REGION'))).toEqual([
      ['region-mekong-delta', 97],
      ['region-southeast', 56],
      ['region-north-central-coast', 47],
      ['region-red-river-delta', 10],
    ]);
  });
});

describe('counts by province: CURRENT and HISTORICAL', () => {
  test('CURRENT counts Sóc Trăng’s two organisations under today’s Cần Thơ (3 + 2)', async () => {
    const buckets = await counts('of: ORGANIZATIONS, groupBy: PROVINCE');
    expect(buckets.find((b) => b.key === 'prov-can-tho-2025')).toEqual({ key: 'prov-can-tho-2025', label: 'Can Tho City', count: 5 });
    expect(buckets.map((b) => b.key)).not.toContain('prov-soc-trang');
    expect(pairs(buckets)).toEqual([
      ['prov-ho-chi-minh-2025', 14],
      ['prov-an-giang-2025', 6],
      ['prov-can-tho-2025', 5],
      ['prov-hai-phong-2025', 5],
      ['prov-lam-dong-2025', 5],
      ['prov-da-nang-2025', 4],
      ['prov-ca-mau-2025', 3],
      ['prov-khanh-hoa-2025', 2],
    ]);
  });

  test('HISTORICAL counts them under Sóc Trăng as it was', async () => {
    const buckets = await counts('of: ORGANIZATIONS, groupBy: PROVINCE, provinceMode: HISTORICAL');
    expect(buckets.find((b) => b.key === 'prov-soc-trang')).toEqual({ key: 'prov-soc-trang', label: 'Soc Trang Province', count: 2 });
    expect(buckets.find((b) => b.key === 'prov-can-tho')?.count).toBe(3);
    expect(buckets.map((b) => b.key)).not.toContain('prov-can-tho-2025');
    expect(buckets).toHaveLength(10);
  });

  test('an agreement counts once per province however many of its parties sit there', async () => {
    // The 2018 DOST programme has eight parties in four provinces: it counts once in each.
    expect(pairs(await counts('of: AGREEMENTS, groupBy: PROVINCE, provinceMode: HISTORICAL, filter: { region: "region-mekong-delta" }'))).toEqual([
      ['prov-ho-chi-minh', 8],
      ['prov-soc-trang', 8],
      ['prov-an-giang', 2],
      ['prov-ca-mau', 2],
      ['prov-can-tho', 2],
      ['prov-kien-giang', 2],
    ]);
    expect(pairs(await counts('of: AGREEMENTS, groupBy: PROVINCE, filter: { region: "region-mekong-delta" }'))).toEqual([
      ['prov-can-tho-2025', 10],
      ['prov-ho-chi-minh-2025', 8],
      ['prov-an-giang-2025', 2],
      ['prov-ca-mau-2025', 2],
    ]);
  });

  test('a province filter gathers the units that became part of it', async () => {
    const q = `query($p: ID!) { totals(filter: { province: $p }) { organizations agreements activities links } }`;
    expect((await data(gql(q, { p: 'prov-can-tho-2025' }))).totals).toEqual({ organizations: 5, agreements: 10, activities: 10, links: 52 });
    expect((await data(gql(q, { p: 'prov-can-tho' }))).totals).toEqual({ organizations: 3, agreements: 2, activities: 9, links: 43 });
    expect((await data(gql(q, { p: 'prov-soc-trang' }))).totals).toEqual({ organizations: 2, agreements: 8, activities: 1, links: 9 });
  });
});

describe('counts by year, kind and topic', () => {
  test('YEAR uses the signing date of agreements and the start date of activities; undated ones are left out', async () => {
    expect(await counts('of: AGREEMENTS, groupBy: YEAR')).toEqual([
      { key: '2018', label: '2018', count: 2 },
      { key: '2023', label: '2023', count: 2 },
    ]);
    expect(pairs(await counts('of: ACTIVITIES, groupBy: YEAR'))).toEqual([
      ['2023', 12],
      ['2018', 3],
      ['2022', 2],
      ['2024', 2],
    ]);
  });

  test('from and to are inclusive: four activities started on 9 June 2023 in Đà Nẵng', async () => {
    expect(pairs(await counts('of: ACTIVITIES, groupBy: YEAR, filter: { from: "2023-06-09", to: "2023-06-09" }'))).toEqual([['2023', 4]]);
  });

  test('organisations by kind, with readable labels', async () => {
    const buckets = await counts('of: ORGANIZATIONS, groupBy: ORGANIZATION_KIND');
    expect(pairs(buckets)).toEqual([
      ['GOVERNMENT', 40],
      ['FOREIGN_BODY', 8],
      ['NETWORK', 7],
      ['UNIVERSITY', 7],
      ['RESEARCH_INSTITUTE', 3],
      ['COMPANY', 2],
      ['HOSPITAL', 1],
    ]);
    expect(buckets[1].label).toBe('Foreign body');
  });

  test('agreements by kind and by topic', async () => {
    expect(pairs(await counts('of: AGREEMENTS, groupBy: AGREEMENT_KIND'))).toEqual([
      ['PROPOSAL', 21],
      ['AGREEMENT', 3],
      ['PROGRAMME', 3],
      ['MEMORANDUM', 1],
      ['PLAN', 1],
    ]);
    const topics = await counts('of: AGREEMENTS, groupBy: TOPIC');
    expect(topics.slice(0, 2)).toEqual([
      { key: 'topic-startup', label: 'Startups', count: 17 },
      { key: 'topic-innovation', label: 'Innovation', count: 16 },
    ]);
  });

  test('links by activity kind leave agreement links out', async () => {
    const buckets = await counts('of: LINKS, groupBy: ACTIVITY_KIND');
    expect(buckets.slice(0, 3).map((b) => [b.key, b.count])).toEqual([
      ['WORKSHOP', 36],
      ['OTHER', 21],
      ['COLLABORATION', 16],
    ]);
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(136);
  });

  test('an activity kind filter counts no agreement', async () => {
    expect(await counts('of: AGREEMENTS, groupBy: YEAR, filter: { activityKind: CONFERENCE }')).toEqual([]);
  });
});

describe('totals', () => {
  test('the whole seed graph', async () => {
    const d = await data(gql(`{ current: totals { organizations agreements activities links people provinces }
      historical: totals(provinceMode: HISTORICAL) { provinces } }`));
    // 11 people hold a post, signed an agreement or attended an activity (the author of a news item does none).
    expect(d.current).toEqual({ organizations: 68, agreements: 29, activities: 67, links: 209, people: 11, provinces: 8 });
    expect(d.historical.provinces).toBe(10);
  });

  test('a date filter keeps organisations active then: one link in 2024 and later (HCMC DOST hosting Victoria)', async () => {
    const d = await data(gql(`{ totals(filter: { from: "2024-01-01" }) { organizations agreements activities links people provinces } }`));
    expect(d.totals).toEqual({ organizations: 2, agreements: 0, activities: 2, links: 1, people: 2, provinces: 1 });
  });
});

describe('rankings', () => {
  test('by partners: Đà Nẵng DOST and NATEC tie at 11 (ordered by id), HCMC DOST is fifth with 8', async () => {
    const d = await data(gql(`{ ranking(by: PARTNERS, first: 5) { totalCount items { rank value organization { id name } } } }`));
    expect(d.ranking.totalCount).toBe(56);
    expect(d.ranking.items.map((i: any) => [i.rank, i.organization.id, i.value])).toEqual([
      [1, 'org-dost-da-nang', 11],
      [2, 'org-most-natec', 11],
      [3, 'org-dost-binh-thuan', 10],
      [4, 'org-vufo', 9],
      [5, 'org-dost-ho-chi-minh', 8],
    ]);
    expect(d.ranking.items[4].organization.name).toBe('Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh');
  });

  test('by agreements HCMC DOST leads with 21; offset continues the ranks', async () => {
    const d = await data(gql(`{ top: ranking(by: AGREEMENTS, first: 1) { totalCount items { rank value organization { id } } }
      next: ranking(by: AGREEMENTS, first: 2, offset: 1) { items { rank value organization { id } } } }`));
    expect(d.top.totalCount).toBe(25);
    expect(d.top.items).toEqual([{ rank: 1, value: 21, organization: { id: 'org-dost-ho-chi-minh' } }]);
    expect(d.next.items.map((i: any) => [i.rank, i.organization.id, i.value])).toEqual([
      [2, 'org-gov-au-vic', 13],
      [3, 'org-dost-soc-trang', 8],
    ]);
  });

  test('ascending puts the fewest first, ties by id', async () => {
    const d = await data(gql(`{ ranking(by: PARTNERS, first: 2, direction: ASC) { items { value organization { id } } } }`));
    expect(d.ranking.items).toEqual([
      { value: 1, organization: { id: 'org-da-nang-central-innovation-network' } },
      { value: 1, organization: { id: 'org-dost-soc-trang' } },
    ]);
  });

  test('organisation filters select the ranked organisations: activities of Mekong Delta organisations', async () => {
    const d = await data(gql(`{ ranking(by: ACTIVITIES, first: 4, filter: { region: "region-mekong-delta" }) { totalCount items { value organization { id } } } }`));
    expect(d.ranking.items.map((i: any) => [i.organization.id, i.value])).toEqual([
      ['org-dost-an-giang', 9],
      ['org-dost-ca-mau', 9],
      ['org-dost-can-tho', 9],
      ['org-dost-kien-giang', 9],
    ]);
  });
});

describe('region matrix and cross-region links', () => {
  test('one symmetric cell per pair of regions with links, the diagonal included', async () => {
    const d = await data(gql(`{ regionMatrix { regions { id } cells { from to links agreements activities } } }`));
    expect(d.regionMatrix.regions.map((r: any) => r.id)).toEqual([
      'region-north-central-coast',
      'region-northern-midlands',
      'region-central-highlands',
      'region-southeast',
      'region-mekong-delta',
      'region-red-river-delta',
    ]);
    expect(d.regionMatrix.cells).toEqual([
      { from: 'region-mekong-delta', to: 'region-mekong-delta', links: 88, agreements: 2, activities: 9 },
      { from: 'region-mekong-delta', to: 'region-southeast', links: 9, agreements: 8, activities: 1 },
      { from: 'region-north-central-coast', to: 'region-north-central-coast', links: 10, agreements: 3, activities: 3 },
      { from: 'region-north-central-coast', to: 'region-southeast', links: 16, agreements: 3, activities: 6 },
      { from: 'region-red-river-delta', to: 'region-red-river-delta', links: 6, agreements: 0, activities: 1 },
      { from: 'region-southeast', to: 'region-southeast', links: 7, agreements: 0, activities: 5 },
    ]);
  });

  test('the region matrix holds one item at a time: its heap does not grow with the items it counts', async () => {
    const params = (from: string | null, to: string | null) => ({ ...filterParams({ from, to }), scheme: 'SOCIO_ECONOMIC_6' });
    const all = await db.profileMemory(REGION_MATRIX, params(null, null));
    const oneYear = await db.profileMemory(REGION_MATRIX_DATED, params('2018-01-01', '2018-12-31'));
    const items = await db.read(`MATCH (i) WHERE (i:Agreement OR i:Activity) AND EXISTS { (i)<-[:PARTY_TO|PARTICIPATED_IN]-() } RETURN count(i) AS n`);
    expect(Number(items[0].n)).toBeGreaterThan(20);
    expect(all).toBeLessThan(oneYear * 1.2);
  });

  test('a date window keeps links whose evidence is dated within it', async () => {
    const d = await data(gql(`{ regionMatrix(from: "2018-01-01", to: "2018-12-31") { cells { from to links agreements activities } } }`));
    expect(d.regionMatrix.cells).toEqual([{ from: 'region-mekong-delta', to: 'region-mekong-delta', links: 40, agreements: 2, activities: 1 }]);
  });

  test('cross-region links: HCMC and Sóc Trăng DOSTs share nine agreements and activities, and no organisation without a region appears', async () => {
    const d = await data(gql(`{ crossRegionLinks(first: 500) { a { id } b { id } regionA { id } regionB { id } evidence } }`));
    expect(d.crossRegionLinks).toHaveLength(13);
    expect(d.crossRegionLinks[0]).toEqual({
      a: { id: 'org-dost-ho-chi-minh' },
      b: { id: 'org-dost-soc-trang' },
      regionA: { id: 'region-southeast' },
      regionB: { id: 'region-mekong-delta' },
      evidence: [
        'act-dost-hcm-soc-trang-st-cooperation',
        'agr-dost-hcm-soc-trang-2019-2020',
        'agr-dost-hcm-soc-trang-2019-2020-enterprise-st-programmes',
        'agr-dost-hcm-soc-trang-2019-2020-national-international-resources',
        'agr-dost-hcm-soc-trang-2019-2020-research-idea-scouting',
        'agr-dost-hcm-soc-trang-2019-2020-sme-startup-support',
        'agr-dost-hcm-soc-trang-2019-2020-startup-idea-st-tasks',
        'agr-dost-hcm-soc-trang-2019-2020-technical-advances',
        'agr-dost-hcm-soc-trang-2019-2020-training',
      ],
    });
    const ids = d.crossRegionLinks.flatMap((l: any) => [l.a.id, l.b.id]);
    for (const id of ['org-gov-au-vic', 'org-most', 'org-most-natec', 'org-vufo']) expect(ids).not.toContain(id);
    for (const l of d.crossRegionLinks) expect(l.regionA.id).not.toBe(l.regionB.id);
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

const statementsOf = (query: string, variables: Record<string, unknown>) => runCounted(db, gql, query, variables);

describe('database round trips do not grow with the number of results', () => {
  test('counts: one statement for any grouping, two when the filter names ids to check', async () => {
    const q = `query($of: CountTarget!, $g: GroupKey!, $f: StatsFilter) { counts(of: $of, groupBy: $g, filter: $f) { key label count } }`;
    for (const of of ['AGREEMENTS', 'ACTIVITIES', 'ORGANIZATIONS', 'LINKS']) {
      for (const g of ['REGION', 'PROVINCE', 'TOPIC']) {
        expect((await statementsOf(q, { of, g })).statements).toBe(1);
        expect((await statementsOf(q, { of, g, f: { region: 'region-mekong-delta' } })).statements).toBe(2);
      }
    }
  });

  test('totals: one statement', async () => {
    expect((await statementsOf(`{ totals { organizations agreements activities links people provinces } }`, {})).statements).toBe(1);
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
    expect(small.statements).toBe(2);
    expect(large.statements).toBe(2);

    const c = `query($first: Int!) { crossRegionLinks(first: $first) { a { id location { id } } b { id location { id } }
        regionA { id members { id } } regionB { id } evidence } }`;
    const bound = selectionFields(c);
    const runs = [];
    for (const first of [1, 5, 13]) runs.push(await statementsOf(c, { first }));
    expect(runs[2].data.crossRegionLinks).toHaveLength(13);
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
      ...filterParams({ from: '2023-01-01' }),
      scheme: 'SOCIO_ECONOMIC_6',
      offset: intParam(0),
      limit: intParam(10),
    });
    expect(dated).toContain('NodeIndexSeekByRange');
    expect(dated).not.toContain('NodeByLabelScan');
  });
});
