import { DeadlineExceededError } from '../../src/core/errors';
import { mapDriverError } from '../../src/db/database';
import type { RequestScope } from '../../src/core/request-scope';
import { openTestDb } from '../helpers/graph';

const db = openTestDb();
afterAll(() => db.close());

// Counts a billion rows: far longer than any deadline below, and streaming (no memory to speak of).
const SLOW = 'UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 123456789 RETURN count(x) AS n';

function scopeEndingIn(ms: number): RequestScope {
  return { id: 'req-slow', deadline: Date.now() + ms, timeoutMs: ms, signal: new AbortController().signal, statements: 0, databaseMs: 0 };
}

async function runningSlowStatements(): Promise<number> {
  const rows = await db.read('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n', {
    marker: 'range(1, 1000000000)',
  });
  return Number(rows[0].n);
}

async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('statements under a request deadline (real Neo4j)', () => {
  test('a transaction Neo4j stops at its timeout maps to DEADLINE_EXCEEDED inside a request', async () => {
    const session = db.driver.session({ database: db.database });
    const error = await session.run(SLOW, {}, { timeout: 200 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    await session.close();
    expect(error).toBeDefined();
    expect(mapDriverError(error, scopeEndingIn(1000))).toBeInstanceOf(DeadlineExceededError);
  });

  test('a statement longer than the time left ends with DEADLINE_EXCEEDED, and Neo4j stops running it', async () => {
    const scope = scopeEndingIn(700);
    await expect(db.forRequest(scope).read(SLOW)).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(scope.statements).toBe(1);
    expect(scope.databaseMs).toBeGreaterThan(0);
    // The transaction timeout ended it on the server: nothing keeps counting after the request gave up.
    expect(await waitUntil(async () => (await runningSlowStatements()) === 0, 10_000)).toBe(true);
  });

  test('statements inside a request are counted into its scope and answer as before', async () => {
    const scope = scopeEndingIn(10_000);
    const request = db.forRequest(scope);
    const first = await request.read('RETURN $x AS x', { x: 1 });
    const second = await request.readTx((tx) => request.runIn(tx, 'RETURN $x AS x', { x: 2 }));
    const rows = [...first, ...second];
    expect(rows).toEqual([{ x: 1 }, { x: 2 }]);
    expect(scope.statements).toBe(2);
  });

  test('a write transaction inside a request commits all of it or, past the deadline, none of it', async () => {
    const marker = `deadline-${Date.now()}`;
    const scope = scopeEndingIn(700);
    const request = db.forRequest(scope);
    await expect(
      request.writeTx(async (tx) => {
        await request.runIn(tx, 'CREATE (:DeadlineProbe {marker: $marker})', { marker });
        await request.runIn(tx, SLOW);
      }),
    ).rejects.toBeInstanceOf(DeadlineExceededError);
    const left = await db.read('MATCH (p:DeadlineProbe {marker: $marker}) RETURN count(p) AS n', { marker });
    expect(left).toEqual([{ n: 0 }]);
  });
});
