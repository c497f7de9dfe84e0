import { ContextKey } from './async-context';

/**
 * What the database floor and the access log need to know about the request being served, without passing it
 * through every resolver, loader and repository: its id, its deadline, and a count of the statements it ran.
 * The HTTP layer opens a scope per request; DataLoader batches and promise chains stay inside it.
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
}

const scopeKey = new ContextKey<RequestScope>('request scope');

/** Runs `work` inside `scope`: everything it starts, synchronously or through promises, sees that scope. */
export function runInScope<T>(scope: RequestScope, work: () => T): T {
  return scopeKey.run(scope, work);
}

/** The scope of the request being served, or undefined outside a request (start-up, seeding, tools). */
export function currentScope(): RequestScope | undefined {
  return scopeKey.get();
}
