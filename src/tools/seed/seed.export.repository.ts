import { NODE_LABEL } from '../../db/vocabulary';
import type { NodeType } from '../../record/record.format';

// Cypher of the seed export. Labels come from the vocabulary's constant table, never from input; the page
// position and size are parameters.

/**
 * Per seed type: one page of its nodes in id order after `$after` (keyset paging on the id constraint's
 * index), at most `$limit`, each with all its properties and every relationship that leaves it (type, the
 * other end's id and labels, properties). Every relationship the seed writes leaves a seed node, so reading
 * each node's outgoing ones reads each relationship once, in the same statement as its start node.
 */
export const EXPORT_NODE_PAGE = Object.fromEntries(
  Object.entries(NODE_LABEL).map(([type, label]) => [
    type,
    `MATCH (n:${label})
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, properties(n) AS props,
  [(n)-[r]->(m) | {type: type(r), to: m.id, toLabels: labels(m), props: properties(r)}] AS out`,
  ]),
) as Record<NodeType, string>;
