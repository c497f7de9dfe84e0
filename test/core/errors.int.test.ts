import { gqlClient, openTestDb } from '../helpers/graph';

const db = openTestDb();
const gql = gqlClient(db, 6);
afterAll(() => db.close());

describe('errors carry codes', () => {
  test.each([
    ['organization', 'Organization'],
    ['adminUnit', 'AdminUnit'],
    ['region', 'Region'],
    ['agreement', 'Agreement'],
    ['activity', 'Activity'],
    ['person', 'Person'],
    ['source', 'Source'],
    ['topic', 'Topic'],
  ])('an unknown id for %s gives NOT_FOUND', async (field, kind) => {
    const r = await gql(`query($id: ID!) { ${field}(id: $id) { id } }`, { id: 'nope-404' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', kind, id: 'nope-404' });
    expect(r.errors?.[0].message).toBe(`${kind} 'nope-404' does not exist`);
  });

  test('a page size beyond the limit gives BAD_USER_INPUT stating the limit', async () => {
    const r = await gql(`{ organizations(first: 5000) { nodes { id } } }`);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toBe('first must be between 1 and 500 (got 5000)');
  });

  test('an inverted date range gives BAD_USER_INPUT', async () => {
    const r = await gql(`{ activities(filter: { from: "2024-01-01", to: "2023-01-01" }) { nodes { id } } }`);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain('from (2024-01-01) is after to (2023-01-01)');
  });

  test('a malformed date is refused before any resolver runs', async () => {
    const r = await gql(`{ agreements(filter: { signedFrom: "26/10/2018" }) { nodes { id } } }`);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].message).toContain('LocalDate');
  });

  test('a query deeper than the configured limit is refused', async () => {
    const r = await gql(`{ organization(id: "org-vnu-hcm-iu") { parent { children { parent { children { parent { children { id } } } } } } } }`);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]).toMatchObject({ message: 'Query depth 7 exceeds the maximum of 6', extensions: { code: 'QUERY_TOO_DEEP', max: 6 } });
  });
});

describe('a read that fails for good', () => {
  test('is sent once and its error reaches the caller (only transient failures are tried again)', async () => {
    const before = db.statementCount;
    await expect(db.read('RETURN $missing AS x')).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.ParameterMissing' });
    expect(db.statementCount - before).toBe(1);
  });
});
