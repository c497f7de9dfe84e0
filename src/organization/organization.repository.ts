import { pageParams, type Database } from '../neo4j';
import { byIdQuery, inQuery, outQuery } from '../graphql/cypher';
import { toOrganization } from './organization.mapper';
import type { Organization } from './organization.type';

export const ORGS_BY_ID = byIdQuery('Organization');
export const ORG_LOCATION = outQuery('Organization', 'LOCATED_IN', 'AdminUnit');
export const ORG_PARENT = outQuery('Organization', 'PART_OF', 'Organization');
export const ORG_CHILDREN = inQuery('Organization', 'PART_OF', 'Organization', 'n.name');
export const ORG_RELATIONS_OUT = outQuery('Organization', 'RELATED_TO', 'Organization');
export const ORG_RELATIONS_IN = inQuery('Organization', 'RELATED_TO', 'Organization');

/** Organisations located in a unit. */
export const UNIT_ORGS = inQuery('AdminUnit', 'LOCATED_IN', 'Organization', 'n.name');

/** Organisations located in a unit or in any unit that became part of it. */
export const UNIT_ORGS_WITH_PREDECESSORS = `UNWIND $keys AS key
MATCH (u:AdminUnit {id: key})
MATCH (n:Organization)-[:LOCATED_IN]->(x:AdminUnit)
WHERE x = u OR (x)-[:SUCCEEDED_BY*1..10]->(u)
RETURN DISTINCT key, n
ORDER BY key, n.name`;

/** Organisations matching a filter; `$location` matches the unit and the units that became part of it. */
export const LIST_ORGS = `MATCH (n:Organization)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($ror IS NULL OR n.ror = $ror)
  AND ($location IS NULL OR EXISTS {
        MATCH (n)-[:LOCATED_IN]->(x:AdminUnit)
        WHERE x.id = $location OR EXISTS { (x)-[:SUCCEEDED_BY*1..10]->(:AdminUnit {id: $location}) }
      })
  AND ($region IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:AdminUnit)-[:IN_REGION]->(:Region {id: $region}) })
  AND ($parent IS NULL OR EXISTS { (n)-[:PART_OF]->(:Organization {id: $parent}) })
RETURN n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit`;

export interface OrgFilter {
  kind?: string | null;
  location?: string | null;
  region?: string | null;
  parent?: string | null;
  ror?: string | null;
}

export async function listOrganizations(db: Database, filter: OrgFilter, limit: number, offset: number): Promise<Organization[]> {
  const rows = await db.read(LIST_ORGS, {
    kind: filter.kind ?? null,
    location: filter.location ?? null,
    region: filter.region ?? null,
    parent: filter.parent ?? null,
    ror: filter.ror ?? null,
    ...pageParams(limit, offset),
  });
  return rows.map((r) => toOrganization(r.n));
}
