import neo4j from 'neo4j-driver';

/** Converts a stored Neo4j date (or null) to `YYYY-MM-DD`. */
export function isoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (neo4j.isDate(value as never)) return (value as { toString(): string }).toString();
  return String(value);
}

export function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function strList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** Node or relationship properties as returned by the driver (`Node.properties`) or a map projection. */
export function props(value: unknown): Record<string, unknown> {
  if (value && typeof value === 'object' && 'properties' in value) return (value as { properties: Record<string, unknown> }).properties;
  return (value ?? {}) as Record<string, unknown>;
}
