
export const MAX_PAGE_SIZE = 500;

/** Page size of a connection when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;

export { checkInt, checkNestedPage, MAX_NESTED_PAGE_SIZE, MAX_OFFSET, NESTED_PAGE_SIZE, type NestedPage } from '../core/bounds';
import { checkInt, checkNestedPage, MAX_OFFSET, type NestedPage } from '../core/bounds';

/** Checks a connection's page size; throws BAD_USER_INPUT naming the limit unless it is from 1 to MAX_PAGE_SIZE. */
export function checkFirst(first: number): number {
  return checkInt(first, 1, MAX_PAGE_SIZE, 'first');
}

/** Checks an offset (0 to MAX_OFFSET); throws BAD_USER_INPUT naming the bounds. */
export function checkOffset(offset: number): number {
  return checkInt(offset, 0, MAX_OFFSET, 'offset');
}

/**
 * Cuts a page out of a list already in memory, after checking the arguments. Only for lists that are tiny by
 * nature (provenance quotes, figures, the organisations of one timeline event), which one load brings whole.
 */
export function pageOf<T>(items: readonly T[], page: NestedPage): T[] {
  const { first, offset } = checkNestedPage(page);
  return items.slice(offset, offset + first);
}
