import type { Database } from '../../src/db/database';

// Test-only statements: every node with its labels and every relationship with its ends, each property
// with its stored type (valueType: an INTEGER and a FLOAT of the same value, a DATE and its text, differ).
const DUMP_NODES = `MATCH (n)
RETURN elementId(n) AS element, n.id AS id, labels(n) AS labels,
  [k IN keys(n) | [k, valueType(n[k]), n[k]]] AS props`;
const DUMP_RELS = `MATCH (a)-[r]->(b)
RETURN a.id AS from, labels(a) AS fromLabels, type(r) AS type, b.id AS to, labels(b) AS toLabels,
  [k IN keys(r) | [k, valueType(r[k]), r[k]]] AS props`;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A stored value as text: driver dates and other temporal values print as their ISO text. */
function text(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(text);
  if (value && typeof value === 'object') return String(value);
  return value;
}

function propsText(props: unknown): Array<[string, string, unknown]> {
  return (props as Array<[string, string, unknown]>).map(([k, type, v]) => [k, type, text(v)] as [string, string, unknown]).sort(([a], [b]) => cmp(a, b));
}

/**
 * The whole graph as sorted lines, one per node (`N` id, sorted labels, properties with their types) and one
 * per relationship (`R` start id and labels, type, end id and labels, properties): two graphs hold the same
 * data exactly when their dumps are equal, and a difference shows as the lines that differ.
 */
export async function dumpGraph(db: Database): Promise<string[]> {
  const nodes = await db.read(DUMP_NODES);
  const rels = await db.read(DUMP_RELS);
  const lines = [
    ...nodes.map((n) => `N ${JSON.stringify([n.id, [...(n.labels as string[])].sort(), propsText(n.props)])}`),
    ...rels.map((r) =>
      `R ${JSON.stringify([r.from, [...(r.fromLabels as string[])].sort(), r.type, r.to, [...(r.toLabels as string[])].sort(), propsText(r.props)])}`,
    ),
  ];
  return lines.sort(cmp);
}
