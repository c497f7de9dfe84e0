import { data, gqlClient, openTestDb } from '../helpers/graph';
import { statementsOf } from '../helpers/statements';

const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

const PATHS = `query($from: ID!, $to: ID!, $maxHops: Int, $filter: LinkFilter) {
  paths(from: $from, to: $to, maxHops: $maxHops, filter: $filter) { found length reason distance paths { length } }
}`;

describe('paths says why there is no route', () => {
  test('a route found has no reason', async () => {
    const { paths } = await data(gql(PATHS, { from: 'org-dost-soc-trang', to: 'org-csiro' }));
    expect(paths).toMatchObject({ found: true, length: 2, reason: null, distance: null });
  });

  test('TOO_MANY_HOPS: a route exists but is longer than maxHops, and its length is given', async () => {
    const { paths } = await data(gql(PATHS, { from: 'org-dost-soc-trang', to: 'org-csiro', maxHops: 1 }));
    expect(paths).toEqual({ found: false, length: null, reason: 'TOO_MANY_HOPS', distance: 2, paths: [] });
  });

  test('FILTERED_OUT: the two are joined only through ties the filter leaves out', async () => {
    // Sóc Trăng's department reaches CSIRO through a joint research task, an activity: agreements alone do not join them.
    const { paths } = await data(gql(PATHS, { from: 'org-dost-soc-trang', to: 'org-csiro', filter: { linkKinds: ['AGREEMENT'] } }));
    expect(paths).toMatchObject({ found: false, reason: 'FILTERED_OUT', distance: null });
  });

  test('NOT_CONNECTED: no chain of shared instruments of any kind joins them', async () => {
    // The Government takes part in no agreement or activity of the curated graph; Bình Thuận's and Sóc Trăng's
    // departments sit in two parts of the network that no instrument joins.
    for (const [from, to] of [['org-dost-soc-trang', 'org-gov-vn'], ['org-dost-binh-thuan', 'org-dost-soc-trang']]) {
      const { paths } = await data(gql(PATHS, { from, to }));
      expect(paths).toMatchObject({ found: false, reason: 'NOT_CONNECTED', distance: null });
    }
  });

  test('an unknown endpoint stays NOT_FOUND, naming the organisation probably meant', async () => {
    const r = await gql(PATHS, { from: 'org-dost-soc-trang', to: 'org-csiroo' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'Actor', id: 'org-csiroo' });
    expect(r.errors?.[0].extensions?.closest).toContain('org-csiro');
  });

  test('the same endpoints twice stay a bad request', async () => {
    const r = await gql(PATHS, { from: 'org-csiro', to: 'org-csiro' });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('the reason costs nothing unless asked for, and reason and distance share one explanation', async () => {
    const bare = `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 1) { found } }`;
    const withReason = `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 1) { found reason } }`;
    const args = { from: 'org-dost-soc-trang', to: 'org-csiro' };
    const without = await statementsOf(db, gql, bare, args);
    const once = await statementsOf(db, gql, withReason, args);
    const both = await statementsOf(db, gql, PATHS, { ...args, maxHops: 1 });
    expect(without.statements).toBe(1);
    expect(once.statements).toBeGreaterThan(1);
    expect(both.statements).toBe(once.statements);
  });
});
