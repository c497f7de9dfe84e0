import { ANCESTORS, KIND, KIND_FROM_A, LEAD_A, instrumentWhere, kindOf, strongest } from '../../network/tie-cypher';
import {
  DEFAULT_TIE_SELECTION,
  ancestorIdsCypher,
  leadingRoleCypher,
  principalCountCypher,
  tieKindFromCypher,
  tieParams,
  tieWeightCypher,
  tieWeightOfCypher,
} from '../../rules/tie';
import { filterParams } from '../../stats/stats.filter';
import { countsCypher, totalsCypher } from '../../stats/stats.repository';
import { rankingCypher } from '../../stats/ranking.repository';
import { countTableCypher } from '../../stats/table.repository';
import { CountTarget, GroupKey, ProvinceMode, RankingDirection, RankingMetric } from '../../stats/stats.type';

// The floor: for each query family, the one hand-written Cypher statement that returns the same answer as
// the hub's GraphQL query. It is what a developer writing Cypher by hand would send through neo4j-driver.

/** An organisation and its unit. */
export const FLOOR_LOOKUP = `MATCH (o:Organization {id: $id})
OPTIONAL MATCH (o)-[:LOCATED_IN]->(u:AdminUnit)
RETURN o.id AS id, o.name AS name, o.nameEn AS nameEn, o.kind AS kind, u.id AS location, u.name AS locationName`;

// The network families pair organisations by the tie rule of src/rules/tie.ts through the shared fragments of
// src/network/tie-cypher.ts (never restated here): a tie is an instrument that counts (realised unless
// `$includeIntended`) whose strongest role-pair kind is in `$tieKinds` (see FLOOR_TIE_PARAMS).

/** Statement parameters of the default tie selection: cooperation kinds, realised instruments, no roll-up. */
export const FLOOR_TIE_PARAMS = tieParams(DEFAULT_TIE_SELECTION);

// From organisation `a` to every `b` sharing a counting instrument `x`, with `w` its fractional weight and
// `kind` the pair's strongest kind in it, kept when selected.
const TIES_FROM_A = `WITH a, ${ANCESTORS} AS ancestors
MATCH (a)-[ra:PARTY_TO|PARTICIPATED_IN]->(x)
WHERE ${instrumentWhere(null)}
WITH a, ancestors, ra, x, ${LEAD_A} AS leadA, ${tieWeightCypher('x')} AS w
MATCH (x)<-[rb:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
WHERE b <> a
WITH b, x, w, collect(DISTINCT ${KIND_FROM_A}) AS kinds
WITH b, x, w, ${strongest('kinds')} AS kind
WHERE kind IN $tieKinds`;

// Organisations `b` tied to organisation `a` by at least one role pair of a selected kind (reachability, as
// the hub's rings), carrying the variables `carry` (a list ending in a comma, or '').
const reachedFromA = (carry: string) => `WITH ${carry} a, ${ANCESTORS} AS ancestors
MATCH (a)-[ra:PARTY_TO|PARTICIPATED_IN]->(x)
WHERE ${instrumentWhere(null)}
WITH ${carry} a, ancestors, x, ${LEAD_A} AS leadA
MATCH (x)<-[rb:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
WHERE b <> a
WITH ${carry} b, ${KIND_FROM_A} AS kind
WHERE kind IN $tieKinds`;

/**
 * Direct partners under the tie rule, by fractional weight, then count, then id (up to $cap, as the hub's
 * search), with the total.
 */
export const FLOOR_PARTNERS = `MATCH (a:Organization {id: $id})
${TIES_FROM_A}
WITH b, count(x) AS count, round(sum(w), 9) AS weight
ORDER BY weight DESC, count DESC, b.id
LIMIT $cap
WITH collect({id: b.id, name: b.name, count: count, weight: weight}) AS ranked
RETURN size(ranked) AS total, ranked[0..$first] AS partners`;

/**
 * Partners up to two ties away: direct ones as FLOOR_PARTNERS, then the next ring (tied to a direct partner,
 * neither the organisation nor a direct partner) by id. Like the hub, each ring stops at $cap organisations.
 */
