import { data, gqlClient, openTestDb } from '../helpers/graph';
import { walkPages } from '../helpers/walk';

const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

const PAGE = `query($first: Int, $after: String) {
  timelinePage(actor: "org-dost-ho-chi-minh", first: $first, after: $after) {
    totalCount nodes { date kind agreement { id } activity { id } } edges { cursor }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const WHOLE = `query($first: Int, $after: String) {
  timeline(actor: "org-dost-ho-chi-minh", first: $first, after: $after) { date kind agreement { id } activity { id } }
}`;

describe('timeline paging', () => {
  test('walking timelinePage two events at a time gives exactly the whole timeline, in order', async () => {
    const whole = (await data(gql(WHOLE))).timeline;
    expect(whole.length).toBeGreaterThan(4);
    const walked = await walkPages(async (after) => {
      const p = (await data(gql(PAGE, { first: 2, after }))).timelinePage;
      expect(p.totalCount).toBe(whole.length);
      return { items: p.nodes, pageInfo: p.pageInfo };
    });
    expect(walked.items).toEqual(whole);
  });

  test('timeline takes first and a cursor of timelinePage', async () => {
    const whole = (await data(gql(WHOLE))).timeline;
    const p = (await data(gql(PAGE, { first: 2 }))).timelinePage;
    expect((await data(gql(WHOLE, { first: 2 }))).timeline).toEqual(whole.slice(0, 2));
    expect((await data(gql(WHOLE, { first: 3, after: p.pageInfo.endCursor }))).timeline).toEqual(whole.slice(2, 5));
  });

  test('first beyond 5000 or a malformed cursor is BAD_USER_INPUT', async () => {
    expect((await gql(WHOLE, { first: 5001 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await gql(PAGE, { after: 'xyz' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
