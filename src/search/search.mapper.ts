import type { Row } from '../db/database';
import type { SearchHit, SearchKind } from './search.type';

/** Maps a row of SEARCH to a hit. */
export function toSearchHit(row: Row): SearchHit {
  return { kind: row.kind as SearchKind, id: String(row.id), label: String(row.label), score: Number(row.score) };
}