export const FLOOR_PARTNERS_2 = `MATCH (root:Organization {id: $id})
CALL (root) {
  WITH root AS a
  ${TIES_FROM_A.replace(/\n/g, '\n  ')}
  WITH b, count(x) AS count, round(sum(w), 9) AS weight
  ORDER BY weight DESC, count DESC, b.id
  LIMIT $cap
  RETURN collect({org: b, count: count, weight: weight}) AS direct
}
WITH root, direct, [d IN direct | d.org] AS near
CALL (root, near) {
  UNWIND near AS a
  ${reachedFromA('root, near,').replace(/\n/g, '\n  ')}
    AND b <> root AND NOT b IN near
  WITH DISTINCT b
  ORDER BY b.id
  LIMIT $cap
  RETURN collect(b) AS far
}
RETURN size(direct) + size(far) AS total,
  [d IN direct[0..$first] | {id: d.org.id, name: d.org.name, count: d.count, weight: d.weight, distance: 1}] +
  [c IN CASE WHEN size(direct) >= $first THEN [] ELSE far[0..($first - size(direct))] END | {id: c.id, name: c.name, count: 0, weight: 0.0, distance: 2}] AS partners`;

/**
 * The organisation, its partners under the tie rule (by id, up to $limit nodes in all) and the ties among
 * them with their fractional weights, found by joining the members' own links on the shared instrument.
 */
export const FLOOR_EGO = `MATCH (root:Organization {id: $id})
CALL (root) {
  WITH root AS a
  ${reachedFromA('').replace(/\n/g, '\n  ')}
  WITH DISTINCT b
  ORDER BY b.id
  LIMIT $limit
  RETURN collect(b) AS near
}
WITH root, near[0..($limit - 1)] AS kept, size(near) >= $limit AS truncated
WITH [root] + kept AS ns, truncated
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[ra:PARTY_TO|PARTICIPATED_IN]->(x)
  WHERE ${instrumentWhere(null)}
  WITH x, collect({a: a, ra: ra}) AS sides
  WHERE size(sides) > 1
  WITH x, sides, ${tieWeightCypher('x')} AS w, ${principalCountCypher('x')} AS principals
  UNWIND sides AS s1
  UNWIND sides AS s2
  WITH x, w, principals, s1.a AS a, s1.ra AS ra, s2.a AS b, s2.ra AS rb
  WHERE a.id < b.id
  WITH a.id AS source, b.id AS target, x, w, collect(DISTINCT ${KIND}) AS kinds
  WITH source, target, x, w, ${strongest('kinds')} AS kind
  WHERE kind IN $tieKinds
  WITH source, target, round(sum(w), 9) AS weight
  RETURN collect({source: source, target: target, weight: weight}) AS edges
}
RETURN [i IN range(0, size(ns) - 1) | {id: ns[i].id, label: coalesce(ns[i].nameEn, ns[i].name), distance: CASE WHEN i = 0 THEN 0 ELSE 1 END}] AS nodes,
  edges, truncated`;

/** One shortest route whose every step is a tie of a selected kind, at most 6 steps long (the hub's default). */
export const FLOOR_PATH = `MATCH (a:Organization {id: $from}), (b:Organization {id: $to})
MATCH p = SHORTEST 1 (a)((o1:Organization)-[r1:PARTY_TO|PARTICIPATED_IN]->(x)<-[r2:PARTY_TO|PARTICIPATED_IN]-(o2:Organization)
    WHERE o1 <> o2 AND ${instrumentWhere(null)} AND ${kindOf('o1', 'r1', 'x', 'r2', 'o2')} IN $tieKinds){1,6}(b)
RETURN size(x) AS length, [n IN nodes(p) WHERE n:Organization | {id: n.id, name: n.name}] AS organizations`;

/**
 * Ties between and within regions: each counting agreement or activity pairs its organisations located in a
 * region of $scheme, each organisation on the leading side when any of its roles is (which gives each pair its
 * strongest kind), pairs of a selected kind counted per cell with the instrument's fractional weight (over all
 * its organisations). Regions and sides are looked up once per participant rather than once per pair, and
 * pairs are counted one instrument at a time (grouping every instrument's participants at once holds hundreds
 * of MB of heap per query on the large graph).
 */
