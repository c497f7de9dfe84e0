import { spawn } from 'node:child_process';
import { awaitJvm, readyUri } from '../../../src/db/embedded/jvm-protocol';

// A stand-in JVM: a Node child that prints what the launcher would.
const child = (script: string) => spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });

describe('reading the launcher JVM', () => {
  test('a ready line gives its Bolt URI; other lines give nothing', () => {
    expect(readyUri('NEO4J_READY bolt://127.0.0.1:7687')).toBe('bolt://127.0.0.1:7687');
    expect(readyUri('INFO Started.')).toBeNull();
    expect(readyUri('say NEO4J_READY bolt://x')).toBeNull();
  });

  test('lines before the ready line reach onLine, then the wait resolves with the URI', async () => {
    const seen: string[] = [];
    const jvm = child(`console.log('STORE_IMPORTED'); console.log('NEO4J_READY bolt://127.0.0.1:1234'); setTimeout(() => {}, 200)`);
    const wait = await awaitJvm(jvm, { onLine: (l) => seen.push(l) });
    expect(wait).toEqual({ outcome: 'ready', uri: 'bolt://127.0.0.1:1234' });
    expect(seen).toEqual(['STORE_IMPORTED']);
    jvm.kill();
  });

  test('an exit before the ready line gives the exit code and the tail of both streams', async () => {
    const wait = await awaitJvm(child(`console.log('importing'); console.error('STORE_IN_USE: held'); process.exit(3)`));
    expect(wait.outcome).toBe('exited');
    if (wait.outcome !== 'exited') return;
    expect(wait.code).toBe(3);
    expect(wait.tail).toContain('importing');
    expect(wait.tail).toContain('STORE_IN_USE');
  });

  test('a JVM that never becomes ready is killed at the timeout', async () => {
    const jvm = child(`setTimeout(() => {}, 60000)`);
    const wait = await awaitJvm(jvm, { timeoutMs: 300 });
    expect(wait.outcome).toBe('timeout');
    await new Promise((r) => jvm.once('close', r));
    expect(jvm.signalCode).toBe('SIGKILL');
  });
});
