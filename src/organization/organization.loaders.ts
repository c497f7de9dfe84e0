import type { Database } from '../neo4j';
import { manyLoader, oneLoader } from '../graphql/loader';
import { toAdminUnit } from '../geography/geography.mapper';
import { props, isoDate } from '../graphql/values';
import { toProvenance } from '../source/source.mapper';
import { toOrganization } from './organization.mapper';
import * as q from './organization.repository';
import type { OrganizationRelation } from './organization-relation.type';

function toRelation(row: Record<string, unknown>, direction: 'OUT' | 'IN'): OrganizationRelation {
  const p = props(row.rel);
  return {
    organization: toOrganization(row.n),
    kind: String(p.kind),
    direction,
    validFrom: isoDate(p.validFrom),
    validTo: isoDate(p.validTo),
    provenance: toProvenance(p.provenance),
  };
}

/** Per-request loaders of the organisation domain. */
export function createOrganizationLoaders(db: Database) {
  return {
    orgById: oneLoader(db, q.ORGS_BY_ID, (r) => toOrganization(r.n)),
    orgLocation: oneLoader(db, q.ORG_LOCATION, (r) => toAdminUnit(r.n)),
    orgParent: oneLoader(db, q.ORG_PARENT, (r) => toOrganization(r.n)),
    orgChildren: manyLoader(db, q.ORG_CHILDREN, (r) => toOrganization(r.n)),
    orgRelationsOut: manyLoader(db, q.ORG_RELATIONS_OUT, (r) => toRelation(r, 'OUT')),
    orgRelationsIn: manyLoader(db, q.ORG_RELATIONS_IN, (r) => toRelation(r, 'IN')),
    unitOrgs: manyLoader(db, q.UNIT_ORGS, (r) => toOrganization(r.n)),
    unitOrgsWithPredecessors: manyLoader(db, q.UNIT_ORGS_WITH_PREDECESSORS, (r) => toOrganization(r.n)),
  };
}
