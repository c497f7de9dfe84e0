import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

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
