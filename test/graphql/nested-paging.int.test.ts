import { isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType, type GraphQLField, type GraphQLType } from 'graphql';
import { createContext } from '../../src/graphql/context';
import { buildHubSchema } from '../../src/app/schema';
import { createLogger } from '../../src/core/logger';
import { createApollo } from '../../src/app/server';
import { MAX_NESTED_PAGE_SIZE, MAX_OFFSET, NESTED_PAGE_SIZE } from '../../src/graphql/paging';
import { data, gqlClient, openTestDb, type GqlResult } from '../helpers/graph';
import { selectionFields, statementsOf } from '../helpers/statements';

const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

// The cost check refuses some extreme arguments (a huge limit or depth) before any resolver runs; with its budget
// lifted, the argument checks themselves answer.
const uncapped = createApollo({ log: createLogger('silent'), limits: { maxQueryCost: Number.MAX_SAFE_INTEGER } });
async function gqlUncapped(query: string): Promise<GqlResult> {
  const response = await uncapped.executeOperation({ query }, { contextValue: createContext(db) });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  return response.body.singleResult as GqlResult;
}

const HUB_ORG = 'org-dost-ho-chi-minh';

/**
 * Nested lists of the curated graph: the parent with the most items (Cypher, columns `id` and `n`), how a query
 * reaches that parent by `$id`, the list field with any other arguments, and the selection that identifies an item.
 */
const LISTS: Record<string, { parent: string; root: string; field: string; items: string }> = {
  'Organization.agreements': { parent: 'MATCH (p:Organization)-[:PARTY_TO]->(:Agreement)', root: 'organization', field: 'agreements', items: '{ role agreement { id } }' },
  'Organization.activities': { parent: 'MATCH (p:Organization)-[:PARTICIPATED_IN]->(:Activity)', root: 'organization', field: 'activities', items: '{ role activity { id } }' },
  'Organization.positions': { parent: 'MATCH (p:Organization)<-[:HOLDS_POSITION]-(:Person)', root: 'organization', field: 'positions', items: '{ title person { id } }' },
  'AdminUnit.children': { parent: 'MATCH (p:AdminUnit)<-[:PART_OF]-(:AdminUnit)', root: 'adminUnit', field: 'children', items: '{ id }' },
  'AdminUnit.organizations': { parent: 'MATCH (p:AdminUnit)<-[:LOCATED_IN]-(:Organization)', root: 'adminUnit', field: 'organizations', items: '{ id }' },
  'AdminUnit.organizations(includePredecessors)': {
    parent: 'MATCH (p:AdminUnit)<-[:SUCCEEDED_BY*0..10]-(:AdminUnit)<-[:LOCATED_IN]-(c:Organization) WITH DISTINCT p, c',
    root: 'adminUnit',
    field: 'organizations(includePredecessors: true',
    items: '{ id }',
  },
  'AdminUnit.activities': { parent: 'MATCH (p:AdminUnit)<-[:HELD_IN]-(:Activity)', root: 'adminUnit', field: 'activities', items: '{ id }' },
  'AdminUnit.predecessors': { parent: 'MATCH (p:AdminUnit)<-[:SUCCEEDED_BY]-(:AdminUnit)', root: 'adminUnit', field: 'predecessors', items: '{ id }' },
  'Region.members': { parent: 'MATCH (p:Region)<-[:IN_REGION]-(:AdminUnit)', root: 'region', field: 'members', items: '{ id }' },
  'Topic.agreements': { parent: 'MATCH (p:Topic)<-[:ABOUT]-(:Agreement)', root: 'topic', field: 'agreements', items: '{ id }' },
  'Topic.activities': { parent: 'MATCH (p:Topic)<-[:ABOUT]-(:Activity)', root: 'topic', field: 'activities', items: '{ id }' },
  'Agreement.parties': { parent: 'MATCH (p:Agreement)<-[:PARTY_TO]-(:Organization)', root: 'agreement', field: 'parties', items: '{ role organization { id } }' },
  'Agreement.activities': { parent: 'MATCH (p:Agreement)<-[:UNDER]-(:Activity)', root: 'agreement', field: 'activities', items: '{ id }' },
  'Agreement.implementations': { parent: 'MATCH (p:Agreement)<-[:IMPLEMENTS]-(:Agreement)', root: 'agreement', field: 'implementations', items: '{ id }' },
  'Agreement.topics': { parent: 'MATCH (p:Agreement)-[:ABOUT]->(:Topic)', root: 'agreement', field: 'topics', items: '{ id }' },
  'Activity.participants': { parent: 'MATCH (p:Activity)<-[:PARTICIPATED_IN]-(:Organization)', root: 'activity', field: 'participants', items: '{ role organization { id } }' },
  'Activity.attendances': { parent: 'MATCH (p:Activity)<-[:ATTENDED]-(:Person)', root: 'activity', field: 'attendances', items: '{ role person { id } }' },
  'Activity.subEvents': { parent: 'MATCH (p:Activity)<-[:PART_OF]-(:Activity)', root: 'activity', field: 'subEvents', items: '{ id }' },
  'Activity.parts': { parent: 'MATCH (p:Activity)-[:HAS_PART]->(:Part)', root: 'activity', field: 'parts', items: '{ id }' },
  'Agreement.parts': { parent: 'MATCH (p:Agreement)-[:HAS_PART]->(:Part)', root: 'agreement', field: 'parts', items: '{ id }' },
  'Part.topics': { parent: 'MATCH (p:Part)-[:ABOUT]->(:Topic)', root: 'part', field: 'topics', items: '{ id }' },
};

