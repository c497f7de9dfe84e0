import { data, gqlClient, openTestDb } from '../helpers/graph';

// A small fixture per counting rule, loaded into the test graph and removed afterwards. Every instrument is
// dated in 1901, before anything in the seed, so the answers asked for 1901 hold the fixture alone.
//
//   agr1  SIGNED    1901-03-01  A, B signatories                          A–B COUNTERPARTIES, weight 1
//   agr2  SIGNED    1901-05-01  A, B, C signatories, A1 (A's office) witness
//                               A–B, A–C, B–C CO_PARTIES; A1–B, A1–C ORGANISER_PARTICIPANT; A1–A PARENT_SUBUNIT; 1/3 each
//   agr3  PROPOSED  1901-06-01  A, C proposers                            an intention: counted only when asked
//   act1  HELD      1901 (year) B organiser; N (national), F (Victoria, Australia), E1, E2 (Finland) participants
//                               B–N, B–F, B–E1, B–E2 ORGANISER_PARTICIPANT; the others CO_PARTICIPANTS; 1/4 each
//   act2  HELD      1901-09-09  A organiser, A1 co-organiser              PARENT_SUBUNIT only
//   part  of agr1, naming A and B: a part never counts as an agreement
//
// Places: A and A1 in Đà Nẵng (North Central and Central Coast), B in Ho Chi Minh City (Southeast), C in Cần Thơ
// (Mekong Delta), N in Viet Nam as a whole, F in the state of Victoria, E1 and E2 in Finland.

const db = openTestDb();
const gql = gqlClient(db, 20);
const P = 'fx-stats-';
const id = (x: string) => P + x;
const YEAR = 'from: "1901-01-01", to: "1901-12-31"';

const ORGS = [
  { id: id('a'), kind: 'GOVERNMENT', unit: 'prov-da-nang' },
  { id: id('a1'), kind: 'GOVERNMENT', unit: 'prov-da-nang' },
  { id: id('b'), kind: 'GOVERNMENT', unit: 'prov-ho-chi-minh' },
  { id: id('c'), kind: 'UNIVERSITY', unit: 'prov-can-tho' },
  { id: id('n'), kind: 'GOVERNMENT', unit: 'country-vn' },
  { id: id('f'), kind: 'FOREIGN_BODY', unit: 'state-au-vic' },
  { id: id('e1'), kind: 'FOREIGN_BODY', unit: 'country-fi' },
  { id: id('e2'), kind: 'FOREIGN_BODY', unit: 'country-fi' },
];
const AGREEMENTS = [
  { id: id('agr1'), status: 'SIGNED', signedOn: '1901-03-01', parties: [['a', 'SIGNATORY'], ['b', 'SIGNATORY']] },
  { id: id('agr2'), status: 'SIGNED', signedOn: '1901-05-01', parties: [['a', 'SIGNATORY'], ['b', 'SIGNATORY'], ['c', 'SIGNATORY'], ['a1', 'WITNESS']] },
  { id: id('agr3'), status: 'PROPOSED', signedOn: '1901-06-01', parties: [['a', 'PROPOSER'], ['c', 'PROPOSER']] },
];
const ACTIVITIES = [
  {
    id: id('act1'),
    status: 'HELD',
    startDate: '1901-01-01',
    precision: 'YEAR',
    participants: [['b', 'ORGANISER'], ['n', 'PARTICIPANT'], ['f', 'PARTICIPANT'], ['e1', 'PARTICIPANT'], ['e2', 'PARTICIPANT']],
  },
  { id: id('act2'), status: 'HELD', startDate: '1901-09-09', precision: 'DAY', participants: [['a', 'ORGANISER'], ['a1', 'CO_ORGANISER']] },
];

