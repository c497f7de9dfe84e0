import type { Transaction as ManagedTransaction } from '../db/database';
import type { Database, Row } from '../db/database';
import { NODE_LABEL, ORG_KIND_LABEL, UNIT_LEVEL_LABEL } from '../db/vocabulary';







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
  AGREEMENT_HAS_PART: ['Agreement', 'Part'],
  ACTIVITY_HAS_PART: ['Activity', 'Part'],
  PART_ACTOR: ['Organization', 'Part'],
  PART_ABOUT: ['Part', 'Topic'],
  UNDER_PART: ['Activity', 'Part'],
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
  AGREEMENT_HAS_PART: 'HAS_PART',
  ACTIVITY_HAS_PART: 'HAS_PART',
  PART_ACTOR: 'PART_ACTOR',
  PART_ABOUT: 'ABOUT',
  UNDER_PART: 'UNDER_PART',
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

/** The property that repeats a relationship's key (the role of a participation, the title of a position...). */
export const REL_KEY_ALIAS: Partial<Record<RelSpec, string>> = {
  PARTY_TO: 'role',
  PARTICIPATED_IN: 'role',
  ATTENDED: 'role',
  HOLDS_POSITION: 'title',
  RELATED_TO: 'kind',
  PART_ACTOR: 'role',
};

/** Relationship specs with optional properties besides key, alias and provenance. */
export const REL_EXTRA_SPECS: ReadonlySet<RelSpec> = new Set<RelSpec>(['HOLDS_POSITION', 'SIGNED_AGREEMENT', 'SIGNED_DOCUMENT', 'RELATED_TO', 'SUCCEEDED_BY']);

export const DELETE_EVERYTHING = `MATCH (n) DETACH DELETE n`;

export const GRAPH_COUNTS = `CALL () {
  MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProps
}
CALL () {
  MATCH ()-[r]->() RETURN count(r) AS rels, sum(size(keys(r))) AS relProps
}
RETURN nodes, rels, nodeProps + relProps AS properties`;

/** Nodes readers can see: all, less those an unpublished bulk run staged (see seed.staging); from the count store. */
export const COUNT_NODES = `CALL () { MATCH (n) RETURN count(n) AS total }
CALL () { MATCH (n:ImportStaged) RETURN count(n) AS staged }
CALL () { MATCH (n:ImportPatch) RETURN count(n) AS patches }
CALL () { MATCH (n:ImportRun) RETURN count(n) AS runs }
RETURN total - staged - patches - runs AS nodes`;

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

/** Whether the graph holds no node that readers see (staged data of an unpublished import aside). */
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

// Re-exported for the importer's own modules; everything outside the importer imports db/vocabulary.
export { NODE_LABEL, ORG_KIND_LABEL, UNIT_LEVEL_LABEL };
