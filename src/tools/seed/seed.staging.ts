import { NODE_LABEL, ORG_KIND_LABEL, REL_EXTRA_SPECS, REL_KEY_ALIAS, REL_SPECS, REL_TYPE, UNIT_LEVEL_LABEL, type RelSpec } from '../../record/record.repository';

// Cypher of the staged (all-or-nothing) online import. A run writes its batches under labels and
// relationship types that no reader statement matches: readers anchor every pattern on `:Organization`,
// `:Agreement`, ... (or an index of those labels) and name their relationship types, and the full-text index
// covers only the reader labels. One final write transaction (the publish) turns the staged entities into
// real ones, so readers see the whole run or none of it. Labels and types below come from the constant
// tables of seed.repository, never from input.

/** Every node a run creates carries this label until the run is published. */
export const STAGED = 'ImportStaged';
/** New properties for a node that already exists, applied at publish. */
export const PATCH = 'ImportPatch';
/** Marks staged nodes and patches of the curated folder, which the curated import writes untagged. */
export const CURATED = 'ImportCurated';
/** One node per run in progress: its id, start, heartbeat. Deleted when the run is published or removed. */
export const RUN = 'ImportRun';

/** The staging label standing for a reader label. */
export const stagedLabel = (label: string) => `Staged${label}`;
/** The relationship type of a staged relationship created at publish (one end is new, the other a node of the graph). */
export const stagedType = (type: string) => `STAGED_${type}`;
/** The relationship type of a staged relationship merged at publish (both ends may exist already). */
export const stagedMergeType = (type: string) => `STAGED_MERGE_${type}`;

const ALL_ORG_KIND_LABELS = [...new Set(Object.values(ORG_KIND_LABEL))];
const ALL_UNIT_LEVEL_LABELS = [...new Set(Object.values(UNIT_LEVEL_LABEL))];
/** Every reader label a staged node may stand for. */
export const READER_LABELS = [...new Set([...Object.values(NODE_LABEL), ...ALL_ORG_KIND_LABELS, ...ALL_UNIT_LEVEL_LABELS])];
/** Every relationship type the seed writes. */
export const READER_TYPES = [...new Set(Object.values(REL_TYPE))];

/** A group of node rows that share their labels: the base label and, for some, a kind or level label. */
export interface NodeGroupLabels {
  label: string;
  extra?: string;
  /** Kind or level labels an updated node must lose before it gets `extra`. */
  exclusive?: string[];
}

/** The labels of a seed type, organisation kind or unit level. */
export function groupLabels(type: keyof typeof NODE_LABEL, kindOrLevel?: string): NodeGroupLabels {
  const label = NODE_LABEL[type];
  if (type === 'organization' && kindOrLevel) return { label, extra: ORG_KIND_LABEL[kindOrLevel as keyof typeof ORG_KIND_LABEL], exclusive: ALL_ORG_KIND_LABELS };
  if (type === 'adminUnit' && kindOrLevel) return { label, extra: UNIT_LEVEL_LABEL[kindOrLevel as keyof typeof UNIT_LEVEL_LABEL], exclusive: ALL_UNIT_LEVEL_LABELS };
  return { label };
}

const patchLabel = (g: NodeGroupLabels) => `Patch${g.label}${g.extra ?? ''}`;

/** Index behind the relationship statements' look-up of staged ends. */
export const STAGING_SCHEMA = [`CREATE INDEX import_staged_id IF NOT EXISTS FOR (n:${STAGED}) ON (n.id)`];
export const AWAIT_STAGING_SCHEMA = `CALL db.awaitIndex('import_staged_id', 300)`;

/** Per group: which of the ids in $ids the graph holds under the group's base label, as rows of `id`. */
export const existingIds = (g: NodeGroupLabels) => `UNWIND $ids AS id MATCH (n:${g.label} {id: id}) RETURN n.id AS id`;

/**
 * Creates staged nodes from compact rows [provenance key, properties without sources and provenance];
 * the provenance travels once per statement in $shared.
 */
export function stageNodes(g: NodeGroupLabels, curated: boolean): string {
  const labels = [STAGED, stagedLabel(g.label), ...(g.extra ? [stagedLabel(g.extra)] : []), ...(curated ? [CURATED] : [])].join(':');
  return `UNWIND $rows AS row
WITH row, $shared[row[0]] AS s
CREATE (n:${labels})
SET n = row[1], n.sources = s.sources, n.provenance = s.provenance, n.importRun = $run`;
}

/** Creates patches (rows of `id`, `props`) for nodes of the group that exist already. */
export function stagePatches(g: NodeGroupLabels, curated: boolean): string {
  return `UNWIND $rows AS row
CREATE (p:${[PATCH, patchLabel(g), ...(curated ? [CURATED] : [])].join(':')})
SET p = row.props, p.importRun = $run`;
}

/** How the statement finds one end of a staged relationship: among the run's staged nodes, or the graph's. */
const end = (name: string, label: string, staged: boolean, id: string) => `MATCH (${name}:${staged ? STAGED : label} {id: ${id}})`;

/**
 * Creates relationships with a new end, from compact rows [from, to, key, provenance key, extra properties
 * (specs of REL_EXTRA_SPECS only)]. `fromStaged`/`toStaged`: whether that end is a node of this run.
 * Between two staged nodes a relationship gets its real type at once: no reader can reach it, as readers
 * start from nodes with reader labels (or their indexes) and a staged node has none until the publish, when
 * both ends get theirs together; this spares the publish a copy of most relationships. A relationship
 * touching a node of the graph gets a staged type, as a reader could walk it from that node.
 */
