import { DeadlineExceededError } from '../../src/core/errors';
import type { RequestScope } from '../../src/core/request-scope';
import { AggregateCache, aggregateKey } from '../../src/db/aggregate-cache';
import type { Database } from '../../src/db/database';

/** A stand-in for the database floor: a commit counter as its stamp, and reads that see it. */
class FakeGraph {
  commits = 0;
  stampReads = 0;
  private base?: Database;
  commit(): void {
    this.commits += 1;
  }
  /** The graph as a database, or as the view of one request when `scope` is given (see Database.forRequest). */
  asDatabase(scope?: RequestScope): Database {
    const graph = this;
    const db = {
      scope,
      root: undefined as unknown as Database,
      async graphStamp() {
        graph.stampReads += 1;
        return `s${graph.commits}`;
      },
      async captureStamp<T>(work: (on: Database) => Promise<T>) {
        const value = await work(db as unknown as Database);
        return { value, stampAfter: `s${graph.commits}` };
      },
      forRequest: (own: RequestScope) => graph.asDatabase(own),
    };
    this.base ??= db as unknown as Database;
    db.root = this.base;
    return db as unknown as Database;
  }
}

function scope(ms = 1_000): RequestScope {
  return { id: 'req', deadline: Date.now() + ms, timeoutMs: ms, signal: new AbortController().signal, statements: 0, databaseMs: 0 };
}

const options = { maxBytes: 1024 * 1024, computeTimeoutMs: 5_000 };

describe('aggregate cache', () => {
  test('serves a kept answer while nothing is committed, and recomputes after a commit', async () => {
    const graph = new FakeGraph();
    const db = graph.asDatabase();
    const cache = new AggregateCache(options);
    let computed = 0;
    const compute = async () => ({ n: graph.commits, run: ++computed });
    expect(await cache.read(db, 'k', compute)).toEqual({ n: 0, run: 1 });
    expect(await cache.read(db, 'k', compute)).toEqual({ n: 0, run: 1 });
    expect(cache.hits).toBe(1);
    graph.commit();
    expect(await cache.read(db, 'k', compute)).toEqual({ n: 1, run: 2 });
    expect(cache.misses).toBe(2);
  });

  test('an answer during which a commit happened is returned but not kept', async () => {
    const graph = new FakeGraph();
    const db = graph.asDatabase();
    const cache = new AggregateCache(options);
    let computed = 0;
    const compute = async () => {
      computed += 1;
      graph.commit();
      return computed;
    };
    expect(await cache.read(db, 'k', compute)).toBe(1);
    expect(await cache.read(db, 'k', compute)).toBe(2);
    expect(cache.hits).toBe(0);
  });

  test('concurrent reads of one key on one graph share one computation', async () => {
    const graph = new FakeGraph();
    const db = graph.asDatabase();
    const cache = new AggregateCache(options);
    let computed = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      computed += 1;
      await gate;
      return 'answer';
    };
    const reads = [cache.read(db, 'k', compute), cache.read(db, 'k', compute), cache.read(db, 'k', compute)];
    await new Promise((r) => setImmediate(r));
    release();
    expect(await Promise.all(reads)).toEqual(['answer', 'answer', 'answer']);
    expect(computed).toBe(1);
  });

  test('errors are passed on and never kept', async () => {
    const graph = new FakeGraph();
    const db = graph.asDatabase();
    const cache = new AggregateCache(options);
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error('boom');
    };
    await expect(cache.read(db, 'k', failing)).rejects.toThrow('boom');
    await expect(cache.read(db, 'k', failing)).rejects.toThrow('boom');
    expect(calls).toBe(2);
  });

  test('a request reads the graph stamp once, however many aggregates it asks for', async () => {
    const graph = new FakeGraph();
    const db = graph.asDatabase();
    const cache = new AggregateCache(options);
    const request = graph.asDatabase(scope());
    await cache.read(request, 'a', async () => 1);
    await cache.read(request, 'b', async () => 2);
    await cache.read(request, 'a', async () => 1);
    expect(graph.stampReads).toBe(1);
  });

  test('a request past its deadline ends with DEADLINE_EXCEEDED while the shared computation goes on and is kept', async () => {
    const graph = new FakeGraph();
    const db = graph.asDatabase();
    const cache = new AggregateCache(options);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let computed = 0;
    const slow = async () => {
      computed += 1;
      await gate;
      return 'late answer';
    };
    await expect(cache.read(graph.asDatabase(scope(30)), 'k', slow)).rejects.toBeInstanceOf(DeadlineExceededError);
    release();
    await new Promise((r) => setImmediate(r));
    expect(await cache.read(graph.asDatabase(scope()), 'k', slow)).toBe('late answer');
    expect(computed).toBe(1);
  });

  test('a computation shared by requests runs on a view of its own: the requester\'s id, the compute timeout as its deadline', async () => {
    const graph = new FakeGraph();
    const cache = new AggregateCache(options);
    const requester = scope(30);
    const seen = await cache.read(graph.asDatabase(requester), 'k', async (on) => on.scope);
    expect(seen).not.toBe(requester);
    expect(seen).toMatchObject({ id: 'req', timeoutMs: options.computeTimeoutMs });
    expect(seen!.deadline).toBeGreaterThan(requester.deadline);
  });

  test('with no memory allowed nothing is kept', async () => {
    const graph = new FakeGraph();
    const db = graph.asDatabase();
    const cache = new AggregateCache({ ...options, maxBytes: 0 });
    let computed = 0;
    await cache.read(db, 'k', async () => ++computed);
    await cache.read(db, 'k', async () => ++computed);
    expect(computed).toBe(2);
  });

  test('keys name the query and its arguments whatever their order, and differ with any argument', () => {
    expect(aggregateKey('counts', { a: 1, b: { y: 2, x: [1, 2] } })).toBe(aggregateKey('counts', { b: { x: [1, 2], y: 2 }, a: 1, c: undefined }));
    expect(aggregateKey('counts', { a: 1 })).not.toBe(aggregateKey('totals', { a: 1 }));
    expect(aggregateKey('counts', { a: 1 })).not.toBe(aggregateKey('counts', { a: 2 }));
    expect(aggregateKey('counts', { a: null })).not.toBe(aggregateKey('counts', {}));
  });
});
