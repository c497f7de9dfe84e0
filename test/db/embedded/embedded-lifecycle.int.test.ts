import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../../src/core/config';

// These tests run the hub's own `neo4j` command in a child process, so they need the compiled output.
beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: projectRoot, stdio: 'inherit' });
}, 120_000);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-lifecycle-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_EMBEDDED_PORT: '0', LOG_LEVEL: 'warn' };
  delete env.NEO4J_URI;
  return env;
}

/** Starts `node dist/src/tools/cli/neo4j.js` and resolves with the JVM's pid once Neo4j is ready. */
function startHubNeo4j(): Promise<{ child: ChildProcess; jvmPid: number }> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist/src/tools/cli/neo4j.js')], { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /NEO4J_READY \S+ (\d+)/.exec(out);
      if (m) resolve({ child, jvmPid: Number(m[1]) });
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code} before ready: ${err}`)));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return !alive(pid);
}

function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

describe('embedded Neo4j lifecycle', () => {
  test('killing the parent with SIGKILL leaves no Neo4j behind, and the next start on the same store works', async () => {
    const first = await startHubNeo4j();
    expect(alive(first.jvmPid)).toBe(true);
    expect(residentBytes(first.jvmPid)).toBeLessThan(1.5 * 1024 ** 3);
    first.child.kill('SIGKILL');
    expect(await waitUntilGone(first.jvmPid, 60_000)).toBe(true);

    const second = await startHubNeo4j();
    expect(alive(second.jvmPid)).toBe(true);
    const exit = new Promise<number | null>((r) => second.child.once('exit', (code) => r(code)));
    second.child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(await waitUntilGone(second.jvmPid, 30_000)).toBe(true);
  }, 240_000);
});
