import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import readline from 'node:readline';

/**
 * The words the launcher's JVM prints for the hub to read (launcher/src/EmbeddedNeo4j.java holds the same
 * three): the ready line with the Bolt URI, the store import's "new store in place", and its refusal.
 */
export const JVM_SAYS = { ready: 'NEO4J_READY', storeImported: 'STORE_IMPORTED', storeInUse: 'STORE_IN_USE' } as const;

/** The Bolt URI of a ready line (`NEO4J_READY bolt://…`), or null for any other line. */
export function readyUri(line: string): string | null {
  const match = new RegExp(`^${JVM_SAYS.ready} (\\S+)`).exec(line);
  return match ? match[1] : null;
}

/** How waiting for a launcher JVM ended. */
export type JvmWait =
  | { outcome: 'ready'; uri: string }
  | { outcome: 'exited'; code: number | null; tail: string }
  | { outcome: 'timeout'; tail: string }
  | { outcome: 'failed'; error: Error };

/**
 * Waits until `child` prints its ready line, exits, cannot be run, or `timeoutMs` passes (then it is killed).
 * Every stdout line before the ready line goes to `onLine`; `tail` keeps the last 4,000 characters of both
 * streams for the error message. Never rejects. Once ready, stdout keeps flowing so the JVM never blocks on it.
 */
export function awaitJvm(child: ChildProcessWithoutNullStreams, opts: { timeoutMs?: number; onLine?(line: string): void } = {}): Promise<JvmWait> {
  return new Promise((resolve) => {
    let tail = '';
    let settled = false;
    const keep = (text: string) => (tail = `${tail}${text}`.slice(-4000));
    const lines = readline.createInterface({ input: child.stdout });
    const finish = (result: JvmWait) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      lines.close();
      child.stdout.resume();
      resolve(result);
    };
    const timer =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill('SIGKILL');
            finish({ outcome: 'timeout', tail });
          }, opts.timeoutMs);
    lines.on('line', (line) => {
      const uri = readyUri(line);
      if (uri) return finish({ outcome: 'ready', uri });
      keep(`${line}\n`);
      opts.onLine?.(line);
    });
    child.stderr.on('data', (chunk: Buffer) => keep(chunk.toString('utf8')));
    child.once('error', (error) => finish({ outcome: 'failed', error }));
    // 'close' rather than 'exit': every line the JVM printed has been read by then.
    child.once('close', (code) => finish({ outcome: 'exited', code, tail }));
  });
}
