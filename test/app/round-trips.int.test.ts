import { Kind, parse, type SelectionNode } from 'graphql';
import { FAMILIES } from '../../src/tools/bench/bench.families';
import { drawSamples } from '../../src/tools/bench/bench.repository';
import { data, gqlClient, openTestDb } from '../helpers/graph';
import { statementsOf } from '../helpers/statements';

const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

/** Runs a query and returns how many statements reached the database and how many top-level items came back. */
async function measure(query: string, first: number): Promise<{ statements: number; items: number }> {
  const before = db.statementCount;
  const d = await data(gql(query, { first }));
  const connection = Object.values(d)[0] as { nodes?: unknown[]; edges?: unknown[] };
  const list = connection.nodes ?? connection.edges;
  if (!list) throw new Error('the query selects neither nodes nor edges');
  return { statements: db.statementCount - before, items: list.length };
}

// The lists are connections: some are read through `edges { node }`, some through `nodes`, some with totalCount.
const LISTS: Record<string, string> = {
  organizations: `query($first: Int!) { organizations(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
      id location { id current { id } regions { id } } parent { id }
      children { id } agreements { role agreement { id parties { organization { id name } } activities { id } } }
      activities { role activity { id place { id } participants { organization { id } } } }
      positions { person { id } } provenance { source { id } } } } } }`,
  adminUnits: `query($first: Int!) { adminUnits(first: $first) { nodes { id parent { id } successor { id } predecessors { id }
      current { id } regions { members { id } } organizations(includePredecessors: true) { id location { id } } activities { id } } } }`,
  // The curated graph holds 12 agreements (proposals became parts): few enough fields that 12 items exceed them.
  agreements: `query($first: Int!) { agreements(first: $first) { totalCount edges { node { id signedAt { id } implements { id }
      topics { id } parties { role organization { id location { id } } }
      activities { id participants { organization { id } } } } } } }`,
  activities: `query($first: Int!) { activities(first: $first) { pageInfo { hasNextPage } nodes { id place { id } agreement { id parties { organization { id } } }
      partOf { id } parts { id } topics { id } participants { role organization { id parent { id } } }
      attendances { person { id positions { organization { id } } } } } } }`,
  people: `query($first: Int!) { people(first: $first) { nodes { id positions { organization { id location { id } } }
      signatures { agreement { id } document { id } onBehalfOf { id } } attendances { activity { id place { id } } } } } }`,
  sources: `query($first: Int!) { sources(first: $first) { totalCount nodes { id publisher { id location { id } }
      signatures { person { id } document { id } onBehalfOf { id } } } } }`,
  regions: `query($first: Int!) { regions(first: $first) { edges { node { id members { id current { id } } } } } }`,
  topics: `query($first: Int!) { topics(first: $first) { totalCount nodes { id agreements { id parties { organization { id } } }
      activities { id place { id } } } } }`,
};

// A connection's wrappers are projections of the page already read: they cost no statement.
const WRAPPERS = new Set(['edges', 'node', 'nodes', 'pageInfo']);

/**
 * The statements a query may cost with batching: one per field that opens a selection set (a top-level list's page,
 * or one batch per relationship field), one per totalCount, none for a connection's edges, node, nodes and pageInfo.
 */
function selectionFields(query: string): number {
  let count = 0;
  const walk = (selections: readonly SelectionNode[], inConnection: boolean) => {
    for (const s of selections) {
      if (s.kind !== Kind.FIELD) continue;
      const name = s.name.value;
      if (inConnection && name === 'totalCount') count++;
      if (!s.selectionSet) continue;
      if (inConnection && WRAPPERS.has(name)) {
        walk(s.selectionSet.selections, name === 'edges');
      } else {
        count++;
        walk(s.selectionSet.selections, false);
      }
    }
  };
  for (const definition of parse(query).definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const top of definition.selectionSet.selections) {
      if (top.kind !== Kind.FIELD || !top.selectionSet) continue;
      count++;
      walk(top.selectionSet.selections, true);
    }
  }
  return count;
}

describe('database round trips do not grow with the number of results', () => {
  test('the bound counts a connection’s page, its totalCount and its relationship fields, not its wrappers', () => {
    expect(selectionFields(`{ organizations { totalCount pageInfo { endCursor } edges { cursor node { id parent { id } } } nodes { id } } }`)).toBe(3);
    expect(selectionFields(`{ regions { nodes { id members { id current { id } } } } }`)).toBe(3);
  });

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

describe('a one-statement question costs the hub one statement', () => {
  // The benchmark's floor answers each of these families with one statement; so must the hub, whether or not
  // a route exists between the two organisations drawn.
  test.each(['lookup', 'partners', 'search', 'shortest path'])('%s', async (name) => {
    const family = FAMILIES.find((f) => f.name === name)!;
    for (const sample of await drawSamples(db, 6, 5)) {
      const { query, variables } = family.hub.request(sample);
      expect((await statementsOf(db, gql, query, variables)).statements).toBe(1);
    }
  });
});
