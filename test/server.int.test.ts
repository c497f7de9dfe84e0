import { createLogger } from '../src/logger';
import { startServer, type HubServer } from '../src/server';
import { openTestDb } from './helpers/graph';

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
    expect(html).toContain('GraphiQL');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBe(4);
    for (const ref of refs) {
      expect(ref).not.toMatch(/^(https?:)?\/\//);
      // Resolved against the page's own URL, as a browser does.
      const asset = await fetch(new URL(ref, `${base}/graphql`));
      expect(asset.status).toBe(200);
      const body = await asset.text();
      expect(body.length).toBeGreaterThan(1000);
    }
  });

  test('the health check reports the database', async () => {
    const res = await fetch(`${base}/health`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
