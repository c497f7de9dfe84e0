/**
 * A copy of `node` with `key` set to `value`, for tagging a loaded object with its GraphQL type without changing
 * the object the loaders share. Getters are copied as getters: a spread would call them, and mappers use getters
 * for what most queries never read (provenance parsed from JSON).
 */
export function taggedCopy<T extends object>(node: T, key: symbol, value: unknown): T {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(node)) as T;
  return Object.defineProperty(copy, key, { value, enumerable: true });
}
