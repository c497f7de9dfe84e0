import { intParam, type Row } from '../../db/database';
import { LIMITS } from '../../network/network.limits';
import {
  FLOOR_COUNTS_BY_REGION,
  FLOOR_COUNTS_BY_YEAR,
  FLOOR_COUNT_TABLE,
  FLOOR_DASHBOARD_PARAMS,
  FLOOR_RANKING,
  FLOOR_TOTALS,
  FLOOR_EGO,
  FLOOR_LOOKUP,
  FLOOR_PARTNERS,
  FLOOR_PARTNERS_2,
  FLOOR_PATH,
  FLOOR_REGION_MATRIX,
  FLOOR_SEARCH,
  FLOOR_TIE_PARAMS,
} from './bench.floor';

/** What one benchmark request is about: drawn once per round, the same for every target. */
export interface BenchSample {
  /** An organisation with at least one cooperation link. */
  org: string;
  /** Another such organisation (the far end of a path). */
  other: string;
  /** A phrase from an organisation's name. */
  phrase: string;
  /** The signing years present in the graph (for clients that must name each bucket). */
  years: string[];
}

export type Json = Record<string, unknown>;

export interface GraphqlRequest {
  query: string;
  variables: Json;
}

/** A family's request for a GraphQL endpoint, and a short fingerprint of its answer for the agreement check. */
export interface GraphqlSide {
  request(s: BenchSample): GraphqlRequest;
  answer(data: Json, s: BenchSample): string;
}

export interface FloorSide {
  cypher: string;
  params(s: BenchSample): Json;
  answer(rows: Row[], s: BenchSample): string;
}

export interface Family {
  name: string;
  /** What the hub is asked, in words. */
  description: string;
  hub: GraphqlSide;
  floor: FloorSide;
  /** How @neo4j/graphql answers it, or why it cannot in one request. */
  neo4jGraphql: (GraphqlSide & { note?: string }) | { unsupported: string };
}

const FIRST = 20;
const EGO_LIMIT = 200;

type Partner = { id: string; count: number; weight: number };

/** Fingerprints a ranked partner list: the total and the top partners with count and weight (to 6 places). */
function partnerFingerprint(total: number, partners: Partner[]): string {
  return `${total}:${partners.map((p) => `${p.id}/${Number(p.count)}/${Number(p.weight).toFixed(6)}`).join(',')}`;
}

// Ties are typed by roles, the instrument's principal parties, sub-unit ancestry and status (src/rules/tie.ts):
// @neo4j/graphql can only fetch the raw nesting, so the question itself is not one it can ask.
const TIE_RULE_UNSUPPORTED =
  'ties follow the tie rule (both roles, the instrument’s principal parties and status, sub-unit ancestry, the strongest kind per instrument, fractional weights): not expressible in its generated filters; a client would fetch every shared instrument and re-apply the rule';

type MatrixCell = { from: string; to: string; links: unknown; weight: unknown; agreements: unknown; activities: unknown };

/** Fingerprints region-matrix cells: each cell's ties, weight (to 6 places), agreements and activities, by cell. */
function matrixFingerprint(cells: MatrixCell[]): string {
  return cells
    .map((c) => `${c.from}-${c.to}=${Number(c.links)}/${Number(c.weight).toFixed(6)}/${Number(c.agreements)}/${Number(c.activities)}`)
    .sort()
    .join(',');
}

const sortKeys = (rows: Array<{ key: string; count: number }>) =>
  rows
    .map((r) => `${r.key}=${r.count}`)
    .sort()
    .join(',');

const DASHBOARD_UNSUPPORTED = `${TIE_RULE_UNSUPPORTED}; and no grouping by a related node’s region, aggregations count one type at a time`;
const TOTALS = ['organizations', 'agreements', 'activities', 'links', 'people', 'provinces'] as const;
const RANKED = 20;

