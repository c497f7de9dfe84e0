import { createHash } from 'node:crypto';
import type { Database } from '../../src/db/database';

// Test-only statement: a digest of every node and relationship with its properties, so that two states
// of the graph compare equal only when they hold the same data.
const DUMP = `MATCH (n)
OPTIONAL MATCH (n)-[r]->(m)
WITH n, collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), to: m.id, props: properties(r)} END) AS rels
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, rels
ORDER BY id`;

/** JSON with sorted keys; driver temporal values print as their ISO text. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if ('year' in v && 'month' in v && 'day' in v && typeof (v as object).toString === 'function' && Object.keys(v).length === 3) return String(v);
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

export interface GraphState {
  nodes: number;
  relationships: number;
  properties: number;
  digest: string;
}

/** Counts and digests the whole graph. */
export async function graphState(db: Database): Promise<GraphState> {
  const rows = await db.read(DUMP);
  const hash = createHash('sha256');
  let relationships = 0;
  let properties = 0;
  for (const row of rows) {
    const rels = (row.rels as unknown[]).map(stable).sort();
    relationships += rels.length;
    hash.update(JSON.stringify([row.id, [...(row.labels as string[])].sort(), stable(row.props), rels]));
  }
  const [counts] = await db.read(
    'CALL () { MATCH (n) RETURN sum(size(keys(n))) AS a } CALL () { MATCH ()-[r]->() RETURN sum(size(keys(r))) AS b } RETURN a + b AS p',
  );
  properties = Number(counts.p);
  return { nodes: rows.length, relationships, properties, digest: hash.digest('hex') };
}
