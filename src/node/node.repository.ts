import { intParam, type Database } from '../db/database';
import { NODE_KIND_LIST, NODE_KINDS } from './node.kinds';

/**
 * Nodes of any kind by id, in one statement: one lookup per label through its id index (never an unlabelled
 * scan), each row with `key`, `kind` and `n`. Ids that name nothing return no row.
 */
export const NODES_BY_ID = `CALL () {
${NODE_KIND_LIST.map((kind) => `  MATCH (n:${NODE_KINDS[kind].label}) WHERE n.id IN $keys RETURN n, '${kind}' AS kind`).join('\n  UNION ALL\n')}
}
RETURN n.id AS key, kind, n`;

/**
 * Ids of nodes of `labels` that start with one of `$prefixes`, at most `$perPrefix` per prefix and label,
 * through the labels' id indexes (range seeks), so the work is bounded whatever the size of the graph.
 * `labels` come from the graph vocabulary, never from a request.
 */
export function closestCandidatesQuery(labels: readonly string[]): string {
  return `UNWIND $prefixes AS prefix
CALL (prefix) {
${labels.map((label) => `  MATCH (n:${label}) WHERE n.id STARTS WITH prefix RETURN n.id AS id LIMIT $perPrefix`).join('\n  UNION\n')}
}
RETURN DISTINCT id`;
}

const candidateQueries = new Map<string, string>();

/** Ids of `labels` sharing one of `prefixes`, up to `perPrefix` per prefix and label. */
export async function idsWithPrefixes(db: Database, labels: readonly string[], prefixes: string[], perPrefix: number): Promise<string[]> {
  const key = labels.join('|');
  let query = candidateQueries.get(key);
  if (!query) candidateQueries.set(key, (query = closestCandidatesQuery(labels)));
  const rows = await db.read(query, { prefixes, perPrefix: intParam(perPrefix) });
  return rows.map((r) => String(r.id));
}
