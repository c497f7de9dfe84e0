import { data, gqlClient, openTestDb } from '../helpers/graph';
import { walkPages } from '../helpers/walk';

const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

async function errorOf(query: string, variables: Record<string, unknown> = {}) {
  const r = await gql(query, variables);
  expect(r.errors).toHaveLength(1);
  return { code: r.errors![0].extensions?.code, field: r.errors![0].extensions?.field, message: r.errors![0].message };
}

const RANKING = `query($first: Int!, $after: String, $offset: Int) {
  ranking(by: PARTNERS, first: $first, after: $after, offset: $offset) {
    totalCount items { rank value organization { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type Ranked = { rank: number; value: number; organization: { id: string } };

async function rankingPage(first: number, after: string | null = null, offset = 0) {
  return (await data(gql(RANKING, { first, after, offset }))).ranking as {
    totalCount: number;
    items: Ranked[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

describe('ranking pages with after', () => {
  test('walking the ranking seven at a time gives exactly the items of one big page, in order, ranks included', async () => {
    const whole = await rankingPage(500);
    expect(whole.totalCount).toBeGreaterThan(14);
    expect(whole.items).toHaveLength(whole.totalCount);
    expect(whole.pageInfo.hasNextPage).toBe(false);
    const walked = await walkPages(async (after) => {
      const page = await rankingPage(7, after);
      expect(page.totalCount).toBe(whole.totalCount);
      return page;
    });
    expect(walked.items).toEqual(whole.items);
    expect(walked.pages).toBe(Math.ceil(whole.totalCount / 7));
  });

  test('a page after a cursor is the page the older offset gives', async () => {
    const first = await rankingPage(5);
    expect(first.pageInfo.hasPreviousPage).toBe(false);
    const byCursor = await rankingPage(5, first.pageInfo.endCursor);
    const byOffset = await rankingPage(5, null, 5);
    expect(byCursor).toEqual(byOffset);
    expect(byCursor.pageInfo.hasPreviousPage).toBe(true);
  });

  test('after with an offset other than 0 is BAD_USER_INPUT', async () => {
    const { pageInfo } = await rankingPage(5);
    expect(await errorOf(RANKING, { first: 5, after: pageInfo.endCursor, offset: 5 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
  });

  test('a malformed cursor, or one of another list, is BAD_USER_INPUT', async () => {
    expect(await errorOf(RANKING, { first: 5, after: 'not-a-cursor' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const ties = await data(gql(`{ crossRegionTies(first: 1) { pageInfo { endCursor } } }`));
    expect(await errorOf(RANKING, { first: 5, after: ties.crossRegionTies.pageInfo.endCursor })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

const TIES = `query($first: Int!, $after: String) {
  crossRegionTies(first: $first, after: $after, filter: { includeNational: true, includeForeign: true }) {
    totalCount nodes { a { id } b { id } count evidence } edges { cursor node { a { id } b { id } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('crossRegionTies', () => {
  async function tiesPage(first: number, after: string | null = null) {
    return (await data(gql(TIES, { first, after }))).crossRegionTies;
  }

  test('walking five at a time gives exactly the pairs of one big page, in order, and the pairs crossRegionLinks gives', async () => {
    const whole = await tiesPage(500);
    expect(whole.totalCount).toBeGreaterThan(10);
    expect(whole.nodes).toHaveLength(whole.totalCount);
    const walked = await walkPages(async (after) => {
      const page = await tiesPage(5, after);
      expect(page.totalCount).toBe(whole.totalCount);
      expect(page.edges.map((e: { node: unknown }) => e.node)).toEqual(page.nodes.map((n: { a: unknown; b: unknown }) => ({ a: n.a, b: n.b })));
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
      return { items: page.nodes, pageInfo: page.pageInfo };
    });
    expect(walked.items).toEqual(whole.nodes);
    const old = await data(gql(`{ crossRegionLinks(first: 500, filter: { includeNational: true, includeForeign: true }) { a { id } b { id } count evidence } }`));
    expect(old.crossRegionLinks).toEqual(whole.nodes);
  });

  test('crossRegionLinks is deprecated in favour of crossRegionTies', async () => {
    const d = await data(gql(`{ __type(name: "Query") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`));
    const field = d.__type.fields.find((f: { name: string }) => f.name === 'crossRegionLinks');
    expect(field.isDeprecated).toBe(true);
    expect(field.deprecationReason).toContain('crossRegionTies');
  });

  test('a cursor that is not one of its own is BAD_USER_INPUT', async () => {
    const ranked = await rankingPage(1);
    expect(await errorOf(TIES, { first: 5, after: ranked.pageInfo.endCursor })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(await errorOf(TIES, { first: 5, after: '%%%' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
