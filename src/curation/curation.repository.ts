import { NODE_LABEL, ORG_KIND_LABEL, UNIT_LEVEL_LABEL } from '../db/vocabulary';
import { REL_SPECS, REL_TYPE, type RelSpec } from '../record/record.repository';
import type { NodeType } from '../record/record.format';

// Labels and relationship types in these statements come from the constant tables of the vocabulary, never
// from input; every value is a parameter.

/** The node type an id names, by its prefix (seeds/FORMAT.md), or undefined for an id of no known form. */
export function typeOfId(id: string): NodeType | undefined {
  const prefix = id.slice(0, id.indexOf('-'));
  switch (prefix) {
    case 'src':
    case 'ext':
      return 'source';
    case 'region':
      return 'region';
    case 'prov':
    case 'country':
    case 'state':
      return 'adminUnit';
    case 'org':
      return 'organization';
    case 'topic':
      return 'topic';
    case 'agr':
      return 'agreement';
    case 'act':
      return 'activity';
    case 'part':
      return 'part';
    case 'per':
      return 'person';
    default:
      return undefined;
  }
}

const byType = (make: (label: string) => string) =>
  Object.fromEntries(Object.entries(NODE_LABEL).map(([type, label]) => [type, make(label)])) as Record<NodeType, string>;

/** What validation needs of nodes already in the graph: type, document text, members of an instrument, provenance, version. */
export const KNOWN_NODES = byType(
  (label) => `UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN n.id AS id, n.text AS text, n.provenance AS provenance, coalesce(n.version, 0) AS version,
  n.kind AS kind, n.level AS level,
  [(o:Organization)-[:PARTY_TO|PARTICIPATED_IN]->(n) | o.id] AS members`,
);

/**
 * Takes the write lock of each node (a property written and removed later in the same transaction), so that
 * what is read next is the last committed state and no other writer can change it before this one commits.
 */
export const LOCK_NODES = byType(
  (label) => `UNWIND $ids AS id
MATCH (n:${label} {id: id})
SET n.lockedBy = $token
RETURN count(n) AS locked`,
);

/** Each node with every property and every relationship it has (both directions), for the change history. */
export const SNAPSHOT_NODES = byType(
  (label) => `UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props,
  [(n)-[r]->(m) | {type: type(r), from: n.id, to: m.id, props: properties(r)}] +
  [(m)-[r]->(n) WHERE m <> n | {type: type(r), from: m.id, to: n.id, props: properties(r)}] AS rels`,
);

/** Sets each node's properties to the row's (the whole map: the caller merged the old ones in). */
export const SET_NODE_PROPS = byType(
  (label) => `UNWIND $rows AS row
MATCH (n:${label} {id: row.id})
SET n = row.props`,
);

/** Deletes each node and every relationship it has. */
export const DELETE_NODES = byType(
  (label) => `UNWIND $ids AS id
MATCH (n:${label} {id: id})
DETACH DELETE n`,
);

/** Reference fields that hold one value: updating one replaces the relationship it was stored as. */
export const SINGLE_REFERENCE_SPECS: ReadonlySet<RelSpec> = new Set<RelSpec>([
  'LOCATED_IN', 'ORG_PART_OF', 'UNIT_PART_OF', 'ACTIVITY_PART_OF', 'SUCCEEDED_BY', 'SIGNED_AT', 'IMPLEMENTS', 'UNDER', 'HELD_IN',
  'UNDER_PART', 'PUBLISHED_BY',
]);

/** Deletes the outgoing relationship of one spec from each node (before it is written anew). */
export const DELETE_OUT_REL = Object.fromEntries(
  (Object.keys(REL_SPECS) as RelSpec[]).map((spec) => {
    const [from, to] = REL_SPECS[spec];
    return [spec, `UNWIND $ids AS id\nMATCH (:${from} {id: id})-[r:${REL_TYPE[spec]}]->(:${to})\nDELETE r`];
  }),
) as Record<RelSpec, string>;

/** Removes the lock property of every node that holds it for this change. */
export const UNLOCK_NODES = byType(
  (label) => `UNWIND $ids AS id
MATCH (n:${label} {id: id})
REMOVE n.lockedBy`,
);

/** The change with this idempotency key, if any. */
export const CHANGE_BY_KEY = `MATCH (c:Change {idempotencyKey: $key}) RETURN properties(c) AS change`;

