import {
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { QueryTooDeepError } from '../errors';

function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      // Only fields that open a selection set add a level: `{ organization { id } }` has depth 1.
      depth = selection.name.value.startsWith('__') || !selection.selectionSet ? 0 : 1 + depthOf(selection.selectionSet, fragments, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = depthOf(selection.selectionSet, fragments, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (fragment && !visiting.has(name)) {
        visiting.add(name);
        depth = depthOf(fragment.selectionSet, fragments, visiting);
        visiting.delete(name);
      }
    }
    max = Math.max(max, depth);
  }
  return max;
}

/**
 * A validation rule refusing operations nested deeper than `maxDepth` levels of selection sets
 * (fragments expanded, introspection fields not counted), with a QUERY_TOO_DEEP error that states the limit.
 */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    }
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > maxDepth) context.reportError(new QueryTooDeepError(depth, maxDepth));
      },
    };
  };
}
