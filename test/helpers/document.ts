import { data, gqlClient, openTestDb } from './graph';

/** A query function over the test graph for a document's content tests; closes its connection after the file. */
export function documentQueries() {
  const db = openTestDb();
  const gql = gqlClient(db);
  afterAll(() => db.close());
  return <T = any>(query: string, variables: Record<string, unknown> = {}) => data<T>(gql<T>(query, variables));
}

export type Party = { role: string; organization: { id: string } };

/** "org:ROLE" pairs, sorted, so that a lost or changed role fails the comparison. */
export const roles = (list: Party[]) => list.map((p) => `${p.organization.id}:${p.role}`).sort();

export const ids = (list: Array<{ id: string }>) => list.map((x) => x.id).sort();

export const figures = (list: Array<{ name: string; value: number }>) => Object.fromEntries(list.map((f) => [f.name, f.value]));
