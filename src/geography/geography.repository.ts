import type { Database } from '../db/database';
import { byIdQuery, outQuery } from '../db/cypher';
import { pagedInQuery, pagedOutQuery } from '../graphql/nested-page';
import { keysetQueries, readPage, type ConnectionShape, type PageRequest, type SortTable } from '../db/keyset';
import { dateParam } from '../db/dates';
import { listParam } from '../graphql/filter-lists';
import { toAdminUnit, toRegion } from './geography.mapper';
import type { AdminUnit, Region } from './geography.type';

export const UNITS_BY_ID = byIdQuery('AdminUnit');
export const REGIONS_BY_ID = byIdQuery('Region');
export const UNIT_PARENT = outQuery('AdminUnit', 'PART_OF', 'AdminUnit');
// Nested lists: one page per parent (see pagedQuery), in the order the field descriptions state.
export const UNIT_CHILDREN = pagedInQuery('AdminUnit', 'PART_OF', 'AdminUnit', 'n.nameKey, n.id');
export const UNIT_SUCCESSOR = outQuery('AdminUnit', 'SUCCEEDED_BY', 'AdminUnit');
export const UNIT_PREDECESSORS = pagedInQuery('AdminUnit', 'SUCCEEDED_BY', 'AdminUnit', 'n.nameKey, n.id');
export const UNIT_REGIONS = pagedOutQuery('AdminUnit', 'IN_REGION', 'Region', 'n.id');
export const REGION_MEMBERS = pagedInQuery('Region', 'IN_REGION', 'AdminUnit', 'n.nameKey, n.id');

/** The unit a unit became in the end (itself when it was never merged). */
export const UNIT_CURRENT = `UNWIND $keys AS key
MATCH (u:AdminUnit {id: key})
OPTIONAL MATCH path = (u)-[:SUCCEEDED_BY*1..10]->(last:AdminUnit)
WHERE NOT (last)-[:SUCCEEDED_BY]->()
WITH key, u, last ORDER BY length(path) DESC
WITH key, u, collect(last)[0] AS last
RETURN key, coalesce(last, u) AS n`;

/** Sort fields of the admin units connection. */
export const UNIT_SORTS = {
  NAME: { expr: 'n.nameKey', type: 'string' },
  STAT_CODE: { expr: 'n.statCode', type: 'string' },
} as const satisfies SortTable;

export const LIST_UNITS = keysetQueries(
  `MATCH (n:AdminUnit)
WHERE ($level IS NULL OR n.level = $level)
  AND ($levels IS NULL OR n.level IN $levels)
  AND ($validOn IS NULL OR ((n.validFrom IS NULL OR n.validFrom <= $validOn) AND (n.validTo IS NULL OR n.validTo >= $validOn)))
  AND ($parent IS NULL OR EXISTS { (n)-[:PART_OF]->(:AdminUnit {id: $parent}) })
  AND ($region IS NULL OR EXISTS { (n)-[:IN_REGION]->(:Region {id: $region}) })
  AND ($regions IS NULL OR EXISTS { (n)-[:IN_REGION]->(r:Region) WHERE r.id IN $regions })`,
  UNIT_SORTS,
);

/** Sort fields of the regions connection. */
export const REGION_SORTS = {
  NAME: { expr: 'n.nameKey', type: 'string' },
} as const satisfies SortTable;

export const LIST_REGIONS = keysetQueries(
  `MATCH (n:Region)
WHERE ($scheme IS NULL OR n.scheme = $scheme)`,
  REGION_SORTS,
);

export interface UnitFilter {
  level?: string | null;
  levels?: readonly string[] | null;
  regions?: readonly string[] | null;
  validOn?: string | null;
  parent?: string | null;
  region?: string | null;
}

/**
 * One page of the admin units matching `filter` (a singular filter and its list both apply); the count runs only
 * if asked for. Throws BAD_USER_INPUT for a list filter of more than MAX_FILTER_VALUES values.
 */
export function listUnits(db: Database, filter: UnitFilter, page: PageRequest<keyof typeof UNIT_SORTS>): Promise<ConnectionShape<AdminUnit>> {
  const params = {
    level: filter.level ?? null,
    levels: listParam(filter.levels, 'levels'),
    regions: listParam(filter.regions, 'regions'),
    validOn: dateParam(filter.validOn, 'validOn'),
    parent: filter.parent ?? null,
    region: filter.region ?? null,
  };
  return readPage(db, LIST_UNITS, params, page, toAdminUnit);
}

/** One page of the regions (of one scheme when given); the count runs only if asked for. */
export function listRegions(db: Database, scheme: string | null, page: PageRequest<keyof typeof REGION_SORTS>): Promise<ConnectionShape<Region>> {
  return readPage(db, LIST_REGIONS, { scheme }, page, toRegion);
}
