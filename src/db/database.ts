import neo4j, {
  type Driver,
  ManagedTransaction,
  Neo4jError,
  type ResultSummary,
  type Session,
} from 'neo4j-driver';
import { randomUUID } from 'node:crypto';
import { CircuitBreaker } from './circuit-breaker';
import { ConflictError, DeadlineExceededError, HubError, ServiceUnavailableError } from '../core/errors';
import type { Logger } from '../core/logger';
import { isScopeAborted, whenScopeAborts, type RequestScope } from '../core/request-scope';
import { FairGate } from '../core/fair-gate';
import { sendClientWritesAtOnce } from './tcp-no-delay';

/**
 * Calls `start` (which starts a statement and returns its result synchronously) without the stack trace the
 * driver captures and formats for every result, to decorate errors that the floor maps to its own anyway. That
 * trace was the largest single cost of a one-statement request in the hub's process (about 0.1 ms).
 */
function cheaply<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

// How many times its slots a client alone may use (see limitStatements).
const ALONE_FACTOR = 4;

/** Query parameters: always passed to the driver, never spliced into Cypher text. */
export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** How a statement ended, as the statement observer sees it. */
export type StatementOutcome = 'ok' | 'error' | 'deadline' | 'unavailable';

/** Told about every statement the hub asked for once it has ended (metrics); must not throw. */
export type StatementObserver = (ms: number, outcome: StatementOutcome) => void;

export interface DatabaseOptions {
  uri: string;
  username?: string;
  password?: string;
  database?: string;
  /** Where outages (warn, info) and each statement's Cypher (debug) are logged; silent without one. */
  log?: Logger;
  /** Milliseconds to open a connection; a request's deadline (10 s by default) must leave room for it. */
  connectionTimeoutMs?: number;
  /** Milliseconds to wait for a free pooled connection. */
  acquisitionTimeoutMs?: number;
  /** Milliseconds between checks of an unreachable database. */
  probeIntervalMs?: number;
  /** Milliseconds a request's statement may go unanswered before the database is checked (a frozen server). */
  stallCheckMs?: number;
}

// Outside a request (start-up, seeding, tools) statements keep the driver's own policy for managed
// transactions: retried for up to 30 s, from 1 s doubling, ±20 % jitter. Inside one, only while time is left.
const RETRY = { maxTimeMs: 30_000, initialDelayMs: 1_000, multiplier: 2, jitter: 0.2 } as const;
const CONNECTION_TIMEOUT_MS = 3_000;
const ACQUISITION_TIMEOUT_MS = 5_000;
/** How long `ping` (the health endpoints) and the outage probe wait for an answer. */
export const PING_TIMEOUT_MS = 2_000;
// A server that accepts connections but answers nothing (a frozen or stopped process) raises no error: a
// statement unanswered this long makes the hub ask the server a trivial question on a connection of its own,
// which must answer within STALL_CHECK_TIMEOUT_MS. That is longer than a ping's 2 s: a server busy with heavy
// statements on a loaded machine answered RETURN 1 in over 2 s, and must not count as gone.
const STALL_CHECK_MS = 1_500;
const STALL_CHECK_TIMEOUT_MS = 5_000;

const STAMP_STATEMENT = 'RETURN 1 AS stamp';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
// Codes of a transaction that Neo4j ended because its timeout passed (the second only while waiting on a lock).
const TIMED_OUT_CODES = /^Neo\.ClientError\.Transaction\.TransactionTimedOut/;
const TERMINATED_CODES = new Set(['Neo.TransientError.Transaction.Terminated', 'Neo.TransientError.Transaction.LockClientStopped']);

/** An integer parameter (plain JS numbers travel as floats, which LIMIT and ranges refuse). */
export function intParam(value: number): unknown {
  return neo4j.int(value);
}

/** SKIP/LIMIT parameters as Cypher integers (plain JS numbers travel as floats). */
export function pageParams(limit: number, offset: number): { limit: unknown; offset: unknown } {
  return { limit: neo4j.int(limit), offset: neo4j.int(offset) };
}

/** Whether the error says the database could not be reached (as opposed to a statement failing). */
export function isConnectionFailure(error: unknown): boolean {
  return error instanceof Neo4jError && UNAVAILABLE_CODES.has(error.code);
}

