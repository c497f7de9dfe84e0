import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, projectRoot } from '../../../src/core/config';
import type { EmbeddedNeo4j } from '../../../src/db/embedded/launcher';
import { applyGraphSchema } from '../../../src/db/constraints';
import { createLogger } from '../../../src/core/logger';
import { Database } from '../../../src/db/database';
import { importSeed } from '../../../src/tools/seed/seed.importer';
import { generateSynth } from '../../../src/tools/synth/synth.generate';
import { readSynthReference } from '../../../src/tools/synth/synth.reference';
import { startTestNeo4j } from '../../helpers/embedded';
import { graphState, type GraphState } from '../../helpers/fingerprint';
import { readerView, type ReaderView } from '../../helpers/reader-view';

// The seed command line tool run as a child process against a throwaway Neo4j of this file (not the shared
// test database, whose JVM the tests here kill), then killed, or its database killed, partway through an
// online bulk import.

// Generous: two JVM starts and several child processes; on a busy machine each takes far longer than usual.
jest.setTimeout(600_000);

const log = createLogger('silent');
const seedDir = loadConfig().seedDir;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-crash-'));
const dataDir = path.join(tmp, 'store');
const synthDir = path.join(tmp, 'net');
let embedded: EmbeddedNeo4j;
let db: Database;
let before: GraphState;
let beforeView: ReaderView;

function connect(server: EmbeddedNeo4j): Database {
  return new Database({ uri: server.uri, username: server.credentials.username, password: server.credentials.password });
}

interface Run {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed) and what the tool wrote on stderr. */
  done: Promise<{ code: number | null; stderr: string }>;
}

/** Starts `npm run seed -- ARGS` against the throwaway database, from the sources. */
function seed(args: string[]): Run {
  const env = {
    ...process.env,
    NEO4J_URI: embedded.uri,
    NEO4J_USERNAME: embedded.credentials.username,
    NEO4J_PASSWORD: embedded.credentials.password,
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, ['-r', path.join(projectRoot, 'test', 'helpers', 'ts-register.js'), path.join(projectRoot, 'src', 'tools', 'cli', 'seed.ts'), ...args], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  return { child, done };
}

/** Polls until `check` holds, or fails once `run` has ended first. */
async function waitFor(what: string, check: () => Promise<boolean>, run: Run): Promise<void> {
  let ended: { code: number | null; stderr: string } | undefined;
  void run.done.then((r) => (ended = r));
  for (;;) {
    if (await check()) return;
    if (ended) throw new Error(`the import ended (exit ${ended.code}) before ${what}:\n${ended.stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Whether the run has staged relationships: its last staging phase has begun, after every node. */
async function relationshipsStaged(): Promise<boolean> {
  const [row] = await db.read('MATCH ()-[r:STAGED_LOCATED_IN]->() RETURN count(r) AS n');
  return Number(row.n) > 0;
}

const BULK = ['--bulk', synthDir, '--online', '--batch', '40', '--writers', '1'];

beforeAll(async () => {
  embedded = await startTestNeo4j(dataDir, log);
  db = connect(embedded);
  await db.waitUntilReady();
  await applyGraphSchema(db);
  await importSeed(db, seedDir, log, { reset: true });
  await generateSynth({ orgs: 300, links: 2500, seed: 11, outDir: synthDir }, readSynthReference(seedDir));
  before = await graphState(db);
  beforeView = await readerView(db);
}, 600_000);

afterAll(async () => {
  await db?.close();
  await embedded?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('seed import safety', () => {
  test('a folder without records is refused, naming it, and the graph is not changed', async () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    fs.writeFileSync(path.join(empty, 'comments-only.jsonl'), '// nothing here\n\n');
    const reset = await seed(['--reset', '--dir', empty]).done;
    expect(reset.code).toBe(1);
    expect(reset.stderr).toContain(`No seed records in ${empty}`);
    const bulk = await seed(['--bulk', empty, '--online']).done;
    expect(bulk.code).toBe(1);
    expect(bulk.stderr).toContain(`No seed records in ${empty}`);
    expect(await graphState(db)).toEqual(before);
  });

  test('an import killed midway shows readers nothing of it, and after recovery the graph is as before', async () => {
    const run = seed(BULK);
    await waitFor('staging relationships', relationshipsStaged, run);
    // A reader while the import runs, with batches of it committed.
    expect(await readerView(db)).toEqual(beforeView);
    run.child.kill('SIGKILL');
    await run.done;
    expect(await readerView(db)).toEqual(beforeView);
    expect(await graphState(db)).not.toEqual(before);

    // Its heartbeat is recent: another import refuses to start rather than remove a run that may be alive.
    const next = await seed(BULK).done;
    expect(next.code).toBe(1);
    expect(next.stderr).toContain('another import is running');
    expect(await readerView(db)).toEqual(beforeView);

    const recover = await seed(['--recover']).done;
    expect(recover.code).toBe(0);
    expect(await graphState(db)).toEqual(before);
  });

  test('an import whose database is killed midway shows readers nothing of it once the database is back, and recovers', async () => {
    const run = seed(BULK);
    await waitFor('staging relationships', relationshipsStaged, run);
    process.kill(embedded.pid, 'SIGKILL');
    await embedded.exited;
    // The tool would retry for 30 s and then fail; it is ended here as a crash would end it.
    run.child.kill('SIGKILL');
    await run.done;
    await db.close();

    embedded = await startTestNeo4j(dataDir, log);
    db = connect(embedded);
    await db.waitUntilReady();
    expect(await readerView(db)).toEqual(beforeView);

    const recover = await seed(['--recover']).done;
    expect(recover.code).toBe(0);
    expect(await graphState(db)).toEqual(before);
  });

  test('a complete import appears to readers all at once, and what a killed run left is gone', async () => {
    const killed = seed(BULK);
    await waitFor('staging relationships', relationshipsStaged, killed);
    killed.child.kill('SIGKILL');
    await killed.done;
    await seed(['--recover']).done;

    const views: ReaderView[] = [];
    const run = seed(BULK);
    let ended = false;
    void run.done.then(() => (ended = true));
    while (!ended) {
      views.push(await readerView(db));
      await new Promise((r) => setTimeout(r, 100));
    }
    const { code, stderr } = await run.done;
    if (code !== 0) throw new Error(`the import failed (exit ${code}):\n${stderr}`);
    const after = await readerView(db);
    expect(after.nodes).toBeGreaterThan(beforeView.nodes + 300);
    // Every reader saw the graph before the import or after it, nothing between.
    const seen = new Set(views.map((v) => v.digest));
    expect([...seen].every((digest) => digest === beforeView.digest || digest === after.digest)).toBe(true);
    expect(views.length).toBeGreaterThan(3);
    // No staged label, type or run node is left.
    const [left] = await db.read(
      `CALL () { MATCH (n) WHERE n:ImportStaged OR n:ImportPatch OR n:ImportRun RETURN count(n) AS nodes }
       CALL () { MATCH ()-[r]->() WHERE type(r) STARTS WITH 'STAGED_' RETURN count(r) AS rels }
       RETURN nodes, rels`,
    );
    expect(left).toEqual({ nodes: 0, rels: 0 });
  });
});
