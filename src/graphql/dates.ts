import neo4j from 'neo4j-driver';
import { BadUserInputError } from '../errors';

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
