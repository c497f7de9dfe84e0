import { vietnameseSortKey } from '../core/collation';
import { intParam, type Database } from './database';

// Stores written before the sort keys existed lack them; the graph schema step fills them in, so that lists
// sorted by name never meet a node without its key. Importers write the keys themselves (see record/record.rows.ts).

/** The labels whose nodes carry a sort key, with the text property it is computed from. */
export const SORT_KEYED = [
  { label: 'Organization', text: 'name', key: 'nameKey' },
  { label: 'AdminUnit', text: 'name', key: 'nameKey' },
  { label: 'Region', text: 'name', key: 'nameKey' },
  { label: 'Person', text: 'name', key: 'nameKey' },
  { label: 'Topic', text: 'name', key: 'nameKey' },
  { label: 'Agreement', text: 'title', key: 'titleKey' },
  { label: 'Activity', text: 'title', key: 'titleKey' },
  { label: 'Source', text: 'title', key: 'titleKey' },
] as const satisfies readonly Keyed[];

/** A label whose nodes get a sort `key` computed from their `text` property. */
export interface Keyed {
  readonly label: string;
  readonly text: string;
  readonly key: string;
}

/** Up to $limit nodes of the label whose text has no key yet. Built from constant tables only, never from requests. */
export function missingKeysQuery({ label, text, key }: Keyed): string {
  return `MATCH (n:${label}) WHERE n.${text} IS NOT NULL AND n.${key} IS NULL RETURN n.id AS id, n.${text} AS text LIMIT $limit`;
}

/** Sets the keys of $rows ({id, key}) on nodes of the label. */
export function setKeysQuery({ label, key }: Keyed): string {
  return `UNWIND $rows AS row MATCH (n:${label} {id: row.id}) SET n.${key} = row.key`;
}

export const SORT_KEY_BATCH = 5000;

/**
 * Computes and stores the missing sort keys of the `labels` (all keyed labels by default), `batch` nodes per
 * write transaction; resolves to how many were written (0 on a store the importers wrote). Safe to run on every start.
 */
export async function fillSortKeys(db: Database, batch = SORT_KEY_BATCH, labels: readonly Keyed[] = SORT_KEYED): Promise<number> {
  let written = 0;
  for (const keyed of labels) {
    for (;;) {
      const rows = await db.read(missingKeysQuery(keyed), { limit: intParam(batch) });
      if (rows.length === 0) break;
      await db.write(setKeysQuery(keyed), { rows: rows.map((r) => ({ id: r.id, key: vietnameseSortKey(String(r.text)) })) });
      written += rows.length;
      if (rows.length < batch) break;
    }
  }
  return written;
}
