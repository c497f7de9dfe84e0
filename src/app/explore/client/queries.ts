/** The GraphQL operations the explorer sends; every value travels as a variable. */

export const SEARCH_ACTORS = `query ExploreSearch($text: String!, $first: Int!) {
  search(text: $text, kinds: [ORGANIZATION], first: $first) { id label detail detailVi }
}`;

const NETWORK_FIELDS = `truncated
    nodes { id kind label name type location distance }
    edges { source target type weight count firstDate lastDate evidence countsByKind { kind count } }`;

export const EGO_NETWORK = `query ExploreEgo($actor: ID!, $depth: Int!, $filter: LinkFilter, $limit: Int!) {
  egoNetwork(actor: $actor, depth: $depth, filter: $filter, limit: $limit) {
    ${NETWORK_FIELDS}
  }
}`;

const PROVENANCE = `provenance(first: 20) { quote note sourceId source { id title number } }`;

export const EVIDENCE = `query ExploreEvidence($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
    __typename
    ... on Agreement { title titleEn agreementKind: kind signedOn validFrom validTo ${PROVENANCE} }
    ... on Activity { title titleEn activityKind: kind startDate endDate ${PROVENANCE} }
  }
}`;

export const ACTOR = `query ExploreActor($id: ID!) {
  node(id: $id) {
    id
    ... on Organization { name nameEn orgKind: kind category location { id name nameEn validTo current { id name nameEn } } }
  }
}`;

export const SOURCE_TEXT = `query ExploreSource($id: ID!) {
  source(id: $id) { id title titleEn number publishedOn url kind text }
}`;

/** The query the export links send to /export for the current view (same variables as EGO_NETWORK). */
export const EGO_EXPORT = `query ExploreExport($actor: ID!, $depth: Int!, $filter: LinkFilter, $limit: Int!) {
  egoNetwork(actor: $actor, depth: $depth, filter: $filter, limit: $limit) { truncated }
}`;

export interface SearchHit {
  id: string;
  label: string;
  detail: string;
  detailVi: string;
}

export interface NetworkNode {
  id: string;
  kind: string;
  label: string;
  name: string | null;
  type: string;
  location: string | null;
  distance: number | null;
}

export interface NetworkEdge {
  source: string;
  target: string;
  type: string;
  weight: number;
  count: number | null;
  firstDate: string | null;
  lastDate: string | null;
  evidence: string[];
  countsByKind: Array<{ kind: string; count: number }> | null;
}

export interface NetworkGraph {
  truncated: boolean;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface ProvenanceEntry {
  quote: string | null;
  note: string | null;
  sourceId: string;
  source: { id: string; title: string; number: string | null } | null;
}

export interface EvidenceNode {
  id: string;
  __typename: 'Agreement' | 'Activity' | string;
  title?: string;
  titleEn?: string | null;
  agreementKind?: string;
  activityKind?: string;
  signedOn?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  provenance?: ProvenanceEntry[];
}
