import type { Database } from '../db/database';
import { byIdQuery, outQuery } from '../db/cypher';
import { pagedInQuery, pagedQuery } from '../graphql/nested-page';
import { keysetQueries, readPage, type ConnectionShape, type PageRequest, type SortTable } from '../db/keyset';
import { listParam } from '../graphql/filter-lists';
import { toAdminUnit } from '../geography/geography.mapper';
import { toOrganization } from './organization.mapper';
import type { Organization } from './organization.type';

export const ORGS_BY_ID = byIdQuery('Organization');
export const ORG_LOCATION = outQuery('Organization', 'LOCATED_IN', 'AdminUnit');
export const ORG_PARENT = outQuery('Organization', 'PART_OF', 'Organization');
/** A page of the organisations that belong to each organisation, by name then id. */
export const ORG_CHILDREN = pagedInQuery('Organization', 'PART_OF', 'Organization', 'n.nameKey, n.id');

/**
 * A page of the relations of each organisation: those it states (OUT) then those stated of it (IN), each by the
 * other organisation's id, then kind. Columns `key`, `n`, `rel`, `direction`.
 */
export const ORG_RELATIONS = pagedQuery(
  `CALL (key) {
    MATCH (:Organization {id: key})-[r:RELATED_TO]->(n:Organization)
    RETURN n, r, 'OUT' AS direction
    UNION ALL
    MATCH (n:Organization)-[r:RELATED_TO]->(:Organization {id: key})
    RETURN n, r, 'IN' AS direction
  }`,
  'n, properties(r) AS rel, direction',
  'direction DESC, n.id, r.kind',
);

/** An organisation and its unit (null when it has none), in one statement. */
export const ORG_WITH_LOCATION = `MATCH (n:Organization {id: $id})
OPTIONAL MATCH (n)-[:LOCATED_IN]->(u:AdminUnit)
RETURN n, u
LIMIT 1`;

/** The organisation with its unit attached (`locationNode`), or undefined when no organisation has the id. */
export async function organizationWithLocation(db: Database, id: string): Promise<Organization | undefined> {
  const [row] = await db.read(ORG_WITH_LOCATION, { id });
  if (!row) return undefined;
  // Assigned, not spread: a spread would read (and parse) the lazy provenance the query may not ask for.
  return Object.assign(toOrganization(row.n), { locationNode: row.u ? toAdminUnit(row.u) : null });
}

/** A page of the organisations located in each unit, by name then id. */
export const UNIT_ORGS = pagedInQuery('AdminUnit', 'LOCATED_IN', 'Organization', 'n.nameKey, n.id');

/** A page of the organisations located in each unit or in any unit that became part of it, by name then id. */
export const UNIT_ORGS_WITH_PREDECESSORS = pagedQuery(
  `MATCH (:AdminUnit {id: key})<-[:SUCCEEDED_BY*0..10]-(:AdminUnit)<-[:LOCATED_IN]-(n:Organization)
  WITH DISTINCT n`,
  'n',
  'n.nameKey, n.id',
);

/** Sort fields of the organisations connection. */
export const ORG_SORTS = {
  NAME: { expr: 'n.nameKey', type: 'string' },
  KIND: { expr: 'n.kind', type: 'string' },
} as const satisfies SortTable;

/**
 * Organisations matching a filter; a location matches the unit and the units that became part of it. Singular
 * filters and their lists (`$kind`, `$kinds`, ...) both apply when both are given.
 */
export const LIST_ORGS = keysetQueries(
  `MATCH (n:Organization)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($ror IS NULL OR n.ror = $ror)
  AND ($location IS NULL OR EXISTS {
        MATCH (n)-[:LOCATED_IN]->(x:AdminUnit)
        WHERE x.id = $location OR EXISTS { (x)-[:SUCCEEDED_BY*1..10]->(:AdminUnit {id: $location}) }
      })
  AND ($locations IS NULL OR EXISTS {
        MATCH (n)-[:LOCATED_IN]->(x:AdminUnit)
        WHERE x.id IN $locations OR EXISTS { (x)-[:SUCCEEDED_BY*1..10]->(y:AdminUnit) WHERE y.id IN $locations }
      })
  AND ($region IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:AdminUnit)-[:IN_REGION]->(:Region {id: $region}) })
  AND ($regions IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:AdminUnit)-[:IN_REGION]->(r:Region) WHERE r.id IN $regions })
  AND ($parent IS NULL OR EXISTS { (n)-[:PART_OF]->(:Organization {id: $parent}) })`,
  ORG_SORTS,
);

export interface OrgFilter {
  kind?: string | null;
  kinds?: readonly string[] | null;
  location?: string | null;
  locations?: readonly string[] | null;
  region?: string | null;
  regions?: readonly string[] | null;
  parent?: string | null;
  ror?: string | null;
}

/**
 * One page of the organisations matching `filter`, in the requested order; the count runs only if asked for.
 * Throws BAD_USER_INPUT when a list filter holds more than MAX_FILTER_VALUES values.
 */
export function listOrganizations(db: Database, filter: OrgFilter, page: PageRequest<keyof typeof ORG_SORTS>): Promise<ConnectionShape<Organization>> {
  const params = {
    kind: filter.kind ?? null,
    kinds: listParam(filter.kinds, 'kinds'),
    location: filter.location ?? null,
    locations: listParam(filter.locations, 'locations'),
    region: filter.region ?? null,
    regions: listParam(filter.regions, 'regions'),
    parent: filter.parent ?? null,
    ror: filter.ror ?? null,
  };
  return readPage(db, LIST_ORGS, params, page, toOrganization);
}
