import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/config';
import type { Database } from './database';
import { fillSortKeys } from './sort-keys';

export const GRAPH_SCHEMA_FILE = path.join(projectRoot, 'schema', 'neo4j.cypher');

/** Splits the schema file into statements (separated by a semicolon at the end of a line; `//` comments dropped). */
export function readSchemaStatements(file = GRAPH_SCHEMA_FILE): string[] {
  const text = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return text
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

const isConstraint = (statement: string) => /^CREATE\s+CONSTRAINT\b/i.test(statement);
const isFulltext = (statement: string) => /^CREATE\s+FULLTEXT\s+INDEX\b/i.test(statement);

/**
 * The schema statements in the order that fills a freshly imported store soonest: full-text indexes (the
 * longest to populate), then the other indexes, then the constraints, each group in file order. An index is
 * populated in the background, but a constraint's statement waits for its own population, so the indexes
 * fill while the constraints are built.
 */
export function populationOrder(statements: string[]): string[] {
  const indexes = statements.filter((s) => !isConstraint(s));
  return [...indexes.filter(isFulltext), ...indexes.filter((s) => !isFulltext(s)), ...statements.filter(isConstraint)];
}

/**
 * Creates the constraints and indexes of `schema/neo4j.cypher` and fills the sort keys a store written before
 * them lacks (see sort-keys.ts); safe to run on every start. `meanwhile`,
 * when given, runs once every constraint is online but before the indexes still filling are awaited, so
 * that work needing only the constraints overlaps the longest populations. Resolves to the number of
 * statements once every index is online.
 */
export async function applyGraphSchema(db: Database, meanwhile?: () => Promise<void>): Promise<number> {
  const statements = readSchemaStatements();
  for (const statement of populationOrder(statements)) await db.write(statement);
  await fillSortKeys(db);
  if (meanwhile) await meanwhile();
  await db.write('CALL db.awaitIndexes(300)');
  return statements.length;
}
