import pino from 'pino';

// Log lines are written in batches (one system call per few kilobytes rather than per line, which the access log
// made the hub's largest cost per request) and at least this often, so a person watching sees them promptly.
const FLUSH_EVERY_MS = 200;
const BATCH_BYTES = 4096;

/**
 * The hub's logger: JSON lines on stderr, so stdout stays free for command output. Lines reach stderr within
 * FLUSH_EVERY_MS; whatever is pending is written synchronously when the process exits.
 */
export function createLogger(level: string): pino.Logger {
  const destination = pino.destination({ dest: 2, sync: false, minLength: BATCH_BYTES });
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // Not ready yet or already closed: the next tick or the exit handler writes what is pending.
    }
  }, FLUSH_EVERY_MS).unref();
  return pino({ level, base: undefined }, destination);
}

export type Logger = pino.Logger;
