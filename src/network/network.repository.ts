import type { Database, Row } from '../db/database';
import { principalCountCypher, tieWeightCypher } from '../rules/tie';
import {
toDirectPartners,
toFamilies,
toLevelEntry,
toLevelPage,
toNetworkOrg,
toRawEdge,
toRawPaths,
type DirectPartners,
type LevelEntry,
type LevelPage,
type NetworkOrg,
type RawEdge,
type RawPaths,
} from './network.mapper';
import { ANCESTORS, INSTRUMENT_SPAN, KIND, KIND_FROM_A, LEAD_A, LINK_WHERE, instrumentWhere, kindOf, strongest, top } from './tie-cypher';

// Every statement here pairs organisations through a shared agreement or activity, gives each pair and
// instrument the tie kind of src/rules/tie.ts (the strongest over their role pairs) and keeps the kinds in
// `$tieKinds`, through instruments that count under `$includeIntended`.

/**
 * A statement in three forms: `plain` without the link filter's predicates (most requests filter nothing
 * beyond the tie selection, which spares Neo4j always-true predicates on every row), `filtered` with them,
 * and `rolledUp`, filtered and with every organisation replaced by its top ancestor.
 */
export interface LinkFiltered {
  filtered: string;
  plain: string;
  rolledUp: string;
}

function linkFiltered(build: (where: string | null, rollUp: boolean) => string): LinkFiltered {
  return { filtered: build(LINK_WHERE, false), plain: build(null, false), rolledUp: build(LINK_WHERE, true) };
}

/** The form of `statement` the parameters call for. */
export function forFilter(statement: LinkFiltered, params: Row): string {
  if (params.rollUp === true) return statement.rolledUp;
  const filtered = params.linkKinds != null || params.topic != null || params.periodFrom != null || params.periodTo != null;
  return filtered ? statement.filtered : statement.plain;
}

/**
 * Direct partners of a set of organisations, by fractional weight, count, then id, in one row: how many
 * there are (`found`, up to `$cap`), how many are of `$partnerKinds` (`total`), all their ids when `$allIds`
 * (for a further hop), the requested page of those kept, with the partner node, and the instruments of the
 * page (`tieRows`, with roles in the form with evidence), and how many of `$orgIds` are organisations
 * (`known`: an organisation without ties needs no second statement to tell it from an unknown id). Under
 * roll-up `$orgIds` is the actor's families and partners are top ancestors.
 */
function directPartnersStatement(evidence: boolean): LinkFiltered {
  return linkFiltered((where, rollUp) => {
    const partner = rollUp
      ? `WITH x, w, a, ancestors, leadA, ra, rb, b, ${top('b')} AS p
WHERE ${top('a')} <> p`
      : `WITH x, w, a, ancestors, leadA, ra, rb, b, b AS p`;
    const roles = evidence ? `, collect(DISTINCT {actor: a.id, actorRole: ra.role, partner: b.id, partnerRole: rb.role}) AS roles` : '';
    return `UNWIND $orgIds AS oid
MATCH (a:Organization {id: oid})
WITH a, ${ANCESTORS} AS ancestors
MATCH (a)-[ra:PARTY_TO|PARTICIPATED_IN]->(x)
WHERE ${instrumentWhere(where)}
WITH a, ancestors, ra, x, ${LEAD_A} AS leadA, ${tieWeightCypher('x')} AS w
MATCH (x)<-[rb:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
WHERE b <> a AND ($includeInternal OR NOT b.id IN $orgIds)
${partner}
WITH p, x, w, collect(DISTINCT ${KIND_FROM_A}) AS kinds${roles}
WITH p, x, w, ${strongest('kinds')} AS kind${evidence ? ', roles' : ''}
WHERE kind IN $tieKinds
WITH p, count(x) AS count, round(sum(w), 9) AS weight, collect({x: x, kind: kind${evidence ? ', roles: roles' : ''}}) AS ties
ORDER BY weight DESC, count DESC, p.id
LIMIT $cap
WITH collect({node: p, count: count, weight: weight, ties: ties}) AS ranked
WITH ranked, [r IN ranked WHERE $partnerKinds IS NULL OR r.node.kind IN $partnerKinds] AS kept
WITH ranked, size(kept) AS total, kept[$offset..($offset + $first)] AS page
CALL (page) {
  UNWIND page AS r
  UNWIND r.ties AS t
  WITH r.node.id AS partner, t.kind AS kind, t.x AS x${evidence ? ', t.roles AS roles' : ''}
  RETURN collect({partner: partner, kind: kind, ${INSTRUMENT_SPAN}${evidence ? ', roles: roles' : ''}}) AS tieRows
}
RETURN size(ranked) AS found, total, CASE WHEN $allIds THEN [r IN ranked | r.node.id] ELSE [] END AS ids,
  [r IN page | {id: r.node.id, node: r.node, count: r.count, weight: r.weight}] AS page, tieRows,
  COUNT { MATCH (o:Organization) WHERE o.id IN $orgIds } AS known`;
  });
}

