import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Logger } from '../../core/logger';

/** A log file is moved aside to `<file>.1` (replacing the previous one) once it passes this size. */
const ROTATE_BYTES = 10 * 1024 * 1024;

/**
 * Opens `file` for appending, creating its folder, after moving it to `<file>.1` when it has grown past
 * 10 MB. Returns the file descriptor; the caller closes it.
 */
export function openLogFile(file: string): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    if (fs.statSync(file).size > ROTATE_BYTES) fs.renameSync(file, `${file}.1`);
  } catch {
    // No file yet.
  }
  return fs.openSync(file, 'a', 0o600);
}

/**
 * Keeps a child's raw output out of the hub's JSON log: its stdout and stderr are appended to `file`, and at
 * debug level each line is also logged as JSON with `source` (and `stream`). The file is closed when the
 * child's streams end.
 */
export function captureOutput(child: ChildProcess, file: string, log: Logger, source: string): void {
  const out = fs.createWriteStream('', { fd: openLogFile(file) });
  out.on('error', () => undefined);
  let open = 0;
  for (const [stream, input] of [['stdout', child.stdout], ['stderr', child.stderr]] as const) {
    if (!input) continue;
    open += 1;
    input.on('data', (chunk: Buffer) => out.write(chunk));
    input.once('close', () => {
      open -= 1;
      if (open === 0) out.end();
    });
    if (log.isLevelEnabled('debug')) {
      readline.createInterface({ input }).on('line', (line) => log.debug({ source, stream }, line));
    }
  }
  if (open === 0) out.end();
}

/** The last `maxLines` lines of `file` from byte `from` on (what one run appended), for error messages. */
export function tailOf(file: string, from: number, maxLines = 20): string {
  try {
    const size = fs.statSync(file).size;
    const start = Math.max(from, size - 64 * 1024);
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(size - start);
      fs.readSync(fd, buf, 0, buf.length, start);
      return buf.toString('utf8').trim().split('\n').slice(-maxLines).join('\n');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}
