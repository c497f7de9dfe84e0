import neo4j from 'neo4j-driver';
import { asWritten } from './dates';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Converts a stored Neo4j date (or null) to `YYYY-MM-DD`. Plain-number fields of years 0 to 9999 are formatted
 * here: the driver's own formatting goes through its 64-bit integers, slower by far (it gives the same text).
 */
export function isoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (!neo4j.isDate(value as never)) return String(value);
  const { year, month, day } = value as { year: unknown; month: unknown; day: unknown };
  if (typeof year !== 'number' || typeof month !== 'number' || typeof day !== 'number' || year < 0 || year > 9999) return String(value);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The one conversion from a stored date to the date as the text wrote it: a driver Date (or null) plus the
 * stored `<field>Precision` ('YEAR' | 'MONTH' | 'DAY'; missing means DAY) gives ISO 8601 of reduced precision,
 * `2023`, `2023-06` or `2023-06-09`; null stays null. Answers and exports show dates through this function.
 * Usage: `writtenDate(p.signedOn, p.signedOnPrecision)`.
 */
export function writtenDate(value: unknown, precision: unknown): string | null {
  const iso = isoDate(value);
  if (iso === null || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return asWritten(iso, precision === 'YEAR' || precision === 'MONTH' ? precision : 'DAY');
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

type IntLike = number | bigint | { toNumber(): number };
const toNumber = (x: IntLike): number => (typeof x === 'object' ? x.toNumber() : Number(x));

/** A Neo4j Date for year, month (1-12) and day: the form date properties are written in. */
export function dateValue(year: IntLike, month: IntLike, day: IntLike): InstanceType<typeof neo4j.types.Date> {
  return new neo4j.types.Date(toNumber(year), toNumber(month), toNumber(day));
}

/** A Neo4j Integer: how whole numbers are written where Cypher must see an integer, not a float. */
export function intValue(value: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(value);
}

/** Whether `value` is a Neo4j Date (as read from, or written to, the graph). */
export function isDateValue(value: unknown): value is InstanceType<typeof neo4j.types.Date> {
  return neo4j.isDate(value as object);
}

/** Whether `value` is a Neo4j Integer. */
export function isIntegerValue(value: unknown): value is ReturnType<typeof neo4j.int> {
  return neo4j.isInt(value as object);
}
