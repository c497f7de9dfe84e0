import { ArgsType, Field, Int } from 'type-graphql';
import { BadUserInputError } from '../errors';

export const MAX_PAGE_SIZE = 500;

/** Page size of a connection when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;

/** Offset paging for lists that are not connections (kept for modules that page nested results). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 100, description: `How many items (1 to ${MAX_PAGE_SIZE})` })
  first!: number;

  @Field(() => Int, { defaultValue: 0, description: 'How many items to skip' })
  offset!: number;
}

/** Checks a page size; throws BAD_USER_INPUT naming the limit unless it is an integer from 1 to MAX_PAGE_SIZE. */
export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE} (got ${first})`, 'first');
  }
  return first;
}

/** Checks page arguments; throws BAD_USER_INPUT naming the limit. */
export function checkPage(args: PageArgs): { limit: number; offset: number } {
  checkFirst(args.first);
  if (!Number.isInteger(args.offset) || args.offset < 0) {
    throw new BadUserInputError(`offset must be 0 or more (got ${args.offset})`, 'offset');
  }
  return { limit: args.first, offset: args.offset };
}
