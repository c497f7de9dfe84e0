import { FAMILIES } from '../../../src/tools/bench/bench.families';
import { startNeo4jGraphqlServer, type Neo4jGraphqlServer } from '../../../src/tools/bench/neo4j-graphql.server';
import { drawSamples } from '../../../src/tools/bench/bench.repository';
import { callers, compareAnswers, targetsFor } from '../../../src/tools/bench/bench.runner';
import type { BenchSample } from '../../../src/tools/bench/bench.families';
import { loadConfig } from '../../../src/core/config';
import { createLogger } from '../../../src/core/logger';
import { startServer, type HubServer } from '../../../src/app/server';
import { openTestDb } from '../../helpers/graph';

// The benchmark's ratios mean something only if the three targets give the same answers: checked here on the
// curated graph, over HTTP, for every family.
const db = openTestDb();
let hub: HubServer;
let neo: Neo4jGraphqlServer;
let samples: BenchSample[];

beforeAll(async () => {
  // As the benchmark starts the hub: one client sends every request, so per-client rate and cost limits are off.
  const limits = { rateLimitPerMinute: 0, clientCostPerSecond: 0, clientMaxInFlight: 10_000 };
  hub = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12, limits });
  const target = loadConfig().neo4j;
  if (target.mode !== 'external') throw new Error('needs the test graph');
  neo = await startNeo4jGraphqlServer({ uri: target.uri, username: target.username, password: target.password });
  samples = await drawSamples(db, 8, 3);
});

afterAll(async () => {
  await neo?.stop();
  await hub?.stop();
  hub?.httpServer.close();
  await db.close();
});

describe('benchmark families', () => {
  test('draws organisations that have partners, the same for the same seed', async () => {
    expect(samples).toHaveLength(8);
    expect(await drawSamples(db, 8, 3)).toEqual(samples);
    expect(new Set(samples.map((s) => s.org)).size).toBeGreaterThan(3);
    expect(samples.every((s) => s.org !== s.other)).toBe(true);
  });

  test('every drawn organisation has a partner under the default tie selection, so the network answers compared are not empty', async () => {
    const partners = FAMILIES.find((f) => f.name === 'partners')!.floor;
    for (const s of samples) {
      const [row] = await db.read(partners.cypher, partners.params(s));
      expect(Number(row.total)).toBeGreaterThan(0);
    }
  });

  test.each(FAMILIES.map((f) => [f.name, f] as const))('%s: the hub, the floor and @neo4j/graphql give the same answers', async (_name, family) => {
    const available = callers({ hubUrl: hub.url, neo4jGraphqlUrl: neo.url, db });
    const targets = targetsFor(family, available);
    const failures: string[] = [];
    const agreement = await compareAnswers(family, samples, targets, async (target, sample) => {
      try {
        return await available[target]!(family, sample);
      } catch (error) {
        failures.push(`${target}: ${(error as Error).message}`);
        return undefined;
      }
    });
    expect(failures).toEqual([]);
    expect(agreement.firstMismatch).toBeUndefined();
    expect(agreement.compared).toBe(samples.length);
    expect(agreement.hub).toBe(samples.length);
    if ('request' in family.neo4jGraphql) expect(agreement.neo4jGraphql).toBe(samples.length);
  });
});