async function load(): Promise<void> {
  await db.write(
    `UNWIND $orgs AS o
     MATCH (u:AdminUnit {id: o.unit})
     CREATE (n:Organization {id: o.id, name: o.id, nameEn: o.id, kind: o.kind})-[:LOCATED_IN]->(u)`,
    { orgs: ORGS },
  );
  await db.write(`MATCH (a1:Organization {id: $a1}), (a:Organization {id: $a}) CREATE (a1)-[:PART_OF]->(a)`, { a1: id('a1'), a: id('a') });
  await db.write(
    `UNWIND $agreements AS g
     CREATE (x:Agreement {id: g.id, title: g.id, kind: 'AGREEMENT', status: g.status, signedOn: date(g.signedOn)})
     WITH x, g UNWIND g.parties AS p
     MATCH (o:Organization {id: $prefix + p[0]})
     CREATE (o)-[:PARTY_TO {role: p[1]}]->(x)`,
    { agreements: AGREEMENTS, prefix: P },
  );
  await db.write(
    `UNWIND $activities AS g
     CREATE (x:Activity {id: g.id, title: g.id, kind: 'WORKSHOP', status: g.status, startDate: date(g.startDate), startDatePrecision: g.precision})
     WITH x, g UNWIND g.participants AS p
     MATCH (o:Organization {id: $prefix + p[0]})
     CREATE (o)-[:PARTICIPATED_IN {role: p[1]}]->(x)`,
    { activities: ACTIVITIES, prefix: P },
  );
  await db.write(
    `MATCH (x:Agreement {id: $agr}), (a:Organization {id: $a}), (b:Organization {id: $b})
     CREATE (x)-[:HAS_PART]->(p:Part {id: $part, kind: 'PLANNED_CONTENT', ordinal: 1, title: $part, status: 'PLANNED'})
     CREATE (a)-[:PART_ACTOR {role: 'LEAD'}]->(p), (b)-[:PART_ACTOR {role: 'PARTNER'}]->(p)`,
    { agr: id('agr1'), a: id('a'), b: id('b'), part: id('part') },
  );
}

async function unload(): Promise<void> {
  await db.write(`MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n`, { prefix: P });
}

beforeAll(async () => {
  await unload();
  await load();
});

afterAll(async () => {
  await unload();
  await db.close();
});

type Item = { value: number; strength: number; organization: { id: string } };
async function ranking(by: string, filter = ''): Promise<Array<[string, number, number]>> {
  const d = await data<{ ranking: { items: Item[] } }>(
    gql(`{ ranking(by: ${by}, first: 50, filter: { ${YEAR} ${filter} }) { items { value strength organization { id } } } }`),
  );
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return d.ranking.items.map((i) => [i.organization.id.slice(P.length), round(i.value), round(i.strength)]);
}

type Bucket = { key: string; count: number; fractionalCount: number; total: number };
async function counts(args: string): Promise<Array<[string, number, number, number]>> {
  const d = await data<{ counts: Bucket[] }>(gql(`{ counts(${args}) { key count fractionalCount total } }`));
  return d.counts.map((b) => [b.key, b.count, Math.round(b.fractionalCount * 1000) / 1000, b.total]);
}

describe('rankings count each instrument once, under the tie selection', () => {
  test('by agreements: distinct agreements with a tie, never parts nor proposals', async () => {
    expect(await ranking('AGREEMENTS')).toEqual([
      ['a', 2, 1.667],
      ['b', 2, 2],
      ['a1', 1, 0.667],
      ['c', 1, 1],
    ]);
    expect((await ranking('AGREEMENTS', 'includeIntended: true')).slice(0, 2)).toEqual([
      ['a', 3, 2.667],
      ['b', 2, 2],
    ]);
  });

  test('by activities: an activity tying only a parent and its own office counts for neither', async () => {
    expect(await ranking('ACTIVITIES')).toEqual([
      ['b', 1, 1],
      ['e1', 1, 0.25],
      ['e2', 1, 0.25],
      ['f', 1, 0.25],
      ['n', 1, 0.25],
    ]);
  });

  test('by partners: co-attendance and a parent with its own office are no partners by default', async () => {
    expect(await ranking('PARTNERS')).toEqual([
      ['b', 7, 3],
      ['c', 3, 1],
      ['a', 2, 1.667],
      ['a1', 2, 0.667],
      ['e1', 1, 0.25],
      ['e2', 1, 0.25],
      ['f', 1, 0.25],
      ['n', 1, 0.25],
    ]);
    // Co-attendance alone: the four attendees of act1 are tied to each other, the organiser to none.
    expect(await ranking('PARTNERS', 'ties: [CO_PARTICIPANTS]')).toEqual([
      ['e1', 3, 0.75],
      ['e2', 3, 0.75],
      ['f', 3, 0.75],
      ['n', 3, 0.75],
    ]);
  });

  test('by fractional strength: an instrument with k organisations adds 1/(k-1) per tie', async () => {
    expect(await ranking('STRENGTH')).toEqual([
      ['b', 3, 3],
      ['a', 1.667, 1.667],
      ['c', 1, 1],
      ['a1', 0.667, 0.667],
      ['e1', 0.25, 0.25],
      ['e2', 0.25, 0.25],
      ['f', 0.25, 0.25],
      ['n', 0.25, 0.25],
    ]);
  });

  test('rolling sub-units up: the office counts as its parent, the weight counts units, the family’s own ties vanish', async () => {
    // agr2 has three units once A1 is A: 1/2 per tie; act2 is within one family and ties nobody.
    expect((await ranking('STRENGTH', 'rollUpSubUnits: true')).slice(0, 3)).toEqual([
      ['b', 3, 3],
      ['a', 2, 2],
      ['c', 1, 1],
    ]);
    expect((await ranking('PARTNERS', 'rollUpSubUnits: true')).map((r) => r[0])).not.toContain('a1');
  });
});

