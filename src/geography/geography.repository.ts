import { pageParams, type Database } from '../neo4j';
import { byIdQuery, inQuery, outQuery } from '../graphql/cypher';
import { dateParam } from '../graphql/dates';
import { toAdminUnit, toRegion } from './geography.mapper';
import type { AdminUnit, Region } from './geography.type';

export const UNITS_BY_ID = byIdQuery('AdminUnit');
export const REGIONS_BY_ID = byIdQuery('Region');
export const UNIT_PARENT = outQuery('AdminUnit', 'PART_OF', 'AdminUnit');
export const UNIT_CHILDREN = inQuery('AdminUnit', 'PART_OF', 'AdminUnit', 'n.name');
export const UNIT_SUCCESSOR = outQuery('AdminUnit', 'SUCCEEDED_BY', 'AdminUnit');
export const UNIT_PREDECESSORS = inQuery('AdminUnit', 'SUCCEEDED_BY', 'AdminUnit', 'n.name');
export const UNIT_REGIONS = outQuery('AdminUnit', 'IN_REGION', 'Region');
export const REGION_MEMBERS = inQuery('Region', 'IN_REGION', 'AdminUnit', 'n.name');

/** The unit a unit became in the end (itself when it was never merged). */
export const UNIT_CURRENT = `UNWIND $keys AS key
MATCH (u:AdminUnit {id: key})
OPTIONAL MATCH path = (u)-[:SUCCEEDED_BY*1..10]->(last:AdminUnit)
WHERE NOT (last)-[:SUCCEEDED_BY]->()
WITH key, u, last ORDER BY length(path) DESC
WITH key, u, collect(last)[0] AS last
RETURN key, coalesce(last, u) AS n`;

export const LIST_UNITS = `MATCH (n:AdminUnit)
WHERE ($level IS NULL OR n.level = $level)
  AND ($validOn IS NULL OR ((n.validFrom IS NULL OR n.validFrom <= $validOn) AND (n.validTo IS NULL OR n.validTo >= $validOn)))
  AND ($parent IS NULL OR EXISTS { (n)-[:PART_OF]->(:AdminUnit {id: $parent}) })
  AND ($region IS NULL OR EXISTS { (n)-[:IN_REGION]->(:Region {id: $region}) })
RETURN n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit`;

export const LIST_REGIONS = `MATCH (n:Region)
WHERE $scheme IS NULL OR n.scheme = $scheme
RETURN n
ORDER BY n.scheme, n.name`;

export interface UnitFilter {
  level?: string | null;
  validOn?: string | null;
  parent?: string | null;
  region?: string | null;
}

export async function listUnits(db: Database, filter: UnitFilter, limit: number, offset: number): Promise<AdminUnit[]> {
  const rows = await db.read(LIST_UNITS, {
    level: filter.level ?? null,
    validOn: dateParam(filter.validOn, 'validOn'),
    parent: filter.parent ?? null,
    region: filter.region ?? null,
    ...pageParams(limit, offset),
  });
  return rows.map((r) => toAdminUnit(r.n));
}

export async function listRegions(db: Database, scheme: string | null): Promise<Region[]> {
  const rows = await db.read(LIST_REGIONS, { scheme });
  return rows.map((r) => toRegion(r.n));
}
