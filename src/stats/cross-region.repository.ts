import { intParam, type Database } from '../db/database';
import { CROSS_REGION_LINKS, CROSS_REGION_LINKS_DATED, crossRegionLinks, regionParams } from './region.repository';
import type { CrossRegionLink, RegionMatrixFilter } from './stats.type';

/** The question both cross-region fields ask: scheme, dates and tie selection. */
export interface CrossRegionQuestion {
  scheme: string;
  from: string | null | undefined;
  to: string | null | undefined;
  filter: RegionMatrixFilter | null | undefined;
}

/**
 * Wraps a statement that ends in `SKIP $offset LIMIT $limit` so that it returns its number of rows (`total`)
 * instead: the count runs the very statement the pages run, so the two never disagree.
 */
export function countOf(pagedStatement: string): string {
  return `CALL () {\n${pagedStatement}\n}\nRETURN count(*) AS total`;
}

/** Cross-region pairs from position `start`, at most `limit` of them: the page both fields serve. */
export function crossRegionPage(db: Database, q: CrossRegionQuestion, limit: number, start: number): Promise<CrossRegionLink[]> {
  return crossRegionLinks(db, q.scheme, q.from, q.to, q.filter, limit, start);
}

/** How many cross-region pairs the question has, over all pages. */
export async function crossRegionCount(db: Database, q: CrossRegionQuestion): Promise<number> {
  const { anchor, params } = regionParams(q.scheme, q.from, q.to, q.filter);
  const statement = countOf(anchor === 'dates' ? CROSS_REGION_LINKS_DATED : CROSS_REGION_LINKS);
  const [row] = await db.read(statement, { ...params, offset: intParam(0), limit: intParam(Number.MAX_SAFE_INTEGER) });
  return Number(row?.total ?? 0);
}
