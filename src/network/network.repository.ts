import type { Database, Row } from '../neo4j';
import { isoDate, str } from '../graphql/values';
import { toOrganization } from '../organization/organization.mapper';
import type { Organization } from '../organization/organization.type';

// `x` is the shared agreement or activity; the fragment reads the link filter's parameters. An agreement
// without validTo is open-ended; an activity without endDate lasts its start day.
const LINK_WHERE = `($linkKinds IS NULL OR (x:Agreement AND 'AGREEMENT' IN $linkKinds) OR (x:Activity AND 'ACTIVITY' IN $linkKinds))
  AND ($topic IS NULL OR EXISTS { (x)-[:ABOUT]->(:Topic {id: $topic}) })
  AND ($periodTo IS NULL OR coalesce(x.validFrom, x.signedOn, x.startDate) <= $periodTo)
  AND ($periodFrom IS NULL OR (coalesce(x.validFrom, x.signedOn, x.startDate) IS NOT NULL
       AND coalesce(CASE WHEN x:Agreement THEN x.validTo ELSE coalesce(x.endDate, x.startDate) END, $periodFrom) >= $periodFrom))`;

/**
 * A statement in two forms: with the link filter, and without it for requests that filter nothing (most of
 * them), which spares Neo4j the always-true predicates on every row.
 */
export interface LinkFiltered {
  filtered: string;
  plain: string;
}

function linkFiltered(build: (where: string | null) => string): LinkFiltered {
  return { filtered: build(LINK_WHERE), plain: build(null) };
}

/** The form of `statement` the link-filter parameters call for. */
export function forFilter(statement: LinkFiltered, params: Row): string {
  const filtered = params.linkKinds != null || params.topic != null || params.periodFrom != null || params.periodTo != null;
  return filtered ? statement.filtered : statement.plain;
}

const and = (where: string | null) => (where ? `\n  AND ${where}` : '');
const whereClause = (where: string | null) => (where ? `\nWHERE ${where}` : '');

/**
 * Direct partners of a set of organisations, strongest first, in one row: how many there are (`found`, up to
 * `$cap`), how many are of `$partnerKinds` (`total`), all their ids when `$allIds` (for a further hop) and the
 * requested page of those kept, with the partner node. The heavy part, every shared agreement or activity with
 * both roles, is read only for that page and only in the form with evidence.
 */
function directPartnersStatement(evidence: boolean): LinkFiltered {
  return linkFiltered((where) => {
    const ranked = `UNWIND $orgIds AS oid
MATCH (a:Organization {id: oid})-[:PARTY_TO|PARTICIPATED_IN]->(x)<-[:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
WHERE b <> a AND ($includeInternal OR NOT b.id IN $orgIds)${and(where)}
WITH b, count(DISTINCT x) AS strength
ORDER BY strength DESC, b.id
LIMIT $cap
WITH collect({node: b, strength: strength}) AS ranked
WITH ranked, [p IN ranked WHERE $partnerKinds IS NULL OR p.node.kind IN $partnerKinds] AS kept
WITH ranked, size(kept) AS total, kept[$offset..($offset + $first)] AS page`;
    const result = `RETURN size(ranked) AS found, total, CASE WHEN $allIds THEN [p IN ranked | p.node.id] ELSE [] END AS ids,`;
    if (!evidence) return `${ranked}
${result}
  [p IN page | {id: p.node.id, node: p.node, strength: p.strength, links: []}] AS page`;
    return `${ranked}
CALL (page) {
  WITH [p IN page | p.node] AS shown
  UNWIND $orgIds AS oid
  MATCH (a:Organization {id: oid})-[ra:PARTY_TO|PARTICIPATED_IN]->(x)<-[rb:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
  WHERE b IN shown AND b <> a${and(where)}
  WITH b, x, collect(DISTINCT {actor: a.id, actorRole: ra.role, partnerRole: rb.role}) AS roles
  WITH b, collect({id: x.id, type: CASE WHEN x:Agreement THEN 'AGREEMENT' ELSE 'ACTIVITY' END,
                   date: coalesce(x.signedOn, x.validFrom, x.startDate), roles: roles}) AS links
  RETURN collect({id: b.id, links: links}) AS evidence
}
${result}
  [p IN page | {id: p.node.id, node: p.node, strength: p.strength, links: [e IN evidence WHERE e.id = p.node.id][0].links}] AS page`;
  });
}

export const DIRECT_PARTNERS = directPartnersStatement(false);
export const DIRECT_PARTNERS_WITH_EVIDENCE = directPartnersStatement(true);

// Organisations one cooperation link beyond the frontier, one row each with `via`, one frontier neighbour.
// Grouped by node before any property of b is read: a hub's frontier expands to far more rows than partners.
const beyondFrontier = (where: string | null) => `UNWIND $frontier AS fid
MATCH (:Organization {id: fid})-[:PARTY_TO|PARTICIPATED_IN]->(x)<-[:PARTY_TO|PARTICIPATED_IN]-(b:Organization)${whereClause(where)}
WITH b, min(fid) AS via`;

