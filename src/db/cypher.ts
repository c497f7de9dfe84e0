// Builders for the repetitive batched statements. Labels and relationship types come from the
// repositories' constants, never from requests; every value travels as a parameter ($keys).

/** Nodes of `label` by id: one row per found key with columns `key`, `n`. */
export function byIdQuery(label: string): string {
  return `UNWIND $keys AS key
MATCH (n:${label} {id: key})
RETURN key, n`;
}

/** Targets of outgoing `type` relationships from `from` nodes: columns `key`, `n`, `rel`. */
export function outQuery(from: string, type: string, to: string, orderBy = 'n.id'): string {
  return `UNWIND $keys AS key
MATCH (:${from} {id: key})-[r:${type}]->(n:${to})
RETURN key, n, properties(r) AS rel
ORDER BY key, ${orderBy}`;
}

/** Sources of incoming `type` relationships into `to` nodes: columns `key`, `n`, `rel`. */
export function inQuery(to: string, type: string, from: string, orderBy = 'n.id'): string {
  return `UNWIND $keys AS key
MATCH (n:${from})-[r:${type}]->(:${to} {id: key})
RETURN key, n, properties(r) AS rel
ORDER BY key, ${orderBy}`;
}
