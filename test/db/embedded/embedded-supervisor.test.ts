import type { EmbeddedNeo4j, JvmExit } from '../../../src/db/embedded/launcher';
import { superviseEmbedded } from '../../../src/db/embedded/supervisor';
import pino from 'pino';
import { createLogger } from '../../../src/core/logger';

/** A stand-in for a JVM handle: `die` ends it as a crash would, `stop` as the hub would. */
interface FakeJvm extends EmbeddedNeo4j {
  die(signal?: NodeJS.Signals): void;
  stopped: boolean;
}

let nextPid = 100;
function fakeJvm(uri = 'bolt://127.0.0.1:7999'): FakeJvm {
  let end: (exit: JvmExit) => void = () => undefined;
  const exited = new Promise<JvmExit>((resolve) => (end = resolve));
  const jvm: FakeJvm = {
    uri,
    pid: nextPid++,
    credentials: { username: 'neo4j', password: 'secret-password', file: '/nowhere' },
    exited,
    stopped: false,
    die: (signal = 'SIGKILL') => end({ code: null, signal, requested: false }),
    async stop() {
      jvm.stopped = true;
      end({ code: 0, signal: null, requested: true });
    },
  };
  return jvm;
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

const log = createLogger('silent');

describe('embedded Neo4j supervision', () => {
  test('a JVM that dies is started again, and the handle follows the new one', async () => {
    const first = fakeJvm();
    const second = fakeJvm();
    const restart = jest.fn(async () => second);
    const onGiveUp = jest.fn();
    const supervised = superviseEmbedded(first, { log, restart, onGiveUp, logsDir: '/logs', baseDelayMs: 1 });
    expect(supervised.pid).toBe(first.pid);
    first.die();
    await until(() => supervised.restarts === 1);
    expect(restart).toHaveBeenCalledTimes(1);
    expect(supervised.pid).toBe(second.pid);
    expect(supervised.uri).toBe(first.uri);
    expect(onGiveUp).not.toHaveBeenCalled();
    await supervised.stop();
    expect(second.stopped).toBe(true);
  });

  test('a JVM stopped on request is not started again', async () => {
    const first = fakeJvm();
    const restart = jest.fn(async () => fakeJvm());
    const supervised = superviseEmbedded(first, { log, restart, onGiveUp: jest.fn(), logsDir: '/logs', baseDelayMs: 1 });
    await supervised.stop();
    await new Promise((r) => setTimeout(r, 20));
    expect(restart).not.toHaveBeenCalled();
    expect((await supervised.exited).requested).toBe(true);
  });

  test('waits twice as long after each failure, and gives up after five within the window', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const recording = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const restart = jest.fn(async (): Promise<EmbeddedNeo4j> => {
      throw new Error('address already in use');
    });
    const onGiveUp = jest.fn();
    const first = fakeJvm();
    const supervised = superviseEmbedded(first, { log: recording, restart, onGiveUp, logsDir: '/data/logs', baseDelayMs: 1 });
    first.die('SIGKILL');
    await until(() => onGiveUp.mock.calls.length > 0);
    expect(lines.filter((l) => l.delayMs !== undefined).map((l) => l.delayMs)).toEqual([1, 2, 4, 8]);
    expect(restart).toHaveBeenCalledTimes(4);
    expect(onGiveUp).toHaveBeenCalledTimes(1);
    const [message] = onGiveUp.mock.calls[0] as [string];
    expect(message).toMatch(/failed 5 times .*address already in use.*giving up.*\/data\/logs/);
    const fatal = lines.find((l) => l.level === 60);
    expect(fatal?.msg).toBe(message);
    expect(lines.find((l) => l.level === 50 && l.signal === 'SIGKILL')).toBeDefined();
    expect((await supervised.exited).requested).toBe(false);
  });

  test('a JVM that keeps dying after each restart is given up too', async () => {
    const onGiveUp = jest.fn();
    const first = fakeJvm();
    let latest = first;
    const restart = jest.fn(async () => {
      latest = fakeJvm();
      return latest;
    });
    const supervised = superviseEmbedded(first, { log, restart, onGiveUp, logsDir: '/logs', baseDelayMs: 1 });
    for (let deaths = 1; deaths <= 5; deaths++) {
      latest.die();
      if (deaths < 5) await until(() => supervised.restarts === deaths);
    }
    await until(() => onGiveUp.mock.calls.length > 0);
    expect(restart).toHaveBeenCalledTimes(4);
  });

  test('stopping while a restart is pending cancels it', async () => {
    const first = fakeJvm();
    const restart = jest.fn(async () => fakeJvm());
    const supervised = superviseEmbedded(first, { log, restart, onGiveUp: jest.fn(), logsDir: '/logs', baseDelayMs: 60_000 });
    first.die();
    await new Promise((r) => setTimeout(r, 10));
    await supervised.stop();
    expect(restart).not.toHaveBeenCalled();
  });
});
