import type { Database, Params } from './database';
import { pageParams } from './database';
import { BadUserInputError } from '../core/errors';
import { encodeCursor, type SortDirectionValue } from './cursor';
import { dateParam } from './dates';
import { isoDate } from './values';

// Keyset paging over `MATCH (n:Label) WHERE ...` statements. Sort expressions and directions come only from the
// constant tables below and in the repositories; the cursor's sort value and id travel as $afterValue, $afterId.

/** How to read one sort field: a constant Cypher expression over `n`, and the kind of value it yields. */
export interface SortKey {
  expr: string;
  type: 'string' | 'date';
}

export type SortTable<F extends string = string> = Readonly<Record<F, SortKey>>;

/** The statements of one connection: a page statement per sort field and direction, and the count. */
export interface KeysetQueries<F extends string> {
  sorts: SortTable<F>;
  pages: Readonly<Record<string, string>>;
  count: string;
}

/** What a validated connection request asks for (see connection.ts). */
export interface PageRequest<F extends string = string> {
  list: string;
  first: number;
  field: F;
  direction: SortDirectionValue;
  after: { value: string | null; id: string } | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A page as the connection types expect it; `count` runs the count statement on first call only. */
export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfoShape;
  count: () => Promise<number>;
}

const DIRECTIONS: readonly SortDirectionValue[] = ['ASC', 'DESC'];

// Cypher sorts nulls last ascending and first descending; the predicates follow that order, ties broken by id.
function afterPredicate(v: string, direction: SortDirectionValue): string {
  return direction === 'ASC'
    ? `($afterId IS NULL
       OR ($afterValue IS NULL AND ${v} IS NULL AND n.id > $afterId)
       OR ($afterValue IS NOT NULL AND (${v} IS NULL OR ${v} > $afterValue OR (${v} = $afterValue AND n.id > $afterId))))`
    : `($afterId IS NULL
       OR ($afterValue IS NULL AND (${v} IS NOT NULL OR n.id < $afterId))
       OR ($afterValue IS NOT NULL AND (${v} < $afterValue OR (${v} = $afterValue AND n.id < $afterId))))`;
}

/** Key of the page statement for a sort field and direction. */
export function pageKey(field: string, direction: SortDirectionValue): string {
  return `${field}_${direction}`;
}

/**
 * Builds the statements of a connection from `match`, a constant `MATCH (n:Label) WHERE <filters>` (it must end
 * in a WHERE clause). Page statements take $afterValue, $afterId, $limit and return `n` and `sortValue`.
 */
export function keysetQueries<F extends string>(match: string, sorts: SortTable<F>): KeysetQueries<F> {
  const pages: Record<string, string> = {};
  for (const field of Object.keys(sorts) as F[]) {
    const { expr } = sorts[field];
    for (const direction of DIRECTIONS) {
      pages[pageKey(field, direction)] = `${match}
  AND ${afterPredicate(expr, direction)}
RETURN n, ${expr} AS sortValue
ORDER BY sortValue ${direction}, n.id ${direction}
LIMIT $limit`;
    }
  }
  return { sorts, pages, count: `${match}\nRETURN count(n) AS total` };
}

function afterValueParam(key: SortKey, value: string | null): unknown {
  if (value === null || key.type === 'string') return value;
  try {
    return dateParam(value, 'after');
  } catch {
    throw new BadUserInputError('after is not a cursor of this list: pass an edge cursor or pageInfo.endCursor unchanged', 'after');
  }
}

function cursorValue(key: SortKey, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return key.type === 'date' ? isoDate(value) : String(value);
}

/**
 * Reads one page: a single statement fetching `first + 1` rows (the extra row only tells whether there is a
 * next page). The count statement runs later, once, and only if `count()` is called (totalCount selected).
 */
export async function readPage<T extends { id: string }, F extends string>(
  db: Database,
  queries: KeysetQueries<F>,
  params: Params,
  request: PageRequest<F>,
  map: (n: unknown) => T,
): Promise<ConnectionShape<T>> {
  const key = queries.sorts[request.field];
  const statement = queries.pages[pageKey(request.field, request.direction)];
  if (!key || !statement) throw new BadUserInputError(`orderBy field ${request.field} is not available here`, 'orderBy');
  const rows = await db.read(statement, {
    ...params,
    afterId: request.after?.id ?? null,
    afterValue: request.after ? afterValueParam(key, request.after.value) : null,
    limit: pageParams(request.first + 1, 0).limit,
  });
  const edges = rows.slice(0, request.first).map((row) => {
    const node = map(row.n);
    const cursor = encodeCursor({
      list: request.list,
      field: request.field,
      direction: request.direction,
      value: cursorValue(key, row.sortValue),
      id: node.id,
    });
    return { cursor, node };
  });
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: rows.length > request.first,
      hasPreviousPage: request.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    count: () => (counted ??= db.read(queries.count, params).then((r) => Number(r[0]?.total ?? 0))),
  };
}
