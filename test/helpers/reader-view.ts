import { createHash } from 'node:crypto';
import type { Database } from '../../src/db/database';
import { READER_LABELS, READER_TYPES } from '../../src/tools/seed/seed.staging';

// Test-only statement: what reader statements can match. Readers anchor on reader labels and name reader
// relationship types, so they see the nodes carrying a reader label and the relationships of a reader type
// between two of them; staged labels and types stay out.
const VIEW = `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels)
OPTIONAL MATCH (n)-[r]->(m) WHERE type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels)
WITH n, collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), to: m.id, props: properties(r)} END) AS rels
RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels] AS labels, properties(n) AS props, rels
ORDER BY id`;

/** JSON with sorted keys; driver temporal values print as their ISO text. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if ('year' in v && 'month' in v && 'day' in v && Object.keys(v).length === 3) return String(v);
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

export interface ReaderView {
  nodes: number;
  relationships: number;
  digest: string;
}

/** Counts and digests what readers of the graph can see. */
export async function readerView(db: Database): Promise<ReaderView> {
  const rows = await db.read(VIEW, { labels: READER_LABELS, types: READER_TYPES });
  const hash = createHash('sha256');
  let relationships = 0;
  for (const row of rows) {
    const rels = (row.rels as unknown[]).map(stable).sort();
    relationships += rels.length;
    hash.update(JSON.stringify([row.id, [...(row.labels as string[])].sort(), stable(row.props), rels]));
  }
  return { nodes: rows.length, relationships, digest: hash.digest('hex') };
}
