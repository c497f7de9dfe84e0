import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { data, gqlClient, openTestDb } from './helpers/graph';

const db = openTestDb();
const gql = gqlClient(db);
afterAll(() => db.close());

const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

/** True when the top-level answer is present (a non-empty list, or an object) and some nested list has items. */
function hasData(answer: Record<string, unknown>): boolean {
  const top = Object.values(answer)[0];
  const present = Array.isArray(top) ? top.length > 0 : top !== null && typeof top === 'object';
  const nestedList = (v: unknown): boolean =>
    Array.isArray(v) ? v.length > 0 : v !== null && typeof v === 'object' && Object.values(v).some(nestedList);
  return present && Object.values(top as object).some(nestedList);
}

test('the README has example queries', () => {
  expect(examples.length).toBeGreaterThanOrEqual(4);
});

test.each(examples.map((q, i) => [i + 1, q]))('README example %i runs against the seed data and returns data', async (_i, query) => {
  const d = await data<Record<string, unknown>>(gql(query as string));
  expect(hasData(d)).toBe(true);
});
