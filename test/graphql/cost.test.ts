import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getOperationAST, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { loadConfig, projectRoot } from '../../src/core/config';
import { createContext } from '../../src/graphql/context';
import type { Database } from '../../src/db/database';
import { documentLimitRules } from '../../src/graphql/armor';
import { buildHubSchema } from '../../src/app/schema';
import { DEFAULT_LIST_SIZE, estimateCost, rememberedCost } from '../../src/graphql/cost';
import { HUB_COST_TABLE } from '../../src/app/cost-table';
import { depthLimit } from '../../src/graphql/depth-limit';
import { createLogger } from '../../src/core/logger';
import { createApollo } from '../../src/app/server';
import { aliasedExports, aliasedNestedLists, aliasedNetworks, doublingFragments, NESTED_LISTS, selectionsIn } from '../helpers/attacks';

const BUDGET = loadConfig({}).limits.maxQueryCost;
const hub = buildHubSchema();

function estimate(query: string, variables: Record<string, unknown> = {}, schema: GraphQLSchema = hub) {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return estimateCost({ schema, document, operation, variables, table: HUB_COST_TABLE });
}

// A small schema whose type names match none of the hub's rules: only the generic counting applies.
const toy = buildSchema(`
  type Query {
    items(first: Int = 10): [Item!]!
    things: [Item!]!
    conn(first: Int = 5): ItemConnection!
    item: Item
  }
  type Item {
    id: ID!
    tags: [String!]!
    parent: Item
    children(first: Int = 3): [Item!]!
  }
  type ItemConnection { totalCount: Int! nodes: [Item!]! edges: [ItemEdge!]! }
  type ItemEdge { cursor: String! node: Item! }
`);
const toyCost = (query: string, variables: Record<string, unknown> = {}) => estimate(query, variables, toy).cost;

describe('the cost of an operation is the objects it may fetch', () => {
  test('a list multiplies what is under it by its page size; an object counts 1 and a scalar 0', () => {
    expect(toyCost('{ items(first: 4) { id children(first: 2) { id parent { id } } } }')).toBe(4 * (1 + 2 * (1 + 1)));
    expect(toyCost('{ item { id } }')).toBe(1);
  });

  test('the page size is the literal, the variable, the variable default or the argument default', () => {
    expect(toyCost('{ items(first: 7) { id } }')).toBe(7);
    expect(toyCost('query($n: Int) { items(first: $n) { id } }', { n: 9 })).toBe(9);
    expect(toyCost('query($n: Int = 6) { items(first: $n) { id } }')).toBe(6);
    expect(toyCost('{ items { id } }')).toBe(10);
  });

  test('a page size beyond what the hub accepts counts at the accepted maximum, a negative one as 0', () => {
    expect(toyCost('{ items(first: 1000000) { id } }')).toBe(500);
    expect(toyCost('{ items(first: -5) { id children { id } } }')).toBe(0);
  });

  test('an object list without a size argument takes the default size; a list of scalars is a leaf', () => {
    expect(toyCost('{ things { id tags } }')).toBe(DEFAULT_LIST_SIZE);
  });

  test("a connection's nodes and edges take the connection's first and add no factor of their own", () => {
    expect(toyCost('{ conn(first: 7) { totalCount nodes { id } edges { cursor node { id } } } }')).toBe(1 + 7 + 7 * (1 + 1));
    expect(toyCost('{ conn { nodes { children(first: 2) { id } } } }')).toBe(1 + 5 * (1 + 2));
  });

  test('fragments and inline fragments count where they are spread, under the size of the field they are in', () => {
    const fragment = 'fragment F on Item { children(first: 3) { id } }';
    expect(toyCost(`{ items(first: 2) { ...F } } ${fragment}`)).toBe(2 * (1 + 3));
    expect(toyCost(`{ a: items(first: 2) { ...F } b: item { ...F } } ${fragment}`)).toBe(2 * 4 + 4);
    expect(toyCost('{ items(first: 2) { ... on Item { children(first: 3) { id } } } }')).toBe(2 * 4);
    expect(toyCost(`{ conn(first: 4) { ...C } } fragment C on ItemConnection { nodes { id } }`)).toBe(1 + 4);
    expect(toyCost(`{ conn(first: 9) { ...C } } fragment C on ItemConnection { nodes { id } }`)).toBe(1 + 9);
  });

  test('fragments that spread each other in a cycle count nothing instead of looping', () => {
    expect(toyCost('{ item { ...A } } fragment A on Item { parent { ...B } } fragment B on Item { parent { ...A } }')).toBe(1 + 1 + 1);
  });

  test('the biggest contributor is the field path that fetches the most, aliases of one field summed', () => {
    const r = estimate('{ a: items(first: 10) { id } b: items(first: 10) { id } item { children(first: 15) { id } } }', {}, toy);
    expect(r.biggest).toEqual({ path: 'items', cost: 20 });
    expect(estimate('{ items(first: 2) { children(first: 30) { id } } }', {}, toy).biggest).toEqual({ path: 'items.children', cost: 60 });
  });
});

