import { gqlClient, openTestDb } from '../helpers/graph';
import { statementsOf } from '../helpers/statements';

const db = openTestDb();
const gql = gqlClient(db);

afterAll(() => db.close());

// VNU-HCM, located in Ho Chi Minh City, is in the curated seeds (seeds/organizations.jsonl).
const ORG = 'org-vnu-hcm';

describe('reading an organisation with its unit', () => {
  test.each([
    ['a direct selection', `query($id: ID!) { organization(id: $id) { id location { id } } }`],
    ['an inline fragment', `query($id: ID!) { organization(id: $id) { id ... on University { location { id } } } }`],
    ['a fragment spread', `query($id: ID!) { organization(id: $id) { id ...Loc } } fragment Loc on Organization { location { id } }`],
  ])('takes one statement through %s', async (_how, query) => {
    const joined = await statementsOf(db, gql, query, { id: ORG });
    expect(joined.statements).toBe(1);
    expect(joined.data.organization.location).toEqual({ id: 'prov-ho-chi-minh' });
  });

  test('a unit reached through a list still comes from the batched read', async () => {
    const listed = await statementsOf(db, gql, `{ organizations(first: 3, filter: { location: "prov-ho-chi-minh" }) { nodes { id location { id } } } }`, {});
    expect(listed.data.organizations.nodes.map((n: { location: { id: string } }) => n.location.id)).toEqual(['prov-ho-chi-minh', 'prov-ho-chi-minh', 'prov-ho-chi-minh']);
    expect(listed.statements).toBe(2);
  });

  test('an unknown id is still NOT_FOUND and a query without the unit reads only the organisation', async () => {
    const missing = await gql(`{ organization(id: "org-none") { id location { id } } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const plain = await statementsOf(db, gql, `query($id: ID!) { organization(id: $id) { id name } }`, { id: ORG });
    expect(plain.statements).toBe(1);
    expect(plain.data.organization.id).toBe(ORG);
  });
});
