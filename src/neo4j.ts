import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type ResultSummary } from 'neo4j-driver';
import { ConflictError, ServiceUnavailableError } from './errors';

/** Query parameters: always passed to the driver, never spliced into Cypher text. */
export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface DatabaseOptions {
  uri: string;
  username?: string;
  password?: string;
  database?: string;
}

// The driver's own retry policy for managed transactions: up to 30 s, from 1 s doubling, ±20 % jitter.
const RETRY = { maxTimeMs: 30_000, initialDelayMs: 1_000, multiplier: 2, jitter: 0.2 } as const;

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** An integer parameter (plain JS numbers travel as floats, which LIMIT and ranges refuse). */
export function intParam(value: number): unknown {
  return neo4j.int(value);
}

/** SKIP/LIMIT parameters as Cypher integers (plain JS numbers travel as floats). */
export function pageParams(limit: number, offset: number): { limit: unknown; offset: unknown } {
  return { limit: neo4j.int(limit), offset: neo4j.int(offset) };
}

/** Maps driver errors to the hub's codes; anything else is rethrown unchanged (it becomes INTERNAL). */
export function mapDriverError(error: unknown): unknown {
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) return new ServiceUnavailableError();
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new ConflictError('The change conflicts with existing data (a unique key is already taken)');
    }
  }
  return error;
}

/**
 * The one module that talks to the Neo4j driver. Every statement runs in a short-lived session that is
 * closed in `finally`: a lone read as an auto-commit transaction, everything else in a managed one. Rows come
 * back as plain objects (integers as JS numbers). `statementCount` counts statements sent, so tests can prove
 * that round trips stay flat.
 */
export class Database {
  readonly driver: Driver;
  readonly database?: string;
  statementCount = 0;

  constructor(options: DatabaseOptions) {
    const auth =
      options.username !== undefined ? neo4j.auth.basic(options.username, options.password ?? '') : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 30_000,
      userAgent: 'coop-hub',
    });
    this.database = options.database;
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
   * Runs one read statement (routed to readers on a cluster) and returns its rows. It runs as an
   * auto-commit transaction, one round trip fewer than BEGIN/RUN/COMMIT; failures the driver calls
   * retriable are retried as a managed transaction would be.
   */
  async read(cypher: string, params: Params = {}): Promise<Row[]> {
    const started = Date.now();
    for (let delay = RETRY.initialDelayMs; ; delay *= RETRY.multiplier) {
      try {
        return await this.readOnce(cypher, params);
      } catch (error) {
        if (!Neo4jError.isRetriable(error) || Date.now() - started > RETRY.maxTimeMs) throw mapDriverError(error);
        await new Promise((r) => setTimeout(r, delay * (1 - RETRY.jitter + 2 * RETRY.jitter * Math.random())));
      }
    }
  }

  private async readOnce(cypher: string, params: Params): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      this.statementCount += 1;
      const result = await session.run(cypher, params);
      return result.records.map((record) => record.toObject() as Row);
    } finally {
      await session.close();
    }
  }

  /** Runs one write statement in its own transaction and returns its rows. */
  async write(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.writeTx((tx) => this.runIn(tx, cypher, params));
  }

  /** Runs `work` in one read transaction; use `runIn` inside it for each statement. */
  async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs `work` in one write transaction: all of it commits or none of it does. */
  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs one statement inside a transaction of `readTx`/`writeTx`, counting it. */
  async runIn(tx: ManagedTransaction, cypher: string, params: Params = {}): Promise<Row[]> {
    this.statementCount += 1;
    const result = await tx.run(cypher, params);
    return result.records.map((record) => record.toObject() as Row);
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
      const result = await session.executeRead((tx) => tx.run(`${prefix} ${cypher}`, params));
      return result.summary;
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
