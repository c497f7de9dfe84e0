import http from 'node:http';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import pino from 'pino';
import { createLogger } from '../../src/core/logger';
import { startServer, type HubServer } from '../../src/app/server';
import { openTestDb } from '../helpers/graph';

const db = openTestDb();
const servers: HubServer[] = [];

type ErrorBody = { errors: Array<{ message: string; extensions: Record<string, unknown> }> };

/** Starts a hub on a free port; returns its base URL. */
async function hub(options: Partial<Parameters<typeof startServer>[0]> = {}): Promise<string> {
  const server = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12, ...options });
  servers.push(server);
  return server.url.replace(/\/graphql$/, '');
}

afterAll(async () => {
  for (const server of servers) await server.stop();
  await db.close();
});

const NAMED = JSON.stringify({ query: 'query ProvinceName { adminUnit(id: "prov-can-tho") { name } }' });
// Every type's name and fields: several kB of JSON, whatever the data.
const LARGE = JSON.stringify({ query: '{ __schema { types { name fields { name } } } }' });

// GraphQL GETs from programs carry this header; Apollo's CSRF prevention refuses them otherwise.
const PREFLIGHTED = { 'apollo-require-preflight': 'true' };

function post(base: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/** A raw request whose answer is read undecoded (fetch would decompress it). */
function raw(url: string, options: http.RequestOptions, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Starts a GraphQL POST that stays in flight: its headers promise a body of which only part is sent. `finish`
 * sends the rest and resolves with the answer's status.
 */
function held(base: string, client: string): { finish(): Promise<number> } {
  let answered: (status: number) => void = () => undefined;
  const status = new Promise<number>((resolve) => (answered = resolve));
  const req = http.request(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(NAMED), 'x-client': client },
  }, (res) => {
    res.resume();
    res.on('end', () => answered(res.statusCode ?? 0));
  });
  req.write(NAMED.slice(0, 5));
  return {
    finish() {
      req.end(NAMED.slice(5));
      return status;
    },
  };
}

async function inFlight(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^hub_requests_in_flight (\d+)$/m.exec(text)![1]);
}

async function untilInFlight(base: string, count: number): Promise<void> {
  while ((await inFlight(base)) !== count) await new Promise((resolve) => setImmediate(resolve));
}

