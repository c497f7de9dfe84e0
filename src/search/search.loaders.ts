import type { Database } from '../db/database';
import { oneLoader } from '../db/loader';
import { perRequest } from '../graphql/context';
import { describeHit } from './search.detail';
import { HIT_FACTS } from './search.repository';

/** Per-request loaders of the search domain: the details of all hits of a request in one statement. */
export function createSearchLoaders(db: Database) {
  return {
    hitDetail: oneLoader(db, HIT_FACTS, describeHit),
  };
}

/** The search loaders of the request `ctx` (made on first use). */
export const searchLoaders = perRequest(createSearchLoaders);
