import neo4j from 'neo4j-driver';

/**
 * Stored property values as JSON and back, for change history: a Neo4j Date becomes {"$date": "YYYY-MM-DD"}
 * and an Integer {"$int": "n"}, so a snapshot written as text restores the same typed values.
 */
export function encodeValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value as object)) return { $int: String(value) };
  if (neo4j.isDate(value as object)) return { $date: String(value) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (typeof value === 'object') {
    // Other temporal and spatial values are not written by the hub; keep their text rather than fail.
    return { $text: String(value) };
  }
  return value;
}

/** The inverse of `encodeValue`. */
export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value && typeof value === 'object') {
    const v = value as Record<string, string>;
    if ('$int' in v) return neo4j.int(v.$int);
    if ('$date' in v) {
      const [y, m, d] = v.$date.split('-').map(Number);
      return new neo4j.types.Date(y, m, d);
    }
    if ('$text' in v) return v.$text;
  }
  return value;
}

/** Every property of a map, encoded (see `encodeValue`), with keys in sorted order so equal maps give equal JSON. */
export function encodeProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(props).sort()) out[key] = encodeValue(props[key]);
  return out;
}

/** The inverse of `encodeProps`. */
export function decodeProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) out[key] = decodeValue(value);
  return out;
}
