import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/core/config';
import { gqlClient, openTestDb } from '../helpers/graph';

const db = openTestDb();
const gql = gqlClient(db);
afterAll(() => db.close());

const DOC = path.join(projectRoot, 'docs', 'queries.md');

/** Each ```graphql block of the doc with the ```json block that follows it (the answer it must contain). */
function examples(): Array<{ title: string; query: string; expected: unknown }> {
  const text = fs.readFileSync(DOC, 'utf8');
  const blocks = [...text.matchAll(/^## (.+)$|```(graphql|json)\n([\s\S]*?)```/gm)];
  const out: Array<{ title: string; query: string; expected: unknown }> = [];
  let title = '';
  for (let i = 0; i < blocks.length; i++) {
    const [, heading, lang, body] = blocks[i];
    if (heading) title = heading;
    if (lang !== 'graphql') continue;
    const next = blocks[i + 1];
    if (!next || next[2] !== 'json') throw new Error(`docs/queries.md: the query under "${title}" has no expected answer after it`);
    out.push({ title: `${title} #${out.filter((e) => e.title.startsWith(title)).length + 1}`, query: body, expected: JSON.parse(next[3]) });
  }
  return out;
}

/** Whether `actual` contains `expected`: objects may have more keys; a non-empty list's items lead in order. */
function contains(actual: unknown, expected: unknown, at = '$'): string | null {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected a list`;
    if (expected.length === 0) return actual.length === 0 ? null : `${at}: expected an empty list, got ${actual.length} items`;
    if (actual.length < expected.length) return `${at}: expected at least ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const problem = contains(actual[i], expected[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${at}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [k, v] of Object.entries(expected)) {
      const problem = contains((actual as Record<string, unknown>)[k], v, `${at}.${k}`);
      if (problem) return problem;
    }
    return null;
  }
  return actual === expected ? null : `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

const cases = examples();

test('the doc has a worked example for each kind of question', () => {
  expect(cases.length).toBeGreaterThanOrEqual(10);
});

test.each(cases.map((c) => [c.title, c]))('docs/queries.md: %s', async (_title, c) => {
  const { query, expected } = c as { query: string; expected: unknown };
  const result = await gql(query);
  expect(result.errors).toBeUndefined();
  expect(contains(result.data, expected)).toBeNull();
});