/** The parent with the most items of a list (one per row of `match`, which binds the parent as `p`), and how many it has. */
async function fullestParent(match: string): Promise<{ id: string; n: number }> {
  const [row] = await db.read(`${match}\nWITH p, count(*) AS n\nRETURN p.id AS id, n ORDER BY n DESC, id LIMIT 1`);
  return { id: String(row.id), n: Number(row.n) };
}

/** One page of a nested list, each item as JSON (its identity for comparisons). */
async function page(name: string, id: string, args: string): Promise<string[]> {
  const { root, field, items } = LISTS[name];
  const open = field.includes('(') ? `${field}${args ? `, ${args}` : ''})` : args ? `${field}(${args})` : field;
  const d = await data(gql(`query($id: ID!) { parent: ${root}(id: $id) { list: ${open} ${items} } }`, { id }));
  return (d.parent.list as unknown[]).map((item) => JSON.stringify(item));
}

function errorsOf(result: GqlResult): Array<{ message: string; code: unknown }> {
  return (result.errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code }));
}

describe('nested lists take first and offset', () => {
  test.each(Object.keys(LISTS))('%s: two pages in a row are the larger page, in the same order', async (name) => {
    const { id, n } = await fullestParent(LISTS[name].parent);
    // A parent with one item still shows the cut: the first page holds it, the page after it is empty.
    expect(n).toBeGreaterThanOrEqual(1);
    const half = Math.ceil(n / 2);
    const first = await page(name, id, `first: ${half}`);
    const second = await page(name, id, `first: ${half}, offset: ${half}`);
    const whole = await page(name, id, `first: ${2 * half}`);
    expect(first).toHaveLength(half);
    expect(second).toHaveLength(n - half);
    expect([...first, ...second]).toEqual(whole);
    expect(new Set(whole).size).toBe(n);
    // Without arguments the default page holds the whole list of the curated graph.
    expect(await page(name, id, '')).toEqual(whole);
  });

  test('pages of the same list under aliases in one request are cut each by its own arguments', async () => {
    const { id, n } = await fullestParent(LISTS['AdminUnit.children'].parent);
    const d = await data(
      gql(`query($id: ID!) { adminUnit(id: $id) { a: children(first: 2) { id } b: children(first: 2, offset: 2) { id } all: children(first: 4) { id } } }`, { id }),
    );
    expect(n).toBeGreaterThanOrEqual(4);
    expect([...d.adminUnit.a, ...d.adminUnit.b]).toEqual(d.adminUnit.all);
  });

  test('an organisation’s relations page through those it states, then those stated of it', async () => {
    // The curated graph holds no relation: three are added for this test and removed again.
    await db.write(`MATCH (a:Organization {id: $a}), (b:Organization {id: 'org-gov-au-vic'}), (c:Organization {id: 'org-dost-soc-trang'})
CREATE (a)-[:RELATED_TO {kind: 'PARTNER', pagingTest: true}]->(b), (c)-[:RELATED_TO {kind: 'RELATED', pagingTest: true}]->(a),
       (a)-[:RELATED_TO {kind: 'RELATED', pagingTest: true}]->(c)`, { a: HUB_ORG });
    try {
      const relations = async (args: string) =>
        (await data(gql(`query($id: ID!) { organization(id: $id) { relations${args} { direction kind organization { id } } } }`, { id: HUB_ORG })))
          .organization.relations.map((r: { direction: string; kind: string; organization: { id: string } }) => `${r.direction} ${r.kind} ${r.organization.id}`);
      const all = await relations('');
      expect(all).toEqual(['OUT RELATED org-dost-soc-trang', 'OUT PARTNER org-gov-au-vic', 'IN RELATED org-dost-soc-trang']);
      expect([...(await relations('(first: 2)')), ...(await relations('(first: 2, offset: 2)'))]).toEqual(all);
      expect(errorsOf(await gql(`{ organization(id: "${HUB_ORG}") { relations { provenance(offset: -1) { quote } } } }`))[0]).toEqual({
        code: 'BAD_USER_INPUT',
        message: `offset must be between 0 and ${MAX_OFFSET} (got -1)`,
      });
    } finally {
      await db.write('MATCH ()-[r:RELATED_TO {pagingTest: true}]->() DELETE r');
    }
  });

  test('an offset past the end gives an empty page', async () => {
    const { id, n } = await fullestParent(LISTS['Organization.agreements'].parent);
    expect(await page('Organization.agreements', id, `offset: ${n}`)).toEqual([]);
  });

  test('the in-force lists page in their stated order', async () => {
    const q = (args: string) => `{ inForce(year: 2024) { agreements(${args}) { id } activities(${args}) { id } } }`;
    const whole = (await data(gql(q('first: 1000')))).inForce;
    expect(whole.agreements.length).toBeGreaterThanOrEqual(2);
    const half = Math.ceil(whole.agreements.length / 2);
    const a = (await data(gql(q(`first: ${half}`)))).inForce;
    const b = (await data(gql(q(`first: ${half}, offset: ${half}`)))).inForce;
    expect([...a.agreements, ...b.agreements]).toEqual(whole.agreements.slice(0, 2 * half));
  });

  test('provenance, figures and a partner’s evidence page what their parent holds', async () => {
    const [row] = await db.read(`MATCH (a:Agreement) WHERE a.provenance IS NOT NULL RETURN a.id AS id ORDER BY size(a.provenance) DESC, id LIMIT 1`);
    const provenance = async (args: string) =>
      (await data(gql(`query($id: ID!) { agreement(id: $id) { provenance${args} { sourceId quote } } }`, { id: row.id }))).agreement.provenance;
    const all = await provenance('');
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect([...(await provenance('(first: 1)')), ...(await provenance('(first: 1000, offset: 1)'))]).toEqual(all);

    const evidence = async (args: string) =>
      (await data(gql(`query($id: ID!) { partners(actor: $id, first: 1) { partners { evidence${args} { id actorRole partnerRole } } } }`, { id: HUB_ORG })))
        .partners.partners[0].evidence;
    const links = await evidence('');
    expect(links.length).toBeGreaterThanOrEqual(1);
    expect([...(await evidence('(first: 1)')), ...(await evidence('(offset: 1)'))]).toEqual(links);
  });
});

