import type { ManagedTransaction } from 'neo4j-driver';
import type { Database, Row } from '../neo4j';

/** Node labels by seed type. Organisations and admin units also get a label for their kind or level. */
export const NODE_LABEL = {
  source: 'Source',
  region: 'Region',
  adminUnit: 'AdminUnit',
  organization: 'Organization',
  topic: 'Topic',
  agreement: 'Agreement',
  activity: 'Activity',
  person: 'Person',
} as const;

export const ORG_KIND_LABEL = {
  GOVERNMENT: 'GovernmentBody',
  UNIVERSITY: 'University',
  RESEARCH_INSTITUTE: 'ResearchInstitute',
  COMPANY: 'Company',
  HOSPITAL: 'Hospital',
  NETWORK: 'Network',
  FOREIGN_BODY: 'ForeignBody',
} as const;

export const UNIT_LEVEL_LABEL = { PROVINCE: 'Province', CITY: 'Province', COUNTRY: 'Country', STATE: 'State' } as const;

/** Every relationship the seed writes: its type and the labels at both ends. */
export const REL_SPECS = {
  LOCATED_IN: ['Organization', 'AdminUnit'],
  ORG_PART_OF: ['Organization', 'Organization'],
  UNIT_PART_OF: ['AdminUnit', 'AdminUnit'],
  ACTIVITY_PART_OF: ['Activity', 'Activity'],
  IN_REGION: ['AdminUnit', 'Region'],
  SUCCEEDED_BY: ['AdminUnit', 'AdminUnit'],
  SIGNED_AT: ['Agreement', 'AdminUnit'],
  IMPLEMENTS: ['Agreement', 'Agreement'],
  AGREEMENT_ABOUT: ['Agreement', 'Topic'],
  ACTIVITY_ABOUT: ['Activity', 'Topic'],
  UNDER: ['Activity', 'Agreement'],
  HELD_IN: ['Activity', 'AdminUnit'],
  PUBLISHED_BY: ['Source', 'Organization'],
  PARTY_TO: ['Organization', 'Agreement'],
  PARTICIPATED_IN: ['Organization', 'Activity'],
  HOLDS_POSITION: ['Person', 'Organization'],
  SIGNED_AGREEMENT: ['Person', 'Agreement'],
  SIGNED_DOCUMENT: ['Person', 'Source'],
  ATTENDED: ['Person', 'Activity'],
  RELATED_TO: ['Organization', 'Organization'],
} as const;

export type RelSpec = keyof typeof REL_SPECS;

/** The relationship type stored in the graph for each spec (several specs share a type). */
export const REL_TYPE: Record<RelSpec, string> = {
  LOCATED_IN: 'LOCATED_IN',
  ORG_PART_OF: 'PART_OF',
  UNIT_PART_OF: 'PART_OF',
  ACTIVITY_PART_OF: 'PART_OF',
  IN_REGION: 'IN_REGION',
  SUCCEEDED_BY: 'SUCCEEDED_BY',
  SIGNED_AT: 'SIGNED_AT',
  IMPLEMENTS: 'IMPLEMENTS',
  AGREEMENT_ABOUT: 'ABOUT',
  ACTIVITY_ABOUT: 'ABOUT',
  UNDER: 'UNDER',
  HELD_IN: 'HELD_IN',
  PUBLISHED_BY: 'PUBLISHED_BY',
  PARTY_TO: 'PARTY_TO',
  PARTICIPATED_IN: 'PARTICIPATED_IN',
  HOLDS_POSITION: 'HOLDS_POSITION',
  SIGNED_AGREEMENT: 'SIGNED',
  SIGNED_DOCUMENT: 'SIGNED',
  ATTENDED: 'ATTENDED',
  RELATED_TO: 'RELATED_TO',
};

const ALL_ORG_KIND_LABELS = [...new Set(Object.values(ORG_KIND_LABEL))].join(':');
const ALL_UNIT_LEVEL_LABELS = [...new Set(Object.values(UNIT_LEVEL_LABEL))].join(':');

