import { BadUserInputError } from '../core/errors';

// Every list filter that takes several values ("any of these kinds, provinces, regions, topics") goes through
// here, so that all lists bound and read them alike.

/** The most values one list filter takes; a longer list is refused, as its statement would be unbounded. */
export const MAX_FILTER_VALUES = 100;

/**
 * The Cypher parameter of a list filter named `name`: null when the list is absent or empty (no constraint),
 * else its distinct values. Throws BAD_USER_INPUT naming the filter and the bound when it holds more than
 * MAX_FILTER_VALUES values.
 */
export function listParam<T>(values: readonly T[] | null | undefined, name: string): T[] | null {
  if (!values || values.length === 0) return null;
  if (values.length > MAX_FILTER_VALUES) {
    throw new BadUserInputError(`${name} takes at most ${MAX_FILTER_VALUES} values (got ${values.length})`, name);
  }
  return [...new Set(values)];
}

/** Description suffix of a singular filter kept beside its plural: both apply when both are given. */
export const BOTH_APPLY = 'When both this and its list form are given, both apply.';

/** Deprecation reason of a singular filter that has a list form. */
export const useListForm = (plural: string): string => `Use ${plural} (a list of values; a list of one matches the same items).`;
