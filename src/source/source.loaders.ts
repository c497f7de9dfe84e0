import type { Database } from '../neo4j';
import { oneLoader } from '../graphql/loader';
import { toOrganization } from '../organization/organization.mapper';
import { toSource } from './source.mapper';
import { SOURCES_BY_ID, SOURCE_PUBLISHER } from './source.repository';

/** Per-request loaders of the source domain. */
export function createSourceLoaders(db: Database) {
  return {
    sourceById: oneLoader(db, SOURCES_BY_ID, (r) => toSource(r.n)),
    sourcePublisher: oneLoader(db, SOURCE_PUBLISHER, (r) => toOrganization(r.n)),
  };
}
