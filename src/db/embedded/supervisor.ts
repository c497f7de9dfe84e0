import type { Logger } from '../../core/logger';
import type { EmbeddedNeo4j, JvmExit } from './launcher';

export interface SupervisorOptions {
  log: Logger;
  /** Starts a new JVM on the same store and port as the first one. */
  restart: () => Promise<EmbeddedNeo4j>;
  /**
   * Called once when the JVM keeps dying or cannot be started again (`maxFailures` within `windowMs`); the
   * fatal message has been logged, and the caller is expected to end the process with a non-zero code.
   */
  onGiveUp: (message: string) => void;
  /** Folder of the JVM's output and Neo4j's logs, named in the fatal message. */
  logsDir: string;
  /** Deaths and failed restarts within `windowMs` that make it give up (default 5). */
  maxFailures?: number;
  /** Default 5 minutes. */
  windowMs?: number;
  /** Wait before the first restart; doubled after every further failure in the window (default 1 s). */
  baseDelayMs?: number;
}

/**
 * A supervised embedded database: `pid` and `credentials` follow the JVM serving it now; `exited` resolves
 * once it was stopped or given up.
 */
export interface SupervisedNeo4j extends EmbeddedNeo4j {
  /** How many times the JVM was started again after it died. */
  readonly restarts: number;
}

/**
 * Watches the JVM of `first` and, when it exits without `stop()` asking, logs the exit code or signal and
 * starts a new one (same store, same port, so the URI and every driver pointing at it stay valid) after
 * 1 s, 2 s, 4 s ... of backoff. After `maxFailures` deaths or failed restarts within `windowMs` it logs a
 * fatal message and calls `onGiveUp`. `stop()` cancels a pending restart and stops the current JVM.
 */
export function superviseEmbedded(first: EmbeddedNeo4j, opts: SupervisorOptions): SupervisedNeo4j {
  const maxFailures = opts.maxFailures ?? 5;
  const windowMs = opts.windowMs ?? 5 * 60_000;
  const baseDelayMs = opts.baseDelayMs ?? 1_000;
  const { log } = opts;
  let current = first;
  let restarts = 0;
  let stopping = false;
  let gaveUp = false;
  let recovering: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const failures: number[] = [];

  /** Records a failure; true when that makes too many within the window. */
  const tooMany = (): boolean => {
    const now = Date.now();
    failures.push(now);
    while (failures.length && failures[0] < now - windowMs) failures.shift();
    return failures.length >= maxFailures;
  };

  const giveUp = (cause: string) => {
    gaveUp = true;
    const message =
      `The embedded Neo4j failed ${failures.length} times within ${Math.round(windowMs / 1000)} s (last: ${cause}); giving up. ` +
      `Its output and Neo4j's own logs are in ${opts.logsDir} (jvm.log, debug.log).`;
    log.fatal({ failures: failures.length, windowSeconds: windowMs / 1000, cause }, message);
    resolveStopped({ code: null, signal: null, requested: false });
    opts.onGiveUp(message);
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function recover(cause: string): Promise<void> {
    const down = Date.now();
    for (;;) {
      if (tooMany()) return giveUp(cause);
      const delayMs = baseDelayMs * 2 ** (failures.length - 1);
      log.info({ delayMs, failures: failures.length }, `Starting the embedded Neo4j again in ${delayMs / 1000} s`);
      await sleep(delayMs);
      if (stopping) return;
      try {
        const next = await opts.restart();
        if (stopping) return void (await next.stop());
        current = next;
        restarts += 1;
        watch(next);
        log.info({ uri: next.uri, pid: next.pid, downSeconds: (Date.now() - down) / 1000, restarts }, 'Embedded Neo4j restarted');
        return;
      } catch (error) {
        cause = error instanceof Error ? error.message.split('\n')[0] : String(error);
        log.error({ err: error }, 'The embedded Neo4j could not be started again');
        if (stopping) return;
      }
    }
  }

  function watch(handle: EmbeddedNeo4j): void {
    void handle.exited.then((exit: JvmExit) => {
      if (stopping || exit.requested || handle !== current || gaveUp) return;
      const cause = exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
      log.error({ pid: handle.pid, code: exit.code, signal: exit.signal }, `The embedded Neo4j stopped unexpectedly (${cause}); restarting it`);
      recovering = recover(cause).finally(() => (recovering = undefined));
    });
  }

  let resolveStopped: (exit: JvmExit) => void = () => undefined;
  const exited = new Promise<JvmExit>((resolve) => (resolveStopped = resolve));
  watch(first);
  return {
    uri: first.uri,
    get pid() {
      return current.pid;
    },
    get credentials() {
      return current.credentials;
    },
    get restarts() {
      return restarts;
    },
    exited,
    async stop() {
      stopping = true;
      wake?.();
      await recovering;
      await current.stop();
      resolveStopped({ ...(await current.exited), requested: true });
    },
  };
}