function isPoolExhausted(error: unknown): boolean {
  return error instanceof Neo4jError && error.message.startsWith('Connection acquisition timed out');
}

/**
 * Maps driver errors to the hub's codes; anything else is rethrown unchanged (it becomes INTERNAL). Inside a
 * request, a transaction Neo4j stopped at its timeout becomes DEADLINE_EXCEEDED.
 */
export function mapDriverError(error: unknown, scope?: RequestScope): unknown {
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) return new ServiceUnavailableError();
    if (isPoolExhausted(error)) return new ServiceUnavailableError('The graph database is busy; try again shortly');
    if (scope && (TIMED_OUT_CODES.test(error.code) || (TERMINATED_CODES.has(error.code) && Date.now() >= scope.deadline - 100))) {
      return new DeadlineExceededError(scope.timeoutMs);
    }
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new ConflictError('The change conflicts with existing data (a unique key is already taken)');
    }
  }
  return error;
}

function outcomeOf(error: unknown): StatementOutcome {
  if (error instanceof DeadlineExceededError) return 'deadline';
  if (error instanceof ServiceUnavailableError) return 'unavailable';
  return 'error';
}

/** A short, single-line cause for the outage log line. */
function describe(error: unknown): string {
  const text = error instanceof Neo4jError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 300);
}

/** Where `captureStamp` collects the graph stamp seen at the end of the latest statement of its work. */
interface StampCapture {
  stamp?: string;
  /** Bookmarks the work's sessions wait for (causal consistency: a cluster member behind them catches up first). */
  since?: string[];
}

/** What a database and every view made of it (forRequest, captureStamp) share and change. */
interface SharedState {
  statementCount: number;
  stallCheck?: Promise<void>;
  // Part of every graph stamp: changes whenever the connection to the server was lost, so that a server that
  // came back with another store (whose transaction ids may repeat) can never match a stamp taken before.
  epoch: string;
}

function bookmarkText(bookmarks: string[]): string {
  return [...bookmarks].sort().join(',');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function jittered(delay: number): number {
  return delay * (1 - RETRY.jitter + 2 * RETRY.jitter * Math.random());
}

/**
 * Settles as `work` does, or rejects with DeadlineExceededError when the request's deadline passes or its
 * signal aborts first: a statement stuck on a database that no longer answers cannot hold a request past its
 * deadline. Rejects with ServiceUnavailableError as soon as the breaker opens, and calls `onStall` once if
 * the work is still unsettled after `stallMs`. The abandoned work still settles later; its outcome is dropped.
 */
function beforeDeadline<T>(work: Promise<T>, scope: RequestScope, breaker: CircuitBreaker, onStall: () => void, stallMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // Set below; a scope aborted already calls `expire` at once, before it is.
    let stopListening: () => void = () => undefined;
    const stop = () => {
      clearTimeout(timer);
      clearTimeout(stall);
      unsubscribe();
      stopListening();
    };
    const unsubscribe = breaker.whenOpen(() => {
      stop();
      reject(new ServiceUnavailableError());
    });
    const stall = setTimeout(onStall, stallMs);
    const expire = () => {
      stop();
      reject(new DeadlineExceededError(scope.timeoutMs));
    };
    const timer = setTimeout(expire, Math.max(0, scope.deadline - Date.now()));
    stopListening = whenScopeAborts(scope, expire);
    work.then(
      (value) => (stop(), resolve(value)),
      (error: unknown) => (stop(), reject(error)),
    );
  });
}

/**
 * The one module that talks to the Neo4j driver. Every statement runs in a short-lived session that is
 * closed in `finally`: a lone read as an auto-commit transaction, everything else in an explicit one. Rows
 * come back as plain objects (integers as JS numbers). `statementCount` counts statements sent, so tests can
 * prove that round trips stay flat.
 *
 * Inside a request (a view made by `forRequest`; see request-scope.ts) every transaction gets a Neo4j timeout equal to the time left
 * before the request's deadline, no statement starts past it, retries happen only while time is left, and
 * each statement is counted into the request's scope. After a connection failure a circuit breaker refuses
 * further request statements at once with SERVICE_UNAVAILABLE while a probe checks the server about every
 * second; the outage is logged once when it begins and once when it ends.
 */