describe('the hub behind its HTTP edge', () => {
  let base: string;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    base = await hub({ log: pino({ level: 'info', base: undefined }, stream) });
  });

  test('the request id is echoed, and the access log has one line with the operation, statements and bytes', async () => {
    const res = await post(base, NAMED, { 'x-request-id': 'edge-test-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('edge-test-1');
    await res.text();
    while (!lines.some((l) => l.requestId === 'edge-test-1')) await new Promise((resolve) => setImmediate(resolve));
    const line = lines.find((l) => l.requestId === 'edge-test-1')!;
    expect(line).toMatchObject({ operation: 'ProvinceName', status: 200, outcome: 'ok', method: 'POST', url: '/graphql' });
    expect(line.statements).toBeGreaterThanOrEqual(1);
    expect(line.databaseMs).toBeGreaterThan(0);
    expect(line.bytes).toBeGreaterThan(Buffer.byteLength('{"data":{"adminUnit":{"name":"Cần Thơ"}}}'));
  });

  test('the Express path (GET) writes its access-log line too, with the URL as requested', async () => {
    const search = new URLSearchParams({ query: '{ adminUnit(id: "prov-can-tho") { name } }' });
    const res = await fetch(`${base}/graphql?${search}`, { headers: { 'x-request-id': 'edge-test-get', ...PREFLIGHTED } });
    expect(res.status).toBe(200);
    await res.text();
    while (!lines.some((l) => l.requestId === 'edge-test-get')) await new Promise((resolve) => setImmediate(resolve));
    // Express's router mounted at /graphql rewrites req.url to the rest of the path; the log keeps the original.
    expect(lines.find((l) => l.requestId === 'edge-test-get')).toMatchObject({ status: 200, outcome: 'ok', method: 'GET', url: `/graphql?${search}` });
  });

  test('/metrics exposes requests, durations, statements, in-flight, rejections and process metrics', async () => {
    await post(base, NAMED);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^hub_requests_total\{operation="ProvinceName",outcome="ok"\} \d+$/m);
    expect(text).toMatch(/^hub_request_duration_seconds_count\{operation="ProvinceName",outcome="ok"\} \d+$/m);
    expect(text).toMatch(/^hub_db_statements_total\{outcome="ok"\} \d+$/m);
    expect(text).toMatch(/^hub_db_statement_duration_seconds_count\{outcome="ok"\} \d+$/m);
    expect(text).toMatch(/^hub_requests_in_flight \d+$/m);
    expect(text).toContain('# TYPE hub_rejections_total counter');
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  test('no X-Powered-By; JSON answers get nosniff and a deny-all CSP, Express answers the full set', async () => {
    const lean = await post(base, NAMED);
    const get = await fetch(`${base}/graphql?query=%7B__typename%7D`, { headers: PREFLIGHTED });
    for (const res of [lean, get]) {
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(lean.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(get.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(get.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(get.headers.get('referrer-policy')).toBe('no-referrer');
    expect(get.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  test.each([
    ['an unknown path', '/nothing-here', {}, 404, 'NOT_FOUND'],
    ['a path under /graphql', '/graphql/anything', { accept: 'text/html' }, 404, 'NOT_FOUND'],
    ['a POST to /export', '/export', { method: 'POST' }, 405, 'METHOD_NOT_ALLOWED'],
    ['a PUT to /graphql', '/graphql', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: NAMED }, 405, 'METHOD_NOT_ALLOWED'],
    ['a DELETE of /graphql', '/graphql', { method: 'DELETE' }, 405, 'METHOD_NOT_ALLOWED'],
  ] as const)('%s is answered as JSON with a code, not HTML', async (_what, path, init, status, code) => {
    const { accept, ...rest } = init as { accept?: string } & RequestInit;
    const res = await fetch(`${base}${path}`, { ...rest, headers: { ...(accept ? { accept } : {}), ...(rest.headers as Record<string, string>) } });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    const body = (await res.json()) as ErrorBody;
    expect(body.errors[0].extensions.code).toBe(code);
  });

  test('bodies the parser refuses get JSON: 400 for bad JSON, 413 for over 1 MB, 415 for an unknown encoding', async () => {
    const chunked = (body: string, headers: Record<string, string>) =>
      raw(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers } }, body);
    const cases = [
      [await chunked('{"query": ', {}), 400, 'BAD_REQUEST'],
      [await post(base, '{"query": '), 400, 'BAD_REQUEST'],
      [await chunked(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } }), {}), 413, 'PAYLOAD_TOO_LARGE'],
      [await chunked(NAMED, { 'content-encoding': 'x-unknown' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [await chunked(NAMED, { 'content-type': 'application/json; charset=latin1' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ] as const;
    for (const [res, status, code] of cases) {
      const isFetch = res instanceof Response;
      const type = isFetch ? res.headers.get('content-type') : res.headers['content-type'];
      const text = isFetch ? await res.text() : res.body.toString();
      expect([res.status, JSON.parse(text).errors[0].extensions.code]).toEqual([status, code]);
      expect(type).toMatch(/^application\/json/);
      expect(text).not.toMatch(/<html|<pre|at .*\.js:\d+/i);
    }
  });

  test('a browser following a ?query= link gets the hub IDE, which opens with the query, and no CDN page', async () => {
    const query = '{ adminUnit(id: "prov-can-tho") { name } }';
    const res = await fetch(`${base}/graphql?${new URLSearchParams({ query })}`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('/graphql/ide/boot.js');
    expect(html).toContain('href="/explore"');
    expect(html).not.toMatch(/apollo|cdn|https?:\/\//i);
    const boot = await (await fetch(`${base}/graphql/ide/boot.js`)).text();
    expect(boot).toContain("params.get('query')");
  });

  test("the IDE page fits its Content-Security-Policy: every script and style comes from the hub, none inline", async () => {
    const res = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/src="\/graphql\/ide\/[a-z-]+\.js"/);
      expect(content.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    for (const [, href] of html.matchAll(/<link[^>]*href="([^"]+)"/g)) expect(href).toMatch(/^\/graphql\/ide\//);
  });

  test('a GraphQL answer over 1 KB is compressed when the client accepts it, on both paths', async () => {
    for (const encoding of ['gzip', 'br'] as const) {
      const lean = await raw(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(LARGE), 'accept-encoding': encoding } }, LARGE);
      expect(lean.headers['content-encoding']).toBe(encoding);
      const text = (encoding === 'gzip' ? zlib.gunzipSync(lean.body) : zlib.brotliDecompressSync(lean.body)).toString();
      expect(JSON.parse(text).data.__schema.types.length).toBeGreaterThan(10);
      const get = await raw(`${base}/graphql?${new URLSearchParams({ query: JSON.parse(LARGE).query })}`, { headers: { 'accept-encoding': encoding, ...PREFLIGHTED } });
      expect(get.headers['content-encoding']).toBe(encoding);
    }
    const small = await raw(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(NAMED), 'accept-encoding': 'gzip' } }, NAMED);
    expect(small.headers['content-encoding']).toBeUndefined();
    const plain = await raw(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(LARGE) } }, LARGE);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const asset = await raw(`${base}/graphql/ide/graphiql.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers['content-encoding']).toBe('gzip');
  });

  test('CORS allows any origin by default, on both paths, and answers preflights', async () => {
    const lean = await post(base, NAMED, { origin: 'https://dashboard.example' });
    expect(lean.headers.get('access-control-allow-origin')).toBe('*');
    expect(lean.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    const preflight = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://dashboard.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('CORS limited to configured origins', () => {
  test('a listed origin is allowed, another gets no CORS headers', async () => {
    const base = await hub({ corsOrigins: ['https://allowed.example'] });
    const allowed = await post(base, NAMED, { origin: 'https://allowed.example' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
    const other = await post(base, NAMED, { origin: 'https://other.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('fair sharing and the response cap', () => {
  let base: string;
  beforeAll(async () => {
    base = await hub({
      limits: { maxInFlight: 2, clientMaxInFlight: 1, rateLimitPerMinute: 5, maxResponseBytes: 4096 },
      // Each test request names its client, so that the clients of one test do not share budgets.
      clientKey: (req) => String(req.headers['x-client'] ?? 'anonymous'),
    });
  });

  test('a client over its in-flight cap gets 429 with Retry-After; beyond the global cap anyone gets 503', async () => {
    const first = held(base, 'a');
    await untilInFlight(base, 1);
    const second = await post(base, NAMED, { 'x-client': 'a' });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('1');
    expect(((await second.json()) as ErrorBody).errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');

    const other = held(base, 'b');
    await untilInFlight(base, 2);
    const third = await post(base, NAMED, { 'x-client': 'c' });
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('5');
    expect(((await third.json()) as ErrorBody).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');

    expect(await first.finish()).toBe(200);
    expect(await other.finish()).toBe(200);
    expect((await post(base, NAMED, { 'x-client': 'c' })).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^hub_rejections_total\{reason="client_in_flight"\} 1$/m);
    expect(metrics).toMatch(/^hub_rejections_total\{reason="in_flight"\} 1$/m);
  });

  test('the IDE page and all its assets load at once, over a client in-flight cap of one', async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html', 'x-client': 'browser' } });
    expect(page.status).toBe(200);
    const refs = [...(await page.text()).matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    const assets = await Promise.all(refs.map((ref) => fetch(`${base}${ref}`, { headers: { 'x-client': 'browser' } })));
    expect(assets.map((a) => a.status)).toEqual(refs.map(() => 200));
    const texts = await Promise.all(assets.map((a) => a.text()));
    expect(texts.every((t) => t.length > 20)).toBe(true);
  });

  test('a client over its rate gets 429 with Retry-After, while health and metrics stay open', async () => {
    for (let i = 0; i < 5; i++) expect((await post(base, NAMED, { 'x-client': 'rate' })).status).toBe(200);
    const refused = await post(base, NAMED, { 'x-client': 'rate' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as ErrorBody).errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect((await fetch(`${base}/health`, { headers: { 'x-client': 'rate' } })).status).toBe(200);
    expect((await fetch(`${base}/metrics`, { headers: { 'x-client': 'rate' } })).status).toBe(200);
    expect((await post(base, NAMED, { 'x-client': 'someone-else' })).status).toBe(200);
  });

  test('an answer over the response cap is replaced by RESPONSE_TOO_LARGE with its size and the cap, on both paths', async () => {
    const answers = [
      await post(base, LARGE, { 'x-client': 'big' }),
      await fetch(`${base}/graphql?${new URLSearchParams({ query: JSON.parse(LARGE).query })}`, { headers: { 'x-client': 'big', ...PREFLIGHTED } }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(422);
      const error = ((await res.json()) as ErrorBody).errors[0];
      expect(error.extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', max: 4096 });
      expect(error.extensions.bytes).toBeGreaterThan(4096);
      expect(error.message).toContain(`${error.extensions.bytes} bytes`);
      expect(error.message).toContain('4096');
    }
    expect((await post(base, NAMED, { 'x-client': 'big' })).status).toBe(200);
  });

  test('an export over the response cap is refused the same way', async () => {
    const query = '{ cooperationNetwork { nodes { id } } }';
    const res = await fetch(`${base}/export?${new URLSearchParams({ query, format: 'graphml' })}`, { headers: { 'x-client': 'export' } });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(((await res.json()) as ErrorBody).errors[0].extensions.code).toBe('RESPONSE_TOO_LARGE');
  });
});