describe('counts: each instrument once per group and once in the total', () => {
  test('agreements by region: counted in each region of their tied parties; the total is distinct', async () => {
    expect(await counts(`of: AGREEMENTS, groupBy: REGION, filter: { ${YEAR} }`)).toEqual([
      ['region-north-central-coast', 2, 0.833, 2],
      ['region-southeast', 2, 0.833, 2],
      ['region-mekong-delta', 1, 0.333, 2],
    ]);
  });

  test('by year every counted instrument is one group; proposals only when asked', async () => {
    expect(await counts(`of: AGREEMENTS, groupBy: YEAR, filter: { ${YEAR} }`)).toEqual([['1901', 2, 2, 2]]);
    expect(await counts(`of: AGREEMENTS, groupBy: YEAR, filter: { ${YEAR}, includeIntended: true }`)).toEqual([['1901', 3, 3, 3]]);
    expect(await counts(`of: ACTIVITIES, groupBy: YEAR, filter: { ${YEAR} }`)).toEqual([['1901', 2, 2, 2]]);
  });

  test('a date written as a year matches any day of that year', async () => {
    expect(await counts(`of: ACTIVITIES, groupBy: ACTIVITY_KIND, filter: { from: "1901-06-01", to: "1901-06-30" }`)).toEqual([['WORKSHOP', 1, 1, 1]]);
  });

  test('ties by region: a tie counts in the region of each of its organisations, once in the total', async () => {
    expect(await counts(`of: LINKS, groupBy: REGION, filter: { ${YEAR} }`)).toEqual([
      ['region-southeast', 8, 6, 10],
      ['region-north-central-coast', 5, 2.5, 10],
      ['region-mekong-delta', 3, 1.5, 10],
    ]);
    const d = await data(gql(`{ totals(filter: { ${YEAR} }) { agreements activities links } }`));
    expect(d.totals).toEqual({ agreements: 2, activities: 2, links: 10 });
  });
});

