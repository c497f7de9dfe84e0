import { BadUserInputError } from '../core/errors';

export const MAX_PAGE_SIZE = 500;

/** Page size of a connection when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;

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

/** Checks a connection's page size; throws BAD_USER_INPUT naming the limit unless it is from 1 to MAX_PAGE_SIZE. */
export function checkFirst(first: number): number {
  return checkInt(first, 1, MAX_PAGE_SIZE, 'first');
}

/** Checks an offset (0 to MAX_OFFSET); throws BAD_USER_INPUT naming the bounds. */
export function checkOffset(offset: number): number {
  return checkInt(offset, 0, MAX_OFFSET, 'offset');
}

export type { NestedPage } from '../db/loader';
import type { NestedPage } from '../db/loader';

/** Checks the page arguments of a nested list (first 1 to MAX_NESTED_PAGE_SIZE, offset 0 to MAX_OFFSET). */
export function checkNestedPage(page: NestedPage): NestedPage {
  return { first: checkInt(page.first, 1, MAX_NESTED_PAGE_SIZE, 'first'), offset: checkOffset(page.offset) };
}

/**
 * Cuts a page out of a list already in memory, after checking the arguments. Only for lists that are tiny by
 * nature (provenance quotes, figures, the organisations of one timeline event), which one load brings whole.
 */
export function pageOf<T>(items: readonly T[], page: NestedPage): T[] {
  const { first, offset } = checkNestedPage(page);
  return items.slice(offset, offset + first);
}
