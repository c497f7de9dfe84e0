import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { loadConfig } from '../../src/core/config';
import { createContext, type Context } from '../../src/graphql/context';
import { createLogger } from '../../src/core/logger';
import { Database } from '../../src/db/database';
import { createApollo } from '../../src/app/server';

/** Connects to the test graph that the global setup started and seeded. */
export function openTestDb(): Database {
  const target = loadConfig().neo4j;
  if (target.mode !== 'external') throw new Error('integration tests run after the global setup, which sets NEO4J_URI');
  return new Database(target);
}

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }>;
}

/** A GraphQL client running operations in-process against the hub's real schema and the given database. */
export function gqlClient(db: Database, maxQueryDepth = loadConfig().maxQueryDepth, plugins: ApolloServerPlugin<Context>[] = [], maxQueryCost?: number) {
  const apollo: ApolloServer<Context> = createApollo({ maxQueryDepth, log: createLogger('silent'), plugins, ...(maxQueryCost ? { limits: { maxQueryCost } } : {}) });
  return async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(db) });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as GqlResult<T>;
  };
}

/** Runs `gql` and fails with the errors when there are any. */
export async function data<T = Record<string, any>>(result: Promise<GqlResult<T>>): Promise<T> {
  const r = await result;
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors, null, 2)}`);
  return r.data as T;
}