/** Organisations one cooperation link beyond a frontier, not yet visited; `via` is one frontier neighbour. */
export const NEXT_LEVEL = linkFiltered((where) => `${beyondFrontier(where)}
WHERE NOT b.id IN $visited AND ($nextKinds IS NULL OR b.kind IN $nextKinds)
RETURN b.id AS id, via, b.kind AS kind
ORDER BY id
LIMIT $cap`);

/**
 * The last ring of a partner search, counted and paged in the database: `found` organisations one link beyond
 * the frontier and not yet visited (up to `$cap`, by id), `total` of them of `$keepKinds`, and the page of
 * those with `via`, one frontier neighbour.
 */
export const LAST_LEVEL_PAGE = linkFiltered((where) => `${beyondFrontier(where)}
WHERE NOT b.id IN $visited
WITH b.id AS id, via, b.kind AS kind
ORDER BY id
LIMIT $cap
WITH collect({id: id, via: via, kind: kind}) AS ring
WITH ring, [r IN ring WHERE $keepKinds IS NULL OR r.kind IN $keepKinds] AS kept
RETURN size(ring) AS found, size(kept) AS total, kept[$offset..($offset + $first)] AS page`);

/** Cooperation edges among a set of organisations: one row per pair with the shared agreements and activities. */
// Each member's own links are expanded and joined on the shared node, so the cost follows the members' degrees,
// not the size of every agreement or activity they take part in (a national programme has thousands).
export const COOPERATION_EDGES = linkFiltered((where) => `UNWIND $ids AS id
MATCH (a:Organization {id: id})-[:PARTY_TO|PARTICIPATED_IN]->(x)${whereClause(where)}
WITH x, collect(DISTINCT a.id) AS members
WHERE size(members) > 1
UNWIND members AS source
UNWIND members AS target
WITH source, target, x
WHERE source < target
RETURN source, target, collect(DISTINCT x.id) AS evidence
ORDER BY source, target`);

/** Display data of organisations for network answers. */
export const NETWORK_ORGS = `UNWIND $ids AS id
MATCH (o:Organization {id: id})
OPTIONAL MATCH (o)-[:LOCATED_IN]->(u:AdminUnit)
RETURN o.id AS id, o.kind AS kind, o.name AS name, o.nameEn AS nameEn, u.id AS location`;

// The filter is written as a predicate on every node of the path, the form Neo4j evaluates during its
// breadth-first search; other forms make it enumerate every path.
const pathWhere = (where: string | null) => (where ? `\nWHERE all(x IN nodes(p) WHERE x:Organization OR (${where}))` : '');

function pathStatement(fn: 'shortestPath' | 'allShortestPaths', maxHops: number): LinkFiltered {
  // A step is two relationships (organisation, agreement or activity, organisation); the bound stops the
  // search at the longest route asked for instead of searching further and dropping what is too long.
  // Optional, so that the one row without a route still says whether both ends are organisations.
  return linkFiltered((where) => `OPTIONAL MATCH (a:Organization {id: $from})
OPTIONAL MATCH (b:Organization {id: $to})
OPTIONAL MATCH p = ${fn}((a)-[:PARTY_TO|PARTICIPATED_IN*..${2 * maxHops}]-(b))${pathWhere(where)}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | CASE WHEN n:Agreement THEN 'AGREEMENT' WHEN n:Activity THEN 'ACTIVITY' ELSE 'ORGANIZATION' END] AS types,
       [r IN relationships(p) | r.role] AS roles, [n IN nodes(p) WHERE n:Organization] AS orgs
LIMIT ${fn === 'shortestPath' ? '1' : '$cap'}`);
}

/** Longest route the path statements are built for, in steps. */
export const MAX_PATH_HOPS = 10;

const hopBounds = Array.from({ length: MAX_PATH_HOPS }, (_, i) => i + 1);

/** Shortest routes between two organisations through shared agreements and activities, by the most steps allowed (1 to 10). */
export const SHORTEST_PATH: Record<number, LinkFiltered> = Object.fromEntries(hopBounds.map((h) => [h, pathStatement('shortestPath', h)]));
export const ALL_SHORTEST_PATHS: Record<number, LinkFiltered> = Object.fromEntries(hopBounds.map((h) => [h, pathStatement('allShortestPaths', h)]));

/** Organisations of a scope (all when `$orgIds` is null) that have at least one link passing the filter. */
export const LINKED_ORGS = linkFiltered((where) => `MATCH (a:Organization)-[:PARTY_TO|PARTICIPATED_IN]->(x)<-[:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
WHERE a <> b AND ($orgIds IS NULL OR a.id IN $orgIds) AND ($partnerKinds IS NULL OR a.kind IN $partnerKinds)${and(where)}
RETURN DISTINCT a.id AS id
ORDER BY id
LIMIT $cap`);