describe('work is linear in the document', () => {
  test('26 fragments each spreading the next twice are costed by visiting each written selection once', () => {
    const plain = doublingFragments('__typename');
    expect(estimate(plain)).toMatchObject({ cost: 0, visited: selectionsIn(plain) });
    const fetching = doublingFragments('organization(id: "x") { id }');
    expect(estimate(fetching)).toMatchObject({ cost: 2 ** 25, visited: selectionsIn(fetching) });
  });
});

describe('a repeated operation is costed once per page size it is given', () => {
  // One parsed operation, as Apollo's document cache hands the same text's parse to every request.
  const document = parse('query($id: ID!, $n: Int = 3) { organization(id: $id) { id agreements(first: $n) { agreement { id parties { organization { id } } } } } }');
  const operation = getOperationAST(document)!;
  const remembered = (variables: Record<string, unknown>) => rememberedCost({ schema: hub, document, operation, variables, table: HUB_COST_TABLE });
  const fresh = (variables: Record<string, unknown>) => estimateCost({ schema: hub, document, operation, variables, table: HUB_COST_TABLE });

  test('variables the estimate does not read (an id) reuse the estimate; it is the one estimateCost gives', () => {
    const first = remembered({ id: 'org-1', n: 20 });
    expect(first).toEqual(fresh({ id: 'org-1', n: 20 }));
    expect(remembered({ id: 'org-2', n: 20 })).toBe(first);
    expect(remembered({ id: 'org-3', n: 20.7 })).toBe(first);
  });

  test('another page size is costed anew, and each stays what estimateCost says', () => {
    const small = remembered({ id: 'org-1', n: 2 });
    const large = remembered({ id: 'org-1', n: 200 });
    expect(large.cost).toBeGreaterThan(small.cost);
    expect(large).toEqual(fresh({ id: 'org-1', n: 200 }));
    expect(remembered({ id: 'org-9', n: 2 })).toBe(small);
    // Absent takes the variable's default, null the argument's: told apart as estimateCost tells them.
    expect(remembered({ id: 'org-1' })).toEqual(fresh({ id: 'org-1' }));
    expect(remembered({ id: 'org-1', n: null })).toEqual(fresh({ id: 'org-1', n: null }));
  });

  test('another cost table is not answered from what was remembered for this one', () => {
    const before = remembered({ id: 'org-1', n: 50 });
    const cheaper = { ...HUB_COST_TABLE, sizeCaps: { ...HUB_COST_TABLE.sizeCaps, '*.first': 5 } };
    const other = rememberedCost({ schema: hub, document, operation, variables: { id: 'org-1', n: 50 }, table: cheaper });
    expect(other.cost).toBeLessThan(before.cost);
    expect(other).toEqual(estimateCost({ schema: hub, document, operation, variables: { id: 'org-1', n: 50 }, table: cheaper }));
  });
});

describe("the hub's schema", () => {
  test('every example query of the README and docs/queries.md is within the default budget', () => {
    const docs = ['README.md', 'docs/queries.md'].map((f) => fs.readFileSync(path.join(projectRoot, f), 'utf8'));
    const queries = docs.flatMap((text) => [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]));
    expect(queries.length).toBeGreaterThanOrEqual(20);
    for (const query of queries) {
      const { cost } = estimate(query);
      expect(cost).toBeGreaterThan(0);
      expect(cost).toBeLessThanOrEqual(BUDGET);
    }
  });

  test('nested relationship lists count at their page size, whole-graph aggregates and exports by their weight', () => {
    const nested = estimate('{ organizations(first: 2) { nodes { agreements(first: 3) { agreement { id } } } } }').cost;
    const byDefault = estimate('{ organizations(first: 2) { nodes { agreements { agreement { id } } } } }').cost;
    expect(nested).toBe(1 + 2 * (1 + 3 * 2));
    expect(byDefault).toBe(1 + 2 * (1 + DEFAULT_LIST_SIZE * 2));
    const network = estimate('{ cooperationNetwork(limit: 100) { nodes { id } } }').cost;
    const exported = estimate('{ cooperationNetwork(limit: 100) { nodes { id } export(format: GRAPHML) { content } } }').cost;
    expect(exported - network).toBeGreaterThan(100);
    expect(estimate('{ regionMatrix { cells { links } } }').cost).toBeGreaterThan(estimate('{ organization(id: "x") { id } }').cost * 1000);
  });

  test("provenance counts at most a few items per fact, whatever its first", () => {
    const few = estimate('{ organization(id: "x") { provenance { quote } } }').cost;
    expect(estimate('{ organization(id: "x") { provenance(first: 1000) { quote } } }').cost).toBe(few);
    expect(few).toBeLessThan(10);
  });

  test('the attack of nested relationship lists is estimated far over the budget, naming the deepest list', () => {
    const r = estimate(NESTED_LISTS);
    expect(r.cost).toBeGreaterThan(1000 * BUDGET);
    expect(r.biggest.path).toBe('organizations.nodes.agreements.agreement.parties.organization.agreements.agreement.parties.organization.agreements');
  });

  test('2,000 aliased exports are estimated over the budget, with the export as the biggest contributor', () => {
    const r = estimate(aliasedExports(2000));
    expect(r.cost).toBeGreaterThan(BUDGET);
    expect(r.biggest.path).toBe('cooperationNetwork.export');
  });
});