// Labels and relationship types below come from the constant tables above, never from input.
function upsertNodes(label: string, extraLabel?: string, removeLabels?: string): string {
  return `UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
SET n = row.props${removeLabels ? `\nREMOVE n:${removeLabels}` : ''}${extraLabel ? `\nSET n:${extraLabel}` : ''}`;
}

function upsertRels(spec: RelSpec): string {
  const [from, to] = REL_SPECS[spec];
  return `UNWIND $rows AS row
MATCH (a:${from} {id: row.from})
MATCH (b:${to} {id: row.to})
MERGE (a)-[r:${REL_TYPE[spec]} {key: row.key}]->(b)
SET r = row.props`;
}

export const UPSERT_NODE: Record<keyof typeof NODE_LABEL, string> = Object.fromEntries(
  Object.entries(NODE_LABEL).map(([type, label]) => [type, upsertNodes(label)]),
) as Record<keyof typeof NODE_LABEL, string>;

export const UPSERT_ORGANIZATION_OF_KIND: Record<keyof typeof ORG_KIND_LABEL, string> = Object.fromEntries(
  Object.entries(ORG_KIND_LABEL).map(([kind, label]) => [kind, upsertNodes('Organization', label, ALL_ORG_KIND_LABELS)]),
) as Record<keyof typeof ORG_KIND_LABEL, string>;

export const UPSERT_UNIT_OF_LEVEL: Record<keyof typeof UNIT_LEVEL_LABEL, string> = Object.fromEntries(
  Object.entries(UNIT_LEVEL_LABEL).map(([level, label]) => [level, upsertNodes('AdminUnit', label, ALL_UNIT_LEVEL_LABELS)]),
) as Record<keyof typeof UNIT_LEVEL_LABEL, string>;

export const UPSERT_REL: Record<RelSpec, string> = Object.fromEntries(
  (Object.keys(REL_SPECS) as RelSpec[]).map((spec) => [spec, upsertRels(spec)]),
) as Record<RelSpec, string>;

// Bulk variants: like the statements above, but a node or relationship this statement creates keeps
// `importRun: $run` (a pre-existing one keeps the tag it had, usually none), so a failed bulk run can
// delete exactly what it created.
function bulkUpsertNodes(label: string, extraLabel?: string, removeLabels?: string): string {
  return `UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n.importRun = $run
WITH n, row, n.importRun AS run
SET n = row.props, n.importRun = run${removeLabels ? `\nREMOVE n:${removeLabels}` : ''}${extraLabel ? `\nSET n:${extraLabel}` : ''}`;
}

function bulkUpsertRels(spec: RelSpec): string {
  const [from, to] = REL_SPECS[spec];
  return `UNWIND $rows AS row
MATCH (a:${from} {id: row.from})
MATCH (b:${to} {id: row.to})
MERGE (a)-[r:${REL_TYPE[spec]} {key: row.key}]->(b)
ON CREATE SET r.importRun = $run
WITH r, row, r.importRun AS run
SET r = row.props, r.importRun = run`;
}

export const BULK_UPSERT_NODE: Record<keyof typeof NODE_LABEL, string> = Object.fromEntries(
  Object.entries(NODE_LABEL).map(([type, label]) => [type, bulkUpsertNodes(label)]),
) as Record<keyof typeof NODE_LABEL, string>;

export const BULK_UPSERT_ORGANIZATION_OF_KIND: Record<keyof typeof ORG_KIND_LABEL, string> = Object.fromEntries(
  Object.entries(ORG_KIND_LABEL).map(([kind, label]) => [kind, bulkUpsertNodes('Organization', label, ALL_ORG_KIND_LABELS)]),
) as Record<keyof typeof ORG_KIND_LABEL, string>;

export const BULK_UPSERT_UNIT_OF_LEVEL: Record<keyof typeof UNIT_LEVEL_LABEL, string> = Object.fromEntries(
  Object.entries(UNIT_LEVEL_LABEL).map(([level, label]) => [level, bulkUpsertNodes('AdminUnit', label, ALL_UNIT_LEVEL_LABELS)]),
) as Record<keyof typeof UNIT_LEVEL_LABEL, string>;

