import type { Database } from '../db/database';
import { oneLoader, pagedLoader } from '../db/loader';
import { toAdminUnit } from '../geography/geography.mapper';
import { props, writtenDate } from '../db/values';
import { toProvenance } from '../source/source.mapper';
import { toOrganization } from './organization.mapper';
import * as q from './organization.repository';
import type { OrganizationRelation } from './organization-relation.type';
import { perRequest } from '../graphql/context';

function toRelation(row: Record<string, unknown>): OrganizationRelation {
  const p = props(row.rel);
  return {
    organization: toOrganization(row.n),
    kind: String(p.kind),
    direction: row.direction === 'IN' ? 'IN' : 'OUT',
    validFrom: writtenDate(p.validFrom, p.validFromPrecision),
    validTo: writtenDate(p.validTo, p.validToPrecision),
    get provenance() { return toProvenance(p.provenance); },
  };
}

/** Per-request loaders of the organisation domain. */
export function createOrganizationLoaders(db: Database) {
  return {
    orgById: oneLoader(db, q.ORGS_BY_ID, (r) => toOrganization(r.n)),
    orgLocation: oneLoader(db, q.ORG_LOCATION, (r) => toAdminUnit(r.n)),
    orgParent: oneLoader(db, q.ORG_PARENT, (r) => toOrganization(r.n)),
    orgChildren: pagedLoader(db, q.ORG_CHILDREN, (r) => toOrganization(r.n)),
    orgRelations: pagedLoader(db, q.ORG_RELATIONS, toRelation),
    unitOrgs: pagedLoader(db, q.UNIT_ORGS, (r) => toOrganization(r.n)),
    unitOrgsWithPredecessors: pagedLoader(db, q.UNIT_ORGS_WITH_PREDECESSORS, (r) => toOrganization(r.n)),
  };
}

/** The organization loaders of the request `ctx` (made on first use). */
export const organizationLoaders = perRequest(createOrganizationLoaders);
