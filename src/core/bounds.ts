import { BadUserInputError } from './errors';

// The bounds of integer arguments and of nested pages, defined once: the GraphQL kit checks arguments with
// them, and the database floor's loaders refuse a page outside them, whoever calls.

/** Page size of a nested list (a relationship field) when `first` is not given, and its largest. */
export const NESTED_PAGE_SIZE = 100;
export const MAX_NESTED_PAGE_SIZE = 1000;

/**
 * The largest `offset` any list takes. Offsets are sliced in the database, whose list indexes are 32-bit;
 * a bound far below that keeps `offset + first` safe, and deeper pages of a nested list are no use anyway.
 */
export const MAX_OFFSET = 100_000;

/**
 * The one check for integer arguments: returns `value` when it is an integer from `min` to `max`, else throws
 * BAD_USER_INPUT naming the argument and both bounds (`first must be between 1 and 500 (got 501)`).
 */
export function checkInt(value: number, min: number, max: number, name: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${name} must be between ${min} and ${max} (got ${value})`, name);
  }
  return value;
}

/** A page of a nested list: at most `first` items after skipping `offset`. */
export interface NestedPage {
  first: number;
  offset: number;
}

/** Checks the page arguments of a nested list (first 1 to MAX_NESTED_PAGE_SIZE, offset 0 to MAX_OFFSET). */
export function checkNestedPage(page: NestedPage): NestedPage {
  return { first: checkInt(page.first, 1, MAX_NESTED_PAGE_SIZE, 'first'), offset: checkInt(page.offset, 0, MAX_OFFSET, 'offset') };
}