describe('region matrix and cross-region links', () => {
  type Cell = { from: string; to: string; row: number; column: number; links: number; weight: number; agreements: number; activities: number };
  async function matrix(filter = '') {
    const d = await data(
      gql(`{ regionMatrix(${YEAR}${filter ? `, filter: { ${filter} }` : ''}) { areas { id kind name nameEn } cells { from to row column links weight agreements activities } } }`),
    );
    const cells = d.regionMatrix.cells as Cell[];
    const nonEmpty = cells.filter((c) => c.links > 0).map((c) => [c.from, c.to, c.links, Math.round(c.weight * 1000) / 1000, c.agreements, c.activities]);
    return { areas: d.regionMatrix.areas as Array<{ id: string; kind: string; name: string; nameEn: string }>, cells, nonEmpty };
  }

  test('whole and symmetric: every ordered pair of the six regions, empty cells and the diagonal included', async () => {
    const m = await matrix();
    expect(m.areas.map((a) => a.id)).toHaveLength(6);
    expect(m.areas.find((a) => a.id === 'region-mekong-delta')).toEqual({
      id: 'region-mekong-delta',
      kind: 'REGION',
      name: 'Đồng bằng sông Cửu Long',
      nameEn: 'Mekong Delta',
    });
    expect(m.cells).toHaveLength(36);
    expect(m.cells.filter((c) => c.from === c.to).map((c) => c.links)).toEqual([0, 0, 0, 0, 0, 0]);
    const order = (id: string) => m.areas.findIndex((a) => a.id === id);
    expect(m.nonEmpty.sort()).toEqual(
      [
        ['region-mekong-delta', 'region-north-central-coast', 2, 0.667, 1, 0],
        ['region-mekong-delta', 'region-southeast', 1, 0.333, 1, 0],
        ['region-north-central-coast', 'region-mekong-delta', 2, 0.667, 1, 0],
        ['region-north-central-coast', 'region-southeast', 3, 1.667, 2, 0],
        ['region-southeast', 'region-mekong-delta', 1, 0.333, 1, 0],
        ['region-southeast', 'region-north-central-coast', 3, 1.667, 2, 0],
      ].sort(),
    );
    for (const c of m.cells) expect([c.row, c.column]).toEqual([order(c.from), order(c.to)]);
  });

  test('national and foreign bodies as pseudo-regions, one per country, only when asked', async () => {
    const m = await matrix('includeNational: true, includeForeign: true');
    const ids = m.areas.map((a) => a.id);
    expect(ids.slice(6, 7)).toEqual(['national']);
    expect(ids).toEqual(expect.arrayContaining(['foreign:country-au', 'foreign:country-fi']));
    expect(m.cells).toHaveLength(ids.length * ids.length);
    expect(m.areas.find((a) => a.id === 'foreign:country-fi')).toEqual({ id: 'foreign:country-fi', kind: 'FOREIGN', name: 'Nước ngoài: Phần Lan', nameEn: 'Foreign: Finland' });
    const southeast = m.nonEmpty.filter((c) => c[0] === 'region-southeast');
    expect(southeast).toEqual(
      expect.arrayContaining([
        ['region-southeast', 'national', 1, 0.25, 0, 1],
        ['region-southeast', 'foreign:country-au', 1, 0.25, 0, 1],
        ['region-southeast', 'foreign:country-fi', 2, 0.5, 0, 1],
      ]),
    );
    // Co-attendance is still no tie: nothing between national and foreign bodies.
    expect(m.nonEmpty.filter((c) => c[0] === 'national' && String(c[1]).startsWith('foreign:'))).toEqual([]);
  });

  test('cross-region links: each tie with its instruments, their kinds, count and weight; pseudo-regions only when asked', async () => {
    const q = (filter: string) =>
      data(gql(`{ crossRegionLinks(${YEAR}, first: 50${filter}) { a { id } b { id } regionA { id } areaB { id } count weight evidence evidenceKinds } }`));
    const d = await q('');
    expect(d.crossRegionLinks).toHaveLength(5);
    expect(d.crossRegionLinks[0]).toEqual({
      a: { id: id('a') },
      b: { id: id('b') },
      regionA: { id: 'region-north-central-coast' },
      areaB: { id: 'region-southeast' },
      count: 2,
      weight: 1 + 1 / 3,
      evidence: [id('agr1'), id('agr2')],
      evidenceKinds: ['COUNTERPARTIES', 'CO_PARTIES'],
    });
    const withPseudo = (await q(', filter: { includeNational: true, includeForeign: true }')).crossRegionLinks;
    expect(withPseudo).toHaveLength(9);
    const national = withPseudo.find((l: any) => l.b.id === id('n'));
    expect(national).toMatchObject({ a: { id: id('b') }, areaB: { id: 'national' }, count: 1, weight: 0.25, evidenceKinds: ['ORGANISER_PARTICIPANT'] });
    const foreign = withPseudo.find((l: any) => l.b.id === id('f'));
    expect(foreign).toMatchObject({ areaB: { id: 'foreign:country-au' } });
  });
});
