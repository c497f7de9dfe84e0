import net from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { DeadlineExceededError, ServiceUnavailableError } from '../../src/core/errors';
import { Database, type StatementOutcome } from '../../src/db/database';
import type { RequestScope } from '../../src/core/request-scope';

/** A local port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function scopeEndingIn(ms: number): RequestScope {
  return { id: 'req-1', deadline: Date.now() + ms, timeoutMs: ms, signal: new AbortController().signal, statements: 0, databaseMs: 0 };
}

function capturingLogger(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level, base: undefined }, stream), lines };
}

let db: Database;
let captured: ReturnType<typeof capturingLogger>;
let observed: StatementOutcome[];

beforeEach(async () => {
  captured = capturingLogger('debug');
  db = new Database({ uri: `bolt://127.0.0.1:${await closedPort()}`, log: captured.log, probeIntervalMs: 60_000 });
  observed = [];
  db.onStatement = (_ms, outcome) => observed.push(outcome);
});
afterEach(() => db.close());

describe('database floor under deadlines and outages (no server)', () => {
  test('a request view carries its scope to every statement and shares the counters, breaker and root with the database', async () => {
    const scope = scopeEndingIn(0);
    const request = db.forRequest(scope);
    expect(request.scope).toBe(scope);
    expect(db.scope).toBeUndefined();
    expect(request.root).toBe(db);
    expect(request.breaker).toBe(db.breaker);
    // The view's statement is refused at the view's deadline; the database itself knows no deadline.
    await expect(request.read('RETURN 1')).rejects.toBeInstanceOf(DeadlineExceededError);
    const inside = await request.captureStamp(async (view) => ({ scope: view.scope, root: view.root }));
    expect(inside.value).toEqual({ scope, root: db });
    expect(inside.stampAfter).toBeUndefined();
    expect(db.forRequest(scopeEndingIn(10)).forRequest(scope).root).toBe(db);
  });

  test('a statement asked for after the request deadline is refused with DEADLINE_EXCEEDED and never sent', async () => {
    const scope = scopeEndingIn(0);
    await expect(db.forRequest(scope).read('RETURN 1')).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(db.statementCount).toBe(0);
    expect(scope.statements).toBe(0);
    expect(observed).toEqual(['deadline']);
  });

  test('a request whose signal was aborted (client gone) sends nothing more', async () => {
    const controller = new AbortController();
    const scope = { ...scopeEndingIn(10_000), signal: controller.signal };
    controller.abort();
    await expect(db.forRequest(scope).read('RETURN 1')).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(db.statementCount).toBe(0);
  });

  test('an unreachable server gives SERVICE_UNAVAILABLE with 503 and Retry-After, opens the breaker and is logged once with its cause', async () => {
    const scope = scopeEndingIn(10_000);
    const error = await db.forRequest(scope).read('RETURN 1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    const http = (error as ServiceUnavailableError).extensions.http as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(503);
    expect(http.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(db.breaker.isOpen).toBe(true);
    // Tried once more at once (a stale pooled connection fails once), then gave up.
    expect(scope.statements).toBe(2);
    const warnings = captured.lines.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0].cause)).toMatch(/ServiceUnavailable/);
  });

  test('while the breaker is open, request statements fail at once without reaching the driver', async () => {
    await db.forRequest(scopeEndingIn(10_000)).read('RETURN 1').catch(() => undefined);
    const sent = db.statementCount;
    const scope = scopeEndingIn(10_000);
    for (let i = 0; i < 5; i++) {
      await expect(db.forRequest(scope).read('RETURN 1')).rejects.toBeInstanceOf(ServiceUnavailableError);
      const request = db.forRequest(scope);
      await expect(request.writeTx((tx) => request.runIn(tx, 'CREATE (:X)'))).rejects.toBeInstanceOf(ServiceUnavailableError);
    }
    expect(db.statementCount).toBe(sent);
    expect(scope.statements).toBe(0);
    expect(captured.lines.filter((l) => l.level === 40)).toHaveLength(1);
    expect(observed.slice(-5)).toEqual(['unavailable', 'unavailable', 'unavailable', 'unavailable', 'unavailable']);
  });

  test('health ping says unreachable with the cause and does not throw', async () => {
    const first = await db.ping(500);
    expect(first).toEqual({ reachable: false, reason: expect.stringMatching(/ServiceUnavailable/) });
    expect(db.breaker.isOpen).toBe(true);
    const second = await db.ping(500);
    expect(second).toEqual({ reachable: false, reason: expect.stringMatching(/^unreachable for \d+ s: /) });
  });

  test('each statement is logged at debug level with its Cypher and never its parameter values', async () => {
    await db.forRequest(scopeEndingIn(10_000)).read('MATCH (o:Organization {id: $id}) RETURN o', { id: 'secret-value-42' }).catch(() => undefined);
    const debug = captured.lines.filter((l) => l.level === 20);
    expect(debug).toHaveLength(1);
    expect(debug[0]).toMatchObject({ cypher: 'MATCH (o:Organization {id: $id}) RETURN o', outcome: 'unavailable', requestId: 'req-1' });
    expect(JSON.stringify(captured.lines)).not.toContain('secret-value-42');
  });
});
