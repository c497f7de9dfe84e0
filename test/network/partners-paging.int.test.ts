import { data, gqlClient, openTestDb } from '../helpers/graph';
import { walkPages } from '../helpers/walk';

const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

const PARTNERS = `query($actor: ID!, $hops: Int, $first: Int, $after: String, $offset: Int) {
  partners(actor: $actor, hops: $hops, first: $first, after: $after, offset: $offset) {
    totalCount partners { distance count weight organization { id } via { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function page(vars: Record<string, unknown>) {
  return (await data(gql(PARTNERS, { actor: 'region-mekong-delta', hops: 2, ...vars }))).partners;
}

describe('partners pages with after', () => {
  test('walking three at a time across direct and further partners gives exactly the items of one big page, in order', async () => {
    const whole = await page({ first: 500 });
    expect(whole.partners.some((p: { distance: number }) => p.distance === 1)).toBe(true);
    expect(whole.partners.some((p: { distance: number }) => p.distance === 2)).toBe(true);
    expect(whole.partners).toHaveLength(whole.totalCount);
    expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const walked = await walkPages(async (after) => {
      const p = await page({ first: 3, after });
      expect(p.totalCount).toBe(whole.totalCount);
      return { items: p.partners, pageInfo: p.pageInfo };
    });
    expect(walked.items).toEqual(whole.partners);
  });

  test('a page after a cursor is the page the older offset gives', async () => {
    const first = await page({ first: 4 });
    expect(await page({ first: 4, after: first.pageInfo.endCursor })).toEqual(await page({ first: 4, offset: 4 }));
  });

  test('after beside an offset, or a malformed cursor, is BAD_USER_INPUT', async () => {
    const first = await page({ first: 4 });
    const both = await gql(PARTNERS, { actor: 'region-mekong-delta', first: 4, after: first.pageInfo.endCursor, offset: 4 });
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
    const bad = await gql(PARTNERS, { actor: 'region-mekong-delta', first: 4, after: 'bm90IGEgY3Vyc29y' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
