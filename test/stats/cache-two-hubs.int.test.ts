import { createLogger } from '../../src/core/logger';
import { startServer, type HubServer } from '../../src/app/server';
import { configureAggregateCache } from '../../src/db/aggregate-cache';
import type { Database } from '../../src/db/database';
import { data, gqlClient, openTestDb } from '../helpers/graph';
import { DASHBOARD_QUERIES, addTie, removeTie } from './cache.fixtures';

// Two hub processes on one database: each its own connection, cache and HTTP server.
const dbA = openTestDb();
const dbB = openTestDb();
const liveDb = openTestDb();
configureAggregateCache(liveDb, { maxBytes: 0, computeTimeoutMs: 30_000 });
const live = gqlClient(liveDb);
let hubA: HubServer;
let hubB: HubServer;

beforeAll(async () => {
  const options = { log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12 };
  hubA = await startServer({ ...options, db: dbA });
  hubB = await startServer({ ...options, db: dbB });
});

afterAll(async () => {
  await removeTie(dbA).catch(() => undefined);
  await hubA.stop();
  await hubB.stop();
  await Promise.all([dbA.close(), dbB.close(), liveDb.close()]);
});

async function post(hub: HubServer, query: string): Promise<unknown> {
  const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function answersOf(hub: HubServer): Promise<unknown[]> {
  const out = [];
  for (const q of DASHBOARD_QUERIES) out.push(await post(hub, q.query));
  return out;
}

async function liveAnswers(): Promise<unknown[]> {
  const out = [];
  for (const q of DASHBOARD_QUERIES) out.push(await data(live(q.query, q.variables)));
  return out;
}

async function metric(hub: HubServer, name: string): Promise<number> {
  const text = await (await fetch(hub.url.replace(/\/graphql$/, '/metrics'))).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('two hubs on one database', () => {
  test('a change made through one hub is seen at once through the other, whose answers were cached', async () => {
    await answersOf(hubA);
    const before = await answersOf(hubB);
    const hits = await metric(hubB, 'hub_aggregate_cache_hits_total');
    expect(await answersOf(hubB)).toEqual(before);
    expect((await metric(hubB, 'hub_aggregate_cache_hits_total')) - hits).toBe(DASHBOARD_QUERIES.length);

    await addTie(dbA as Database);
    const misses = await metric(hubB, 'hub_aggregate_cache_misses_total');
    const after = await answersOf(hubB);
    expect((await metric(hubB, 'hub_aggregate_cache_misses_total')) - misses).toBe(DASHBOARD_QUERIES.length);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await liveAnswers());
    expect(await answersOf(hubA)).toEqual(after);
  });
});
