import { parse, visit } from 'graphql';
import type { Database } from '../../src/db/database';
import { data, type gqlClient } from './graph';

/** Fields that open a selection set: with batching, each costs at most one statement, whatever the result size. */
export function selectionFields(query: string): number {
  let count = 0;
  visit(parse(query), { Field: (node) => void (node.selectionSet && count++) });
  return count;
}

/** Runs a query and reports how many statements reached the database, with the answer. */
export async function statementsOf(
  db: Database,
  gql: ReturnType<typeof gqlClient>,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ statements: number; data: any }> {
  const before = db.statementCount;
  const d = await data(gql(query, variables));
  return { statements: db.statementCount - before, data: d };
}
