import { createParameterDecorator } from 'type-graphql';

/**
 * The parent object of a field resolver, exactly as the parent's resolver returned it (the mapper's object).
 *
 * Use it instead of type-graphql's `@Root()`: for a parameter typed with a class, `@Root()` copies the parent
 * into a new instance of that class on every call, which runs the mapper's lazy getters (a provenance list
 * parsed from JSON for every row whose location is asked for) and was the largest cost of a one-row lookup
 * after the database driver. Field resolvers only read the parent's fields, so the copy buys nothing.
 */
export function Parent(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator(({ root }) => root);
}