export const DIRECT_PARTNERS = directPartnersStatement(false);
export const DIRECT_PARTNERS_WITH_EVIDENCE = directPartnersStatement(true);

// Organisations tied to the frontier (under roll-up: to the families of its top ancestors), one row each with
// `via`, one frontier neighbour. Grouped by node before any property of b is read: a hub's frontier expands
// to far more rows than partners.
// Reachability takes any role pair of a selected kind (the strongest-kind rule matters for counting, not here),
// so that rows are filtered one by one rather than grouped by pair and instrument first.
const beyondFrontier = (where: string | null, rollUp: boolean) => {
  const start = rollUp
    ? `UNWIND $frontier AS fid
MATCH (:Organization {id: fid})<-[:PART_OF*0..4]-(a:Organization)`
    : `UNWIND $frontier AS fid
MATCH (a:Organization {id: fid})`;
  const partner = rollUp ? `WITH fid, ${top('b')} AS b
WHERE b.id <> fid
` : '';
  return `${start}
WITH a, fid, ${ANCESTORS} AS ancestors
MATCH (a)-[ra:PARTY_TO|PARTICIPATED_IN]->(x)
WHERE ${instrumentWhere(where)}
WITH a, fid, ancestors, x, ${LEAD_A} AS leadA
MATCH (x)<-[rb:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
WHERE b <> a
WITH fid, b, ${KIND_FROM_A} AS kind
WHERE kind IN $tieKinds
${partner}WITH b, min(fid) AS via`;
};

/** Organisations tied to a frontier, not yet visited; `via` is one frontier neighbour. */
export const NEXT_LEVEL = linkFiltered((where, rollUp) => `${beyondFrontier(where, rollUp)}
WHERE NOT b.id IN $visited AND ($nextKinds IS NULL OR b.kind IN $nextKinds)
RETURN b.id AS id, via, b.kind AS kind
ORDER BY id
LIMIT $cap`);

/**
 * The last ring of a partner search, counted and paged in the database: `found` organisations tied to the
 * frontier and not yet visited (up to `$cap`, by id), `total` of them of `$keepKinds`, and the page of those
 * with `via`, one frontier neighbour.
 */
export const LAST_LEVEL_PAGE = linkFiltered((where, rollUp) => `${beyondFrontier(where, rollUp)}
WHERE NOT b.id IN $visited
WITH b.id AS id, via, b.kind AS kind
ORDER BY id
LIMIT $cap
WITH collect({id: id, via: via, kind: kind}) AS ring
WITH ring, [r IN ring WHERE $keepKinds IS NULL OR r.kind IN $keepKinds] AS kept
RETURN size(ring) AS found, size(kept) AS total, kept[$offset..($offset + $first)] AS page`);

/**
 * Ties among a set of organisations (under roll-up, top ancestors standing for their families): one row per
 * pair (`source` < `target`) with its fractional weight and its instruments, each with its tie kind.
 */
// Each member's own links are expanded and joined on the shared node, so the cost follows the members' degrees,
// not the size of every agreement or activity they take part in (a national programme has thousands).
export const COOPERATION_EDGES = linkFiltered((where, rollUp) => {
  const start = rollUp
    ? `UNWIND $ids AS id
MATCH (:Organization {id: id})<-[:PART_OF*0..4]-(a:Organization)-[ra:PARTY_TO|PARTICIPATED_IN]->(x)`
    : `UNWIND $ids AS id
MATCH (a:Organization {id: id})-[ra:PARTY_TO|PARTICIPATED_IN]->(x)`;
  return `${start}
WHERE ${instrumentWhere(where)}
WITH x, a, ra${rollUp ? ', id' : ', a.id AS id'}
WITH x, collect({a: a, ra: ra, id: id}) AS sides
WHERE size(sides) > 1
WITH x, sides, ${tieWeightCypher('x')} AS w, ${principalCountCypher('x')} AS principals
UNWIND sides AS s1
UNWIND sides AS s2
WITH x, w, principals, s1.a AS a, s1.ra AS ra, s1.id AS source, s2.a AS b, s2.ra AS rb, s2.id AS target
WHERE source < target
WITH source, target, x, w, collect(DISTINCT ${KIND}) AS kinds
WITH source, target, x, w, ${strongest('kinds')} AS kind
WHERE kind IN $tieKinds
RETURN source, target, round(sum(w), 9) AS weight, collect({kind: kind, ${INSTRUMENT_SPAN}}) AS ties
ORDER BY source, target`;
});

