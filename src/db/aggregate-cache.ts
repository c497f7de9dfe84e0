import { LRUCache } from 'lru-cache';
import { loadConfig } from '../core/config';
import { DeadlineExceededError } from '../core/errors';
import type { RequestScope } from '../core/request-scope';
import type { Database } from './database';

/** How much the aggregate cache may hold and how long a shared computation may run. */
export interface AggregateCacheOptions {
  /** Bytes of answers kept (estimated from their JSON); 0 keeps nothing (every read computes). */
  maxBytes: number;
  /** Milliseconds a computation shared by several requests may run, whatever their own deadlines. */
  computeTimeoutMs: number;
}

// Beyond this many computations running detached from their requests, a new one runs under its requester's
// deadline: detached work outlives admission control, so it must stay bounded.
const MAX_DETACHED = 8;

interface Entry {
  value: unknown;
  bytes: number;
}

/**
 * Answers of expensive aggregate reads, kept per graph stamp (see `Database.graphStamp`): an answer is served
 * only while the database has committed nothing since it was computed, whichever process or tool committed,
 * so it is never stale. lru-cache bounds memory by the estimated size of each answer and drops the least
 * recently used first; answers under an old stamp are never read again and age out.
 */
export class AggregateCache {
  hits = 0;
  misses = 0;
  /** Told about every lookup (metrics); must not throw. */
  onLookup?: (hit: boolean) => void;
  private readonly values?: LRUCache<string, Entry>;
  private readonly flights = new Map<string, Promise<unknown>>();
  private readonly stamps = new WeakMap<RequestScope, Promise<string>>();
  private detached = 0;

  constructor(readonly options: AggregateCacheOptions) {
    if (options.maxBytes > 0) this.values = new LRUCache<string, Entry>({ maxSize: options.maxBytes, sizeCalculation: (entry) => entry.bytes });
  }

  /**
   * The answer of `compute` for `key` on the graph as it stands: from the cache when the graph has not changed
   * since it was computed, else computed (once for all concurrent requests asking the same key on the same
   * graph) and kept only if nothing was committed while it ran. Reads the graph stamp once per request.
   * Inside a request, a computation runs with its own timeout (`computeTimeoutMs`), so that a slow answer is
   * not thrown away when its first requester gives up; each request still ends at its own deadline with
   * DEADLINE_EXCEEDED. Errors are never kept. `compute` must run its statements through the database it is
   * given (a view that records the graph stamp and, when detached, carries the computation's own deadline).
   */
  async read<T>(db: Database, key: string, compute: (db: Database) => Promise<T>): Promise<T> {
    const scope = db.scope;
    const stamp = await this.stampFor(db, scope);
    const slot = `${stamp}\n${key}`;
    const kept = this.values?.get(slot);
    this.lookup(kept !== undefined);
    if (kept) return kept.value as T;
    let flight = this.flights.get(slot) as Promise<T> | undefined;
    if (!flight) {
      flight = this.compute(db, slot, stamp, compute, scope);
      this.flights.set(slot, flight);
      const done = () => void this.flights.delete(slot);
      flight.then(done, done);
    }
    return scope ? withinDeadline(flight, scope) : flight;
  }

  /** Forgets every kept answer (tests, and tools that measure uncached reads). */
  clear(): void {
    this.values?.clear();
  }

  private stampFor(db: Database, scope: RequestScope | undefined): Promise<string> {
    if (!scope) return db.graphStamp();
    let stamp = this.stamps.get(scope);
    if (!stamp) {
      stamp = db.graphStamp();
      this.stamps.set(scope, stamp);
    }
    return stamp;
  }

  private async compute<T>(db: Database, slot: string, stamp: string, compute: (db: Database) => Promise<T>, requester: RequestScope | undefined): Promise<T> {
    const run = (on: Database) => on.captureStamp(compute, stamp);
    const { value, stampAfter } = requester && this.detached < MAX_DETACHED ? await this.detach(requester, (own) => run(db.root.forRequest(own))) : await run(db);
    // Kept only when no commit happened between the stamp and the end of the last statement.
    if (this.values && (stampAfter ?? stamp) === stamp) {
      const bytes = 2 * (slot.length + (JSON.stringify(value)?.length ?? 0));
      this.values.set(slot, { value, bytes });
    }
    return value;
  }

  /** Runs `work` in a scope of its own with the compute timeout; its statements are counted to `requester`. */
  private async detach<T>(requester: RequestScope, work: (own: RequestScope) => Promise<T>): Promise<T> {
    const timeoutMs = this.options.computeTimeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    timer.unref();
    // The requester's identity (id, client, operation) with a deadline and signal of its own.
    const own: RequestScope = {
      id: requester.id,
      client: requester.client,
      operationName: requester.operationName,
      deadline: Date.now() + timeoutMs,
      timeoutMs,
      signal: controller.signal,
      statements: 0,
      databaseMs: 0,
    };
    this.detached += 1;
    try {
      return await work(own);
    } finally {
      this.detached -= 1;
      clearTimeout(timer);
      requester.statements += own.statements;
      requester.databaseMs += own.databaseMs;
    }
  }

  private lookup(hit: boolean): void {
    if (hit) this.hits += 1;
    else this.misses += 1;
    this.onLookup?.(hit);
  }
}

/** Settles as `work` does, or rejects with DEADLINE_EXCEEDED when the request's deadline passes or it is aborted. */
function withinDeadline<T>(work: Promise<T>, scope: RequestScope): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const expire = () => {
      clearTimeout(timer);
      scope.signal.removeEventListener('abort', expire);
      reject(new DeadlineExceededError(scope.timeoutMs));
    };
    const timer = setTimeout(expire, Math.max(0, scope.deadline - Date.now()));
    scope.signal.addEventListener('abort', expire, { once: true });
    const stop = () => {
      clearTimeout(timer);
      scope.signal.removeEventListener('abort', expire);
    };
    work.then(
      (value) => (stop(), resolve(value)),
      (error: unknown) => (stop(), reject(error)),
    );
  });
}

const caches = new WeakMap<Database, AggregateCache>();

/** The aggregate cache of a database connection: one per `Database`, sized by the configuration unless set before. */
export function aggregateCacheOf(db: Database): AggregateCache {
  const root = db.root;
  let cache = caches.get(root);
  if (!cache) {
    const { aggregateCache } = loadConfig();
    cache = new AggregateCache({ maxBytes: aggregateCache.maxMb * 1024 * 1024, computeTimeoutMs: aggregateCache.computeTimeoutMs });
    caches.set(root, cache);
  }
  return cache;
}

/** Gives a database connection an aggregate cache of these options (replacing any it had). */
export function configureAggregateCache(db: Database, options: AggregateCacheOptions): AggregateCache {
  const cache = new AggregateCache(options);
  caches.set(db.root, cache);
  return cache;
}

/**
 * `compute`'s answer for `key` on the graph as it stands, through the connection's aggregate cache (see
 * `AggregateCache.read`). `key` must name the query and every argument that shapes its answer; `compute` runs
 * its statements through the database it is given.
 */
export function cachedRead<T>(db: Database, key: string, compute: (db: Database) => Promise<T>): Promise<T> {
  return aggregateCacheOf(db).read(db, key, compute);
}

/** A key for `cachedRead`: the query's name and its arguments as JSON with object keys sorted (equal arguments, equal keys). */
export function aggregateKey(query: string, args: Record<string, unknown>): string {
  return `${query}:${stableJson(args)}`;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}