/** Dashboard answers, each asked again and again as a dashboard that refreshes does. */
const DASHBOARD_FAMILIES: Family[] = [
  {
    name: 'dashboard totals',
    description: 'organisations, agreements, activities, links, people and provinces in the whole graph',
    hub: {
      request: () => ({ query: `{ totals { ${TOTALS.join(' ')} } }`, variables: {} }),
      answer: (d) => TOTALS.map((k) => Number((d.totals as Json)[k])).join('/'),
    },
    floor: { cypher: FLOOR_TOTALS, params: () => FLOOR_DASHBOARD_PARAMS, answer: ([r]) => TOTALS.map((k) => Number(r[k])).join('/') },
    neo4jGraphql: { unsupported: DASHBOARD_UNSUPPORTED },
  },
  {
    name: 'dashboard counts by region',
    description: 'agreements counted by the regions of the organisations tied through them',
    hub: {
      request: () => ({ query: '{ counts(of: AGREEMENTS, groupBy: REGION) { key count } }', variables: {} }),
      answer: (d) => sortKeys(d.counts as Array<{ key: string; count: number }>),
    },
    floor: {
      cypher: FLOOR_COUNTS_BY_REGION,
      params: () => FLOOR_DASHBOARD_PARAMS,
      answer: (rows) => sortKeys(rows.map((r) => ({ key: String(r.key), count: Number(r.count) }))),
    },
    neo4jGraphql: { unsupported: DASHBOARD_UNSUPPORTED },
  },
  {
    name: 'dashboard year × region',
    description: 'agreements by signing year and region as one zero-filled table (fingerprint: the distinct agreements counted)',
    hub: {
      request: () => ({ query: '{ countTable(of: AGREEMENTS, rows: YEAR, columns: REGION) { total cells } }', variables: {} }),
      answer: (d) => String((d.countTable as { total: number }).total),
    },
    floor: {
      cypher: FLOOR_COUNT_TABLE,
      params: () => FLOOR_DASHBOARD_PARAMS,
      answer: ([r]) => String((r.groups as Array<{ n: unknown }>).reduce((n, g) => n + Number(g.n), 0)),
    },
    neo4jGraphql: { unsupported: DASHBOARD_UNSUPPORTED },
  },
  {
    name: 'dashboard ranking',
    description: `organisations ranked by number of partners (top ${RANKED} and the total)`,
    hub: {
      request: () => ({ query: `{ ranking(by: PARTNERS, first: ${RANKED}) { totalCount items { value organization { id } } } }`, variables: {} }),
      answer: (d) => {
        const r = d.ranking as { totalCount: number; items: Array<{ value: number; organization: { id: string } }> };
        return `${r.totalCount}:${r.items.map((i) => `${i.organization.id}=${i.value}`).join(',')}`;
      },
    },
    floor: {
      cypher: FLOOR_RANKING,
      params: () => ({ ...FLOOR_DASHBOARD_PARAMS, offset: intParam(0), end: intParam(RANKED) }),
      answer: ([r]) => `${Number(r.total)}:${(r.page as Array<{ id: string; value: unknown }>).map((i) => `${i.id}=${Number(i.value)}`).join(',')}`,
    },
    neo4jGraphql: { unsupported: DASHBOARD_UNSUPPORTED },
  },
];