/**
 * Records a change with the next sequence number (the counter's lock also orders concurrent changes); its id is
 * chg- and that number, so a change is named the same in every copy of the history.
 */
export const RECORD_CHANGE = `MERGE (k:ChangeCounter {id: 'changes'})
SET k.seq = coalesce(k.seq, 0) + 1
WITH k.seq AS seq
CREATE (c:Change)
SET c = $props, c.seq = seq, c.id = 'chg-' + toString(seq), c.at = datetime()
RETURN properties(c) AS change`;

/** The current version of nodes of one type (0 for a node never written through the API). */
export const NODE_VERSIONS = byType(
  (label) => `UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN n.id AS id, coalesce(n.version, 0) AS version`,
);

/** The changes that touched an id (a node id or a tie key), newest first. */
export const HISTORY_OF = `MATCH (c:Change)
WHERE $id IN c.entities
RETURN properties(c) AS change
ORDER BY c.seq DESC
LIMIT $limit`;

/** Changes after a sequence number, oldest first: a change feed. */
export const CHANGES_SINCE = `MATCH (c:Change)
WHERE c.seq > $since
RETURN properties(c) AS change
ORDER BY c.seq
LIMIT $limit`;

/** The change with this id. */
export const CHANGE_BY_ID = `MATCH (c:Change {id: $id}) RETURN properties(c) AS change`;

/**
 * Whether anything outside `$deleting` cites a source in its provenance: a node, or a relationship with both
 * ends outside. Reads every node and relationship (a revert is rare; a source is deleted only by one).
 */
export const CITED_ELSEWHERE = `OPTIONAL MATCH (n) WHERE $id IN n.sources AND NOT n.id IN $deleting
WITH n LIMIT 1
OPTIONAL MATCH (a)-[r]->(b) WHERE $id IN r.sources AND NOT a.id IN $deleting AND NOT b.id IN $deleting
WITH n, r LIMIT 1
RETURN n IS NOT NULL OR r IS NOT NULL AS cited`;

/** Labels a node written by the hub may carry: its type's, and its kind's or level's. */
export const NODE_LABELS: ReadonlySet<string> = new Set([...Object.values(NODE_LABEL), ...Object.values(ORG_KIND_LABEL), ...Object.values(UNIT_LEVEL_LABEL)]);

/** Relationship types the hub writes. */
export const REL_TYPES: ReadonlySet<string> = new Set(Object.values(REL_TYPE));

function checked(values: readonly string[], allowed: ReadonlySet<string>, what: string): string[] {
  for (const value of values) if (!allowed.has(value)) throw new Error(`not a ${what} of the vocabulary: ${value}`);
  return [...values];
}

/**
 * Creates a node with these labels and properties. Labels are checked against the vocabulary (they come from
 * stored history, never from a request); throws on any other.
 */
export function createNodeStatement(labels: readonly string[]): string {
  return `CREATE (n:${checked(labels, NODE_LABELS, 'node label').join(':')})\nSET n = $props`;
}

/** Deletes relationships of one type between nodes of two labels, by their ends and key; type and labels checked. */
export function deleteRelsStatement(type: string, from: string, to: string): string {
  const [t] = checked([type], REL_TYPES, 'relationship type');
  const [a, b] = checked([from, to], NODE_LABELS, 'node label');
  return `UNWIND $rows AS row
MATCH (:${a} {id: row.from})-[r:${t}]->(:${b} {id: row.to})
WHERE r.key = row.key
DELETE r
RETURN count(r) AS n`;
}

/** Writes relationships of one type back with their properties (both ends must exist); type and labels checked. */
export function mergeRelsStatement(type: string, from: string, to: string): string {
  const [t] = checked([type], REL_TYPES, 'relationship type');
  const [a, b] = checked([from, to], NODE_LABELS, 'node label');
  return `UNWIND $rows AS row
MATCH (a:${a} {id: row.from})
MATCH (b:${b} {id: row.to})
MERGE (a)-[r:${t} {key: row.key}]->(b)
SET r = row.props
RETURN count(r) AS n`;
}

/** Deletes every relationship of one type between two nodes, whatever its key; type and labels checked. */
export function deleteRelsBetweenStatement(type: string, from: string, to: string): string {
  const [t] = checked([type], REL_TYPES, 'relationship type');
  const [a, b] = checked([from, to], NODE_LABELS, 'node label');
  return `MATCH (:${a} {id: $from})-[r:${t}]->(:${b} {id: $to})
DELETE r
RETURN count(r) AS n`;
}
