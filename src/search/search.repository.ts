import { pageParams, type Database, type Row } from '../db/database';
import { toSearchHit } from './search.mapper';
import { numberKey } from './search.numbers';
import type { SearchHit, SearchKind } from './search.type';

// With a kinds filter the index cannot skip other labels, so it hands over this many candidates to filter.
const FILTERED_CANDIDATES = 1000;
// Numbers the number index hands over to check for one search; more than any text shares in practice.
const NUMBER_CANDIDATES = 20;

const KIND_OF_NODE = `CASE
  WHEN node:Organization THEN 'ORGANIZATION'
  WHEN node:AdminUnit THEN 'ADMIN_UNIT'
  WHEN node:Region THEN 'REGION'
  WHEN node:Agreement THEN 'AGREEMENT'
  WHEN node:Activity THEN 'ACTIVITY'
  WHEN node:Person THEN 'PERSON'
  WHEN node:Topic THEN 'TOPIC'
  WHEN node:Source THEN 'SOURCE'
END`;

const NAME_HITS = `CALL db.index.fulltext.queryNodes('name_search', $query, {limit: $candidates}) YIELD node, score`;

/**
 * Names, aliases and acronyms of every searchable label through the full-text index; `$query` is a Lucene
 * query built by buildSearchQuery. Ties go to the shorter label (the closer match), then the id.
 */
export const SEARCH = `${NAME_HITS}
WITH node, score, ${KIND_OF_NODE} AS kind
WHERE kind IS NOT NULL AND ($kinds IS NULL OR kind IN $kinds)
WITH node, score, kind, coalesce(node.name, node.title, node.id) AS label
RETURN kind, node.id AS id, label, score, null AS number
ORDER BY score DESC, size(label), id
LIMIT $limit`;

/**
 * SEARCH preceded by the document numbers matching `$numberQuery` (buildNumberQuery) in the number index:
 * those rows come first and carry their `number`, for the caller to keep only the exact ones.
 */
export const SEARCH_WITH_NUMBERS = `CALL {
  CALL db.index.fulltext.queryNodes('number_search', $numberQuery, {limit: $numberCandidates}) YIELD node, score
  RETURN node, score, 0 AS tier
  UNION ALL
  ${NAME_HITS}
  RETURN node, score, 1 AS tier
}
WITH node, score, tier, ${KIND_OF_NODE} AS kind
WHERE kind IS NOT NULL AND ($kinds IS NULL OR kind IN $kinds)
WITH node, score, tier, kind, coalesce(node.name, node.title, node.id) AS label
RETURN kind, node.id AS id, label, score, CASE tier WHEN 0 THEN node.number END AS number
ORDER BY tier, score DESC, size(label), id
LIMIT $limit`;

/** What a search looks for: a Lucene query over names, and optionally document numbers to find first. */
export interface SearchRequest {
  query: string;
  /** Lucene query over the number index (buildNumberQuery), or null for none. */
  numberQuery: string | null;
  /** The numberKey forms a number hit must equal. */
  numberKeys: string[];
}

/**
 * Runs one search statement; `kinds` null or empty means every kind. Hits whose whole document number
 * equals one of `numberKeys` come first, scored above every name hit (so scores still descend); the other
 * number candidates are dropped, and a node found both ways is listed once.
 */
export async function searchNames(db: Database, request: SearchRequest, kinds: SearchKind[] | null, first: number): Promise<SearchHit[]> {
  const filter = kinds && kinds.length > 0 ? kinds : null;
  const withNumbers = request.numberQuery !== null;
  const { limit } = pageParams(withNumbers ? first + NUMBER_CANDIDATES : first, 0);
  const { limit: candidates } = pageParams(filter ? FILTERED_CANDIDATES : first, 0);
  const { limit: numberCandidates } = pageParams(NUMBER_CANDIDATES, 0);
  const rows = await db.read(withNumbers ? SEARCH_WITH_NUMBERS : SEARCH, {
    query: request.query,
    numberQuery: request.numberQuery,
    kinds: filter,
    limit,
    candidates,
    numberCandidates,
  });
  return numbersFirst(rows, new Set(request.numberKeys)).slice(0, first);
}

function numbersFirst(rows: Row[], keys: Set<string>): SearchHit[] {
  const exact = rows.filter((r) => r.number !== null && keys.has(numberKey(String(r.number)))).map(toSearchHit);
  const names = rows.filter((r) => r.number === null).map(toSearchHit);
  const top = names.length > 0 ? names[0].score : 0;
  const seen = new Set(exact.map((h) => h.id));
  return [...exact.map((h) => ({ ...h, score: top + h.score })), ...names.filter((h) => !seen.has(h.id))];
}

const LABEL_OF_KIND = [
  ['Organization', 'ORGANIZATION'],
  ['AdminUnit', 'ADMIN_UNIT'],
  ['Region', 'REGION'],
  ['Agreement', 'AGREEMENT'],
  ['Activity', 'ACTIVITY'],
  ['Person', 'PERSON'],
  ['Topic', 'TOPIC'],
  ['Source', 'SOURCE'],
] as const;

/**
 * What describeHit needs of each hit in `$keys` (ids): its kind, the node, and the admin unit it is
 * located in, was signed at or held in. One statement for all the hits of a search.
 */
export const HIT_FACTS = `UNWIND $keys AS key
CALL {
  ${LABEL_OF_KIND.map(([label, kind]) => `WITH key MATCH (n:${label} {id: key}) RETURN n, '${kind}' AS kind`).join('\n  UNION\n  ')}
}
OPTIONAL MATCH (n)-[:LOCATED_IN|SIGNED_AT|HELD_IN]->(u:AdminUnit)
WITH key, kind, n, u ORDER BY u.id
RETURN key, kind, n, head(collect(u)) AS place`;
