import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/core/config';
import { data, gqlClient, openTestDb } from '../helpers/graph';

const db = openTestDb();
const gql = gqlClient(db);
afterAll(() => db.close());

const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

/** The items of a connection (its nodes, or the nodes of its edges); any other answer as it is. */
function items(top: unknown): unknown {
  if (top === null || typeof top !== 'object' || Array.isArray(top)) return top;
  const c = top as { nodes?: unknown[]; edges?: Array<{ node: unknown }> };
  return c.nodes ?? c.edges?.map((e) => e.node) ?? top;
}

/**
 * True when the top-level answer is present (a connection or list with items, or an object) and some nested list
 * of it (of the items, for a connection) has items.
 */
function hasData(answer: Record<string, unknown>): boolean {
  const top = items(Object.values(answer)[0]);
  const present = Array.isArray(top) ? top.length > 0 : top !== null && typeof top === 'object';
  const nestedList = (v: unknown): boolean =>
    Array.isArray(v) ? v.length > 0 : v !== null && typeof v === 'object' && Object.values(v).some(nestedList);
  const children = Array.isArray(top) ? top.flatMap((item) => Object.values(item as object)) : Object.values(top as object);
  return present && children.some(nestedList);
}

test('the README has example queries', () => {
  expect(examples.length).toBeGreaterThanOrEqual(4);
});

test.each(examples.map((q, i) => [i + 1, q]))('README example %i runs against the seed data and returns data', async (_i, query) => {
  const d = await data<Record<string, unknown>>(gql(query as string));
  expect(hasData(d)).toBe(true);
});
