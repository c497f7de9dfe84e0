import { pageParams, type Database } from '../db/database';
import { toSearchHit } from './search.mapper';
import type { SearchHit, SearchKind } from './search.type';

// With a kinds filter the index cannot skip other labels, so it hands over this many candidates to filter.
const FILTERED_CANDIDATES = 1000;

/**
 * Names, aliases and acronyms of every searchable label through the full-text index; `$query` is a Lucene
 * query built by buildSearchQuery. Ties go to the shorter label (the closer match), then the id.
 */
export const SEARCH = `CALL db.index.fulltext.queryNodes('name_search', $query, {limit: $candidates}) YIELD node, score
WITH node, score, CASE
  WHEN node:Organization THEN 'ORGANIZATION'
  WHEN node:AdminUnit THEN 'ADMIN_UNIT'
  WHEN node:Region THEN 'REGION'
  WHEN node:Agreement THEN 'AGREEMENT'
  WHEN node:Activity THEN 'ACTIVITY'
  WHEN node:Person THEN 'PERSON'
  WHEN node:Topic THEN 'TOPIC'
END AS kind
WHERE kind IS NOT NULL AND ($kinds IS NULL OR kind IN $kinds)
WITH node, score, kind, coalesce(node.name, node.title, node.id) AS label
RETURN kind, node.id AS id, label, score
ORDER BY score DESC, size(label), id
LIMIT $limit`;

/** Runs one search statement; `kinds` null or empty means every kind. */
export async function searchNames(db: Database, query: string, kinds: SearchKind[] | null, first: number): Promise<SearchHit[]> {
  const filter = kinds && kinds.length > 0 ? kinds : null;
  const { limit } = pageParams(first, 0);
  const { limit: candidates } = pageParams(filter ? FILTERED_CANDIDATES : first, 0);
  const rows = await db.read(SEARCH, { query, kinds: filter, limit, candidates });
  return rows.map(toSearchHit);
}
