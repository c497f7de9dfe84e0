import neo4j from 'neo4j-driver';
import { BadUserInputError } from '../core/errors';

/** Parses a `YYYY-MM-DD` argument into a driver Date; throws BAD_USER_INPUT naming the argument. */
export function dateParam(value: string | null | undefined, arg: string): InstanceType<typeof neo4j.types.Date> | null {
  if (value === null || value === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!match || !parsed || parsed.getUTCMonth() !== +match[2] - 1 || parsed.getUTCDate() !== +match[3]) {
    throw new BadUserInputError(`${arg} must be a date YYYY-MM-DD (got '${value}')`, arg);
  }
  return new neo4j.types.Date(+match[1], +match[2], +match[3]);
}

/** Checks that `from` is not after `to` when both are given. */
export function checkRange(from: string | null | undefined, to: string | null | undefined, fromArg: string, toArg: string): void {
  dateParam(from, fromArg);
  dateParam(to, toArg);
  if (from && to && from > to) throw new BadUserInputError(`${fromArg} (${from}) is after ${toArg} (${to})`, fromArg);
}

/** The precision of a date as the text gives it. */
export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

/** The precision of an ISO date string as written: `2023` YEAR, `2023-06` MONTH, `2023-06-09` DAY. */
export function precisionOf(written: string): DatePrecision {
  if (/^\d{4}$/.test(written)) return 'YEAR';
  if (/^\d{4}-\d{2}$/.test(written)) return 'MONTH';
  return 'DAY';
}

/** A stored date (ISO day) shown as precise as the text gave it: `2023-01-01` with YEAR is `2023`. */
export function asWritten(isoDay: string, precision: DatePrecision | null | undefined): string {
  if (precision === 'YEAR') return isoDay.slice(0, 4);
  if (precision === 'MONTH') return isoDay.slice(0, 7);
  return isoDay;
}

/** The first and last day (ISO) of a date as written: `2023` is 2023-01-01..2023-12-31. */
export function periodOfWritten(written: string): { first: string; last: string } {
  if (/^\d{4}$/.test(written)) return { first: `${written}-01-01`, last: `${written}-12-31` };
  if (/^\d{4}-\d{2}$/.test(written)) {
    const [y, m] = written.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { first: `${written}-01`, last: `${written}-${String(last).padStart(2, '0')}` };
  }
  return { first: written, last: written };
}
