import type { Database } from '../db/database';
import { oneLoader } from '../db/loader';
import { toOrganization } from '../organization/organization.mapper';
import { toSource } from './source.mapper';
import { SOURCES_BY_ID, SOURCE_PUBLISHER } from './source.repository';
import { perRequest } from '../graphql/context';

/** Per-request loaders of the source domain. */
export function createSourceLoaders(db: Database) {
  return {
    sourceById: oneLoader(db, SOURCES_BY_ID, (r) => toSource(r.n)),
    sourcePublisher: oneLoader(db, SOURCE_PUBLISHER, (r) => toOrganization(r.n)),
  };
}

/** The source loaders of the request `ctx` (made on first use). */
export const sourceLoaders = perRequest(createSourceLoaders);