describe('the default page holds every nested list of the curated graph', () => {
  test(`no parent has more than ${NESTED_PAGE_SIZE} items on one relationship type and direction`, async () => {
    const [row] = await db.read(`CALL () {
  MATCH (p)-[r]->() RETURN p, type(r) AS t, 'out' AS dir
  UNION ALL
  MATCH (p)<-[r]-() RETURN p, type(r) AS t, 'in' AS dir
}
WITH p, t, dir, count(*) AS n
RETURN max(n) AS largest`);
    expect(Number(row.largest)).toBeLessThanOrEqual(NESTED_PAGE_SIZE);
    const withPredecessors = await fullestParent(LISTS['AdminUnit.organizations(includePredecessors)'].parent);
    expect(withPredecessors.n).toBeLessThanOrEqual(NESTED_PAGE_SIZE);
  });

  test(`no provenance, figure list or year in force holds more than ${NESTED_PAGE_SIZE} items`, async () => {
    const rows = await db.read(`CALL () {
  MATCH (n) WHERE n.provenance IS NOT NULL RETURN n.provenance AS list
  UNION ALL
  MATCH ()-[r]->() WHERE r.provenance IS NOT NULL RETURN r.provenance AS list
  UNION ALL
  MATCH (a:Activity) WHERE a.figures IS NOT NULL RETURN a.figures AS list
}
RETURN list`);
    const largest = Math.max(...rows.map((r) => (JSON.parse(String(r.list)) as unknown[]).length));
    expect(largest).toBeLessThanOrEqual(NESTED_PAGE_SIZE);
    const years = await db.read(`MATCH (n) WHERE n:Agreement OR n:Activity
WITH [d IN [n.signedOn, n.validFrom, n.validTo, n.startDate, n.endDate] WHERE d IS NOT NULL | d.year] AS ys UNWIND ys AS y
RETURN collect(DISTINCT y) AS years`);
    for (const year of years[0].years as number[]) {
      const d = await data(gql(`{ inForce(year: ${year}) { agreements(first: ${MAX_NESTED_PAGE_SIZE}) { id } activities(first: ${MAX_NESTED_PAGE_SIZE}) { id } } }`));
      expect(Math.max(d.inForce.agreements.length, d.inForce.activities.length)).toBeLessThanOrEqual(NESTED_PAGE_SIZE);
    }
  });
});

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** How a query reaches an instance of each type that has Int arguments (the curated graph has one of each). */
const REACH: Record<string, (field: string) => string> = {
  Query: (f) => f,
  Organization: (f) => `organizations(first: 50) { nodes { ${f} } }`,
  AdminUnit: (f) => `adminUnits(first: 50) { nodes { ${f} } }`,
  Region: (f) => `regions(first: 50) { nodes { ${f} } }`,
  Agreement: (f) => `agreements(first: 50) { nodes { ${f} } }`,
  Activity: (f) => `activities(first: 50) { nodes { ${f} } }`,
  Person: (f) => `people(first: 50) { nodes { ${f} } }`,
  SourceDocument: (f) => `sources(first: 50) { nodes { ${f} } }`,
  Topic: (f) => `topics(first: 50) { nodes { ${f} } }`,
  AgreementParty: (f) => `agreements(first: 50) { nodes { parties { ${f} } } }`,
  Participation: (f) => `activities(first: 50) { nodes { participants { ${f} } } }`,
  Attendance: (f) => `activities(first: 500) { nodes { attendances { ${f} } } }`,
  Position: (f) => `people(first: 500) { nodes { positions { ${f} } } }`,
  Signature: (f) => `people(first: 500) { nodes { signatures { ${f} } } }`,
  InForce: (f) => `inForce(year: 2024) { ${f} }`,
  Partner: (f) => `partners(actor: "${HUB_ORG}") { partners { ${f} } }`,
  TimelineEvent: (f) => `timeline(actor: "${HUB_ORG}") { ${f} }`,
  Part: (f) => `activities(first: 50) { nodes { parts { ${f} } } }`,
  PartActor: (f) => `activities(first: 50) { nodes { parts { actors { ${f} } } } }`,
  NetworkGraph: (f) => `egoNetwork(actor: "${HUB_ORG}") { ${f} }`,
};