/** Display data of organisations for network answers. */
export const NETWORK_ORGS = `UNWIND $ids AS id
MATCH (o:Organization {id: id})
OPTIONAL MATCH (o)-[:LOCATED_IN]->(u:AdminUnit)
RETURN o.id AS id, o.kind AS kind, o.name AS name, o.nameEn AS nameEn, u.id AS location`;

/**
 * The families of a set of organisations under roll-up: their top ancestors (`tops`) and every organisation
 * under those (`members`, the tops included).
 */
export const FAMILIES = `UNWIND $orgIds AS oid
MATCH (o:Organization {id: oid})
WITH DISTINCT ${top('o')} AS t
MATCH (t)<-[:PART_OF*0..4]-(m:Organization)
RETURN collect(DISTINCT t.id) AS tops, collect(DISTINCT m.id) AS members`;

// A step of a route: two organisations and an instrument they share, whose tie (for their role pair) is of a
// selected kind. The predicates sit inside the quantified pattern, where Neo4j checks them during its search.
const step = (where: string | null, rollUp: boolean) => `(o1:Organization)-[r1:PARTY_TO|PARTICIPATED_IN]->(x)<-[r2:PARTY_TO|PARTICIPATED_IN]-(o2:Organization)
    WHERE o1 <> o2 AND ${instrumentWhere(where)}
      AND ${kindOf('o1', 'r1', 'x', 'r2', 'o2')} IN $tieKinds${rollUp ? `\n      AND ${top('o1')} <> ${top('o2')}` : ''}`;

function pathStatement(all: boolean, maxHops: number): LinkFiltered {
  // Optional, so that the one row without a route still says whether both ends are organisations.
  return linkFiltered((where, rollUp) => `OPTIONAL MATCH (a:Organization {id: $from})
OPTIONAL MATCH (b:Organization {id: $to})
OPTIONAL MATCH p = ${all ? 'ALL SHORTEST' : 'SHORTEST 1'} (a)(${step(where, rollUp)}){1,${maxHops}}(b)
WITH a, b, p, o1, r1, x, r2, o2
LIMIT ${all ? '$cap' : '1'}
CALL (o1, r1, x, r2, o2) {
  UNWIND range(0, coalesce(size(x), 0) - 1) AS i
  WITH i, o1[i] AS sa, r1[i] AS sra, x[i] AS sx, r2[i] AS srb, o2[i] AS sb
  ORDER BY i
  RETURN collect({from: sa.id, to: sb.id, fromRole: sra.role, toRole: srb.role, id: sx.id,
    type: CASE WHEN sx:Agreement THEN 'AGREEMENT' ELSE 'ACTIVITY' END, tieKind: ${kindOf('sa', 'sra', 'sx', 'srb', 'sb')}}) AS steps
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
  CASE WHEN p IS NULL OR length(p) = 0 THEN null ELSE steps END AS steps,
  CASE WHEN p IS NULL OR length(p) = 0 THEN [] ELSE [n IN nodes(p) WHERE n:Organization] END AS orgs`);
}

/** Longest route the path statements are built for, in steps. */
export const MAX_PATH_HOPS = 10;

const hopBounds = Array.from({ length: MAX_PATH_HOPS }, (_, i) => i + 1);

/** Shortest routes between two organisations through ties of the selection, by the most steps allowed (1 to 10). */
export const SHORTEST_PATH: Record<number, LinkFiltered> = Object.fromEntries(hopBounds.map((h) => [h, pathStatement(false, h)]));
export const ALL_SHORTEST_PATHS: Record<number, LinkFiltered> = Object.fromEntries(hopBounds.map((h) => [h, pathStatement(true, h)]));

/** Most steps the explanation of a missing route looks for: twice the longest route `paths` returns. */
export const EXPLAIN_MAX_HOPS = 2 * MAX_PATH_HOPS;

/**
 * Steps of the shortest chain of shared instruments of any kind, status and date between `$from` and `$to`,
 * whatever the roles (every tie kind), up to EXPLAIN_MAX_HOPS; null when there is none. Plain relationships
 * only, so the search is cheap next to a filtered one.
 */
export const ANY_ROUTE_DISTANCE = `MATCH (a:Organization {id: $from}), (b:Organization {id: $to})
OPTIONAL MATCH p = SHORTEST 1 (a)((o1:Organization)-[:PARTY_TO|PARTICIPATED_IN]->(x)<-[:PARTY_TO|PARTICIPATED_IN]-(o2:Organization)
    WHERE o1 <> o2){1,${EXPLAIN_MAX_HOPS}}(b)
RETURN length(p) / 2 AS distance`;

