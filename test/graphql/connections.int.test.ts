import { vietnameseSortKey } from '../../src/core/collation';
import { encodeCursor } from '../../src/db/cursor';
import { data, gqlClient, openTestDb } from '../helpers/graph';

// Every top-level list is a Relay connection with keyset cursors. Counts are those of the curated seed graph.

const db = openTestDb();
const gql = gqlClient(db);
afterAll(() => db.close());

interface ListSpec {
  /** The node type's name, which cursors record. */
  type: string;
  /** Items in the seed graph. */
  total: number;
  /** Sort field -> the node field holding its value. */
  sorts: Record<string, string>;
}

const LISTS: Record<string, ListSpec> = {
  organizations: { type: 'Organization', total: 69, sorts: { NAME: 'name', KIND: 'kind' } },
  adminUnits: { type: 'AdminUnit', total: 101, sorts: { NAME: 'name', STAT_CODE: 'statCode' } },
  regions: { type: 'Region', total: 8, sorts: { NAME: 'name' } },
  agreements: { type: 'Agreement', total: 12, sorts: { SIGNED_ON: 'signedOn', TITLE: 'title' } },
  activities: { type: 'Activity', total: 49, sorts: { START_DATE: 'startDate', TITLE: 'title' } },
  people: { type: 'Person', total: 12, sorts: { NAME: 'name' } },
  sources: { type: 'SourceDocument', total: 18, sorts: { ID: 'id', TITLE: 'title' } },
  topics: { type: 'Topic', total: 27, sorts: { NAME: 'name' } },
};

type Item = { id: string; value: string | null };
type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: Item }>;
};

/** Reads one page of `list` ordered by `field` and `direction`. */
async function page(list: string, field: string, direction: string, first: number, after: string | null): Promise<Page> {
  const value = LISTS[list].sorts[field];
  const d = await data<Record<string, Page>>(
    gql(
      `query($first: Int!, $after: String) { ${list}(first: $first, after: $after, orderBy: { field: ${field}, direction: ${direction} }) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id value: ${value} } } } }`,
      { first, after },
    ),
  );
  return d[list];
}

// A date written as a year or month sorts as its first day (`2023` with 2023-01-01); names and titles sort in
// Vietnamese order, which their sort keys give by code points.
const sortable = (field: string, value: string): string =>
  field === 'NAME' || field === 'TITLE' ? vietnameseSortKey(value) : /^\d{4}$/.test(value) ? `${value}-01-01` : /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value;

/** The documented order of `field`: by value (missing values last), ties by id; DESC is the exact reverse. */
const ascending = (field: string) => (a: Item, b: Item): number => {
  const [x, y] = [a.value === null ? null : sortable(field, a.value), b.value === null ? null : sortable(field, b.value)];
  if (x !== y) {
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** How many statements `query` sends to the database. */
async function statements(query: string, variables: Record<string, unknown> = {}): Promise<number> {
  const before = db.statementCount;
  await data(gql(query, variables));
  return db.statementCount - before;
}

async function errorOf(query: string, variables: Record<string, unknown> = {}) {
  const before = db.statementCount;
  const r = await gql(query, variables);
  expect(r.errors).toHaveLength(1);
  return { ...r.errors![0], statements: db.statementCount - before };
}

const CASES = Object.entries(LISTS).flatMap(([list, spec]) =>
  Object.keys(spec.sorts).flatMap((field) => ['ASC', 'DESC'].map((direction) => [list, field, direction] as const)),
);

describe('paging with first and after', () => {
  test.each(CASES)('%s by %s %s returns every item exactly once, in order, with totalCount and hasNextPage right', async (list, field, direction) => {
    const { total } = LISTS[list];
    // Small pages so every list spans several; 12 and 8 items make the last page exactly full.
    const size = total <= 30 ? 4 : 15;
    const items: Item[] = [];
    let after: string | null = null;
    for (let index = 0; ; index++) {
      expect(index).toBeLessThan(total);
      const p: Page = await page(list, field, direction, size, after);
      const expectedLength = Math.min(size, total - items.length);
      expect(p.edges).toHaveLength(expectedLength);
      expect(p.totalCount).toBe(total);
      expect(p.pageInfo.hasPreviousPage).toBe(index > 0);
      expect(p.pageInfo.startCursor).toBe(p.edges[0].cursor);
      expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1].cursor);
      items.push(...p.edges.map((e) => e.node));
      expect(p.pageInfo.hasNextPage).toBe(items.length < total);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(total);
    const sorted = [...items].sort(ascending(field));
    expect(items).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
  });

  test('paging keeps the filters: universities two at a time are the seven of one big page', async () => {
    const query = `query($after: String, $first: Int!) { organizations(filter: { kind: UNIVERSITY }, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id kind } } }`;
    const whole = (await data(gql(query, { first: 500 }))).organizations;
    expect(whole.totalCount).toBe(7);
    expect(whole.nodes).toHaveLength(7);
    expect(whole.nodes.every((n: { kind: string }) => n.kind === 'UNIVERSITY')).toBe(true);
    expect(whole.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(['org-vnu-hcm', 'org-griffith-university', 'org-uts']));
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ id: string }> } = (
        await data(gql(query, { first: 2, after }))
      ).organizations;
      expect(p.totalCount).toBe(7);
      ids.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(ids).toEqual(whole.nodes.map((n: { id: string }) => n.id));
  });

  test('without arguments a list gives its first 50 items in the default order', async () => {
    const d = await data(gql(`{ organizations { totalCount pageInfo { hasNextPage } nodes { id } }
      byName: organizations(first: 500, orderBy: { field: NAME }) { nodes { id } } }`));
    expect(d.organizations.totalCount).toBe(69);
    expect(d.organizations.pageInfo.hasNextPage).toBe(true);
    expect(d.organizations.nodes).toHaveLength(50);
    expect(d.organizations.nodes).toEqual(d.byName.nodes.slice(0, 50));
  });

  test('edges and nodes hold the same items in the same order', async () => {
    const { agreements } = await data(gql(`{ agreements(first: 10) { edges { node { id } } nodes { id } } }`));
    expect(agreements.nodes).toHaveLength(10);
    expect(agreements.edges.map((e: { node: unknown }) => e.node)).toEqual(agreements.nodes);
  });

  test('a cursor resumes after its sort value and id, so the next page does not shift when items come or go', async () => {
    // A position between two topics, as if the topic it pointed at had been deleted since.
    const after = encodeCursor({ list: 'Topic', field: 'NAME', direction: 'ASC', value: vietnameseSortKey('M'), id: 'topic-gone' });
    const d = await data(gql(`query($after: String) { all: topics(first: 500) { nodes { id name } } rest: topics(first: 500, after: $after) { nodes { id name } } }`, { after }));
    expect(d.rest.nodes[0]).toEqual({ id: 'topic-environment', name: 'Môi trường' });
    expect(d.rest.nodes).toHaveLength(14);
    expect(d.rest.nodes).toEqual(d.all.nodes.filter((t: { name: string }) => vietnameseSortKey(t.name) > vietnameseSortKey('M')));
  });

  test('a date cursor that sits among items without a date goes on with the remaining ones by id', async () => {
    // 31 activities have no start date: ascending they come last, ordered by id.
    const all = (await data(gql(`{ activities(first: 500) { nodes { id startDate } } }`))).activities.nodes as Array<{ id: string; startDate: string | null }>;
    const undated = all.filter((a) => a.startDate === null);
    expect(undated).toHaveLength(31);
    expect(all.slice(-31)).toEqual(undated);
    const after = encodeCursor({ list: 'Activity', field: 'START_DATE', direction: 'ASC', value: null, id: undated[9].id });
    const rest = (await data(gql(`query($after: String) { activities(first: 500, after: $after) { nodes { id startDate } } }`, { after }))).activities.nodes;
    expect(rest).toEqual(undated.slice(10));
  });
});

