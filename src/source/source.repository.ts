import { pageParams, type Database } from '../neo4j';
import { byIdQuery, outQuery } from '../graphql/cypher';
import { toSource } from './source.mapper';
import type { SourceDocument } from './source.type';

export const SOURCES_BY_ID = byIdQuery('Source');
export const SOURCE_PUBLISHER = outQuery('Source', 'PUBLISHED_BY', 'Organization');

export const LIST_SOURCES = `MATCH (n:Source)
WHERE $kind IS NULL OR n.kind = $kind
RETURN n
ORDER BY n.id
SKIP $offset LIMIT $limit`;

export async function listSources(db: Database, kind: string | null, limit: number, offset: number): Promise<SourceDocument[]> {
  const rows = await db.read(LIST_SOURCES, { kind, ...pageParams(limit, offset) });
  return rows.map((r) => toSource(r.n));
}
