import neo4j from 'neo4j-driver';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
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

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function partialDate(value: unknown): string {
  if (typeof value !== 'string' || !PARTIAL_DATE.test(value)) {
    throw new GraphQLError(`PartialDate must be YYYY, YYYY-MM or YYYY-MM-DD (got ${JSON.stringify(value)})`);
  }
  return value;
}

/**
 * A date as precise as its source wrote it (ISO 8601 of reduced precision): `2023` (a year), `2023-06` (a
 * month) or `2023-06-09` (a day). Filters and "in force" read a year or month as that whole period.
 */
export const PartialDateScalar = new GraphQLScalarType({
  name: 'PartialDate',
  description:
    'A date as precise as its source wrote it, ISO 8601 of reduced precision: `2023` (that year), `2023-06` (that month) or ' +
    '`2023-06-09` (that day). Period filters and "in force" read a year or a month as the whole period.',
  serialize: partialDate,
  parseValue: partialDate,
  parseLiteral: (ast) => partialDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
