import { pageParams, type Database } from '../db/database';
import { tieParams } from '../rules/tie';
import { type StatsFilterValue, chooseAnchor, filterParams, statsTieSelection } from './stats.filter';
import { toCrossRegionLink, toRegionMatrix } from './stats.mapper';
import { itemStage } from './stages';
import { FOREIGN_AREA_PREFIX, HOME_COUNTRY_ISO, countedInstruments, tiesOfInstrument } from './ties.stages';
import type { CrossRegionLink, RegionMatrix, RegionMatrixFilter } from './stats.type';

const BOTH = ['Agreement', 'Activity'] as const;

/** Rows `i`: every counted agreement and activity, or those dated within $from..$to. */
function instruments(anchor: 'dates' | 'all'): string {
  const items = anchor === 'all' ? 'MATCH (i) WHERE i:Agreement OR i:Activity' : itemStage([...BOTH], anchor, false);
  return `${items}\n${countedInstruments()}`;
}

// The rows and columns: the scheme's regions in Vietnamese order (nameKey), then the pseudo-regions asked
// for. A foreign country is a column when an organisation is located in it or in one of its states, whether
// or not it has ties.
const AREAS = `CALL () {
  MATCH (r:Region) WHERE r.scheme = $scheme
  WITH r ORDER BY r.nameKey, r.id
  RETURN collect(r) AS regions
}
CALL () {
  MATCH (c:Country) WHERE $foreign AND c.isoCode <> $homeCountry
    AND EXISTS { (c)<-[:PART_OF*0..3]-(:AdminUnit)<-[:LOCATED_IN]-(:Organization) }
  WITH c ORDER BY c.id
  RETURN collect({id: '${FOREIGN_AREA_PREFIX}' + c.id, name: 'Nước ngoài: ' + c.name, nameEn: 'Foreign: ' + coalesce(c.nameEn, c.name)}) AS foreign
}`;

// Each instrument's ties are formed one instrument at a time (see tiesOfInstrument) and counted per cell in
// a subquery, so the statement holds one instrument's participants, never every instrument's at once (which
// ran Neo4j out of memory on a million links under a few concurrent requests).
function matrixCypher(anchor: 'dates' | 'all'): string {
  return `${AREAS}
CALL () {
${instruments(anchor)}
CALL (i) {
${tiesOfInstrument(true)}
  WITH CASE WHEN areaA <= areaB THEN [areaA, areaB] ELSE [areaB, areaA] END AS cell, w
  RETURN cell, count(*) AS links, sum(w) AS weight
}
WITH cell, sum(links) AS links, sum(weight) AS weight,
     count(CASE WHEN i:Agreement THEN 1 END) AS agreements,
     count(CASE WHEN i:Activity THEN 1 END) AS activities
RETURN collect({from: cell[0], to: cell[1], links: links, weight: weight, agreements: agreements, activities: activities}) AS cells
}
RETURN regions, foreign, cells`;
}

/** The region matrix over every tie, or over ties whose instrument is dated within $from..$to. */
export const REGION_MATRIX = matrixCypher('all');
export const REGION_MATRIX_DATED = matrixCypher('dates');

function crossCypher(anchor: 'dates' | 'all'): string {
  return `${instruments(anchor)}
${tiesOfInstrument(true)}
WITH i, a, b, areaA, areaB, kind, w WHERE areaA <> areaB
WITH i, a, b, areaA, areaB, kind, w ORDER BY i.id
WITH a.id AS a, b.id AS b, areaA, areaB, collect(i.id) AS evidence, collect(kind) AS kinds, sum(w) AS weight
RETURN a, b, areaA, areaB, evidence, kinds, weight
ORDER BY size(evidence) DESC, weight DESC, a, b
SKIP $offset LIMIT $limit`;
}

/** Pairs of organisations in different areas of $scheme with their shared evidence, most evidence first. */
export const CROSS_REGION_LINKS = crossCypher('all');
export const CROSS_REGION_LINKS_DATED = crossCypher('dates');

/** The parameters of the matrix and cross-region statements: dates, tie selection and pseudo-regions. */
export function regionParams(scheme: string, from: string | null | undefined, to: string | null | undefined, filter: RegionMatrixFilter | null | undefined) {
  const dates: StatsFilterValue = { from: from ?? null, to: to ?? null };
  return {
    anchor: chooseAnchor(dates) === 'dates' ? ('dates' as const) : ('all' as const),
    params: {
      ...filterParams(dates),
      ...tieParams(statsTieSelection(filter)),
      scheme,
      national: filter?.includeNational ?? false,
      foreign: filter?.includeForeign ?? false,
      homeCountry: HOME_COUNTRY_ISO,
    },
  };
}

/** Ties, agreements and activities between and within the areas of `scheme`, as a whole square matrix. */
export async function regionMatrix(
  db: Database,
  scheme: string,
  from?: string | null,
  to?: string | null,
  filter?: RegionMatrixFilter | null,
): Promise<RegionMatrix> {
  const { anchor, params } = regionParams(scheme, from, to, filter);
  const [row] = await db.read(anchor === 'dates' ? REGION_MATRIX_DATED : REGION_MATRIX, params);
  return toRegionMatrix(row, params.national);
}

/** One page of the ties whose organisations sit in different areas of `scheme`. */
export async function crossRegionLinks(
  db: Database,
  scheme: string,
  from: string | null | undefined,
  to: string | null | undefined,
  filter: RegionMatrixFilter | null | undefined,
  limit: number,
  offset: number,
): Promise<CrossRegionLink[]> {
  const { anchor, params } = regionParams(scheme, from, to, filter);
  const rows = await db.read(anchor === 'dates' ? CROSS_REGION_LINKS_DATED : CROSS_REGION_LINKS, { ...params, ...pageParams(limit, offset) });
  return rows.map(toCrossRegionLink);
}
