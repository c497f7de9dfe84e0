// Ties for the statistics statements: every tie is derived with the rule of src/rules/tie.ts, and every filter
// value travels as a parameter ($tieKinds, $includeIntended, $rollUp, $scheme, $national, $foreign, $homeCountry).
import {
  ancestorIdsCypher,
  instrumentCountsCypher,
  leadingRoleCypher,
  principalCountCypher,
  tieKindFromCypher,
  tieWeightOfCypher,
  topUnitCypher,
} from '../rules/tie';
import { TAKES_PART } from './stages';

/** The id of the pseudo-region of national bodies (located in the country as a whole, in no province). */
export const NATIONAL_AREA = 'national';
/** The prefix of a foreign pseudo-region's id: `foreign:` and the country's id (`foreign:country-au`). */
export const FOREIGN_AREA_PREFIX = 'foreign:';
/** The ISO code of the country whose regions the schemes divide; bodies located elsewhere are foreign. */
export const HOME_COUNTRY_ISO = 'VN';

/** Rows `i` that count under `$includeIntended` (proposed and planned instruments only when asked). */
export function countedInstruments(): string {
  return `WITH i WHERE ${instrumentCountsCypher('i')}`;
}

/**
 * Cypher: the area of organisation `u` under `$scheme`: its region; else, with `$national`, the national
 * pseudo-region when it is located in the home country as a whole; else, with `$foreign`, the pseudo-region of
 * the foreign country it is located in (or in a state of); else null.
 */
export function areaOfCypher(u: string): string {
  return `coalesce(
      head([(${u})-[:LOCATED_IN]->(:AdminUnit)-[:IN_REGION]->(area_region:Region {scheme: $scheme}) | area_region.id]),
      CASE WHEN $national AND EXISTS { (${u})-[:LOCATED_IN]->(:Country {isoCode: $homeCountry}) } THEN '${NATIONAL_AREA}' END,
      CASE WHEN $foreign THEN COLLECT { MATCH (${u})-[:LOCATED_IN]->(:AdminUnit)-[:PART_OF*0..3]->(area_country:Country)
        WHERE area_country.isoCode <> $homeCountry RETURN '${FOREIGN_AREA_PREFIX}' + area_country.id AS area ORDER BY area LIMIT 1 }[0] END)`;
}

/**
 * For each row `i` (an agreement or activity already filtered), the ties it makes under the selection: rows
 * `i, a, b, kind, w`, one per pair of units (a.id < b.id) whose kind is in `$tieKinds`, and `w` the
 * instrument's fractional weight (over all its units, tied or not). A unit is the organisation, or with
 * `$rollUp` its top parent; pairs within one unit's family disappear. A unit on the leading side through
 * any of its roles (or members) is on it for every pair, which gives each pair its strongest kind. With
 * `areas`, also `areaA, areaB` (see `areaOfCypher`), and only units with an area are paired.
 *
 * Each unit's side, ancestors and area are read once per instrument and the pairs are formed in a list,
 * one instrument at a time, so the statement holds one instrument's participants.
 */
export function tiesOfInstrument(areas: boolean): string {
  const area = areas ? `, area: ${areaOfCypher('u')}` : '';
  const paired = areas ? '[p IN ps WHERE p.area IS NOT NULL]' : 'ps';
  const areaColumns = areas ? ', pq[0].area AS areaA, pq[1].area AS areaB' : '';
  return `CALL (i) {
  WITH COLLECT {
    MATCH (i)<-[r:${TAKES_PART}]-(o:Organization)
    WITH CASE WHEN $rollUp THEN ${topUnitCypher('o')} ELSE o END AS u, ${leadingRoleCypher('i', 'r')} AS lead
    WITH u, max(CASE WHEN lead THEN 1 ELSE 0 END) = 1 AS lead
    RETURN {unit: u, id: u.id, lead: lead, anc: CASE WHEN $rollUp THEN [] ELSE ${ancestorIdsCypher('u')} END${area}} AS p
  } AS ps
  WHERE size(ps) > 1
  WITH ${paired} AS ps, ${tieWeightOfCypher('size(ps)')} AS w, ${principalCountCypher('i')} AS principals
  UNWIND range(0, size(ps) - 2) AS x
  UNWIND range(x + 1, size(ps) - 1) AS y
  WITH ps[x] AS p, ps[y] AS q, w, principals
  WITH w, CASE WHEN p.id < q.id THEN [p, q] ELSE [q, p] END AS pq,
    ${tieKindFromCypher('(p.id IN q.anc OR q.id IN p.anc)', 'p.lead', 'q.lead', 'i', 'principals')} AS kind
  WHERE kind IN $tieKinds
  RETURN pq[0].unit AS a, pq[1].unit AS b${areaColumns}, kind, w
}`;
}
