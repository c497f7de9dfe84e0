import {
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { QueryTooDeepError } from '../core/errors';

/** Counts the work of a depth computation, so that tests can check it stays linear in the document. */
export interface DepthWork {
  /** Selections looked at. */
  visited: number;
}

/**
 * Depth of selection sets below `selectionSet`, fragments expanded. Each fragment's depth is computed once and
 * remembered in `memo` (a fragment has the same depth wherever it is spread), so the work is linear in the
 * document even when fragments spread each other many times. A fragment met again while its own depth is being
 * computed (a cycle, which spec validation rejects anyway) counts as 0.
 */
export function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  memo: Map<string, number> = new Map(),
  work: DepthWork = { visited: 0 },
): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    work.visited++;
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      // Only fields that open a selection set add a level: `{ organization { id } }` has depth 1.
      depth = selection.name.value.startsWith('__') || !selection.selectionSet ? 0 : 1 + selectionDepth(selection.selectionSet, fragments, memo, work);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(selection.selectionSet, fragments, memo, work);
    } else {
      const name = selection.name.value;
      const known = memo.get(name);
      if (known !== undefined) {
        depth = known;
      } else {
        const fragment = fragments.get(name);
        memo.set(name, 0); // in progress: a cycle back to it adds nothing
        depth = fragment ? selectionDepth(fragment.selectionSet, fragments, memo, work) : 0;
        memo.set(name, depth);
      }
    }
    max = Math.max(max, depth);
  }
  return max;
}

/**
 * A validation rule refusing operations nested deeper than `maxDepth` levels of selection sets
 * (fragments expanded, introspection fields not counted), with a QUERY_TOO_DEEP error that states the limit.
 * Linear in the document: fragment depths are shared by all the operations of the document.
 */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const memo = new Map<string, number>();
    return {
      OperationDefinition(node) {
        const depth = selectionDepth(node.selectionSet, fragments, memo);
        if (depth > maxDepth) context.reportError(new QueryTooDeepError(depth, maxDepth));
      },
    };
  };
}
