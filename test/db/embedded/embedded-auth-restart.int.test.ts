import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import pino from 'pino';
import { loadConfig } from '../../../src/core/config';
import { jvmLogFile } from '../../../src/db/embedded/launcher';
import type { SupervisedNeo4j } from '../../../src/db/embedded/supervisor';
import { openGraph, type GraphConnection } from '../../../src/db/connect';

// A throwaway embedded Neo4j of its own (not the shared test graph): this file kills its JVM.
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-auth-restart-'));
const dataDir = path.join(home, 'data');
const base = loadConfig();
const config = loadConfig({ NEO4J_DATA_DIR: dataDir, NEO4J_EMBEDDED_PORT: '0', NEO4J_PAGECACHE_MB: '64', JAVA_CMD: base.java, MAVEN_CMD: base.maven });
const logLines: Array<Record<string, unknown>> = [];
const log = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
const gaveUp: string[] = [];
let graph: GraphConnection;

beforeAll(async () => {
  graph = await openGraph(config, log, { onEmbeddedGiveUp: (message) => void gaveUp.push(message) });
}, 240_000);

afterAll(async () => {
  await graph?.close();
  fs.rmSync(home, { recursive: true, force: true });
});

async function answers(uri: string, auth?: ReturnType<typeof neo4j.auth.basic>): Promise<string> {
  const driver = neo4j.driver(uri, auth);
  try {
    await driver.executeQuery('RETURN 1');
    return 'answered';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await driver.close();
  }
}

async function eventually<T>(attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describe('embedded Neo4j authentication', () => {
  test('refuses connections without the generated password and accepts them with it', async () => {
    const { uri, credentials } = graph.embedded!;
    expect(await answers(uri)).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await answers(uri, neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await answers(uri, neo4j.auth.basic(credentials.username, credentials.password))).toBe('answered');
  });

  test('keeps the password in an owner-only file in the data directory, and off the JVM command line', () => {
    const { credentials, pid } = graph.embedded!;
    expect(path.dirname(credentials.file)).toBe(dataDir);
    expect(fs.statSync(credentials.file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(credentials.file, 'utf8').trim()).toBe(credentials.password);
    const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    expect(commandLine).toContain(credentials.file);
    expect(commandLine).not.toContain(credentials.password);
  });

  test("writes the JVM's output to its own file, not to the hub's log", () => {
    expect(fs.existsSync(jvmLogFile(dataDir))).toBe(true);
    expect(logLines.every((line) => typeof line.msg === 'string' && typeof line.level === 'number')).toBe(true);
  });
});

describe('embedded Neo4j killed under the hub', () => {
  test('is started again on the same port, and the same Database answers correctly again', async () => {
    const embedded = graph.embedded as SupervisedNeo4j;
    const { db } = graph;
    await db.write('CREATE (:RestartProbe {id: $id})', { id: 'before-kill' });
    const killedPid = embedded.pid;
    process.kill(killedPid, 'SIGKILL');

    await eventually(async () => expect(embedded.restarts).toBe(1), 200_000);
    expect(embedded.pid).not.toBe(killedPid);
    expect(embedded.uri).toBe(graph.embedded!.uri);
    const rows = await eventually(() => db.read('MATCH (p:RestartProbe) RETURN p.id AS id'), 60_000);
    expect(rows).toEqual([{ id: 'before-kill' }]);
    expect(await answers(embedded.uri)).toBe('Neo.ClientError.Security.Unauthorized');

    const death = logLines.find((line) => line.level === 50 && line.signal === 'SIGKILL');
    expect(death?.pid).toBe(killedPid);
    expect(logLines.some((line) => line.msg === 'Embedded Neo4j restarted')).toBe(true);
    expect(gaveUp).toEqual([]);
  }, 300_000);
});