describe('the limits as the hub applies them, before any resolver runs', () => {
  // No database: a refused operation never reaches a resolver, so the context is never used.
  const apollo = createApollo({ log: createLogger('silent') });
  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext({} as Database) });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return { status: response.http.status, errors: response.body.singleResult.errors ?? [] };
  };

  test('the 236-byte attack is refused with QUERY_TOO_COSTLY stating the estimate, the budget and the biggest contributor', async () => {
    const { status, errors } = await run(NESTED_LISTS);
    expect(status).toBe(400);
    expect(errors).toHaveLength(1);
    const e = errors[0];
    expect(e.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', budget: BUDGET, biggest: expect.stringMatching(/^organizations\.nodes\.agreements/) });
    expect(e.message).toContain(`Query cost ${e.extensions!.cost} exceeds the budget of ${BUDGET}`);
    expect(e.message).toContain(`the biggest contributor is ${e.extensions!.biggest}`);
  });

  test('the same attack under 30 aliases is refused as too costly too', async () => {
    const { errors } = await run(aliasedNestedLists(30));
    expect(errors.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COSTLY']);
  });

  test('variables count: a page size given by a variable is refused when it makes the operation too costly', async () => {
    const query = 'query($n: Int!, $m: Int!) { organizations(first: $n) { nodes { agreements(first: $m) { agreement { parties(first: $m) { organization { id } } } } } } }';
    const { errors } = await run(query, { n: 500, m: 1000 });
    expect(errors[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(estimate(query, { n: 5, m: 10 }).cost).toBeLessThan(BUDGET);
  });

  test('more aliases than allowed are refused with QUERY_TOO_COMPLEX naming the limit', async () => {
    const max = loadConfig({}).limits.maxAliases;
    const { status, errors } = await run(aliasedExports(max + 1));
    expect(status).toBe(400);
    expect(errors).toEqual([
      expect.objectContaining({ message: `The document has more than ${max} aliases; at most ${max} are allowed`, extensions: { code: 'QUERY_TOO_COMPLEX', what: 'aliases', max } }),
    ]);
  });

  test('the alias bombs of 2,000 exports and 1,000 networks are refused with QUERY_TOO_COMPLEX', async () => {
    for (const query of [aliasedExports(2000), aliasedNetworks(1000)]) {
      const { status, errors } = await run(query);
      expect(status).toBe(400);
      // Either limit may stop them first: both documents are also over the token limit.
      expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }) })]);
    }
  });

  test('more directives than allowed are refused with QUERY_TOO_COMPLEX naming the limit', async () => {
    const max = loadConfig({}).limits.maxDirectives;
    const { errors } = await run(`{ ${'... @include(if: true) { __typename } '.repeat(max + 1)} }`);
    expect(errors[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', what: 'directives', max } });
    expect(errors[0].message).toContain(`at most ${max} are allowed`);
  });

  test('a document over the token limit is refused while it is parsed, before its end is read', async () => {
    const max = loadConfig({}).limits.maxTokens;
    // Unbalanced at the end: parsed to the end, this would be a plain syntax error instead.
    const { status, errors } = await run(`{ ${'__typename '.repeat(max)} }}}}`);
    expect(status).toBe(400);
    expect(errors).toEqual([
      expect.objectContaining({ message: `The document has more than ${max} tokens; at most ${max} are allowed`, extensions: { code: 'QUERY_TOO_COMPLEX', what: 'tokens', max } }),
    ]);
  });

  test('the 26-fragment doubling case passes every limit (it selects nothing but __typename)', async () => {
    const { errors } = await run(doublingFragments('__typename'));
    expect(errors).toEqual([]);
  });

  test('an ordinary query passes every document limit', () => {
    const query = '{ organizations(first: 5) { nodes { id agreements { agreement { title } } } } }';
    const limits = loadConfig({}).limits;
    expect(validate(hub, parse(query), [...specifiedRules, depthLimit(limits.maxQueryDepth), ...documentLimitRules(limits)])).toEqual([]);
    expect(estimate(query).cost).toBeLessThan(BUDGET);
  });
});
