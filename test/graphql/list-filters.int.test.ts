import { MAX_FILTER_VALUES } from '../../src/graphql/filter-lists';
import { data, gqlClient, openTestDb } from '../helpers/graph';

// One list grammar: a list filter matches any of its values (the union of the singular filter's answers), a
// singular filter and its list both apply when both are given, and a list longer than the bound is refused
// before any statement runs. Ids are those of the curated seed graph.

const db = openTestDb();
const gql = gqlClient(db);
afterAll(() => db.close());

/** The ids a top-level list gives for a filter (as a GraphQL literal), in the list's order. */
async function ids(list: string, args: string): Promise<string[]> {
  const d = await data(gql(`{ ${list}(first: 500, ${args}) { totalCount nodes { id } } }`));
  expect(d[list].totalCount).toBe(d[list].nodes.length);
  return d[list].nodes.map((n: { id: string }) => n.id);
}

const sorted = (xs: string[]) => [...new Set(xs)].sort();
const literal = (value: string, enumValue: boolean) => (enumValue ? value : JSON.stringify(value));

// [list, singular argument path, plural argument path, two values, values are enum values]
const PAIRS: Array<[string, string, string, [string, string], boolean]> = [
  ['organizations', 'filter.kind', 'filter.kinds', ['UNIVERSITY', 'COMPANY'], true],
  ['organizations', 'filter.location', 'filter.locations', ['prov-binh-thuan', 'prov-hai-phong'], false],
  ['organizations', 'filter.region', 'filter.regions', ['region-southeast', 'region-mekong-delta'], false],
  ['adminUnits', 'filter.level', 'filter.levels', ['CITY', 'STATE'], true],
  ['adminUnits', 'filter.region', 'filter.regions', ['region-southeast', 'region-south-central-coast'], false],
  ['agreements', 'filter.kind', 'filter.kinds', ['PROGRAMME', 'MEMORANDUM'], true],
  ['agreements', 'filter.party', 'filter.parties', ['org-dost-da-nang', 'org-pc-binh-thuan'], false],
  ['agreements', 'filter.topic', 'filter.topics', ['topic-startup', 'topic-incubation'], false],
  ['agreements', 'filter.status', 'filter.statuses', ['SIGNED', 'PROPOSED'], true],
  ['activities', 'filter.kind', 'filter.kinds', ['CONFERENCE', 'FESTIVAL'], true],
  ['activities', 'filter.place', 'filter.locations', ['prov-hai-phong', 'prov-da-nang'], false],
  ['activities', 'filter.agreement', 'filter.agreements', ['agr-dost-hcm-soc-trang-2019-2020', 'agr-mekong-kez-dost-programme-2018'], false],
  ['activities', 'filter.participant', 'filter.participants', ['org-dost-hai-phong', 'org-vnu-hcm-iu'], false],
  ['activities', 'filter.topic', 'filter.topics', ['topic-digital-transformation', 'topic-artificial-intelligence'], false],
  ['people', 'organization', 'organizations', ['org-most', 'org-cpv-politburo'], false],
  ['sources', 'kind', 'kinds', ['NEWS', 'OFFICIAL_LETTER'], true],
];

/** `filter: { name: value }` or `name: value` for an argument path. */
function arg(path: string, value: string): string {
  const [first, second] = path.split('.');
  return second ? `${first}: { ${second}: ${value} }` : `${first}: ${value}`;
}

