import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { AdmissionControl } from '../../../src/app/http/admission';
import { addressKey } from '../../../src/app/http/client-key';
import { createEdge } from '../../../src/app/http/edge';
import { chooseEncoding } from '../../../src/app/http/exposure';
import { HubMetrics } from '../../../src/app/http/metrics';
import { isScopeAborted, scopeOf, whenScopeAborts, type RequestScope } from '../../../src/core/request-scope';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A bare HTTP server with the edge in front of `handler`, and the access-log lines it writes. */
async function serve(handler: Handler, limits: Partial<{ maxInFlight: number; clientMaxInFlight: number; rateLimitPerMinute: number; requestTimeoutMs: number }> = {}) {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const all = { maxInFlight: 10, clientMaxInFlight: 10, rateLimitPerMinute: 0, requestTimeoutMs: 10_000, ...limits };
  const admission = new AdmissionControl(all);
  const metrics = new HubMetrics(() => admission.inFlight);
  const edge = createEdge({
    limits: all,
    deadlineGraceMs: 50,
    corsOrigins: ['*'],
    clientKey: addressKey(false),
    exempt: (path) => path === '/health',
    log: pino({ level: 'info', base: undefined }, stream),
    metrics,
    admission,
  });
  const server = http.createServer((req, res) => edge(req, res, () => handler(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, lines, metrics, server, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const ok: Handler = (_req, res) => res.end('ok');

describe('the HTTP edge', () => {
  test('a sane X-Request-Id is kept and echoed; anything else is replaced by a new id', async () => {
    const seen: string[] = [];
    const hub = await serve((req, res) => {
      seen.push(scopeOf(req)!.id);
      ok(req, res);
    });
    try {
      const kept = await fetch(`${hub.base}/x`, { headers: { 'x-request-id': 'trace-42.a:b' } });
      expect(kept.headers.get('x-request-id')).toBe('trace-42.a:b');
      const replaced = await fetch(`${hub.base}/x`, { headers: { 'x-request-id': '<script>alert(1)</script>' } });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const fresh = await fetch(`${hub.base}/x`);
      expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(seen).toEqual(['trace-42.a:b', replaced.headers.get('x-request-id'), fresh.headers.get('x-request-id')]);
    } finally {
      await hub.close();
    }
  });

  test('an admitted request carries a request scope with the configured deadline; exempt paths get none', async () => {
    const scopes: Array<RequestScope | undefined> = [];
    const hub = await serve((req, res) => {
      scopes.push(scopeOf(req));
      ok(req, res);
    }, { requestTimeoutMs: 7_000 });
    try {
      const before = Date.now();
      await fetch(`${hub.base}/graphql`);
      await fetch(`${hub.base}/health`);
      expect(scopes[0]!.timeoutMs).toBe(7_000);
      expect(scopes[0]!.deadline).toBeGreaterThanOrEqual(before + 7_000);
      expect(scopes[0]!.signal.aborted).toBe(false);
      expect(scopes[1]).toBeUndefined();
    } finally {
      await hub.close();
    }
  });

  test('a request still unanswered after its deadline gets 504 DEADLINE_EXCEEDED as JSON, and its late answer is dropped', async () => {
    let late: (() => void) | undefined;
    let signal: AbortSignal | undefined;
    const hub = await serve((req, res) => {
      signal = scopeOf(req)!.signal;
      late = () => {
        res.setHeader('content-type', 'text/plain');
        res.end('too late');
      };
    }, { requestTimeoutMs: 100 });
    try {
      const res = await fetch(`${hub.base}/graphql`);
      expect(res.status).toBe(504);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      expect(body.errors[0].extensions).toEqual({ code: 'DEADLINE_EXCEEDED', timeoutMs: 100 });
      expect(signal!.aborted).toBe(true);
      expect(() => late!()).not.toThrow();
      const metrics = await hub.metrics.registry.metrics();
      expect(metrics).toMatch(/hub_rejections_total\{reason="deadline"\} 1/);
    } finally {
      await hub.close();
    }
  });

  test('a scope whose signal is first read after the deadline gets it already aborted', async () => {
    let scope: RequestScope | undefined;
    const hub = await serve((req) => {
      scope = scopeOf(req);
    }, { requestTimeoutMs: 100 });
    try {
      expect((await fetch(`${hub.base}/graphql`)).status).toBe(504);
      expect(scope!.signal.aborted).toBe(true);
      expect(String(scope!.signal.reason)).toContain('deadline');
    } finally {
      await hub.close();
    }
  });

  test('listeners of the scope hear of its abort once, without its signal; a late listener hears at once', async () => {
    let scope: RequestScope | undefined;
    const heard: string[] = [];
    const hub = await serve((req) => {
      scope = scopeOf(req);
      const stop = scope!.onAbort!(() => heard.push('removed'));
      stop();
      scope!.onAbort!(() => heard.push('early'));
      expect(isScopeAborted(scope!)).toBe(false);
    }, { requestTimeoutMs: 100 });
    try {
      expect((await fetch(`${hub.base}/graphql`)).status).toBe(504);
      expect(heard).toEqual(['early']);
      expect(isScopeAborted(scope!)).toBe(true);
      whenScopeAborts(scope!, () => heard.push('late'));
      expect(heard).toEqual(['early', 'late']);
    } finally {
      await hub.close();
    }
  });

  test('a client that goes away aborts its request scope', async () => {
    let signal: AbortSignal | undefined;
    let reached: () => void = () => undefined;
    const handlerReached = new Promise<void>((resolve) => (reached = resolve));
    const hub = await serve((req) => {
      signal = scopeOf(req)!.signal;
      reached();
    });
    try {
      const controller = new AbortController();
      const pending = fetch(`${hub.base}/graphql`, { signal: controller.signal }).catch(() => undefined);
      await handlerReached;
      controller.abort();
      await pending;
      await new Promise<void>((resolve) => (signal!.aborted ? resolve() : signal!.addEventListener('abort', () => resolve())));
      expect(signal!.aborted).toBe(true);
    } finally {
      hub.server.closeAllConnections();
      await hub.close();
    }
  });

  test('a refused request is answered as JSON with its code and Retry-After, and never reaches the handler', async () => {
    let calls = 0;
    const hub = await serve((req, res) => {
      calls += 1;
      ok(req, res);
    }, { rateLimitPerMinute: 1 });
    try {
      expect((await fetch(`${hub.base}/graphql`)).status).toBe(200);
      const refused = await fetch(`${hub.base}/graphql`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      expect((await fetch(`${hub.base}/health`)).status).toBe(200);
      expect(calls).toBe(2);
    } finally {
      await hub.close();
    }
  });

  test('every request writes one access-log line with its id, status, outcome and bytes', async () => {
    const hub = await serve(ok);
    try {
      const res = await fetch(`${hub.base}/graphql?x=1`, { headers: { 'x-request-id': 'log-me' } });
      await res.text();
      // The line is written when the server sees the response finish, which may come after the client has it.
      while (!hub.lines.some((l) => l.requestId === 'log-me')) await new Promise((resolve) => setImmediate(resolve));
      const line = hub.lines.find((l) => l.requestId === 'log-me');
      expect(line).toMatchObject({ method: 'GET', url: '/graphql?x=1', status: 200, outcome: 'ok', statements: 0, databaseMs: 0, msg: 'request' });
      expect(line!.bytes).toBeGreaterThan(2);
      expect(typeof line!.responseTime).toBe('number');
    } finally {
      await hub.close();
    }
  });

  test("every answer carries a JSON answer's security headers and CORS", async () => {
    const hub = await serve(ok);
    try {
      const res = await fetch(`${hub.base}/anything`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const fromBrowser = await fetch(`${hub.base}/graphql`, { method: 'POST', headers: { origin: 'https://dashboard.example' }, body: '{}' });
      expect(fromBrowser.headers.get('access-control-allow-origin')).toBe('*');
      expect(fromBrowser.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    } finally {
      await hub.close();
    }
  });

  test('a POST without Origin (no browser sends one) gets the security headers but no CORS headers', async () => {
    const hub = await serve(ok);
    try {
      const res = await fetch(`${hub.base}/graphql`, { method: 'POST', body: '{}' });
      expect(await res.text()).toBe('ok');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-expose-headers')).toBeNull();
    } finally {
      await hub.close();
    }
  });
});

describe('choosing a response encoding', () => {
  test.each([
    [undefined, undefined],
    ['', undefined],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0, gzip;q=0', undefined],
    ['identity', undefined],
    ['*', 'gzip'],
  ])('Accept-Encoding %p gives %p', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
