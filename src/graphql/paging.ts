import { BadUserInputError } from '../errors';

export const MAX_PAGE_SIZE = 500;

/** Page size of a connection when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;

/** Checks a page size; throws BAD_USER_INPUT naming the limit unless it is an integer from 1 to MAX_PAGE_SIZE. */
export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE} (got ${first})`, 'first');
  }
  return first;
}