/**
 * Organisations of a scope (all when `$orgIds` is null) with at least one tie of the selection, by id, up to
 * `$cap`. Under roll-up, top ancestors (`$orgIds` then holds tops) whose family has a tie outside itself.
 */
// `t.id IS NOT NULL` lets Neo4j walk the id index in order and stop at the cap instead of testing every
// organisation and sorting.
export const LINKED_ORGS = linkFiltered((where, rollUp) => {
  // One role pair of a selected kind is enough (as for reachability), so the test stops at the first one.
  const tied = rollUp
    ? `MATCH (t)<-[:PART_OF*0..4]-(a:Organization)-[ra:PARTY_TO|PARTICIPATED_IN]->(x)<-[rb:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
    WHERE ${instrumentWhere(where)} AND ${kindOf('a', 'ra', 'x', 'rb', 'b')} IN $tieKinds AND ${top('b')} <> t`
    : `MATCH (t)-[ra:PARTY_TO|PARTICIPATED_IN]->(x)<-[rb:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
    WHERE b <> t AND ${instrumentWhere(where)} AND ${kindOf('t', 'ra', 'x', 'rb', 'b')} IN $tieKinds`;
  return `MATCH (t:Organization)
WHERE t.id IS NOT NULL${rollUp ? ' AND NOT EXISTS { (t)-[:PART_OF]->(:Organization) }' : ''} AND ($orgIds IS NULL OR t.id IN $orgIds) AND ($partnerKinds IS NULL OR t.kind IN $partnerKinds)
  AND EXISTS {
    ${tied}
  }
RETURN t.id AS id
ORDER BY id
LIMIT $cap`;
});

export async function directPartners(db: Database, params: Row, evidence: boolean): Promise<DirectPartners> {
  const [row] = await db.read(forFilter(evidence ? DIRECT_PARTNERS_WITH_EVIDENCE : DIRECT_PARTNERS, params), params);
  return toDirectPartners(row);
}

export async function nextLevel(db: Database, params: Row): Promise<LevelEntry[]> {
  const rows = await db.read(forFilter(NEXT_LEVEL, params), params);
  return rows.map(toLevelEntry);
}

export async function lastLevelPage(db: Database, params: Row): Promise<LevelPage> {
  const [row] = await db.read(forFilter(LAST_LEVEL_PAGE, params), params);
  return toLevelPage(row);
}

/** Ties among `ids` under the selection and the link filter, by source then target. */
export async function cooperationEdges(db: Database, params: Row): Promise<RawEdge[]> {
  const rows = await db.read(forFilter(COOPERATION_EDGES, params), params);
  return rows.map(toRawEdge);
}

export async function networkOrgs(db: Database, ids: string[]): Promise<NetworkOrg[]> {
  const rows = await db.read(NETWORK_ORGS, { ids });
  return rows.map(toNetworkOrg);
}

/** The top ancestors of `orgIds` and every organisation of their families (roll-up). */
export async function families(db: Database, orgIds: string[]): Promise<{ tops: string[]; members: string[] }> {
  const [row] = await db.read(FAMILIES, { orgIds });
  return toFamilies(row);
}

/** Routes of at most `maxHops` steps (an integer from 1 to MAX_PATH_HOPS). */
export async function shortestPaths(db: Database, all: boolean, maxHops: number, params: Row): Promise<RawPaths> {
  const statement = (all ? ALL_SHORTEST_PATHS : SHORTEST_PATH)[maxHops];
  if (!statement) throw new Error(`no route statement for ${maxHops} steps`);
  return toRawPaths(await db.read(forFilter(statement, params), params));
}

/**
 * Steps of the shortest chain of shared instruments of any kind between `$from` and `$to` (ANY_ROUTE_DISTANCE),
 * up to EXPLAIN_MAX_HOPS; null when there is none that short.
 */
export async function anyRouteDistance(db: Database, from: string, to: string): Promise<number | null> {
  const [row] = await db.read(ANY_ROUTE_DISTANCE, { from, to });
  // A route has at least one step; Neo4j may answer an empty match with a path of length 0.
  const distance = row?.distance == null ? 0 : Number(row.distance);
  return distance > 0 ? distance : null;
}

export async function linkedOrgs(db: Database, params: Row): Promise<string[]> {
  const rows = await db.read(forFilter(LINKED_ORGS, params), params);
  return rows.map((r) => String(r.id));
}
