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
