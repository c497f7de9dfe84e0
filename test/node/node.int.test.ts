import { data, gqlClient, openTestDb } from '../helpers/graph';
import { statementsOf } from '../helpers/statements';
import { closestCandidatesQuery, NODES_BY_ID } from '../../src/node/node.repository';
import { intParam } from '../../src/db/database';

const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

// Ids of every kind of the curated graph, with the GraphQL type each resolves to.
const KNOWN: Record<string, string> = {
  'org-dost-ca-mau': 'GovernmentBody',
  'org-csiro': 'ResearchInstitute',
  'org-griffith-university': 'University',
  'org-dost-soc-trang': 'GovernmentBody',
  'prov-ca-mau': 'AdminUnit',
  'country-vn': 'AdminUnit',
  'state-au-vic': 'AdminUnit',
  'region-mekong-delta': 'Region',
  'agr-mekong-kez-dost-programme-2018': 'Agreement',
  'agr-mekong-kez-pc-16-ttht-ubnd-2018': 'Agreement',
  'act-mekong-startup-day-2018': 'Activity',
  'act-shtp-rdc-csiro-gold-nanocomposite': 'Activity',
  'part-mekong-kez-dost-2018-c2-journal': 'Part',
  'part-ho-chi-minh-binh-thuan-2024-2025-bme10': 'Part',
  'per-nguyen-quoc-viet': 'Person',
  'src-001': 'SourceDocument',
  'ext-iso-3166': 'SourceDocument',
  'topic-innovation': 'Topic',
  'topic-startup': 'Topic',
};

const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
  ... on Organization { name kind } ... on AdminUnit { name level } ... on Region { name } ... on Agreement { title }
  ... on Activity { title } ... on Part { title } ... on Person { name } ... on SourceDocument { title } ... on Topic { name } } }`;

describe('node and nodes fetch anything by id', () => {
  test('node(id) answers each kind with its own type and fields, and null for an unknown id', async () => {
    const d = await data(
      gql(`{ org: node(id: "org-dost-ca-mau") { __typename id ... on Organization { name } }
             part: node(id: "part-mekong-kez-dost-2018-c2-journal") { __typename ... on Part { kind } }
             nobody: node(id: "org-nobody") { id } }`),
    );
    expect(d.org).toEqual({ __typename: 'GovernmentBody', id: 'org-dost-ca-mau', name: 'Sở Khoa học và Công nghệ tỉnh Cà Mau' });
    expect(d.part.__typename).toBe('Part');
    expect(d.nobody).toBeNull();
  });

  test('nodes(ids) keeps the order of ids, repeats repeated ids and answers null for unknown ones', async () => {
    const ids = ['topic-startup', 'org-nobody', 'org-csiro', 'topic-startup', 'prov-ca-mau'];
    const { nodes } = await data(gql(NODES, { ids }));
    expect(nodes.map((n: any) => n?.id ?? null)).toEqual(['topic-startup', null, 'org-csiro', 'topic-startup', 'prov-ca-mau']);
    expect(nodes[2]).toMatchObject({ __typename: 'ResearchInstitute', kind: 'RESEARCH_INSTITUTE' });
  });

  test('every kind with an id is a Node', async () => {
    const { nodes } = await data(gql(NODES, { ids: Object.keys(KNOWN) }));
    expect(Object.fromEntries(nodes.map((n: any) => [n.id, n.__typename]))).toEqual(KNOWN);
  });

  test('twenty ids of mixed kinds cost one statement, as two do', async () => {
    const twenty = [...Object.keys(KNOWN), 'org-nobody'];
    expect(twenty).toHaveLength(20);
    const many = await statementsOf(db, gql, NODES, { ids: twenty });
    const few = await statementsOf(db, gql, NODES, { ids: ['org-csiro', 'topic-startup'] });
    expect(many.data.nodes.filter(Boolean)).toHaveLength(19);
    expect(many.statements).toBe(1);
    expect(few.statements).toBe(1);
  });

  test('node aliases of one request share one statement', async () => {
    const r = await statementsOf(db, gql, `{ a: node(id: "org-csiro") { id } b: node(id: "src-001") { id } c: node(id: "prov-ca-mau") { id } }`, {});
    expect(r.statements).toBe(1);
  });

  test('no ids cost nothing; more than a hundred are refused', async () => {
    expect(await statementsOf(db, gql, NODES, { ids: [] })).toMatchObject({ statements: 0, data: { nodes: [] } });
    const r = await gql(NODES, { ids: Array.from({ length: 101 }, (_, i) => `org-${i}`) });
    expect(r.errors?.[0]).toMatchObject({ message: 'ids holds 101 ids; at most 100 are allowed', extensions: { code: 'BAD_USER_INPUT', field: 'ids' } });
  });

  test('the lookup seeks each label’s id index, never scanning nodes', async () => {
    const operators = await db.explain(NODES_BY_ID, { keys: ['org-csiro', 'topic-startup'] });
    expect(operators).toContain('NodeUniqueIndexSeek');
    expect(operators).not.toContain('AllNodesScan');
    expect(operators).not.toContain('NodeByLabelScan');
  });
});

describe('NOT_FOUND names the ids most likely meant', () => {
  test('a mistyped organisation id suggests the organisation', async () => {
    const r = await gql(`{ organization(id: "org-dost-ca-mau-typo") { id } }`);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'Organization', id: 'org-dost-ca-mau-typo' });
    const closest = r.errors?.[0].extensions?.closest as string[];
    expect(closest[0]).toBe('org-dost-ca-mau');
    expect(closest.length).toBeLessThanOrEqual(3);
    expect(r.errors?.[0].message).toMatch(/^Organization 'org-dost-ca-mau-typo' does not exist; did you mean 'org-dost-ca-mau'/);
  });

  test('a swapped letter in a unit id suggests the unit, of that kind only', async () => {
    const r = await gql(`{ adminUnit(id: "prov-ca-mua") { id } }`);
    const closest = r.errors?.[0].extensions?.closest as string[];
    expect(closest[0]).toBe('prov-ca-mau');
    expect(closest.every((id) => id.startsWith('prov-'))).toBe(true);
  });

  test('an actor id may be corrected to an organisation', async () => {
    const r = await gql(`{ partners(actor: "org-dost-camau") { totalCount } }`);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'Actor' });
    expect(r.errors?.[0].extensions?.closest).toContain('org-dost-ca-mau');
  });

  test('candidates come from range seeks on the id indexes, never from a scan', async () => {
    const operators = await db.explain(closestCandidatesQuery(['Organization', 'AdminUnit', 'Region']), { prefixes: ['org-dost'], perPrefix: intParam(100) });
    expect(operators.some((o) => /IndexSeekByRange|IndexSeek/.test(o))).toBe(true);
    expect(operators).not.toContain('AllNodesScan');
    expect(operators).not.toContain('NodeByLabelScan');
  });

  test('nothing close: no suggestion, and the message as before', async () => {
    const r = await gql(`{ agreement(id: "agr-nope") { id } }`);
    expect(r.errors?.[0]).toMatchObject({ message: "Agreement 'agr-nope' does not exist", extensions: { code: 'NOT_FOUND', closest: [] } });
  });
});