/** Arguments a Query field needs besides the one under test. */
const REQUIRED: Record<string, string> = {
  egoNetwork: `actor: "${HUB_ORG}"`,
  partners: `actor: "${HUB_ORG}"`,
  paths: `from: "${HUB_ORG}", to: "org-gov-au-vic"`,
  ranking: 'by: PARTNERS',
  timeline: `actor: "${HUB_ORG}"`,
  timelinePage: `actor: "${HUB_ORG}"`,
  search: 'text: "khoa"',
  history: 'id: "org-most"',
  mentions: 'text: "Sở KH&CN"',
  searchSuggestions: 'text: "khoa"',
  'NetworkGraph.export': 'format: JSON',
};

// The curated graph holds no organisation relation, so no query reaches one; its page arguments are the same
// class as every other nested list's (the shape check below says so).
const UNREACHABLE = new Set(['OrganizationRelation']);

function namedType(type: GraphQLType): GraphQLType {
  return isNonNullType(type) || isListType(type) ? namedType(type.ofType) : type;
}

/** Every Int argument of the schema as [type, field, argument]; organisation types share the interface's fields. */
function intArguments(): Array<[string, GraphQLField<unknown, unknown>, string]> {
  const schema = buildHubSchema();
  const found: Array<[string, GraphQLField<unknown, unknown>, string]> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    // Mutations need a token before anything else is read: their bounds are tested with one, in test/curation/.
    if (type.name === 'Mutation') continue;
    if (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Organization')) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) if (isScalarType(namedType(arg.type)) && namedType(arg.type).toString() === 'Int') found.push([type.name, field, arg.name]);
    }
  }
  return found;
}

