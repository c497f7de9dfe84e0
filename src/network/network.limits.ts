import { tieParams } from '../rules/tie';
import { linkFilterParams, tieSelection, type LinkFilter } from './link-filter';
import { MAX_PATH_HOPS } from './network.repository';

export const LIMITS = {
  maxHops: 3,
  maxDepth: 3,
  maxPathHops: MAX_PATH_HOPS,
  /** Organisations one search may visit before it stops and says it was cut. */
  searchCap: 5000,
  maxNetworkNodes: 2000,
  maxPaths: 50,
  maxPage: 500,
} as const;

/** The statement parameters of a link filter: its own and its tie selection's (`$tieKinds`, `$includeIntended`, `$rollUp`). */
export function networkParams(filter: LinkFilter | null | undefined): Record<string, unknown> {
  return { ...linkFilterParams(filter), ...tieParams(tieSelection(filter)) };
}
