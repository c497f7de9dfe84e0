import { ArgsType, Field, Int } from 'type-graphql';
import { BadUserInputError } from '../errors';

export const MAX_PAGE_SIZE = 500;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 100, description: `How many items (1 to ${MAX_PAGE_SIZE})` })
  first!: number;

  @Field(() => Int, { defaultValue: 0, description: 'How many items to skip' })
  offset!: number;
}

/** Checks page arguments; throws BAD_USER_INPUT naming the limit. */
export function checkPage(args: PageArgs): { limit: number; offset: number } {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE} (got ${args.first})`, 'first');
  }
  if (!Number.isInteger(args.offset) || args.offset < 0) {
    throw new BadUserInputError(`offset must be 0 or more (got ${args.offset})`, 'offset');
  }
  return { limit: args.first, offset: args.offset };
}
