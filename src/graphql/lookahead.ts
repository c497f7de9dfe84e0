import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function selectsIn(set: SelectionSetNode | undefined, field: string, fragments: Record<string, FragmentDefinitionNode>): boolean {
  if (!set) return false;
  return set.selections.some((s) => {
    if (s.kind === 'Field') return s.name.value === field;
    if (s.kind === 'InlineFragment') return selectsIn(s.selectionSet, field, fragments);
    return selectsIn(fragments[s.name.value]?.selectionSet, field, fragments);
  });
}

/**
 * Whether the query selects `field` directly on the value this resolver returns (through inline fragments
 * and fragment spreads too), so a resolver can fetch it in the same statement instead of one more.
 */
export function selectsField(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) => selectsIn(node.selectionSet, field, info.fragments));
}
