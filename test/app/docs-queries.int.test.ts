import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/core/config';
import { gqlClient, openTestDb } from '../helpers/graph';
import { contains } from '../helpers/contains';

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
