import { createLogger } from '../../../src/core/logger';
import type { Readiness } from '../../../src/app/http/health';
import { startServer, type HubServer } from '../../../src/app/server';
import { openTestDb } from '../../helpers/graph';

const db = openTestDb();
const readiness: Readiness = { schemaApplied: true, seedLoaded: true };
let server: HubServer;
let base: string;

beforeAll(async () => {
  server = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12, readiness });
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

describe('health endpoints of a running hub', () => {
  test('/livez, /health and /readyz answer 200 when the database answers and start-up is done', async () => {
    const live = await fetch(`${base}/livez`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', schema: 'ok', seed: 'ok' } });
  });

  test('/readyz answers 503 naming the step start-up has not finished, while /health still says the database is fine', async () => {
    readiness.schemaApplied = false;
    try {
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await ready.json()).toEqual({
        status: 'not ready',
        failed: ['schema'],
        checks: { database: 'ok', schema: 'not applied yet', seed: 'ok' },
      });
      expect((await fetch(`${base}/health`)).status).toBe(200);
    } finally {
      readiness.schemaApplied = true;
    }
  });
});
