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

function fieldSelections(set: SelectionSetNode | undefined, field: string, fragments: Record<string, FragmentDefinitionNode>): SelectionSetNode[] {
  if (!set) return [];
  return set.selections.flatMap((s) => {
    if (s.kind === 'Field') return s.name.value === field && s.selectionSet ? [s.selectionSet] : [];
    if (s.kind === 'InlineFragment') return fieldSelections(s.selectionSet, field, fragments);
    return fieldSelections(fragments[s.name.value]?.selectionSet, field, fragments);
  });
}

/**
 * Whether the query selects the nested field at `path` below this resolver's value (`['partners',
 * 'evidence']`: `evidence` inside `partners`), so a resolver can leave out of its statement what nobody asked for.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let sets = info.fieldNodes.map((node) => node.selectionSet).filter((set): set is SelectionSetNode => set !== undefined);
  for (const field of path.slice(0, -1)) sets = sets.flatMap((set) => fieldSelections(set, field, info.fragments));
  return sets.some((set) => selectsIn(set, path[path.length - 1], info.fragments));
}
