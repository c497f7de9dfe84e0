/**
 * What the database floor and the access log need to know about the request being served: its id, its deadline,
 * and a count of the statements it ran. The HTTP layer opens a scope per request and attaches it to the request;
 * the GraphQL context carries it, and the context's database (`Database.forRequest`) applies it to every
 * statement that resolvers, loaders and repositories run through it.
 */
export interface RequestScope {
  /** The request id, also sent back in the X-Request-Id header and logged with every line of the request. */
  readonly id: string;
  /** Epoch milliseconds after which no statement may start and running ones are stopped. */
  readonly deadline: number;
  /** The deadline as configured, for messages. */
  readonly timeoutMs: number;
  /** Aborted when the deadline passes or the client goes away. */
  readonly signal: AbortSignal;
  /** Statements sent to the database for this request. */
  statements: number;
  /** Milliseconds spent waiting for the database for this request. */
  databaseMs: number;
  /** The operation name, once known. */
  operationName?: string;
  /** The client the request came from (its admission key), so that the database floor can share fairly. */
  client?: string;
  /**
   * Whether the scope is aborted, and a way to hear of it: calls `listener` once when it is (at once if it
   * already is) and returns a function that stops listening. Optional, as a cheaper way than `signal`, whose
   * AbortController and event listeners cost more on Node 20 than a short request spends in the hub.
   */
  readonly aborted?: boolean;
  onAbort?(listener: () => void): () => void;
}

/** Whether `scope` is aborted (without making its signal when it has a cheaper way to tell). */
export function isScopeAborted(scope: RequestScope): boolean {
  return scope.onAbort ? scope.aborted === true : scope.signal.aborted;
}

/** Calls `listener` once `scope` is aborted; returns a function that stops listening. */
export function whenScopeAborts(scope: RequestScope, listener: () => void): () => void {
  if (scope.onAbort) return scope.onAbort(listener);
  const signal = scope.signal;
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}

// The scope travels explicitly (on the request object, then in the GraphQL context and the database view made
// for the request) rather than in an AsyncLocalStorage: on Node 20 a live AsyncLocalStorage runs a hook on every
// promise in the process, which measured about 60 µs per lookup, more than the rest of the request checks together.
const scopes = new WeakMap<object, RequestScope>();

/** Attaches `scope` to `carrier` (the HTTP request it belongs to), for `scopeOf`. */
export function attachScope(carrier: object, scope: RequestScope): void {
  scopes.set(carrier, scope);
}

/** The scope attached to `carrier` by `attachScope`, or undefined (probes, tools, requests not admitted). */
export function scopeOf(carrier: object): RequestScope | undefined {
  return scopes.get(carrier);
}
