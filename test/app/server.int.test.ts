import http from 'node:http';
import { createLogger } from '../../src/core/logger';
import { startServer, type HubServer } from '../../src/app/server';
import { openTestDb } from '../helpers/graph';

const db = openTestDb();
let server: HubServer;
let base: string;

beforeAll(async () => {
  server = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12 });
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

describe('HTTP server', () => {
  test('POST /graphql answers a province query', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ adminUnit(id: "prov-can-tho") { name current { id } } }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { adminUnit: { name: 'Cần Thơ', current: { id: 'prov-can-tho-2025' } } } });
  });

  test('a browser gets the IDE, and every asset it loads is served by the hub itself', async () => {
    const res = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('GraphQL IDE');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    // Two stylesheets, four scripts and the link to the explorer.
    expect(refs.length).toBe(7);
    expect(refs).toContain('/explore');
    for (const ref of refs) {
      expect(ref).not.toMatch(/^(https?:)?\/\//);
      // Resolved against the page's own URL, as a browser does.
      const asset = await fetch(new URL(ref, `${base}/graphql`));
      expect(asset.status).toBe(200);
      const body = await asset.text();
      expect(body.length).toBeGreaterThan(40);
    }
  });

  test('a body sent in chunks, without a length, takes the Express path and gets the same answer', async () => {
    const query = JSON.stringify({ query: '{ organization(id: "org-vnu-hcm") { id name location { id } } }' });
    const plain = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(query.slice(0, 10));
      req.end(query.slice(10));
    });
    expect(chunked.status).toBe(200);
    expect(JSON.parse(chunked.body)).toEqual(await plain.json());
  });

  test('a body that is not JSON is refused with BAD_REQUEST, and one over 1 MB with 413', async () => {
    const bad = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_REQUEST');
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } });
    const tooLarge = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(tooLarge.status).toBe(413);
  });

  test('the health check reports the database', async () => {
    const res = await fetch(`${base}/health`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