describe('list filters', () => {
  test.each(PAIRS)('%s: %s as a list of two matches the items of either value, in the same order', async (list, single, plural, [a, b], isEnum) => {
    const [onlyA, onlyB] = [await ids(list, arg(single, literal(a, isEnum))), await ids(list, arg(single, literal(b, isEnum)))];
    expect(onlyA.length).toBeGreaterThan(0);
    expect(onlyB.length).toBeGreaterThan(0);
    const both = await ids(list, arg(plural, `[${literal(a, isEnum)}, ${literal(b, isEnum)}]`));
    expect(sorted(both)).toEqual(sorted([...onlyA, ...onlyB]));
    const all = await ids(list, '');
    expect(both).toEqual(all.filter((id) => both.includes(id)));
    expect(await ids(list, arg(plural, `[${literal(a, isEnum)}]`))).toEqual(onlyA);
  });

  test('an empty list filters nothing out', async () => {
    expect(await ids('organizations', 'filter: { kinds: [] }')).toEqual(await ids('organizations', ''));
  });

  test('a singular filter and its list both apply when both are given', async () => {
    expect(await ids('organizations', 'filter: { kind: UNIVERSITY, kinds: [COMPANY] }')).toEqual([]);
    expect(await ids('organizations', 'filter: { kind: UNIVERSITY, kinds: [COMPANY, UNIVERSITY] }')).toEqual(await ids('organizations', 'filter: { kind: UNIVERSITY }'));
  });

  test('a location list counts organisations of a unit merged into a listed one, as the singular location does', async () => {
    const merged = await ids('organizations', 'filter: { locations: ["prov-lam-dong-2025"] }');
    expect(merged).toEqual(await ids('organizations', 'filter: { location: "prov-lam-dong-2025" }'));
    expect(merged).toEqual(expect.arrayContaining(await ids('organizations', 'filter: { locations: ["prov-binh-thuan"] }')));
  });

  test('activities by regions are those held in a member unit of any of them', async () => {
    const southeast = await ids('activities', 'filter: { regions: ["region-southeast"] }');
    const hcmc = await ids('activities', 'filter: { locations: ["prov-ho-chi-minh"] }');
    expect(hcmc.length).toBeGreaterThan(0);
    expect(southeast).toEqual(expect.arrayContaining(hcmc));
    for (const id of await ids('activities', 'filter: { locations: ["prov-hai-phong"] }')) expect(southeast).not.toContain(id);
  });

  test('agreement dates take from and to, the same as the deprecated signedFrom and signedTo', async () => {
    const byNew = await ids('agreements', 'filter: { from: "2018-01-01", to: "2019-12-31" }');
    expect(byNew.length).toBeGreaterThan(0);
    expect(byNew).toEqual(await ids('agreements', 'filter: { signedFrom: "2018-01-01", signedTo: "2019-12-31" }'));
    expect(await ids('agreements', 'filter: { from: "2018-01-01", signedTo: "2017-12-31" }')).toEqual([]);
    const e = (await gql('{ agreements(filter: { from: "2020-01-01", to: "2019-01-01" }) { nodes { id } } }')).errors?.[0];
    expect(e?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test.each([
    ['organizations', 'filter: { regions: $values }', '[ID!]', 'regions'],
    ['activities', 'filter: { participants: $values }', '[ID!]', 'participants'],
    ['people', 'organizations: $values', '[ID!]', 'organizations'],
  ])('%s refuses more than the bound of values with BAD_USER_INPUT before any statement', async (list, args, type, name) => {
    const values = Array.from({ length: MAX_FILTER_VALUES + 1 }, (_, i) => `id-${i}`);
    const before = db.statementCount;
    const r = await gql(`query($values: ${type}) { ${list}(${args}) { nodes { id } } }`, { values });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toBe(`${name} takes at most ${MAX_FILTER_VALUES} values (got ${MAX_FILTER_VALUES + 1})`);
    expect(db.statementCount - before).toBe(0);
    const atBound = await gql(`query($values: ${type}) { ${list}(${args}) { nodes { id } } }`, { values: values.slice(1) });
    expect(atBound.errors).toBeUndefined();
  });
});

describe('LinkFilter.topic is an ID', () => {
  const query = (declared: string) => `query($topic: ${declared}) { partners(actor: "org-dost-ho-chi-minh", filter: { topic: $topic }) { partners { organization { id } } } }`;

  test('a string literal and an ID variable give the same answer', async () => {
    const literalAnswer = await data(gql(`{ partners(actor: "org-dost-ho-chi-minh", filter: { topic: "topic-startup" }) { partners { organization { id } } } }`));
    expect(literalAnswer.partners.partners.length).toBeGreaterThan(0);
    expect(await data(gql(query('ID'), { topic: 'topic-startup' }))).toEqual(literalAnswer);
  });

  test('a variable declared String is refused by validation (the one case the type change breaks)', async () => {
    const r = await gql(query('String'), { topic: 'topic-startup' });
    expect(r.errors?.[0]?.message).toMatch(/Variable "\$topic" of type "String" used in position expecting type "ID"/);
  });
});