describe('bad paging arguments give BAD_USER_INPUT before any statement runs', () => {
  test.each(Object.keys(LISTS).flatMap((list) => [0, 501].map((first) => [list, first] as const)))('%s with first: %i states the limit', async (list, first) => {
    const e = await errorOf(`query($first: Int!) { ${list}(first: $first) { nodes { id } } }`, { first });
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
    expect(e.message).toBe(`first must be between 1 and 500 (got ${first})`);
    expect(e.statements).toBe(0);
  });

  test.each([
    ['not base64', 'not a cursor!'],
    ['empty', ''],
    ['base64 of plain text', Buffer.from('nope').toString('base64url')],
    ['base64 of an object', Buffer.from('{"id":"org-csiro"}').toString('base64url')],
    ['a tuple of the wrong shape', Buffer.from('["Organization","NAME","UP","x","org-csiro"]').toString('base64url')],
  ])('a malformed cursor (%s) is refused', async (_what, after) => {
    const e = await errorOf(`query($after: String) { organizations(after: $after) { nodes { id } } }`, { after });
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(e.message).toBe('after is not a cursor of this list: pass an edge cursor or pageInfo.endCursor unchanged');
    expect(e.statements).toBe(0);
  });

  test('a date cursor whose value is not a date is refused', async () => {
    const after = encodeCursor({ list: 'Agreement', field: 'SIGNED_ON', direction: 'ASC', value: 'soon', id: 'agr-x' });
    const e = await errorOf(`query($after: String) { agreements(after: $after) { nodes { id } } }`, { after });
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(e.statements).toBe(0);
  });

  test('a cursor of another list is refused', async () => {
    const { organizations } = await data(gql(`{ organizations(first: 1) { pageInfo { endCursor } } }`));
    const e = await errorOf(`query($after: String) { people(after: $after) { nodes { id } } }`, { after: organizations.pageInfo.endCursor });
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
    expect(e.message).toBe('after is a cursor of the Organization list, not of the Person list');
  });

  test('a cursor made for another order is refused, naming that order', async () => {
    const { organizations } = await data(gql(`{ organizations(first: 1, orderBy: { field: KIND, direction: DESC }) { pageInfo { endCursor } } }`));
    const e = await errorOf(`query($after: String) { organizations(after: $after, orderBy: { field: NAME, direction: DESC }) { nodes { id } } }`, {
      after: organizations.pageInfo.endCursor,
    });
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
    expect(e.message).toBe('after was made for orderBy {field: KIND, direction: DESC}; page on with that order');
  });
});

describe('statements per page', () => {
  test.each(Object.keys(LISTS))('a page of %s costs one statement, and one more only when totalCount is selected, whatever its size', async (list) => {
    const plain = `query($first: Int!, $after: String) { ${list}(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } } }`;
    const counted = `query($first: Int!, $after: String) { ${list}(first: $first, after: $after) { totalCount again: totalCount nodes { id } } }`;
    for (const first of [1, 5, 500]) {
      expect(await statements(plain, { first })).toBe(1);
      expect(await statements(counted, { first })).toBe(2);
    }
    const { [list]: firstPage } = await data(gql(plain, { first: 1 }));
    expect(await statements(plain, { first: 3, after: firstPage.pageInfo.endCursor })).toBe(1);
    expect(await statements(counted, { first: 3, after: firstPage.pageInfo.endCursor })).toBe(2);
  });
});
