import { parse, visit } from 'graphql';
import { data, gqlClient, openTestDb } from './helpers/graph';

const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

/** Runs a query and returns how many statements reached the database and how many top-level items came back. */
async function measure(query: string, first: number): Promise<{ statements: number; items: number }> {
  const before = db.statementCount;
  const d = await data(gql(query, { first }));
  const list = Object.values(d)[0] as unknown[];
  return { statements: db.statementCount - before, items: list.length };
}

const LISTS: Record<string, string> = {
  organizations: `query($first: Int!) { organizations(first: $first) { id location { id current { id } regions { id } } parent { id }
      children { id } agreements { role agreement { id parties { organization { id name } } activities { id } } }
      activities { role activity { id place { id } participants { organization { id } } } }
      positions { person { id } } provenance { source { id } } } }`,
  adminUnits: `query($first: Int!) { adminUnits(first: $first) { id parent { id } successor { id } predecessors { id }
      current { id } regions { members { id } } organizations(includePredecessors: true) { id location { id } } activities { id } } }`,
  agreements: `query($first: Int!) { agreements(first: $first) { id signedAt { id } implements { id } implementations { id }
      topics { id } parties { role organization { id location { id } } } signatures { person { id } onBehalfOf { id } }
      activities { id participants { organization { id } } } } }`,
  activities: `query($first: Int!) { activities(first: $first) { id place { id } agreement { id parties { organization { id } } }
      partOf { id } parts { id } topics { id } participants { role organization { id parent { id } } }
      attendances { person { id positions { organization { id } } } } } }`,
  people: `query($first: Int!) { people(first: $first) { id positions { organization { id location { id } } }
      signatures { agreement { id } document { id } onBehalfOf { id } } attendances { activity { id place { id } } } } }`,
};

/** Fields that open a selection set: with batching, each costs at most one statement, whatever the result size. */
function selectionFields(query: string): number {
  let count = 0;
  visit(parse(query), { Field: (node) => void (node.selectionSet && count++) });
  return count;
}

describe('database round trips do not grow with the number of results', () => {
  test.each(Object.keys(LISTS))('%s with nested relationships', async (name) => {
    const bound = selectionFields(LISTS[name]);
    const sizes = [3, 20, 80];
    const runs = [];
    for (const first of sizes) runs.push(await measure(LISTS[name], first));
    // More results than statements allowed: a statement per item would break the bound.
    expect(runs[2].items).toBeGreaterThan(bound);
    for (const run of runs) expect(run.statements).toBeLessThanOrEqual(bound);
  });
});