describe('every Int argument of the schema is bounded', () => {
  const cases = intArguments().flatMap(([type, field, arg]) => [INT_MIN, INT_MAX].map((value) => [`${type}.${field.name}(${arg}: ${value})`, type, field, arg, value] as const));

  test('the walk finds the arguments it should', () => {
    const names = new Set(cases.map(([name]) => name.replace(/:.*$/, '')));
    for (const expected of ['Query.ranking(offset', 'Query.inForce(year', 'Query.egoNetwork(depth', 'Organization.agreements(first', 'Activity.figures(offset', 'InForce.agreements(first']) {
      expect(names).toContain(expected);
    }
  });

  test.each(cases.filter(([, type]) => !UNREACHABLE.has(type)))('%s is refused, by its own check with BAD_USER_INPUT stating the bounds', async (_name, type, field, arg, value) => {
    const reach = REACH[type];
    expect(reach).toBeDefined();
    const others = type === 'Query' ? REQUIRED[field.name] : REQUIRED[`${type}.${field.name}`];
    const args = [others, `${arg}: ${value}`].filter(Boolean).join(', ');
    const leaf = namedType(field.type);
    const selection = isScalarType(leaf) ? '' : ' { __typename }';
    const query = `{ ${reach(`${field.name}(${args})${selection}`)} }`;
    const refused = errorsOf(await gql(query));
    expect(refused.length).toBeGreaterThan(0);
    for (const e of refused) expect(['BAD_USER_INPUT', 'QUERY_TOO_COSTLY']).toContain(e.code);
    const errors = errorsOf(await gqlUncapped(query));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(e.message).toMatch(new RegExp(`^${arg} must be between -?\\d+ and \\d+ \\(got ${value}\\)$`));
    }
  });

  test('nested lists nobody reaches in the curated graph take the same page arguments', () => {
    for (const [type, field, arg] of intArguments().filter(([t]) => UNREACHABLE.has(t))) {
      const a = field.args.find((x) => x.name === arg)!;
      expect([arg, a.defaultValue, a.description]).toEqual(
        arg === 'first' ? ['first', NESTED_PAGE_SIZE, `How many items (1 to ${MAX_NESTED_PAGE_SIZE})`] : ['offset', 0, `How many items to skip (0 to ${MAX_OFFSET})`],
      );
      expect(type).toBe('OrganizationRelation');
    }
  });

  test('the ranking offset at the top of the Int range is BAD_USER_INPUT, not an internal error', async () => {
    const r = await gql(`{ ranking(by: PARTNERS, offset: 2147483647) { totalCount items { rank } } }`);
    expect(errorsOf(r)).toEqual([{ code: 'BAD_USER_INPUT', message: `offset must be between 0 and ${MAX_OFFSET} (got 2147483647)` }]);
    // The deepest offset allowed is answered (with an empty page on the curated graph).
    expect((await data(gql(`{ ranking(by: PARTNERS, offset: ${MAX_OFFSET}) { items { rank } } }`))).ranking.items).toEqual([]);
  });

  test('nested page sizes beyond their bounds are BAD_USER_INPUT naming the bounds', async () => {
    const q = (args: string) => `{ organization(id: "${HUB_ORG}") { agreements(${args}) { role } } }`;
    expect(errorsOf(await gql(q('first: 0')))).toEqual([{ code: 'BAD_USER_INPUT', message: `first must be between 1 and ${MAX_NESTED_PAGE_SIZE} (got 0)` }]);
    expect(errorsOf(await gql(q(`first: ${MAX_NESTED_PAGE_SIZE + 1}`)))).toEqual([
      { code: 'BAD_USER_INPUT', message: `first must be between 1 and ${MAX_NESTED_PAGE_SIZE} (got ${MAX_NESTED_PAGE_SIZE + 1})` },
    ]);
    expect(errorsOf(await gql(q('offset: -1')))).toEqual([{ code: 'BAD_USER_INPUT', message: `offset must be between 0 and ${MAX_OFFSET} (got -1)` }]);
    expect(errorsOf(await gql(q(`offset: ${MAX_OFFSET + 1}`)))).toEqual([
      { code: 'BAD_USER_INPUT', message: `offset must be between 0 and ${MAX_OFFSET} (got ${MAX_OFFSET + 1})` },
    ]);
    // The largest allowed page is answered.
    expect((await data(gql(q(`first: ${MAX_NESTED_PAGE_SIZE}, offset: ${MAX_OFFSET}`)))).organization.agreements).toEqual([]);
  });
});

describe('round trips stay flat with nested pages', () => {
  const QUERY = `query($first: Int!) { organizations(first: $first) { nodes { id
    a: agreements(first: 2) { role agreement { id parties(first: 3, offset: 1) { organization { id activities(first: 1) { activity { id } } } } } }
    b: agreements(first: 5, offset: 2) { agreement { topics(first: 2) { id agreements(first: 2) { id } } } }
    activities(offset: 1) { activity { id participants(first: 2) { organization { id } } } }
    children(first: 1) { id } provenance(first: 1) { source { id } } } } }`;

  test('one statement per list field and page, whatever the number of parents', async () => {
    const bound = selectionFields(QUERY);
    const runs = [];
    for (const first of [3, 20, 80]) runs.push(await statementsOf(db, gql, QUERY, { first }));
    expect(runs[2].data.organizations.nodes.length).toBeGreaterThan(bound);
    for (const run of runs) expect(run.statements).toBeLessThanOrEqual(bound);
  });
});
