import type { ExportTable, TableEdge, Value } from './export.table';

// Evidence ids and roles are slugs or upper-case words, so ';' cannot occur inside one.
export const LIST_SEPARATOR = ';';

/**
 * A value as the flat formats (CSV, GraphML, GEXF) write it: lists joined with ';', count maps as `KEY:n`
 * joined with ';', numbers and booleans as JavaScript prints them; null (absent) stays null.
 */
export function flat(value: Value | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, number>)
      .map(([k, n]) => `${k}:${n}`)
      .join(LIST_SEPARATOR);
  }
  return String(value);
}

/** True when two edges join the same pair of nodes (in either order for an undirected table). */
export function hasParallelEdges(table: Pick<ExportTable, 'directed' | 'edges'>): boolean {
  const seen = new Set<string>();
  for (const e of table.edges as TableEdge[]) {
    const pair = table.directed || e.source <= e.target ? [e.source, e.target] : [e.target, e.source];
    const key = JSON.stringify(pair);
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}
