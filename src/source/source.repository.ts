import type { Database } from '../db/database';
import { byIdQuery, outQuery } from '../db/cypher';
import { keysetQueries, readPage, type ConnectionShape, type PageRequest, type SortTable } from '../db/keyset';
import { listParam } from '../graphql/filter-lists';
import { toSource } from './source.mapper';
import { SourceDocument } from './source.type';

export const SOURCES_BY_ID = byIdQuery('Source');
export const SOURCE_PUBLISHER = outQuery('Source', 'PUBLISHED_BY', 'Organization');

/** Sort fields of the sources connection. */
export const SOURCE_SORTS = {
  ID: { expr: 'n.id', type: 'string' },
  TITLE: { expr: 'n.titleKey', type: 'string' },
} as const satisfies SortTable;

export const LIST_SOURCES = keysetQueries(
  `MATCH (n:Source)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($kinds IS NULL OR n.kind IN $kinds)`,
  SOURCE_SORTS,
);

/**
 * One page of the sources (of `kind` and of any of `kinds` when given); the count runs only if asked for.
 * Throws BAD_USER_INPUT when `kinds` holds more than MAX_FILTER_VALUES values.
 */
export function listSources(
  db: Database,
  filter: { kind?: string | null; kinds?: readonly string[] | null },
  page: PageRequest<keyof typeof SOURCE_SORTS>,
): Promise<ConnectionShape<SourceDocument>> {
  return readPage(db, LIST_SOURCES, { kind: filter.kind ?? null, kinds: listParam(filter.kinds, 'kinds') }, page, toSource);
}
