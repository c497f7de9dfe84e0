import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded/launcher';
import { createLogger } from '../../src/core/logger';
import { Database } from '../../src/db/database';
import { startServer, type HubServer } from '../../src/app/server';
import { testNeo4jOptions } from '../helpers/embedded';

// This test kills and restarts its own throwaway Neo4j, never the shared test database.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-outage-'));
const jvmLog = createLogger('warn');
const lines: Array<Record<string, unknown>> = [];
const captured = pino(
  { level: 'info', base: undefined },
  new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  }),
);

let embedded: EmbeddedNeo4j;
let db: Database;
let server: HubServer;
let base: string;

const QUERY = '{ organization(id: "org-outage") { id name } }';
const EXPECTED = { data: { organization: { id: 'org-outage', name: 'Outage Test Institute' } } };

beforeAll(async () => {
  embedded = await startEmbeddedNeo4j(testNeo4jOptions(dataDir, jvmLog));
  db = new Database({ uri: embedded.uri, ...embedded.credentials, log: captured });
  await db.waitUntilReady();
  await db.write(
    "CREATE (:Organization {id: $id, name: $name, kind: 'RESEARCH_INSTITUTE', sources: [], provenance: []})",
    { id: 'org-outage', name: 'Outage Test Institute' },
  );
  server = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12 });
  base = server.url.replace(/\/graphql$/, '');
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await db?.close();
  await embedded?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

function post(query = QUERY) {
  return fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
}

/** The same query through Express (a GET), not the lean POST path. */
function get(query = QUERY) {
  return fetch(`${base}/graphql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
}

async function expectUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
  expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
}

const logged = (pattern: RegExp) => lines.filter((l) => pattern.test(String(l.msg)));

describe('the hub through a database outage (real Neo4j, killed and restarted)', () => {
  test('requests fail fast with SERVICE_UNAVAILABLE while the database is down, and answer correctly again once it is back', async () => {
    const before = await post();
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual(EXPECTED);
    const port = Number(new URL(embedded.uri.replace(/^bolt/, 'http')).port);

    process.kill(embedded.pid, 'SIGKILL');
    await embedded.exited;

    // The first request meets the dead server and opens the breaker; it answers 503 with Retry-After.
    await expectUnavailable(await post());
    expect(logged(/unreachable/)).toHaveLength(1);
    expect(logged(/unreachable/)[0]).toMatchObject({ level: 40, cause: expect.stringMatching(/ServiceUnavailable/) });

    // Then every request, on either path, fails at once: not one statement reaches the driver.
    const sent = db.statementCount;
    await expectUnavailable(await get());
    for (let i = 0; i < 5; i++) await expectUnavailable(await post());
    expect(db.statementCount).toBe(sent);
    expect(logged(/unreachable/)).toHaveLength(1);

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { failed: string[] }).failed).toEqual(['database']);
    expect((await fetch(`${base}/livez`)).status).toBe(200);

    // Back on the same port and store.
    embedded = await startEmbeddedNeo4j({ ...testNeo4jOptions(dataDir, jvmLog), port });
    let answer: unknown;
    for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
      const response = await post();
      if (response.status === 200) {
        answer = await response.json();
        break;
      }
      await expectUnavailable(response);
    }
    expect(answer).toEqual(EXPECTED);
    expect((await get()).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const back = logged(/reachable again/);
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ level: 30, outageMs: expect.any(Number) });
  }, 240_000);
});