export class Database {
  readonly driver: Driver;
  readonly database?: string;
  readonly breaker: CircuitBreaker;
  /** The request this view runs statements for (see forRequest); undefined on the database itself. */
  readonly scope?: RequestScope;
  /** Told about every statement once it has ended (e.g. Prometheus metrics); must not throw. */
  onStatement?: StatementObserver;
  private readonly log?: Logger;
  private probeTimer?: NodeJS.Timeout;
  // Health checks, outage probes and stall checks get connections of their own: a pool busy with long
  // statements must not make a live server look dead.
  private readonly probeDriver: Driver;
  private readonly stallCheckMs: number;
  // Set on views made by captureStamp only.
  private readonly capture?: StampCapture;
  private readonly shared: SharedState = { statementCount: 0, epoch: randomUUID() };
  // Request transactions running at once; beyond, they wait their client's turn (see limitStatements).
  private gate?: FairGate;

  constructor(options: DatabaseOptions) {
    sendClientWritesAtOnce();
    const auth =
      options.username !== undefined ? neo4j.auth.basic(options.username, options.password ?? '') : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionTimeout: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
      connectionAcquisitionTimeout: options.acquisitionTimeoutMs ?? ACQUISITION_TIMEOUT_MS,
      userAgent: 'coop-hub',
    });
    this.probeDriver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 4,
      connectionTimeout: STALL_CHECK_TIMEOUT_MS,
      connectionAcquisitionTimeout: STALL_CHECK_TIMEOUT_MS,
      userAgent: 'coop-hub (health)',
    });
    this.stallCheckMs = options.stallCheckMs ?? STALL_CHECK_MS;
    this.database = options.database;
    this.log = options.log;
    const probeIntervalMs = options.probeIntervalMs ?? 1_000;
    this.breaker = new CircuitBreaker(
      {
        onOpen: (cause) => {
          this.log?.warn({ cause }, 'The graph database is unreachable; requests fail at once with SERVICE_UNAVAILABLE until it answers again');
          this.startProbing(probeIntervalMs);
        },
        onClose: (outageMs) => {
          this.shared.epoch = randomUUID();
          this.stopProbing();
          this.log?.info({ outageMs }, 'The graph database is reachable again');
        },
      },
      Date.now,
      probeIntervalMs,
    );
  }

  /** Waits until the server answers, retrying for up to `timeoutMs`. */
  async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.driver.getServerInfo({ database: this.database });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw mapDriverError(error);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /**
   * Whether the database answers a trivial statement within `timeoutMs`; while the breaker is open, the
   * answer is no at once (the probe keeps checking). Never throws.
   */
  async ping(timeoutMs = PING_TIMEOUT_MS): Promise<{ reachable: true } | { reachable: false; reason: string }> {
    if (this.breaker.isOpen) {
      return { reachable: false, reason: `unreachable for ${Math.round(this.breaker.openForMs / 1000)} s: ${this.breaker.cause}` };
    }
    try {
      await this.trivialStatement(timeoutMs);
      return { reachable: true };
    } catch (error) {
      if (isConnectionFailure(error)) this.connectionLost(describe(error));
      return { reachable: false, reason: describe(error) };
    }
  }

  /**
   * Runs one read statement (routed to readers on a cluster) and returns its rows. It runs as an
   * auto-commit transaction, one round trip fewer than BEGIN/RUN/COMMIT; failures the driver calls
   * retriable are retried as a managed transaction would be.
   */
  async read(cypher: string, params: Params = {}): Promise<Row[]> {
    const started = performance.now();
    let outcome: StatementOutcome = 'ok';
    try {
      return await this.execute((timeout) => this.readOnce(cypher, params, timeout));
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      this.observe(cypher, performance.now() - started, outcome);
    }
  }

  private async readOnce(cypher: string, params: Params, timeout: number | undefined): Promise<Row[]> {
    const session = this.session('READ');
    try {
      this.countStatement();
      const result = await cheaply(() => session.run(cypher, params, timeout === undefined ? undefined : { timeout }));
      this.noteStamp(session);
      return result.records.map((record) => record.toObject() as Row);
    } finally {
      await session.close();
    }
  }

  /**
   * The graph stamp: names the last transaction the database committed (the bookmark of one tiny read
   * transaction) and this connection's epoch. Equal stamps mean no commit in between, by any client of the
   * database; one statement, under the request's deadline like any other.
   */
  async graphStamp(): Promise<string> {
    const started = performance.now();
    let outcome: StatementOutcome = 'ok';
    try {
      return await this.execute(async (timeout) => {
        const epoch = this.shared.epoch;
        const session = this.session('READ');
        try {
          this.countStatement();
          await cheaply(() => session.run(STAMP_STATEMENT, {}, timeout === undefined ? undefined : { timeout }));
          return `${epoch}|${bookmarkText(session.lastBookmarks())}`;
        } finally {
          await session.close();
        }
      });
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      this.observe(STAMP_STATEMENT, performance.now() - started, outcome);
    }
  }

  /**
   * Runs `work` on a view of this database and also returns the graph stamp as it stood when the last of the
   * reads (`read`, `readTx`) `work` ran through that view ended, or undefined when it read nothing. Equal to a
   * stamp taken before `work` and given as `since` (which its statements then wait for, on a cluster), it
   * proves that every statement of `work` saw that same graph. `work` must run its statements through the
   * database it is given; the view keeps this one's request scope.
   */
  async captureStamp<T>(work: (db: Database) => Promise<T>, since?: string): Promise<{ value: T; stampAfter?: string }> {
    const bookmarks = since?.slice(since.indexOf('|') + 1);
    const capture: StampCapture = { since: bookmarks ? bookmarks.split(',') : undefined };
    const value = await work(this.view({ capture }));
    return { value, stampAfter: capture.stamp };
  }

  /**
   * A view of this database that runs every statement for the request of `scope`: under its deadline, counted
   * into it, through the fair gate in its client's lane (see the class comment). It shares the connection, the
   * breaker, the counters and the aggregate cache with this database; only the request differs.
   */
  forRequest(scope: RequestScope): Database {
    return this.view({ scope });
  }

  /** The database this one is a view of (itself when it is none): what per-connection caches are keyed by. */
  get root(): Database {
    return Object.getPrototypeOf(this) instanceof Database ? (Object.getPrototypeOf(this) as Database).root : this;
  }

  /** Statements sent through this database and all its views, so that tests can prove round trips stay flat. */
  get statementCount(): number {
    return this.shared.statementCount;
  }

  // A view inherits everything from this database and overrides only what is given; state that statements
  // change lives in `shared`, which the views reach through their prototype, so that it stays one.
  private view(own: { scope: RequestScope } | { capture: StampCapture }): Database {
    return Object.assign(Object.create(this) as Database, own);
  }

  private noteStamp(session: Session): void {
    const capture = this.capture;
    if (capture) capture.stamp = `${this.shared.epoch}|${bookmarkText(session.lastBookmarks())}`;
  }

  private connectionLost(cause: string): void {
    this.shared.epoch = randomUUID();
    this.breaker.recordFailure(cause);
  }

  /** Runs one write statement in its own transaction and returns its rows. */
  async write(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.writeTx((tx) => this.runIn(tx, cypher, params));
  }

  /**
   * Runs `work` in one read transaction; use `runIn` inside it for each statement (in a request, a transaction
   * holds a slot of the fair gate, and another read or transaction started inside it would wait for one more).
   */
  async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.execute((timeout) => this.runTx('READ', work, timeout));
  }

  /** Runs `work` in one write transaction: all of it commits or none of it does; `runIn` as for readTx. */
  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.execute((timeout) => this.runTx('WRITE', work, timeout));
  }

  /** Runs one statement inside a transaction of `readTx`/`writeTx`, counting it; none starts past the deadline. */
  async runIn(tx: ManagedTransaction, cypher: string, params: Params = {}): Promise<Row[]> {
    const scope = this.scope;
    if (scope && (Date.now() >= scope.deadline || isScopeAborted(scope))) throw new DeadlineExceededError(scope.timeoutMs);
    const started = performance.now();
    let outcome: StatementOutcome = 'ok';
    try {
      this.countStatement();
      const result = await cheaply(() => tx.run(cypher, params));
      return result.records.map((record) => record.toObject() as Row);
    } catch (error) {
      outcome = outcomeOf(mapDriverError(error, scope));
      throw error;
    } finally {
      this.observe(cypher, performance.now() - started, outcome);
    }
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    const bookmarks = this.capture?.since;
    return this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE, bookmarks });
  }

  /** One attempt at a transaction: begin (with `timeout` ms, if given), `work`, commit; rolled back on failure. */
  private async runTx<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>, timeout: number | undefined): Promise<T> {
    const session = this.session(mode);
    try {
      const config = timeout === undefined ? undefined : { timeout };
      const tx = await session.beginTransaction(config);
      try {
        const result = await work(ManagedTransaction.fromTransaction(tx));
        await tx.commit();
        if (mode === 'READ') this.noteStamp(session);
        return result;
      } catch (error) {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        throw error;
      }
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `attempt` under the hub's retry policy and maps its errors. `attempt` gets the transaction timeout
   * to use: the milliseconds left before the request's deadline, or undefined outside a request.
   */
  private execute<T>(attempt: (timeout: number | undefined) => Promise<T>): Promise<T> {
    const scope = this.scope;
    return scope ? this.executeInRequest(attempt, scope) : this.executeOutsideRequest(attempt);
  }

  private async executeOutsideRequest<T>(attempt: (timeout: undefined) => Promise<T>): Promise<T> {
    const started = Date.now();
    for (let delay = RETRY.initialDelayMs; ; delay *= RETRY.multiplier) {
      try {
        const result = await attempt(undefined);
        this.breaker.recordSuccess();
        return result;
      } catch (error) {
        if (isConnectionFailure(error)) this.connectionLost(describe(error));
        if (!Neo4jError.isRetriable(error) || Date.now() - started > RETRY.maxTimeMs) throw mapDriverError(error, undefined);
        await sleep(jittered(delay));
      }
    }
  }

  /**
   * Lets at most `slots` request transactions run at once; the others wait in a queue served client by client
   * (FairGate), so that one client's many or long statements cannot keep the database from everyone else.
   * A client alone may use up to four times `slots`, as a lone client then competes with nobody (a burst
   * that is handed back as soon as another client waits).
   * Waiting counts against the request's deadline. Work outside requests (start-up, imports) is not limited.
   */
  limitStatements(slots: number): void {
    this.gate = new FairGate(slots, slots * ALONE_FACTOR);
  }

  /** Request transactions waiting for their turn, and running (0 without a limit). */
  get statementQueue(): { waiting: number; running: number } {
    return { waiting: this.gate?.waiting ?? 0, running: this.gate?.running ?? 0 };
  }

  private executeInRequest<T>(attempt: (timeout: number) => Promise<T>, scope: RequestScope): Promise<T> {
    if (!this.gate) return this.executeInRequestNow(attempt, scope);
    return this.gate.run(scope.client ?? '', () => scope.signal, () => new DeadlineExceededError(scope.timeoutMs), () => this.executeInRequestNow(attempt, scope));
  }

  private async executeInRequestNow<T>(attempt: (timeout: number) => Promise<T>, scope: RequestScope): Promise<T> {
    for (let tries = 1, delay = RETRY.initialDelayMs; ; tries += 1) {
      const left = scope.deadline - Date.now();
      if (left <= 0 || isScopeAborted(scope)) throw new DeadlineExceededError(scope.timeoutMs);
      if (this.breaker.isOpen) throw new ServiceUnavailableError();
      const started = performance.now();
      try {
        return await beforeDeadline(attempt(Math.ceil(left)), scope, this.breaker, () => this.checkStalled(), this.stallCheckMs);
      } catch (error) {
        if (error instanceof HubError) throw error;
        const mapped = mapDriverError(error, scope);
        if (mapped instanceof DeadlineExceededError) throw mapped;
        if (isConnectionFailure(error)) {
          this.shared.epoch = randomUUID();
          // A pooled connection the server closed (say, across a restart) fails once; a fresh one then answers.
          if (tries === 1) continue;
          this.breaker.recordFailure(describe(error));
          throw mapped;
        }
        const wait = jittered(delay);
        if (!Neo4jError.isRetriable(error) || Date.now() + wait >= scope.deadline) throw mapped;
        await sleep(wait);
        delay *= RETRY.multiplier;
      } finally {
        scope.databaseMs += performance.now() - started;
      }
    }
  }

  private countStatement(): void {
    this.shared.statementCount += 1;
    const scope = this.scope;
    if (scope) scope.statements += 1;
  }

  private observe(cypher: string, ms: number, outcome: StatementOutcome): void {
    this.onStatement?.(ms, outcome);
    // The Cypher text only: parameter values may carry what clients typed.
    if (this.log?.isLevelEnabled('debug')) this.log.debug({ cypher, ms: Math.round(ms * 10) / 10, outcome, requestId: this.scope?.id }, 'Cypher statement');
  }

  /**
   * A request's statement has gone unanswered for a while: asks the server a trivial question (one check at a
   * time) and opens the breaker if it does not answer, so that waiting and later requests get 503 at once.
   */
  private checkStalled(): void {
    if (this.shared.stallCheck || this.breaker.isOpen) return;
    this.shared.stallCheck = this.trivialStatement(STALL_CHECK_TIMEOUT_MS)
      .then(
        () => this.breaker.recordSuccess(),
        (error: unknown) => this.breaker.recordFailure(`a statement got no answer for ${this.stallCheckMs} ms, nor did a check within ${STALL_CHECK_TIMEOUT_MS} ms: ${describe(error)}`),
      )
      .finally(() => (this.shared.stallCheck = undefined));
  }

  /** RETURN 1 with a server-side and a client-side timeout; throws what the driver throws. */
  private async trivialStatement(timeoutMs: number): Promise<void> {
    const session = this.probeDriver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    try {
      // Not in statementCount: health checks and probes are not statements any request asked for.
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([session.run('RETURN 1 AS ok', {}, { timeout: timeoutMs }), expired]);
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => undefined);
    }
  }

  private startProbing(intervalMs: number): void {
    if (this.probeTimer) return;
    // Ticks more often than the interval so that a probe starts close to when it is due; unref'd so that an
    // outage never keeps a tool's process alive.
    this.probeTimer = setInterval(() => void this.probe(), Math.max(50, intervalMs / 4));
    this.probeTimer.unref();
  }

  private stopProbing(): void {
    clearInterval(this.probeTimer);
    this.probeTimer = undefined;
  }

  private async probe(): Promise<void> {
    if (!this.breaker.probeDue()) return;
    try {
      await this.trivialStatement(PING_TIMEOUT_MS);
      this.breaker.probeEnded(true);
    } catch (error) {
      this.breaker.probeEnded(false, describe(error));
    }
  }

  /** The operator names of the plan Neo4j makes for a statement (EXPLAIN: nothing is executed). */
  async explain(cypher: string, params: Params = {}): Promise<string[]> {
    const summary = await this.summaryOf('EXPLAIN', cypher, params);
    const operators: string[] = [];
    const walk = (plan: { operatorType: string; children: unknown[] } | false | undefined) => {
      if (!plan) return;
      operators.push(plan.operatorType.split('@')[0]);
      for (const child of plan.children) walk(child as { operatorType: string; children: unknown[] });
    };
    walk(summary.plan as never);
    return operators;
  }

  /** Runs a read statement under PROFILE and returns the most heap (bytes) Neo4j held for it at once. */
  async profileMemory(cypher: string, params: Params = {}): Promise<number> {
    const { profile } = await this.summaryOf('PROFILE', cypher, params);
    const value: unknown = profile ? profile.arguments.GlobalMemory : undefined;
    if (value === undefined) throw new Error('the profile holds no GlobalMemory figure');
    return neo4j.isInt(value) ? value.toNumber() : Number(value);
  }

  private async summaryOf(prefix: 'EXPLAIN' | 'PROFILE', cypher: string, params: Params): Promise<ResultSummary> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => cheaply(() => tx.run(`${prefix} ${cypher}`, params)));
      return result.summary;
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    this.stopProbing();
    await Promise.all([this.driver.close(), this.probeDriver.close()]);
  }
}

/** A transaction of a managed unit of work, for importers that write inside `Database.write` callbacks. */
export type { ManagedTransaction as Transaction } from 'neo4j-driver';

/**
 * A bare driver for a component that brings its own query layer (the benchmark's comparator); the hub itself
 * goes through `Database`.
 */
export function openDriver(uri: string, username?: string, password?: string): import('neo4j-driver').Driver {
  sendClientWritesAtOnce();
  return neo4j.driver(uri, username === undefined ? undefined : neo4j.auth.basic(username, password ?? ''));
}