export const BULK_UPSERT_REL: Record<RelSpec, string> = Object.fromEntries(
  (Object.keys(REL_SPECS) as RelSpec[]).map((spec) => [spec, bulkUpsertRels(spec)]),
) as Record<RelSpec, string>;

// Create variants for the bulk path, used only where nothing can exist yet: a node whose id the graph
// did not hold before the run, a relationship with at least one end created by the run (pass 1 merged
// repeated relationship records). Rows are compact lists; the provenance properties, the same for many
// rows, travel once per statement in $shared, keyed by the row's provenance key. A created relationship
// carries no run tag: a rollback deletes it with the tagged node at its end (DETACH DELETE), and the
// tag would be the largest property it stores.

/** Node row: [provenance key, properties without sources and provenance]. */
function bulkCreateNodes(labels: string): string {
  return `UNWIND $rows AS row
WITH row, $shared[row[0]] AS s
CREATE (n:${labels})
SET n = row[1], n.sources = s.sources, n.provenance = s.provenance, n.importRun = $run`;
}

/** The property that repeats a relationship's key (the role of a participation, the title of a position...). */
export const REL_KEY_ALIAS: Partial<Record<RelSpec, string>> = {
  PARTY_TO: 'role',
  PARTICIPATED_IN: 'role',
  ATTENDED: 'role',
  HOLDS_POSITION: 'title',
  RELATED_TO: 'kind',
};

/** Relationship specs with optional properties besides key, alias and provenance. */
export const REL_EXTRA_SPECS: ReadonlySet<RelSpec> = new Set<RelSpec>(['HOLDS_POSITION', 'SIGNED_AGREEMENT', 'SIGNED_DOCUMENT', 'RELATED_TO', 'SUCCEEDED_BY']);

/** Relationship row: [from id, to id, key, provenance key, extra properties (specs of REL_EXTRA_SPECS only)]. */
function bulkCreateRels(spec: RelSpec): string {
  const [from, to] = REL_SPECS[spec];
  const alias = REL_KEY_ALIAS[spec];
  return `UNWIND $rows AS row
MATCH (a:${from} {id: row[0]})
MATCH (b:${to} {id: row[1]})
WITH a, b, row, $shared[row[3]] AS s
CREATE (a)-[r:${REL_TYPE[spec]} {key: row[2]${alias ? `, ${alias}: row[2]` : ''}, sources: s.sources, provenance: s.provenance}]->(b)${
    REL_EXTRA_SPECS.has(spec) ? '\nSET r += row[4]' : ''
  }`;
}

export const BULK_CREATE_NODE: Record<keyof typeof NODE_LABEL, string> = Object.fromEntries(
  Object.entries(NODE_LABEL).map(([type, label]) => [type, bulkCreateNodes(label)]),
) as Record<keyof typeof NODE_LABEL, string>;

export const BULK_CREATE_ORGANIZATION_OF_KIND: Record<keyof typeof ORG_KIND_LABEL, string> = Object.fromEntries(
  Object.entries(ORG_KIND_LABEL).map(([kind, label]) => [kind, bulkCreateNodes(`Organization:${label}`)]),
) as Record<keyof typeof ORG_KIND_LABEL, string>;

export const BULK_CREATE_UNIT_OF_LEVEL: Record<keyof typeof UNIT_LEVEL_LABEL, string> = Object.fromEntries(
  Object.entries(UNIT_LEVEL_LABEL).map(([level, label]) => [level, bulkCreateNodes(`AdminUnit:${label}`)]),
) as Record<keyof typeof UNIT_LEVEL_LABEL, string>;

export const BULK_CREATE_REL: Record<RelSpec, string> = Object.fromEntries(
  (Object.keys(REL_SPECS) as RelSpec[]).map((spec) => [spec, bulkCreateRels(spec)]),
) as Record<RelSpec, string>;

