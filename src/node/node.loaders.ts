import type { Database } from '../db/database';
import { oneLoader } from '../db/loader';
import { perRequest } from '../graphql/context';
import { toNode } from './node.mapper';
import { NODES_BY_ID } from './node.repository';

/** Per-request loaders of nodes of any kind: every id asked for in one tick costs one statement together. */
export function createNodeLoaders(db: Database) {
  return { nodeById: oneLoader(db, NODES_BY_ID, (r) => toNode(r).node) };
}

/** The node loaders of the request `ctx` (made on first use). */
export const nodeLoaders = perRequest(createNodeLoaders);