/** The query families of the relationship-queries API, each asked of the hub, the floor and @neo4j/graphql. */
export const FAMILIES: Family[] = [
  {
    name: 'lookup',
    description: 'an organisation by id with its unit',
    hub: {
      request: (s) => ({
        query: 'query($id: ID!) { organization(id: $id) { id name nameEn kind location { id name } } }',
        variables: { id: s.org },
      }),
      answer: (d) => {
        const o = d.organization as Json & { location: Json | null };
        return `${o.id}@${o.location?.id ?? ''}`;
      },
    },
    floor: {
      cypher: FLOOR_LOOKUP,
      params: (s) => ({ id: s.org }),
      answer: ([r]) => `${r.id}@${r.location ?? ''}`,
    },
    neo4jGraphql: {
      request: (s) => ({
        query: 'query($id: ID!) { organizations(where: { id: { eq: $id } }) { id name nameEn kind locatedIn { id name } } }',
        variables: { id: s.org },
      }),
      answer: (d) => {
        const [o] = d.organizations as Array<Json & { locatedIn: Json[] }>;
        return `${o.id}@${o.locatedIn[0]?.id ?? ''}`;
      },
    },
  },
  {
    name: 'partners',
    description: `direct partners under the default tie selection (cooperation kinds, realised instruments), by fractional weight, count, then id (top ${FIRST} and the total)`,
    hub: {
      request: (s) => ({
        query: `query($id: ID!) { partners(actor: $id, first: ${FIRST}) { totalCount partners { count weight distance organization { id name } } } }`,
        variables: { id: s.org },
      }),
      answer: (d) => {
        const p = d.partners as { totalCount: number; partners: Array<{ count: number; weight: number; organization: { id: string } }> };
        return partnerFingerprint(p.totalCount, p.partners.map((x) => ({ id: x.organization.id, count: x.count, weight: x.weight })));
      },
    },
    floor: {
      cypher: FLOOR_PARTNERS,
      params: (s) => ({ id: s.org, first: intParam(FIRST), cap: intParam(LIMITS.searchCap), ...FLOOR_TIE_PARAMS }),
      answer: ([r]) => partnerFingerprint(Number(r.total), r.partners as Partner[]),
    },
    neo4jGraphql: { unsupported: TIE_RULE_UNSUPPORTED },
  },
  {
    name: 'partners, 2 hops',
    description: `partners up to two ties away under the default tie selection: direct ones by weight, then the next ring by id (top ${FIRST} and the total)`,
    hub: {
      request: (s) => ({
        query: `query($id: ID!) { partners(actor: $id, hops: 2, first: ${FIRST}) { totalCount partners { strength distance organization { id name } } } }`,
        variables: { id: s.org },
      }),
      answer: (d) => {
        const p = d.partners as { totalCount: number; partners: Array<{ distance: number; organization: { id: string } }> };
        return `${p.totalCount}:${p.partners.map((x) => `${x.organization.id}/${x.distance}`).join(',')}`;
      },
    },
    floor: {
      cypher: FLOOR_PARTNERS_2,
      params: (s) => ({ id: s.org, first: intParam(FIRST), cap: intParam(LIMITS.searchCap), ...FLOOR_TIE_PARAMS }),
      answer: ([r]) => `${Number(r.total)}:${(r.partners as Array<{ id: string; distance: number }>).map((x) => `${x.id}/${Number(x.distance)}`).join(',')}`,
    },
    neo4jGraphql: { unsupported: TIE_RULE_UNSUPPORTED },
  },
  {
    name: 'ego network',
    description: `the organisation, its partners and the ties among them with fractional weights, default tie selection (depth 1, up to ${EGO_LIMIT} nodes)`,
    hub: {
      request: (s) => ({
        query: `query($id: ID!) { egoNetwork(actor: $id, depth: 1, limit: ${EGO_LIMIT}) { truncated nodes { id label distance } edges { source target weight } } }`,
        variables: { id: s.org },
      }),
      answer: (d) => {
        const g = d.egoNetwork as { truncated: boolean; nodes: unknown[]; edges: Array<{ weight: number }> };
        return `${g.nodes.length}/${g.edges.length}/${g.edges.reduce((n, e) => n + e.weight, 0).toFixed(6)}/${g.truncated}`;
      },
    },
    floor: {
      cypher: FLOOR_EGO,
      params: (s) => ({ id: s.org, limit: intParam(EGO_LIMIT), ...FLOOR_TIE_PARAMS }),
      answer: ([r]) => {
        const edges = r.edges as Array<{ weight: number }>;
        return `${(r.nodes as unknown[]).length}/${edges.length}/${edges.reduce((n, e) => n + Number(e.weight), 0).toFixed(6)}/${r.truncated}`;
      },
    },
    neo4jGraphql: {
      unsupported: `${TIE_RULE_UNSUPPORTED}; and the edges among the partners need every partner’s own links, a two-level fetch joined by the client`,
    },
  },
  {
    name: 'shortest path',
    description: 'one shortest route between two organisations whose every step is a tie of the default selection (up to 6 steps)',
    hub: {
      request: (s) => ({
        query: 'query($from: ID!, $to: ID!) { paths(from: $from, to: $to) { found length paths { organizations { id name } } } }',
        variables: { from: s.org, to: s.other },
      }),
      answer: (d) => {
        const p = d.paths as { found: boolean; length: number | null };
        return p.found ? String(p.length) : 'none';
      },
    },
    floor: {
      cypher: FLOOR_PATH,
      params: (s) => ({ from: s.org, to: s.other, ...FLOOR_TIE_PARAMS }),
      answer: (rows) => (rows.length ? String(Number(rows[0].length)) : 'none'),
    },
    neo4jGraphql: { unsupported: 'no path queries without hand-written @cypher fields, nor typed ties to walk' },
  },
  {
    name: 'region matrix',
    description: 'ties of the default selection between and within the six socio-economic regions, whole graph (non-empty cells: ties, weight, agreements, activities)',
    hub: {
      request: () => ({ query: '{ regionMatrix { cells { from to links weight agreements activities } } }', variables: {} }),
      // The hub's matrix is whole and symmetric: its non-empty cells with from <= to are the floor's rows.
      answer: (d) => matrixFingerprint((d.regionMatrix as { cells: MatrixCell[] }).cells.filter((c) => Number(c.links) > 0 && c.from <= c.to)),
    },
    floor: {
      cypher: FLOOR_REGION_MATRIX,
      params: () => ({ scheme: 'SOCIO_ECONOMIC_6', ...FLOOR_TIE_PARAMS }),
      answer: (rows) => matrixFingerprint(rows as unknown as MatrixCell[]),
    },
    neo4jGraphql: { unsupported: `${TIE_RULE_UNSUPPORTED}; and no grouping by a related node’s region, aggregations count one type at a time` },
  },
  {
    name: 'aggregates',
    description: 'agreements counted by signing year',
    hub: {
      request: () => ({ query: '{ counts(of: AGREEMENTS, groupBy: YEAR) { key count } }', variables: {} }),
      answer: (d) => sortKeys(d.counts as Array<{ key: string; count: number }>),
    },
    floor: {
      cypher: FLOOR_COUNTS_BY_YEAR,
      params: () => ({}),
      answer: (rows) => sortKeys(rows.map((r) => ({ key: String(r.key), count: Number(r.count) }))),
    },
    neo4jGraphql: {
      note: 'one aliased count per year; the client must know the years',
      request: (s) => ({
        query: `{ ${s.years
          .map((y) => `y${y}: agreementsConnection(where: { signedOn: { gte: "${y}-01-01", lte: "${y}-12-31" } }) { aggregate { count { nodes } } }`)
          .join('\n')} }`,
        variables: {},
      }),
      answer: (d, s) =>
        sortKeys(
          s.years
            .map((y) => ({ key: y, count: (d[`y${y}`] as { aggregate: { count: { nodes: number } } }).aggregate.count.nodes }))
            .filter((r) => r.count > 0),
        ),
    },
  },
  {
    name: 'search',
    description: 'organisations by a name phrase, best first (top 10)',
    hub: {
      request: (s) => ({
        query: 'query($t: String!) { search(text: $t, kinds: [ORGANIZATION], first: 10, match: PHRASE) { id label score } }',
        variables: { t: s.phrase },
      }),
      answer: (d) => String((d.search as Array<{ id: string }>)[0]?.id ?? ''),
    },
    floor: {
      cypher: FLOOR_SEARCH,
      params: (s) => ({ phrase: `"${s.phrase.replace(/["\\]/g, '')}"`, first: intParam(10), scan: intParam(100) }),
      answer: (rows) => String(rows[0]?.id ?? ''),
    },
    neo4jGraphql: {
      note: 'its generated full-text query over the same index',
      request: (s) => ({
        query: 'query($p: String!) { organizationsByName(phrase: $p, first: 10) { edges { score node { id name } } } }',
        variables: { p: `"${s.phrase.replace(/["\\]/g, '')}"` },
      }),
      answer: (d) => String((d.organizationsByName as { edges: Array<{ node: { id: string } }> }).edges[0]?.node.id ?? ''),
    },
  },
  ...DASHBOARD_FAMILIES,
];