export interface LinkEvidence {
  id: string;
  type: 'AGREEMENT' | 'ACTIVITY';
  date: string | null;
  roles: Array<{ actor: string; actorRole: string; partnerRole: string }>;
}

export interface DirectPartner {
  id: string;
  node: Organization;
  strength: number;
  /** Empty unless read with evidence. */
  links: LinkEvidence[];
}

export interface DirectPartners {
  /** Partners found, up to the cap. */
  found: number;
  /** Those of the requested kinds. */
  total: number;
  /** Every partner found, when asked for. */
  ids: string[];
  page: DirectPartner[];
}

export async function directPartners(db: Database, params: Row, evidence: boolean): Promise<DirectPartners> {
  const [row] = await db.read(forFilter(evidence ? DIRECT_PARTNERS_WITH_EVIDENCE : DIRECT_PARTNERS, params), params);
  return {
    found: Number(row.found),
    total: Number(row.total),
    ids: (row.ids as unknown[]).map(String),
    page: (row.page as Row[]).map((p) => ({
      id: String(p.id),
      node: toOrganization(p.node),
      strength: Number(p.strength),
      links: ((p.links ?? []) as Row[]).map((l) => ({
        id: String(l.id),
        type: l.type as LinkEvidence['type'],
        date: isoDate(l.date),
        roles: (l.roles as Row[]).map((x) => ({ actor: String(x.actor), actorRole: String(x.actorRole), partnerRole: String(x.partnerRole) })),
      })),
    })),
  };
}

export async function nextLevel(db: Database, params: Row): Promise<Array<{ id: string; via: string; kind: string }>> {
  const rows = await db.read(forFilter(NEXT_LEVEL, params), params);
  return rows.map((r) => ({ id: String(r.id), via: String(r.via), kind: String(r.kind) }));
}

export interface LevelPage {
  found: number;
  total: number;
  page: Array<{ id: string; via: string; kind: string }>;
}

export async function lastLevelPage(db: Database, params: Row): Promise<LevelPage> {
  const [row] = await db.read(forFilter(LAST_LEVEL_PAGE, params), params);
  return {
    found: Number(row.found),
    total: Number(row.total),
    page: (row.page as Row[]).map((r) => ({ id: String(r.id), via: String(r.via), kind: String(r.kind) })),
  };
}

/** Cooperation edges among `ids` (filtered by the link filter), by source then target, each with its evidence ids sorted. */
export async function cooperationEdges(db: Database, params: Row): Promise<Array<{ source: string; target: string; evidence: string[] }>> {
  const rows = await db.read(forFilter(COOPERATION_EDGES, params), params);
  return rows.map((r) => ({ source: String(r.source), target: String(r.target), evidence: (r.evidence as string[]).map(String).sort() }));
}

export interface NetworkOrg {
  id: string;
  kind: string;
  name: string;
  nameEn: string | null;
  location: string | null;
}

export async function networkOrgs(db: Database, ids: string[]): Promise<NetworkOrg[]> {
  const rows = await db.read(NETWORK_ORGS, { ids });
  return rows.map((r) => ({ id: String(r.id), kind: String(r.kind), name: String(r.name), nameEn: str(r.nameEn), location: str(r.location) }));
}

export interface RawPath {
  ids: string[];
  types: string[];
  roles: string[];
  organizations: Organization[];
}

export interface RawPaths {
  /** Whether `from` and `to` are organisations. */
  fromFound: boolean;
  toFound: boolean;
  paths: RawPath[];
}

/** Routes of at most `maxHops` steps (an integer from 1 to MAX_PATH_HOPS). */
export async function shortestPaths(db: Database, all: boolean, maxHops: number, params: Row): Promise<RawPaths> {
  const statement = (all ? ALL_SHORTEST_PATHS : SHORTEST_PATH)[maxHops];
  if (!statement) throw new Error(`no route statement for ${maxHops} steps`);
  const rows = await db.read(forFilter(statement, params), params);
  return {
    fromFound: rows.some((r) => r.fromFound === true),
    toFound: rows.some((r) => r.toFound === true),
    paths: rows
      .filter((r) => r.ids !== null)
      .map((r) => ({
        ids: (r.ids as string[]).map(String),
        types: (r.types as string[]).map(String),
        roles: (r.roles as string[]).map(String),
        organizations: (r.orgs as unknown[]).map(toOrganization),
      })),
  };
}

export async function linkedOrgs(db: Database, params: Row): Promise<string[]> {
  const rows = await db.read(forFilter(LINKED_ORGS, params), params);
  return rows.map((r) => String(r.id));
}

