import type { Database } from '../db/database';
import { oneLoader, pagedLoader } from '../db/loader';
import { toAdminUnit, toRegion } from './geography.mapper';
import * as q from './geography.repository';
import { perRequest } from '../graphql/context';

/** Per-request loaders of the geography domain. */
export function createGeographyLoaders(db: Database) {
  return {
    unitById: oneLoader(db, q.UNITS_BY_ID, (r) => toAdminUnit(r.n)),
    regionById: oneLoader(db, q.REGIONS_BY_ID, (r) => toRegion(r.n)),
    unitParent: oneLoader(db, q.UNIT_PARENT, (r) => toAdminUnit(r.n)),
    unitChildren: pagedLoader(db, q.UNIT_CHILDREN, (r) => toAdminUnit(r.n)),
    unitSuccessor: oneLoader(db, q.UNIT_SUCCESSOR, (r) => toAdminUnit(r.n)),
    unitPredecessors: pagedLoader(db, q.UNIT_PREDECESSORS, (r) => toAdminUnit(r.n)),
    unitCurrent: oneLoader(db, q.UNIT_CURRENT, (r) => toAdminUnit(r.n)),
    unitRegions: pagedLoader(db, q.UNIT_REGIONS, (r) => toRegion(r.n)),
    regionMembers: pagedLoader(db, q.REGION_MEMBERS, (r) => toAdminUnit(r.n)),
  };
}

/** The geography loaders of the request `ctx` (made on first use). */
export const geographyLoaders = perRequest(createGeographyLoaders);
