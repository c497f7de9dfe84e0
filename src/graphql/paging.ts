
export const MAX_PAGE_SIZE = 500;

/** Page size of a connection when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;

export { checkInt, checkNestedPage, MAX_NESTED_PAGE_SIZE, MAX_OFFSET, NESTED_PAGE_SIZE, type NestedPage } from '../core/bounds';
import { checkInt, checkNestedPage, MAX_OFFSET, type NestedPage } from '../core/bounds';
import { BadUserInputError } from '../core/errors';
import type { ConnectionShape, PageInfoShape } from '../db/keyset';

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

/*
 * Position cursors: the paging of lists whose order is computed per request (rankings, partners, cross-region
 * ties, a timeline), where no stored key can mark a place. A cursor is the position of an item in its list,
 * made opaque; the next page starts right after it. Adding or removing data between requests may shift such a
 * list by a few items, as an offset would.
 */
const POSITION_PREFIX = 'pos';
const POSITION = /^pos:([A-Za-z]+):(0|[1-9][0-9]{0,8})$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The opaque cursor of the item at `position` (from 0) of the list named `list`. */
export function encodePositionCursor(list: string, position: number): string {
  return Buffer.from(`${POSITION_PREFIX}:${list}:${position}`, 'utf8').toString('base64url');
}

/**
 * The position an `after` cursor of `list` points at. BAD_USER_INPUT on argument `arg` for anything that is
 * not a position cursor of that list (another list's cursor, a keyset cursor, an edited or made-up string).
 */
export function decodePositionCursor(raw: string, list: string, arg = 'after'): number {
  const bad = (why: string) => new BadUserInputError(`${arg} ${why}: pass an edge cursor or pageInfo.endCursor unchanged`, arg);
  const match = BASE64URL.test(raw) ? POSITION.exec(Buffer.from(raw, 'base64url').toString('utf8')) : null;
  if (!match) throw bad('is not a cursor of this list');
  if (match[1] !== list) throw bad(`is a cursor of the ${match[1]} list, not of the ${list} list`);
  return Number(match[2]);
}

/**
 * Where a page of a position-paged list starts: right after the `after` cursor, else at `offset` (the older
 * way). BAD_USER_INPUT when both are given (an offset other than 0 beside a cursor) or the start passes
 * MAX_OFFSET.
 */
export function pageStart(list: string, offset: number, after: string | null | undefined): number {
  if (after === null || after === undefined) return checkOffset(offset);
  if (offset !== 0) throw new BadUserInputError('give either after or offset, not both: after is the way to page on', 'offset');
  const start = decodePositionCursor(after, list) + 1;
  if (start > MAX_OFFSET) throw new BadUserInputError(`after points past the deepest page this list serves (position ${MAX_OFFSET})`, 'after');
  return start;
}

/** The page info of `count` items read from position `start`, when `hasNextPage` says whether more follow. */
export function positionPageInfo(list: string, start: number, count: number, hasNextPage: boolean): PageInfoShape {
  return {
    hasNextPage,
    hasPreviousPage: start > 0,
    startCursor: count > 0 ? encodePositionCursor(list, start) : null,
    endCursor: count > 0 ? encodePositionCursor(list, start + count - 1) : null,
  };
}

/**
 * A connection over the `items` of a position-paged list read from `start`: one more item than the page asks
 * for may be passed (`first + 1`), which only tells that more follow. `count` gives the total over all pages.
 */
export function positionConnection<T>(list: string, items: readonly T[], start: number, first: number, count: () => Promise<number>): ConnectionShape<T> {
  const page = items.slice(0, first);
  return {
    nodes: page,
    edges: page.map((node, i) => ({ node, cursor: encodePositionCursor(list, start + i) })),
    pageInfo: positionPageInfo(list, start, page.length, items.length > first),
    count,
  };
}
