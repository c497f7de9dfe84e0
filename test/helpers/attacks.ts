import { parse, visit } from 'graphql';

/** The 236-byte query: nested relationship lists five levels down under a page of 500 organisations. */
export const NESTED_LISTS_BODY =
  'organizations(first:500){ nodes{ id agreements{ agreement{ parties{ organization{ agreements{ agreement{ parties{ organization{ agreements{ agreement{ id title }}}}}}}}}}}}';
export const NESTED_LISTS = `{ ${NESTED_LISTS_BODY} }`;

/** The nested-lists query under `n` aliases. */
export function aliasedNestedLists(n: number): string {
  return `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${NESTED_LISTS_BODY}`).join(' ')} }`;
}

/** One network of 2,000 organisations exported `n` times under aliases. */
export function aliasedExports(n: number): string {
  return `{ cooperationNetwork(limit: 2000) { ${Array.from({ length: n }, (_, i) => `e${i}: export(format: GRAPHML) { content }`).join(' ')} } }`;
}

/** `n` aliased whole-graph networks of 2,000 organisations. */
export function aliasedNetworks(n: number): string {
  return `{ ${Array.from({ length: n }, (_, i) => `n${i}: cooperationNetwork(limit: 2000) { truncated }`).join(' ')} }`;
}

/** The 26 fragments, each spreading the next one twice, with `leaf` in the last: 2^25 leaves expanded. */
export function doublingFragments(leaf = '__typename'): string {
  return (
    'query { ...F0 } ' +
    Array.from({ length: 25 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ') +
    ` fragment F25 on Query { ${leaf} }`
  );
}

/** Selections written in a document (fields, fragment spreads and inline fragments), each counted once. */
export function selectionsIn(query: string): number {
  let count = 0;
  const once = () => void count++;
  visit(parse(query), { Field: once, FragmentSpread: once, InlineFragment: once });
  return count;
}
