// The floor: for each query family, the one hand-written Cypher statement that returns the same answer as
// the hub's GraphQL query. It is what a developer writing Cypher by hand would send through neo4j-driver.

/** An organisation and its unit. */
export const FLOOR_LOOKUP = `MATCH (o:Organization {id: $id})
OPTIONAL MATCH (o)-[:LOCATED_IN]->(u:AdminUnit)
RETURN o.id AS id, o.name AS name, o.nameEn AS nameEn, o.kind AS kind, u.id AS location, u.name AS locationName`;

/** Direct partners by shared agreements and activities, strongest first, with the total. */
export const FLOOR_PARTNERS = `MATCH (a:Organization {id: $id})-[:PARTY_TO|PARTICIPATED_IN]->(x)<-[:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
WHERE b <> a
WITH b, count(DISTINCT x) AS strength
ORDER BY strength DESC, b.id
WITH collect({id: b.id, name: b.name, strength: strength}) AS ranked
RETURN size(ranked) AS total, ranked[0..$first] AS partners`;

/**
 * Partners up to two links away: direct ones strongest first, then the next ring by id. Like the hub, the
 * ring stops at $cap organisations (the hub then says `truncated`).
 */
export const FLOOR_PARTNERS_2 = `MATCH (a:Organization {id: $id})
CALL (a) {
  MATCH (a)-[:PARTY_TO|PARTICIPATED_IN]->(x)<-[:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
  WHERE b <> a
  WITH b, count(DISTINCT x) AS strength
  ORDER BY strength DESC, b.id
  RETURN collect({org: b, strength: strength}) AS direct
}
WITH a, direct, [d IN direct | d.org] AS near
CALL (a, near) {
  UNWIND near AS b
  MATCH (b)-[:PARTY_TO|PARTICIPATED_IN]->()<-[:PARTY_TO|PARTICIPATED_IN]-(c:Organization)
  WHERE c <> a AND NOT c IN near
  WITH DISTINCT c
  ORDER BY c.id
  RETURN collect(c) AS far
}
WITH direct, far[0..$cap] AS far
RETURN size(direct) + size(far) AS total,
  [d IN direct[0..$first] | {id: d.org.id, name: d.org.name, strength: d.strength, distance: 1}] +
  [c IN CASE WHEN size(direct) >= $first THEN [] ELSE far[0..($first - size(direct))] END | {id: c.id, name: c.name, strength: 0, distance: 2}] AS partners`;

/**
 * The actor, its partners (by id, up to $limit nodes in all) and the weighted edges among them, found by
 * joining the members' own links on the shared agreement or activity.
 */
export const FLOOR_EGO = `MATCH (a:Organization {id: $id})
CALL (a) {
  MATCH (a)-[:PARTY_TO|PARTICIPATED_IN]->()<-[:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
  WHERE b <> a
  WITH DISTINCT b
  ORDER BY b.id
  LIMIT $limit
  RETURN collect(b) AS near
}
WITH a, near[0..($limit - 1)] AS kept, size(near) >= $limit AS truncated
WITH [a] + kept AS ns, truncated
CALL (ns) {
  UNWIND ns AS n
  MATCH (n)-[:PARTY_TO|PARTICIPATED_IN]->(x)
  WITH x, collect(DISTINCT n.id) AS members
  WHERE size(members) > 1
  UNWIND members AS source
  UNWIND members AS target
  WITH source, target, x
  WHERE source < target
  WITH source, target, count(DISTINCT x) AS weight
  RETURN collect({source: source, target: target, weight: weight}) AS edges
}
RETURN [i IN range(0, size(ns) - 1) | {id: ns[i].id, label: coalesce(ns[i].nameEn, ns[i].name), distance: CASE WHEN i = 0 THEN 0 ELSE 1 END}] AS nodes,
  edges, truncated`;

/** One shortest route over shared agreements and activities, at most $maxRels relationships long. */
export const FLOOR_PATH = `MATCH (a:Organization {id: $from}), (b:Organization {id: $to})
MATCH p = shortestPath((a)-[:PARTY_TO|PARTICIPATED_IN*..12]-(b))
RETURN length(p) / 2 AS length, [n IN nodes(p) WHERE n:Organization | {id: n.id, name: n.name}] AS organizations`;

/**
 * Links between and within regions: each agreement or activity pairs the organisations taking part in it;
 * regions are looked up once per participant rather than once per pair, and pairs are counted per item
 * (grouping all items' participants at once is about 10% faster alone but holds 565 MB of heap per query).
 */
export const FLOOR_REGION_MATRIX = `MATCH (i) WHERE i:Agreement OR i:Activity
CALL (i) {
  WITH COLLECT {
    MATCH (i)<-[:PARTY_TO|PARTICIPATED_IN]-(o:Organization)-[:LOCATED_IN]->(:AdminUnit)-[:IN_REGION]->(r:Region {scheme: $scheme})
    RETURN DISTINCT {org: o.id, region: r.id}
  } AS ps
  WHERE size(ps) > 1
  UNWIND range(0, size(ps) - 2) AS x
  UNWIND range(x + 1, size(ps) - 1) AS y
  WITH ps[x] AS p, ps[y] AS q
  WHERE p.org <> q.org
  RETURN CASE WHEN p.region <= q.region THEN [p.region, q.region] ELSE [q.region, p.region] END AS cell, count(*) AS pairs
}
WITH cell, sum(pairs) AS links, count(CASE WHEN i:Agreement THEN 1 END) AS agreements, count(CASE WHEN i:Activity THEN 1 END) AS activities
RETURN cell[0] AS from, cell[1] AS to, links, agreements, activities
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
