import type { Database } from '../db/database';
import { byIdQuery, outQuery } from '../db/cypher';
import { keysetQueries, readPage, type ConnectionShape, type PageRequest, type SortTable } from '../db/keyset';
import { toSource } from './source.mapper';
import { SourceDocument } from './source.type';

export const SOURCES_BY_ID = byIdQuery('Source');
export const SOURCE_PUBLISHER = outQuery('Source', 'PUBLISHED_BY', 'Organization');

/** Sort fields of the sources connection. */
export const SOURCE_SORTS = {
  ID: { expr: 'n.id', type: 'string' },
} as const satisfies SortTable;

export const LIST_SOURCES = keysetQueries(
  `MATCH (n:Source)
WHERE ($kind IS NULL OR n.kind = $kind)`,
  SOURCE_SORTS,
);

/** One page of the sources (of one kind when given); the count runs only if asked for. */
export function listSources(db: Database, kind: string | null, page: PageRequest<keyof typeof SOURCE_SORTS>): Promise<ConnectionShape<SourceDocument>> {
  return readPage(db, LIST_SOURCES, { kind }, page, toSource);
}
