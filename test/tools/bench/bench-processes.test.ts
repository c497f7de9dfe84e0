import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startNodeProcess } from '../../../src/tools/bench/bench.processes';

function script(body: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-process-'));
  const file = path.join(dir, 'target.js');
  fs.writeFileSync(file, body);
  return file;
}

describe('startNodeProcess', () => {
  test('resolves with the URL of the ready line, even when the line arrives in pieces', async () => {
    const file = script(`
      process.stderr.write('{"msg":"starting"}\\nnoise\\n');
      process.stdout.write('TARGET READY htt');
      setTimeout(() => process.stdout.write('p://127.0.0.1:1234/graphql\\n'), 50);
      setInterval(() => process.stderr.write('{"msg":"request"}\\n'), 5);
      process.stdin.on('end', () => process.exit(0)); process.stdin.resume();
    `);
    const target = await startNodeProcess({ name: 'target', script: file, ready: /TARGET READY (\S+)/ });
    try {
      expect(target.url).toBe('http://127.0.0.1:1234/graphql');
    } finally {
      await target.stop();
    }
  });

  test('reports the CPU time its process has used', async () => {
    // Busy until the process itself has used 300 ms of CPU, then ready: /proc must show at least that, to the tick.
    const file = script(`
      while (process.cpuUsage().user < 300000) Math.sqrt(Math.random());
      process.stdout.write('SPUN http://x\\n');
      process.stdin.on('end', () => process.exit(0)); process.stdin.resume();
    `);
    const target = await startNodeProcess({ name: 'spinner', script: file, ready: /SPUN (\S+)/ });
    try {
      expect(target.cpuMicros()).toBeGreaterThanOrEqual(290_000);
    } finally {
      await target.stop();
    }
    expect(target.cpuMicros()).toBeUndefined();
  });

  test('a process that exits before it is ready is reported with its last 20 lines', async () => {
    const file = script(`
      for (let i = 1; i <= 30; i++) process.stderr.write('line ' + i + '\\n');
      process.exit(3);
    `);
    const failure = startNodeProcess({ name: 'broken', script: file, ready: /NEVER (\S+)/ });
    await expect(failure).rejects.toThrow(/broken exited with code 3 before it was ready:\nline 11\n[\s\S]*line 30$/);
    await expect(failure).rejects.not.toThrow(/line 10\n/);
  });
});
