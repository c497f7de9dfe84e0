import { pageParams, type Database } from '../neo4j';
import { type StatsFilterValue, chooseAnchor, filterParams } from './stats.filter';
import { toCrossRegionLink, toRegionMatrix } from './stats.mapper';
import { itemStage, linkStage, regionOf, TAKES_PART } from './stages.repository';
import type { CrossRegionLink, RegionMatrix } from './stats.type';

const BOTH = ['Agreement', 'Activity'] as const;

function linksBetweenRegions(anchor: 'dates' | 'all'): string {
  return `${linkStage([...BOTH], anchor)}
${regionOf('a', 'ra')}
${regionOf('b', 'rb')}`;
}

// Each agreement or activity pairs up the organisations taking part in it: their regions are looked up once
// per participant and the pairs are formed in a list, which is several times faster than matching every
// pair of participants and then the region of each end. The pairs are counted per item, in a subquery:
// grouping every item's participants at once holds them all in the heap (565 MB for a million links),
// which ran Neo4j out of memory under a few concurrent requests; this way the query holds one item's.
function matrixCypher(anchor: 'dates' | 'all'): string {
  return `CALL () {
  MATCH (r:Region) WHERE r.scheme = $scheme
  WITH r ORDER BY r.name, r.id
  RETURN collect(r) AS regions
}
CALL () {
${anchor === 'all' ? 'MATCH (i) WHERE i:Agreement OR i:Activity' : itemStage([...BOTH], anchor, false)}
CALL (i) {
  WITH COLLECT {
    MATCH (i)<-[:${TAKES_PART}]-(o:Organization)-[:LOCATED_IN]->(:AdminUnit)-[:IN_REGION]->(r:Region {scheme: $scheme})
    RETURN DISTINCT {org: o.id, region: r.id}
  } AS ps
  WHERE size(ps) > 1
  UNWIND range(0, size(ps) - 2) AS x
  UNWIND range(x + 1, size(ps) - 1) AS y
  WITH ps[x] AS p, ps[y] AS q
  WHERE p.org <> q.org
  WITH CASE WHEN p.region <= q.region THEN [p.region, q.region] ELSE [q.region, p.region] END AS cell
  RETURN cell, count(*) AS pairs
}
WITH cell, sum(pairs) AS links,
     count(CASE WHEN i:Agreement THEN 1 END) AS agreements,
     count(CASE WHEN i:Activity THEN 1 END) AS activities
ORDER BY cell[0], cell[1]
RETURN collect({from: cell[0], to: cell[1], links: links, agreements: agreements, activities: activities}) AS cells
}
RETURN regions, cells`;
}

/** The region matrix over every link, or over links whose evidence is dated within $from..$to. */
export const REGION_MATRIX = matrixCypher('all');
export const REGION_MATRIX_DATED = matrixCypher('dates');

function crossCypher(anchor: 'dates' | 'all'): string {
  return `${linksBetweenRegions(anchor)}
WHERE ra <> rb
WITH a, b, ra, rb, i ORDER BY i.id
WITH a.id AS a, b.id AS b, ra.id AS regionA, rb.id AS regionB, collect(i.id) AS evidence
RETURN a, b, regionA, regionB, evidence
ORDER BY size(evidence) DESC, a, b, regionA, regionB
SKIP $offset LIMIT $limit`;
}

/** Pairs of organisations in different regions of $scheme with their shared evidence, most evidence first. */
export const CROSS_REGION_LINKS = crossCypher('all');
export const CROSS_REGION_LINKS_DATED = crossCypher('dates');

function dateFilter(from: string | null | undefined, to: string | null | undefined): StatsFilterValue {
  return { from: from ?? null, to: to ?? null };
}

/** Links, agreements and activities between and within the regions of `scheme`. */
export async function regionMatrix(db: Database, scheme: string, from?: string | null, to?: string | null): Promise<RegionMatrix> {
  const filter = dateFilter(from, to);
  const cypher = chooseAnchor(filter) === 'dates' ? REGION_MATRIX_DATED : REGION_MATRIX;
  const [row] = await db.read(cypher, { ...filterParams(filter), scheme });
  return toRegionMatrix(row);
}

/** One page of the links whose organisations sit in different regions of `scheme`. */
export async function crossRegionLinks(
  db: Database,
  scheme: string,
  from: string | null | undefined,
  to: string | null | undefined,
  limit: number,
  offset: number,
): Promise<CrossRegionLink[]> {
  const filter = dateFilter(from, to);
  const cypher = chooseAnchor(filter) === 'dates' ? CROSS_REGION_LINKS_DATED : CROSS_REGION_LINKS;
  const rows = await db.read(cypher, { ...filterParams(filter), scheme, ...pageParams(limit, offset) });
  return rows.map(toCrossRegionLink);
}
