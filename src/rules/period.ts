/**
 * When an instrument is in place, defined once. `inForce`, `agreements(filter:{inForceOn})`, the activities'
 * period filter, the timeline and the network's period filter all build their predicates from here, so they
 * return the same items.
 *
 * Dates keep the precision of the text: the graph stores each date as a Neo4j Date plus `<field>Precision`
 * ('YEAR', 'MONTH' or 'DAY'; missing means DAY); a start is stored as the first day of its period and an end as
 * the last day (`validTo: "2020"` is 2020-12-31), so a year-only date covers that whole year. Answers show a
 * date as written (`2020`) through `writtenDate` (src/db/values.ts).
 *
 * The span of an instrument:
 * - agreement: from `validFrom`, else `signedOn`; to `validTo`, open-ended without one;
 * - activity: from `startDate` (else, known only by its end, from the first day of `endDate`'s period); to
 *   `endDate`, else (ONGOING) open-ended, else the last day of its start's period (an event dated "2023" spans
 *   2023; one dated 2023-06-09 spans that day);
 * - stated in place but undated: an agreement marked IN_FORCE or an activity marked ONGOING with no start date
 *   is in place from the earliest publication date of its sources (the text says so on that day) onwards,
 *   open-ended as any instrument in place with no known end.
 * An instrument with no start is in no period. Proposed and planned instruments are never in force.
 *
 * Status follows dates (`statusAsOf`, `statusAsOfCypher`): as of a day, a SIGNED or IN_FORCE agreement whose
 * `validTo` is before that day is ENDED, and an ONGOING activity whose `endDate` is before it was HELD; any
 * other status stays as the text states it (a plan past its date stays a plan: the text does not say it
 * happened).
 */

/** Statuses that are intentions: never in force. */
export const NOT_IN_FORCE_STATUSES: readonly string[] = ['PROPOSED', 'PLANNED'];
/** Statuses that say an instrument is in place on the day of the text that states them. */
export const STATED_IN_PLACE_STATUSES: readonly string[] = ['IN_FORCE', 'ONGOING'];

