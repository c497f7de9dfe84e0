// Every way the graph names its actors, places, instruments and people: what a text is matched against.
// Labels are constants; the statement takes no input.

/** Names of every organisation, admin unit, numbered instrument or source, and person. */
export const NAMES = `MATCH (o:Organization)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(u:AdminUnit)
RETURN o.id AS id, 'ORGANIZATION' AS kind, o.name AS name, o.kind AS detail,
  [x IN [o.name, o.nameEn] + coalesce(o.aliases, []) WHERE x IS NOT NULL] AS forms, coalesce(o.acronyms, []) AS acronyms,
  u.id AS place, [x IN [u.name, u.nameEn] + coalesce(u.aliases, []) WHERE x IS NOT NULL] AS placeNames
UNION ALL
MATCH (u:AdminUnit)
RETURN u.id AS id, 'ADMIN_UNIT' AS kind, u.name AS name,
  CASE WHEN u.validTo IS NULL THEN u.level ELSE u.level + ' until ' + toString(u.validTo) END AS detail,
  [x IN [u.name, u.nameEn] + coalesce(u.aliases, []) WHERE x IS NOT NULL] AS forms, [] AS acronyms, null AS place, [] AS placeNames
UNION ALL
MATCH (a:Agreement) WHERE a.number IS NOT NULL
RETURN a.id AS id, 'INSTRUMENT' AS kind, a.title AS name, a.kind AS detail, [a.number] AS forms, [] AS acronyms, null AS place, [] AS placeNames
UNION ALL
MATCH (s:Source) WHERE s.number IS NOT NULL
RETURN s.id AS id, 'SOURCE' AS kind, s.title AS name, s.kind AS detail, [s.number] AS forms, [] AS acronyms, null AS place, [] AS placeNames
UNION ALL
MATCH (p:Person) WHERE p.name IS NOT NULL
RETURN p.id AS id, 'PERSON' AS kind, p.name AS name, null AS detail, [p.name] AS forms, [] AS acronyms, null AS place, [] AS placeNames`;

/** A stored document's text. */
export const SOURCE_TEXT = `MATCH (s:Source {id: $id}) RETURN s.text AS text`;

/** The units where a document's publisher sits: a name without its province ("Sở Khoa học và Công nghệ") in it may mean theirs. */
export const PUBLISHER_PLACES = `MATCH (:Source {id: $id})-[:PUBLISHED_BY]->(:Organization)-[:LOCATED_IN]->(u:AdminUnit) RETURN collect(u.id) AS places`;
