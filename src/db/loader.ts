import { checkNestedPage, type NestedPage } from '../core/bounds';
import DataLoader from 'dataloader';
import { pageParams, type Database, type Row } from './database';

// Dispatch after every pending promise job and tick, and do not answer loads from a cache: a cached answer
// resolves earlier than a fetched one and would split the next level's loads over two batches. So every
// field costs at most one statement per request, whatever the data; keys are deduplicated per batch.
const OPTIONS = { batchScheduleFn: (callback: () => void) => setImmediate(callback), cache: false } as const;


/**
 * A per-request loader for a to-many relationship: `cypher` receives `$keys` and returns one row per
 * related item with a `key` column naming the parent it belongs to. One statement per batch of keys.
 */
export function manyLoader<T>(db: Database, cypher: string, map: (row: Row) => T, params: Record<string, unknown> = {}): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await db.read(cypher, { ...params, keys: [...new Set(keys)] });
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const key = String(row.key);
      let list = grouped.get(key);
      if (!list) grouped.set(key, (list = []));
      list.push(map(row));
    }
    return keys.map((k) => grouped.get(k) ?? []);
  }, OPTIONS);
}

/**
 * A per-request loader for a to-one relationship or a lookup by id: `cypher` receives `$keys` and
 * returns at most one row per key, with a `key` column. Missing keys resolve to null.
 */
export function oneLoader<T>(db: Database, cypher: string, map: (row: Row) => T): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = await db.read(cypher, { keys: [...new Set(keys)] });
    const byKey = new Map<string, T>();
    for (const row of rows) byKey.set(String(row.key), map(row));
    return keys.map((k) => byKey.get(k) ?? null);
  }, OPTIONS);
}

/** A per-request loader for a paged to-many relationship: one page per parent, with the same page for a batch. */
export interface PagedLoader<T> {
  /** The page of `key`'s items; BAD_USER_INPUT when `page` is out of bounds. */
  load(key: string, page: NestedPage): Promise<T[]>;
}

/**
 * A per-request loader for a nested list: `cypher` (see pagedQuery) receives `$keys`, `$offset` and `$first` and
 * returns the page of each parent, rows with a `key` column. Parents asking for the same page share one
 * DataLoader, so one statement serves a batch of keys; an alias asking for another page gets its own.
 */
export function pagedLoader<T>(db: Database, cypher: string, map: (row: Row) => T, params: Record<string, unknown> = {}): PagedLoader<T> {
  const byPage = new Map<string, DataLoader<string, T[]>>();
  return {
    load(key, page) {
      const { first, offset } = checkNestedPage(page);
      const id = `${first}/${offset}`;
      let loader = byPage.get(id);
      if (!loader) {
        const { limit, offset: skip } = pageParams(first, offset);
        byPage.set(id, (loader = manyLoader(db, cypher, map, { ...params, first: limit, offset: skip })));
      }
      return loader.load(key);
    },
  };
}