const list = (xs: readonly string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

/** Cypher: the last day of the period of date property `field` of `x`, by its precision. */
export function periodEndCypher(x: string, field: string): string {
  return `CASE ${x}.${field}Precision
    WHEN 'YEAR' THEN date({year: ${x}.${field}.year, month: 12, day: 31})
    WHEN 'MONTH' THEN date({year: ${x}.${field}.year, month: ${x}.${field}.month, day: 1}) + duration({months: 1}) - duration({days: 1})
    ELSE ${x}.${field} END`;
}

/** Cypher: the first day of the period of date property `field` of `x`, by its precision. */
export function periodStartCypher(x: string, field: string): string {
  return `CASE ${x}.${field}Precision
    WHEN 'YEAR' THEN date({year: ${x}.${field}.year, month: 1, day: 1})
    WHEN 'MONTH' THEN date({year: ${x}.${field}.year, month: ${x}.${field}.month, day: 1})
    ELSE ${x}.${field} END`;
}

/**
 * Cypher: the day from which undated instrument `x` is stated in place (the earliest publication date of its
 * sources when its status is IN_FORCE or ONGOING), else null. The source lookup runs only for such items.
 */
export function statedInPlaceFromCypher(x: string): string {
  return `CASE WHEN ${x}.status IN ${list(STATED_IN_PLACE_STATUSES)} THEN
    COLLECT { MATCH (stated_src:Source) WHERE stated_src.id IN ${x}.sources AND stated_src.publishedOn IS NOT NULL
      RETURN stated_src.publishedOn AS stated_on ORDER BY stated_on LIMIT 1 }[0] END`;
}

/** Cypher: the dated first day of the span of instrument `x` (null when it has no date of its own). */
function datedStartCypher(x: string): string {
  return `CASE WHEN ${x}:Agreement THEN coalesce(${x}.validFrom, ${x}.signedOn)
    ELSE coalesce(${x}.startDate, ${periodStartCypher(x, 'endDate')}) END`;
}

/** Cypher: the first day of the span of instrument `x` (null when it is in no period). */
export function spanStartCypher(x: string): string {
  return `coalesce(${datedStartCypher(x)}, ${statedInPlaceFromCypher(x)})`;
}

/** Cypher: the last day of the span of instrument `x` (null when open-ended, or when it has no start). */
export function spanEndCypher(x: string): string {
  return `CASE WHEN ${x}:Agreement THEN ${x}.validTo
    WHEN ${x}.endDate IS NOT NULL THEN ${x}.endDate
    WHEN ${x}.status = 'ONGOING' OR ${x}.startDate IS NULL THEN null
    ELSE ${periodEndCypher(x, 'startDate')} END`;
}

/** Cypher: the precision ('YEAR', 'MONTH' or 'DAY') of `spanStartCypher(x)` as written (DAY when unstated). */
export function spanStartPrecisionCypher(x: string): string {
  return `coalesce(CASE WHEN ${x}:Agreement THEN CASE WHEN ${x}.validFrom IS NOT NULL THEN ${x}.validFromPrecision ELSE ${x}.signedOnPrecision END
    WHEN ${x}.startDate IS NOT NULL THEN ${x}.startDatePrecision ELSE ${x}.endDatePrecision END, 'DAY')`;
}

/** Cypher: the precision of `spanEndCypher(x)` as written (an end derived from a start has the start's). */
export function spanEndPrecisionCypher(x: string): string {
  return `coalesce(CASE WHEN ${x}:Agreement THEN ${x}.validToPrecision
    WHEN ${x}.endDate IS NOT NULL THEN ${x}.endDatePrecision
    ELSE ${x}.startDatePrecision END, 'DAY')`;
}

/**
 * Cypher predicate: `x`'s span overlaps the period [`fromParam`, `toParam`] (either bound may be null: open).
 * Instruments with no span are in no period. Used for "active in a period" and by the network's period filter.
 */
export function activeInPeriodCypher(x: string, fromParam: string, toParam: string): string {
  // A one-element list binds the span start once per row: it may read the instrument's sources.
  return `any(span_start IN [${spanStartCypher(x)}] WHERE span_start IS NOT NULL
    AND (${toParam} IS NULL OR span_start <= ${toParam})
    AND (${fromParam} IS NULL OR coalesce(${spanEndCypher(x)}, ${fromParam}) >= ${fromParam}))`;
}

/**
 * Cypher predicate: `x` is in force at some time in the period [`fromParam`, `toParam`] (a day when both are
 * that day): not an intention and its span overlaps the period.
 */
export function inForceCypher(x: string, fromParam: string, toParam: string): string {
  return `(NOT coalesce(${x}.status, '') IN ${list(NOT_IN_FORCE_STATUSES)}
    AND ${activeInPeriodCypher(x, fromParam, toParam)})`;
}

/**
 * Cypher predicate: the period of date property `field` of `x` overlaps [`fromParam`, `toParam`] (either may be
 * null: open), so a year-only date matches any day of its year. With both bounds null it is true; otherwise
 * false when `x` has no such date.
 */
export function dateInPeriodCypher(x: string, field: string, fromParam: string, toParam: string): string {
  return `(${fromParam} IS NULL AND ${toParam} IS NULL OR ${x}.${field} IS NOT NULL
    AND (${toParam} IS NULL OR ${periodStartCypher(x, field)} <= ${toParam})
    AND (${fromParam} IS NULL OR ${periodEndCypher(x, field)} >= ${fromParam}))`;
}

/** Cypher: the status of `x` as of the day `asOfParam` (see the module comment; `statusAsOf` is its twin). */
export function statusAsOfCypher(x: string, asOfParam: string): string {
  return `CASE WHEN ${x}:Agreement AND ${x}.status IN ['SIGNED', 'IN_FORCE'] AND ${x}.validTo < ${asOfParam} THEN 'ENDED'
    WHEN ${x}:Activity AND ${x}.status = 'ONGOING' AND ${x}.endDate < ${asOfParam} THEN 'HELD'
    ELSE ${x}.status END`;
}

/**
 * The status of an instrument as of the day `asOf` (`YYYY-MM-DD`), the same rule as `statusAsOfCypher`:
 * `lastDay` is its stored `validTo` (agreement) or `endDate` (activity) as an ISO day, null when it has none.
 */
export function statusAsOf(type: 'AGREEMENT' | 'ACTIVITY', status: string | null, lastDay: string | null, asOf: string): string | null {
  if (status === null || lastDay === null || lastDay >= asOf) return status;
  if (type === 'AGREEMENT' && (status === 'SIGNED' || status === 'IN_FORCE')) return 'ENDED';
  if (type === 'ACTIVITY' && status === 'ONGOING') return 'HELD';
  return status;
}

/** Today as an ISO day (UTC): the default day of "status as of". */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

// How a date is written and read back (precision, the period of a written date) is value conversion: it lives
// with the other conversions in graphql/dates.ts, and is re-exported here for the rule's readers.
export { asWritten, periodOfWritten, precisionOf, type DatePrecision } from '../db/dates';
