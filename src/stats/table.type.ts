import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A row or column of a count table: one group, with names ready for a chart axis or legend.' })
export class TableLabel {
  @Field(() => String, {
    description:
      'Region, unit or topic id, kind value, year (`2019`), month (`2019-03`), `unknown` for records without a value, or `all` for the only column of a table without columns',
  })
  key!: string;

  @Field(() => String, { description: 'Vietnamese name, with diacritics (Thành phố Cần Thơ, Tháng 3/2019)' })
  nameVi!: string;

  @Field(() => String, { description: 'English name (Can Tho City, March 2019)' })
  nameEn!: string;

  @Field(() => Int, { nullable: true, description: 'The year of a YEAR or MONTH group; null otherwise' })
  year!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The month (1 to 12) of a MONTH group; null otherwise, and for the group of the dates known only to their year',
  })
  month!: number | null;

  @Field(() => Boolean, { description: 'True for the `unknown` group: records without a value for the grouping (undated, unlocated, of another kind)' })
  unknown!: boolean;
}

@ObjectType({
  description:
    'Counts in one or two dimensions, as a table a chart takes: cells[r][c] belongs to rows[r] and columns[c]. Every counted record ' +
    'is in the table: those without a value for a grouping are in its `unknown` group, so for groupings where a record has one value ' +
    '(YEAR, MONTH, KIND, ...) the cells add up to the totals.',
})
export class CountTable {
  @Field(() => [TableLabel], {
    description:
      'The row groups, in order: time in chronological order, every year or month from the first to the last (or from `from` to `to` of the filter) even when empty; ' +
      'regions (every region of the scheme), provinces and topics (those with a record) by Vietnamese name (a unit by its name without Thành phố or Tỉnh); kinds in the order of their enum (every value); then `unknown`, always last',
  })
  rows!: TableLabel[];

  @Field(() => [TableLabel], { description: 'The column groups, ordered as rows; one `all` column when the table has no column grouping' })
  columns!: TableLabel[];

  @Field(() => [[Int]], { description: 'Full counting, row by row: cells[r][c] is the number of records in row r and column c' })
  cells!: number[][];

  @Field(() => [[Float]], {
    description:
      'Fractional counting, row by row: a record in n cells adds 1/n to each, so the fractional cells add up to total (rounded to 9 decimals)',
  })
  fractionalCells!: number[][];

  @Field(() => [Int], { description: 'Distinct records in each row (a record in several columns of the row counts once)' })
  rowTotals!: number[];

  @Field(() => [Int], { description: 'Distinct records in each column (a record in several rows of the column counts once)' })
  columnTotals!: number[];

  @Field(() => Int, { description: 'Distinct records counted: the same number `totals` gives for the target and filter' })
  total!: number;

  @Field(() => Int, {
    description: 'Sum of all cells: equals total when every record is in one cell; more when records are in several (membershipTotal - total is the excess)',
  })
  membershipTotal!: number;

  @Field(() => Boolean, {
    description:
      'Whether some record counts in several cells (an agreement tied to organisations in two regions, an activity with two topics, a link ' +
      'between two provinces): it then counts once in each, so the cells add up to more than total, and a stacked chart overstates the whole; ' +
      'use fractionalCells, rowTotals and columnTotals for shares',
  })
  multiMembership!: boolean;
}