/** Per seed type: which of the ids in $ids the graph already holds, as rows of `id`. */
export const BULK_EXISTING_IDS: Record<keyof typeof NODE_LABEL, string> = Object.fromEntries(
  Object.entries(NODE_LABEL).map(([type, label]) => [type, `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id`]),
) as Record<keyof typeof NODE_LABEL, string>;

/** Deletes up to $limit nodes of the whole graph, with their relationships; returns `deleted`. */
export const BULK_RESET_NODES = `MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted`;

const BULK_REL_TYPES = [...new Set(Object.values(REL_TYPE))];

/** Per relationship type: deletes up to $limit relationships tagged with $run; returns `deleted`. */
export const DELETE_RUN_RELS: Record<string, string> = Object.fromEntries(
  BULK_REL_TYPES.map((type) => [type, `MATCH ()-[r:${type}]->() WHERE r.importRun = $run WITH r LIMIT $limit DELETE r RETURN count(*) AS deleted`]),
);

/** Per node label: deletes up to $limit nodes tagged with $run (and their relationships); returns `deleted`. */
export const DELETE_RUN_NODES: Record<string, string> = Object.fromEntries(
  Object.values(NODE_LABEL).map((label) => [label, `MATCH (n:${label}) WHERE n.importRun = $run WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted`]),
);

export const DELETE_EVERYTHING = `MATCH (n) DETACH DELETE n`;

export const GRAPH_COUNTS = `CALL () {
  MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProps
}
CALL () {
  MATCH ()-[r]->() RETURN count(r) AS rels, sum(size(keys(r))) AS relProps
}
RETURN nodes, rels, nodeProps + relProps AS properties`;

export const COUNT_NODES = `MATCH (n) RETURN count(n) AS nodes`;

/** Read from the count store: no scan. */
export const COUNT_ENTITIES = `CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN nodes, rels`;

export interface GraphCounts {
  nodes: number;
  relationships: number;
  /** Left out where counting would read every entity. */
  properties?: number;
}

/** Counts nodes and relationships of the whole graph from the count store. */
export async function entityCounts(db: Database): Promise<GraphCounts> {
  const [row] = await db.read(COUNT_ENTITIES);
  return { nodes: Number(row.nodes), relationships: Number(row.rels) };
}

/** Counts nodes, relationships and properties of the whole graph. */
export async function graphCounts(db: Database): Promise<GraphCounts> {
  const [row] = await db.read(GRAPH_COUNTS);
  return { nodes: Number(row.nodes), relationships: Number(row.rels), properties: Number(row.properties ?? 0) };
}

/** Whether the graph holds no node at all. */
export async function graphIsEmpty(db: Database): Promise<boolean> {
  const [row] = await db.read(COUNT_NODES);
  return Number(row.nodes) === 0;
}

/** Runs `cypher` over `rows` in batches inside the open transaction. */
export async function runBatched(
  db: Database,
  tx: ManagedTransaction,
  cypher: string,
  rows: Row[],
  batchSize: number,
  onBatch?: (done: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    await db.runIn(tx, cypher, { rows: batch });
    onBatch?.(Math.min(i + batchSize, rows.length));
  }
}

/** Per node label: adds the properties of each row (`id`, `props`) to the node with that id. */
export const ADD_NODE_PROPS: Record<string, string> = Object.fromEntries(
  Object.values(NODE_LABEL).map((label) => [label, `UNWIND $rows AS row MATCH (n:${label} {id: row.id}) SET n += row.props`]),
);

/** Per relationship spec: deletes every relationship of each row's identity (`from`, `to`, `key`); returns `deleted`. */
export const DELETE_REL_COPIES: Record<RelSpec, string> = Object.fromEntries(
  (Object.keys(REL_SPECS) as RelSpec[]).map((spec) => {
    const [from, to] = REL_SPECS[spec];
    return [
      spec,
      `UNWIND $rows AS row
MATCH (:${from} {id: row.from})-[r:${REL_TYPE[spec]} {key: row.key}]->(:${to} {id: row.to})
DELETE r
RETURN count(r) AS deleted`,
    ];
  }),
) as Record<RelSpec, string>;
