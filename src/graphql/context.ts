import type { Database } from '../db/database';

/** What every resolver receives: the database, and the objects made for this request only (its loaders). */
export interface Context {
  db: Database;
  /** Per-request objects by the factory that made them; see `perRequest`. */
  readonly made: Map<unknown, unknown>;
}

/** A fresh context over `db`: nothing is made until a resolver asks for it. */
export function createContext(db: Database): Context {
  return { db, made: new Map() };
}

/**
 * Turns a factory of per-request objects (a domain's DataLoaders) into an accessor: the first call in a request
 * makes the object, later calls in that request get the same one, and no two requests share one (DataLoaders
 * batch and cache per request only). Most requests touch one domain or none, so nothing is made up front.
 */
export function perRequest<T>(make: (db: Database) => T): (ctx: Context) => T {
  return (ctx) => {
    let made = ctx.made.get(make) as T | undefined;
    if (made === undefined) {
      made = make(ctx.db);
      ctx.made.set(make, made);
    }
    return made;
  };
}