export function stageCreateRels(spec: RelSpec, fromStaged: boolean, toStaged: boolean): string {
  const [from, to] = REL_SPECS[spec];
  const alias = REL_KEY_ALIAS[spec];
  const type = fromStaged && toStaged ? REL_TYPE[spec] : stagedType(REL_TYPE[spec]);
  return `UNWIND $rows AS row
${end('a', from, fromStaged, 'row[0]')}
${end('b', to, toStaged, 'row[1]')}
WITH a, b, row, $shared[row[3]] AS s
CREATE (a)-[r:${type} {key: row[2]${alias ? `, ${alias}: row[2]` : ''}, sources: s.sources, provenance: s.provenance}]->(b)${
    REL_EXTRA_SPECS.has(spec) ? '\nSET r += row[4]' : ''
  }`;
}

/** Stages relationships merged at publish by key (rows of `from`, `to`, `props`); tagged with the run, as both ends may outlive it. */
export function stageMergeRels(spec: RelSpec, fromStaged: boolean, toStaged: boolean, curated: boolean): string {
  const [from, to] = REL_SPECS[spec];
  return `UNWIND $rows AS row
${end('a', from, fromStaged, 'row.from')}
${end('b', to, toStaged, 'row.to')}
CREATE (a)-[r:${stagedMergeType(REL_TYPE[spec])}]->(b)
SET r = row.props, r.importRun = $run${curated ? ', r.importCurated = true' : ''}`;
}

/** The run node: created when the run starts, its heartbeat refreshed while it writes. */
export const CREATE_RUN = `CREATE (r:${RUN} {id: $run, started: datetime(), heartbeat: datetime()})`;
export const HEARTBEAT = `MATCH (r:${RUN} {id: $run}) SET r.heartbeat = datetime()`;
/** Runs not published, with the seconds since their last heartbeat. */
export const UNPUBLISHED_RUNS = `MATCH (r:${RUN}) RETURN r.id AS id, toString(r.started) AS started, duration.inSeconds(r.heartbeat, datetime()).seconds AS idle ORDER BY r.started`;

// Publish: every statement below runs in the one publishing transaction.

/** Reset: deletes every node that is no part of the run (the old graph), with its relationships. */
export const PUBLISH_RESET = `MATCH (n) WHERE NOT n:${STAGED} AND NOT n:${PATCH} AND NOT n:${RUN} DETACH DELETE n`;

/** Applies the patches of a group to the nodes they update; returns `applied` and `patches`. */
export function publishPatches(g: NodeGroupLabels): string {
  const relabel = g.extra ? `\nREMOVE n:${g.exclusive!.join(':')}\nSET n:${g.extra}` : '';
  return `MATCH (p:${patchLabel(g)}) WHERE p.importRun = $run
OPTIONAL MATCH (n:${g.label} {id: p.id})
WITH p, n, CASE WHEN p:${CURATED} THEN null ELSE n.importRun END AS keep
CALL (p, n, keep) {
  WITH * WHERE n IS NOT NULL
  SET n = properties(p)
  SET n.importRun = keep${relabel}
}
DELETE p
RETURN count(n) AS applied, count(p) AS patches`;
}

/** Merges the staged relationships of one type by key; a bulk one keeps the tag it had, or gets the run's. */
export function publishMergeRels(type: string): string {
  return `MATCH (a)-[s:${stagedMergeType(type)}]->(b) WHERE s.importRun = $run
MERGE (a)-[r:${type} {key: s.key}]->(b)
ON CREATE SET r.importRun = $run
WITH r, s, CASE WHEN s.importCurated THEN null ELSE r.importRun END AS keep
SET r = properties(s)
SET r.importRun = keep, r.importCurated = null
DELETE s`;
}

/** Turns the staged relationships of one type into real ones (a type cannot change: a copy is made). */
export function publishCreateRels(type: string): string {
  return `MATCH (a)-[s:${stagedType(type)}]->(b)
CREATE (a)-[r:${type}]->(b)
SET r = properties(s)
DELETE s`;
}

/** Gives the staged nodes standing for `label` that label. */
export const publishLabel = (label: string) => `MATCH (n:${stagedLabel(label)}) WHERE n.importRun = $run
SET n:${label}
REMOVE n:${stagedLabel(label)}`;

/** Curated nodes carry no run tag (as the curated import writes them); the last staging label goes. */
export const PUBLISH_UNSTAGE = `MATCH (n:${STAGED}) WHERE n.importRun = $run
REMOVE n:${STAGED}
WITH n WHERE n:${CURATED}
REMOVE n:${CURATED}, n.importRun`;

export const PUBLISH_RUN_DONE = `MATCH (r:${RUN} {id: $run}) DELETE r`;

// Removal of what unpublished runs left: each statement deletes up to $limit entities in its own
// transaction (staged data is invisible to readers, so it may go in steps).

export const REMOVE_STAGED_NODES = `MATCH (n:${STAGED}) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted`;
export const REMOVE_PATCHES = `MATCH (n:${PATCH}) WITH n LIMIT $limit DELETE n RETURN count(*) AS deleted`;
export const REMOVE_STAGED_RELS = READER_TYPES.flatMap((type) =>
  [stagedType(type), stagedMergeType(type)].map((t) => `MATCH ()-[r:${t}]->() WITH r LIMIT $limit DELETE r RETURN count(*) AS deleted`),
);
export const REMOVE_RUNS = `MATCH (n:${RUN}) WITH n LIMIT $limit DELETE n RETURN count(*) AS deleted`;
