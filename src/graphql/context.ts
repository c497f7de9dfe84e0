import type { Database } from '../db/database';
import type { RequestScope } from '../core/request-scope';
import type { Viewer } from './auth';

/**
 * What every resolver receives: the database, who is asking, and the objects made for this request only
 * (its loaders).
 */
export interface Context {
  /** The database, as a view bound to the HTTP request's scope when there is one (`db.scope`; Database.forRequest). */
  db: Database;
  /** Who sent the request, from its verified bearer token; null when it carries none. */
  readonly viewer: Viewer | null;
  /** Whether this hub verifies tokens at all (a key is configured); without one, writes are off. */
  readonly writesEnabled: boolean;
  /** Per-request objects by the factory that made them; see `perRequest`. */
  readonly made: Map<unknown, unknown>;
}

/** Who a context is for: anonymous on a hub with writes off unless given. */
export interface ContextAuth {
  viewer?: Viewer | null;
  writesEnabled?: boolean;
}

/**
 * A fresh context over `db` for `auth`, within `scope` when given (its statements then run for that request):
 * nothing is made until a resolver asks for it.
 */
export function createContext(db: Database, auth: ContextAuth = {}, scope?: RequestScope): Context {
  return { db: scope ? db.forRequest(scope) : db, viewer: auth.viewer ?? null, writesEnabled: auth.writesEnabled ?? false, made: new Map() };
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