export const FLOOR_REGION_MATRIX = `MATCH (x) WHERE (x:Agreement OR x:Activity) AND ${instrumentWhere(null)}
CALL (x) {
  WITH COLLECT {
    MATCH (x)<-[r:PARTY_TO|PARTICIPATED_IN]-(o:Organization)
    WITH o, max(CASE WHEN ${leadingRoleCypher('x', 'r')} THEN 1 ELSE 0 END) = 1 AS lead
    RETURN {id: o.id, lead: lead, ancestors: ${ancestorIdsCypher('o')},
      region: head([(o)-[:LOCATED_IN]->(:AdminUnit)-[:IN_REGION]->(region:Region {scheme: $scheme}) | region.id])} AS p
  } AS ps
  WHERE size(ps) > 1
  WITH [p IN ps WHERE p.region IS NOT NULL] AS ps, ${tieWeightOfCypher('size(ps)')} AS w, ${principalCountCypher('x')} AS principals
  UNWIND range(0, size(ps) - 2) AS i
  UNWIND range(i + 1, size(ps) - 1) AS j
  WITH ps[i] AS p, ps[j] AS q, w, principals
  WITH p, q, w, ${tieKindFromCypher('(p.id IN q.ancestors OR q.id IN p.ancestors)', 'p.lead', 'q.lead', 'x', 'principals')} AS kind
  WHERE kind IN $tieKinds
  RETURN CASE WHEN p.region <= q.region THEN [p.region, q.region] ELSE [q.region, p.region] END AS cell, count(*) AS pairs, sum(w) AS weight
}
WITH cell, sum(pairs) AS links, sum(weight) AS weight, count(CASE WHEN x:Agreement THEN 1 END) AS agreements, count(CASE WHEN x:Activity THEN 1 END) AS activities
RETURN cell[0] AS from, cell[1] AS to, links, weight, agreements, activities
ORDER BY from, to`;

/** Agreements by the year they were signed, most first. */
export const FLOOR_COUNTS_BY_YEAR = `MATCH (g:Agreement)
WHERE g.signedOn IS NOT NULL
WITH toString(g.signedOn.year) AS key, count(*) AS count
RETURN key, count
ORDER BY count DESC, key`;

/** Organisations whose names hold the phrase, best first. */
export const FLOOR_SEARCH = `CALL db.index.fulltext.queryNodes('name_search', $phrase, {limit: $scan}) YIELD node, score
WHERE node:Organization
RETURN node.id AS id, coalesce(node.nameEn, node.name) AS label, score
LIMIT $first`;

// The dashboard families' floor is the statement the hub itself sends when it computes the answer (built by
// the stats repositories from the shared stages): what is measured against it is what keeping answers until
// the graph changes saves, not a different way of counting.

/** Parameters of the dashboard statements for no filter and the six socio-economic regions. */
export const FLOOR_DASHBOARD_PARAMS = { ...filterParams(null), scheme: 'SOCIO_ECONOMIC_6' };

/** Totals of organisations, agreements, activities, links, people and provinces, no filter. */
export const FLOOR_TOTALS = totalsCypher(ProvinceMode.CURRENT, 'all', false);

/** Agreements by region (each in the regions of the organisations tied through it). */
export const FLOOR_COUNTS_BY_REGION = countsCypher(CountTarget.AGREEMENTS, GroupKey.REGION, ProvinceMode.CURRENT, 'all', false);

/** Agreements by signing year × region, as one table. */
export const FLOOR_COUNT_TABLE = countTableCypher(CountTarget.AGREEMENTS, GroupKey.YEAR, GroupKey.REGION, ProvinceMode.CURRENT, 'all', false);

/** Organisations ranked by their number of partners, one page from $offset to $end. */
export const FLOOR_RANKING = rankingCypher(RankingMetric.PARTNERS, RankingDirection.DESC, 'all', false);
