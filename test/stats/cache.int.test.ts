import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/core/config';
import { createLogger } from '../../src/core/logger';
import { aggregateCacheOf, configureAggregateCache } from '../../src/db/aggregate-cache';
import { ProvinceMode } from '../../src/stats/stats.type';
import { totals } from '../../src/stats/stats.repository';
import { importSeedBulk } from '../../src/tools/seed/seed.bulk';
import { importSeed } from '../../src/tools/seed/seed.importer';
import { generateSynth } from '../../src/tools/synth/synth.generate';
import { readSynthReference } from '../../src/tools/synth/synth.reference';
import { data, gqlClient, openTestDb } from '../helpers/graph';
import { DASHBOARD_QUERIES, TIE_AGREEMENT, addTie, removeTie } from './cache.fixtures';

jest.setTimeout(300_000);

const db = openTestDb();
const gql = gqlClient(db);
// The live computation: the same resolvers on a connection that keeps nothing.
const liveDb = openTestDb();
configureAggregateCache(liveDb, { maxBytes: 0, computeTimeoutMs: 30_000 });
const live = gqlClient(liveDb);
const log = createLogger('silent');
const seedDir = loadConfig().seedDir;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-cache-'));

afterAll(async () => {
  try {
    await importSeed(db, seedDir, log, { reset: true });
  } finally {
    await db.close();
    await liveDb.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

async function answers(client: ReturnType<typeof gqlClient>): Promise<unknown[]> {
  const out = [];
  for (const q of DASHBOARD_QUERIES) out.push(await data(client(q.query, q.variables)));
  return out;
}

/** Asks every dashboard question twice and checks that the second time every aggregate came from the cache. */
async function warmAndCheckCached(): Promise<unknown[]> {
  const first = await answers(gql);
  const cache = aggregateCacheOf(db);
  const { hits, misses } = cache;
  const second = await answers(gql);
  expect(second).toEqual(first);
  expect(cache.hits - hits).toBe(DASHBOARD_QUERIES.length);
  expect(cache.misses).toBe(misses);
  return second;
}

async function expectLive(): Promise<unknown[]> {
  const cached = await answers(gql);
  expect(cached).toEqual(await answers(live));
  return cached;
}

describe('dashboard answers stay exact after every kind of change', () => {
  test('a tie written in a transaction: cached answers before, live ones after', async () => {
    const before = await warmAndCheckCached();
    await addTie(db);
    const after = await expectLive();
    expect(after).not.toEqual(before);
    // The repository computing on its own agrees too.
    const [, totalsAnswer] = after as [unknown, { totals: { agreements: number } }];
    expect(totalsAnswer.totals.agreements).toBe((await totals(liveDb, null, ProvinceMode.CURRENT)).agreements);
  });

  test('a node deleted: cached answers before, live ones after', async () => {
    const [{ n }] = await db.read('MATCH (a:Agreement {id: $id}) RETURN count(a) AS n', { id: TIE_AGREEMENT });
    expect(n).toBe(1);
    const before = await warmAndCheckCached();
    await removeTie(db);
    const after = await expectLive();
    expect(after).not.toEqual(before);
  });

  test('an online seed import: cached answers before, live ones after', async () => {
    const dir = path.join(tmp, 'net');
    await generateSynth({ orgs: 60, links: 300, seed: 11, outDir: dir }, readSynthReference(seedDir));
    const before = await warmAndCheckCached();
    await importSeedBulk(db, [dir], log, { curatedDir: seedDir, batchSize: 500 });
    const after = await expectLive();
    expect(after).not.toEqual(before);
  });
});
