import { data, gqlClient, openTestDb } from '../helpers/graph';

const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

// Figures are computed here with hand-written Cypher over the curated seed graph, or taken from the hub's other
// answers (totals, counts) to show that the table agrees with them; none is written down by hand.

type Label = { key: string; nameVi: string; nameEn: string; year: number | null; month: number | null; unknown: boolean };
type Table = {
  rows: Label[];
  columns: Label[];
  cells: number[][];
  fractionalCells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
  membershipTotal: number;
  multiMembership: boolean;
};

const TABLE = 'rows { key nameVi nameEn year month unknown } columns { key nameVi nameEn year month unknown } cells fractionalCells rowTotals columnTotals total membershipTotal multiMembership';

async function table(args: string): Promise<Table> {
  return (await data<{ countTable: Table }>(gql(`{ countTable(${args}) { ${TABLE} } }`))).countTable;
}

async function totals(filter = ''): Promise<Record<string, number>> {
  return (await data(gql(`{ totals${filter ? `(filter: { ${filter} })` : ''} { organizations agreements activities links } }`))).totals;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** The only column of a table without columns, by row key. */
const column = (t: Table) => new Map(t.rows.map((l, i) => [l.key, t.cells[i][0]]));

/** Counted instruments per key of a live statement returning `key` (null for none) and `n`. */
async function live(cypher: string): Promise<Map<string, number>> {
  const rows = await db.read(cypher);
  return new Map(rows.map((r) => [r.key === null ? 'unknown' : String(r.key), Number(r.n)]));
}

const COUNTED = `NOT coalesce(i.status, '') IN ['PROPOSED', 'PLANNED']`;

describe('one dimension', () => {
  test('agreements by year: every year from the first to the last signing, undated ones under unknown, adding up to the total', async () => {
    const t = await table('of: AGREEMENTS, rows: YEAR');
    const expected = await live(`MATCH (i:Agreement) WHERE ${COUNTED} RETURN i.signedOn.year AS key, count(*) AS n`);
    const years = [...expected.keys()].filter((k) => k !== 'unknown').map(Number);
    const span = Array.from({ length: Math.max(...years) - Math.min(...years) + 1 }, (_, k) => String(Math.min(...years) + k));
    expect(t.rows.map((l) => l.key)).toEqual([...span, 'unknown']);
    expect(t.rows.slice(0, -1).map((l) => l.year)).toEqual(span.map(Number));
    expect(t.rows.at(-1)).toMatchObject({ key: 'unknown', unknown: true, year: null });
    expect(t.columns.map((l) => l.key)).toEqual(['all']);
    const got = column(t);
    for (const [key, n] of got) expect([key, n]).toEqual([key, expected.get(key) ?? 0]);
    // Some agreements are undated and some years empty: both show, so the cells add up to the totals.
    expect(got.get('unknown')).toBeGreaterThan(0);
    expect([...got.values()]).toContain(0);
    expect(sum([...got.values()])).toBe(t.total);
    expect(t.total).toBe((await totals()).agreements);
    expect(t).toMatchObject({ membershipTotal: t.total, multiMembership: false, columnTotals: [t.total] });
  });

  test('activities by month: dates known only to their year in their year’s group, before its months; every month in between', async () => {
    const t = await table('of: ACTIVITIES, rows: MONTH');
    const expected = await live(`MATCH (i:Activity) WHERE ${COUNTED}
      RETURN CASE WHEN i.startDate IS NULL THEN null WHEN i.startDatePrecision = 'YEAR' THEN toString(i.startDate.year)
        ELSE left(toString(i.startDate), 7) END AS key, count(*) AS n`);
    const got = column(t);
    for (const [key, n] of expected) expect([key, got.get(key)]).toEqual([key, n]);
    expect(sum([...got.values()])).toBe((await totals()).activities);
    expect([...expected.keys()].some((k) => /^\d{4}$/.test(k))).toBe(true);
    const months = t.rows.filter((l) => l.month !== null);
    for (let k = 1; k < months.length; k++) {
      expect(months[k].year! * 12 + months[k].month!).toBe(months[k - 1].year! * 12 + months[k - 1].month! + 1);
    }
    t.rows.forEach((l, i) => {
      if (l.year !== null && l.month === null) {
        expect(l.nameEn).toBe(`${l.year} (month unknown)`);
        const next = t.rows[i + 1];
        if (next.year === l.year) expect(next.month).toBe(1);
        expect(t.rows.slice(0, i).every((p) => p.year === null || p.year < l.year!)).toBe(true);
      }
    });
  });

  test('from and to of the filter set the years, and leave nothing undated', async () => {
    const filter = 'from: "2015-01-01", to: "2025-12-31"';
    const t = await table(`of: ACTIVITIES, rows: YEAR, filter: { ${filter} }`);
    expect(t.rows.map((l) => l.key)).toEqual([...Array.from({ length: 11 }, (_, k) => String(2015 + k)), 'unknown']);
    expect(column(t).get('unknown')).toBe(0);
    expect(t.total).toBe((await totals(filter)).activities);
  });

  test('each target by its own kind: kinds in enum order, every counted record once, as counts and totals say', async () => {
    const all = await totals();
    for (const [of, groupBy, total] of [
      ['AGREEMENTS', 'AGREEMENT_KIND', all.agreements],
      ['ACTIVITIES', 'ACTIVITY_KIND', all.activities],
      ['ORGANIZATIONS', 'ORGANIZATION_KIND', all.organizations],
    ] as const) {
      const t = await table(`of: ${of}, rows: KIND`);
      const buckets = (await data(gql(`{ counts(of: ${of}, groupBy: ${groupBy}) { key count } }`))).counts as Array<{ key: string; count: number }>;
      const got = column(t);
      for (const b of buckets) expect([b.key, got.get(b.key)]).toEqual([b.key, b.count]);
      expect(t.total).toBe(total);
      expect(sum([...got.values()])).toBe(total);
      expect(t.multiMembership).toBe(false);
    }
  });

  test('links by region: the regions’ counts are those of counts, plus the links with no region under unknown', async () => {
    const t = await table('of: LINKS, rows: REGION');
    const buckets = (await data(gql(`{ counts(of: LINKS, groupBy: REGION) { key count fractionalCount } }`))).counts as Array<{
      key: string;
      count: number;
      fractionalCount: number;
    }>;
    // Every region of the scheme is a row, by Vietnamese name, empty ones too.
    const regions = await db.read(`MATCH (r:Region {scheme: 'SOCIO_ECONOMIC_6'}) RETURN r.id AS id`);
    expect(t.rows.map((l) => l.key).sort()).toEqual([...regions.map((r) => String(r.id)), 'unknown'].sort());
    const names = t.rows.slice(0, -1).map((l) => l.nameVi);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    for (const b of buckets) {
      const row = t.rows.findIndex((l) => l.key === b.key);
      expect([b.key, t.cells[row][0]]).toEqual([b.key, b.count]);
      expect(t.fractionalCells[row][0]).toBeCloseTo(b.fractionalCount, 9);
    }
    expect(t.total).toBe((await totals()).links);
    expect(t.membershipTotal).toBe(sum(t.cells.map((r) => r[0])));
    expect(t.multiMembership).toBe(t.membershipTotal > t.total);
    expect(sum(t.fractionalCells.map((r) => r[0]))).toBeCloseTo(t.total, 6);
  });

  test('provinces under their full names in both languages: Thành phố Cần Thơ today, Tỉnh Sóc Trăng as recorded', async () => {
    const current = await table('of: ORGANIZATIONS, rows: PROVINCE');
    expect(current.rows.find((l) => l.key === 'prov-can-tho-2025')).toMatchObject({ nameVi: 'Thành phố Cần Thơ', nameEn: 'Can Tho City' });
    expect(current.rows.map((l) => l.key)).not.toContain('prov-soc-trang');
    const historical = await table('of: ORGANIZATIONS, rows: PROVINCE, provinceMode: HISTORICAL');
    expect(historical.rows.find((l) => l.key === 'prov-soc-trang')).toMatchObject({ nameVi: 'Tỉnh Sóc Trăng', nameEn: 'Soc Trang Province' });
    // Organisations located in no province (national and foreign bodies) are under unknown.
    const [row] = await db.read(`MATCH (o:Organization) WHERE NOT EXISTS { (o)-[:LOCATED_IN]->(:Province) } RETURN count(o) AS n`);
    expect(column(current).get('unknown')).toBe(Number(row.n));
    expect(current.total).toBe((await totals()).organizations);
  });
});

describe('every province and topic listed, empty ones as zeros', () => {
  test('provinces of today in CURRENT mode and every provincial unit in HISTORICAL mode, each once, with zeros where nothing counts', async () => {
    const ids = async (cypher: string) => (await db.read(cypher)).map((r) => String(r.id)).sort();
    const today = await ids(`MATCH (p:Province) WHERE NOT (p)-[:SUCCEEDED_BY]->() RETURN p.id AS id`);
    const all = await ids(`MATCH (p:Province) RETURN p.id AS id`);
    const current = await table('of: AGREEMENTS, rows: PROVINCE');
    const keys = current.rows.map((l) => l.key).filter((k) => k !== 'unknown');
    expect(new Set(keys).size).toBe(keys.length);
    for (const id of today) expect(keys).toContain(id);
    expect(keys).not.toContain('prov-soc-trang');
    expect(current.cells.flat()).toContain(0);
    const historical = await table('of: AGREEMENTS, rows: PROVINCE, provinceMode: HISTORICAL');
    expect(historical.rows.map((l) => l.key).filter((k) => k !== 'unknown').sort()).toEqual(all);
    // Zero rows add nothing: the totals are those of counts.
    expect(current.total).toBe((await totals()).agreements);
    expect(historical.total).toBe(current.total);
  });

  test('every topic is a row, those no activity is about as zeros', async () => {
    const topics = (await db.read(`MATCH (t:Topic) RETURN t.id AS id`)).map((r) => String(r.id)).sort();
    const t = await table('of: ACTIVITIES, rows: TOPIC');
    expect(t.rows.map((l) => l.key).filter((k) => k !== 'unknown').sort()).toEqual(topics);
    expect(t.total).toBe((await totals()).activities);
  });
});

describe('two dimensions', () => {
  test('agreements by year × region: zero-filled, every agreement in its year’s row, the fractional cells adding up to the total', async () => {
    const t = await table('of: AGREEMENTS, rows: YEAR, columns: REGION');
    const byYear = await table('of: AGREEMENTS, rows: YEAR');
    expect(t.rows).toEqual(byYear.rows);
    expect(t.rowTotals).toEqual(byYear.cells.map((r) => r[0]));
    expect(t.columns.at(-1)?.key).toBe('unknown');
    expect(t.cells).toHaveLength(t.rows.length);
    for (const line of t.cells) expect(line).toHaveLength(t.columns.length);
    expect(t.cells.flat()).toContain(0);
    expect(t.total).toBe((await totals()).agreements);
    expect(sum(t.fractionalCells.flat())).toBeCloseTo(t.total, 6);
    expect(sum(t.cells.flat())).toBe(t.membershipTotal);
    // An agreement tied to organisations of two regions is in two cells of its year.
    expect(t.multiMembership).toBe(t.membershipTotal > t.total);
    const buckets = (await data(gql(`{ counts(of: AGREEMENTS, groupBy: REGION) { key count } }`))).counts as Array<{ key: string; count: number }>;
    for (const b of buckets) expect([b.key, t.columnTotals[t.columns.findIndex((l) => l.key === b.key)]]).toEqual([b.key, b.count]);
  });

  test('links by tie kind × year under a tie selection: the kinds asked for, in enum order, adding up to the links', async () => {
    const filter = 'ties: [CO_PARTICIPANTS, COUNTERPARTIES, ORGANISER_PARTICIPANT]';
    const t = await table(`of: LINKS, rows: KIND, columns: YEAR, filter: { ${filter} }`);
    expect(t.rows.map((l) => l.key)).toEqual(['COUNTERPARTIES', 'ORGANISER_PARTICIPANT', 'CO_PARTICIPANTS', 'unknown']);
    expect(t.rows[0]).toMatchObject({ nameVi: 'Hai bên ký kết', nameEn: 'Counterparties' });
    expect(t.rowTotals.at(-1)).toBe(0);
    const links = (await totals(filter)).links;
    expect(t.total).toBe(links);
    expect(sum(t.cells.flat())).toBe(links);
    expect(sum(t.rowTotals)).toBe(links);
    expect(sum(t.columnTotals)).toBe(links);
  });

  test('provinces × kinds of organisation: one statement answers what took a query per kind', async () => {
    const t = await table('of: ORGANIZATIONS, rows: PROVINCE, columns: KIND, provinceMode: HISTORICAL');
    const rows = await db.read(`MATCH (o:Organization)-[:LOCATED_IN]->(p:Province) RETURN p.id AS province, o.kind AS kind, count(*) AS n`);
    for (const r of rows) {
      const row = t.rows.findIndex((l) => l.key === r.province);
      const col = t.columns.findIndex((l) => l.key === r.kind);
      expect([r.province, r.kind, t.cells[row][col]]).toEqual([r.province, r.kind, Number(r.n)]);
    }
    expect(sum(t.cells.flat())).toBe(t.total);
  });
});

describe('answers to requests that cannot be tabled', () => {
  test('groupings the target lacks, the same grouping twice, unknown ids, and counts asked for a table’s grouping', async () => {
    const code = async (q: string) => (await gql(q)).errors?.[0]?.extensions?.code;
    expect(await code('{ countTable(of: AGREEMENTS, rows: ACTIVITY_KIND) { total } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ countTable(of: ORGANIZATIONS, rows: YEAR, columns: TIE_KIND) { total } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ countTable(of: LINKS, rows: KIND, columns: TIE_KIND) { total } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ countTable(of: LINKS, rows: MONTH, filter: { from: "1000-01-01", to: "2999-12-31" }) { total } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ countTable(of: LINKS, rows: YEAR, filter: { topic: "topic-none" }) { total } }')).toBe('NOT_FOUND');
    expect(await code('{ counts(of: LINKS, groupBy: MONTH) { key } }')).toBe('BAD_USER_INPUT');
  });
});

describe('names of the groups of counts', () => {
  test('buckets carry Vietnamese and English names: regions, provinces, kinds', async () => {
    const d = await data(gql(`{ regions: counts(of: ORGANIZATIONS, groupBy: REGION) { key nameVi nameEn }
      provinces: counts(of: ORGANIZATIONS, groupBy: PROVINCE) { key label nameVi nameEn }
      kinds: counts(of: ORGANIZATIONS, groupBy: ORGANIZATION_KIND) { key nameVi nameEn } }`));
    const stored = new Map(
      (await db.read(`MATCH (r:Region) RETURN r.id AS id, r.name AS name, r.nameEn AS nameEn`)).map((r) => [String(r.id), [r.name, r.nameEn]]),
    );
    for (const b of d.regions) expect([b.nameVi, b.nameEn]).toEqual(stored.get(b.key));
    expect(d.provinces.find((b: any) => b.key === 'prov-can-tho-2025')).toMatchObject({ label: 'Can Tho City', nameVi: 'Thành phố Cần Thơ', nameEn: 'Can Tho City' });
    expect(d.kinds.find((b: any) => b.key === 'UNIVERSITY')).toMatchObject({ nameVi: 'Trường đại học', nameEn: 'University' });
  });
});

describe('rankings with ties', () => {
  type Item = { rank: number; value: number; organization: { id: string } };
  async function ranking(by: string, first: number, offset = 0): Promise<Item[]> {
    return (await data(gql(`{ ranking(by: ${by}, first: ${first}, offset: ${offset}) { items { rank value organization { id } } } }`))).ranking.items;
  }

  test.each(['PARTNERS', 'STRENGTH'])('by %s equal values share a rank (1, 2, 2, 4), ordered by id among themselves', async (by) => {
    const items = await ranking(by, 500);
    const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
    // The curated graph has organisations with equal values.
    expect(items.some((item, k) => k > 0 && same(item.value, items[k - 1].value))).toBe(true);
    items.forEach((item, k) => {
      expect(item.rank).toBe(1 + items.filter((other) => other.value > item.value && !same(other.value, item.value)).length);
      if (k > 0 && same(item.value, items[k - 1].value)) expect(item.organization.id > items[k - 1].organization.id).toBe(true);
    });
  });

  test('a page beginning inside a group of equal values carries the group’s rank', async () => {
    const items = await ranking('PARTNERS', 500);
    const k = items.findIndex((item, j) => j > 0 && item.value === items[j - 1].value);
    const page = await ranking('PARTNERS', 2, k);
    expect(page[0]).toEqual(items[k]);
    expect(page[0].rank).toBe(items[k - 1].rank);
    expect(page[0].rank).toBeLessThan(k + 1);
  });
});
