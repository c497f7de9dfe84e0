import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { childEnv, projectRoot } from '../../core/config';
import { startNodeProcess, type BenchProcess } from '../bench/bench.processes';
import { alive, childrenNamed } from '../load/load.proc';
import { runLoad, type LoadReport } from '../load/load.run';

// npm run load: measures whether normal clients are served fairly while hostile ones attack, the hub's memory
// under attack, and how it recovers from a killed JVM and a database outage. A tool: the hub never imports it.
const HELP = `npm run load -- [options]
  --url URL            measure a running hub (its /graphql URL on 127.0.0.1) instead of starting one
  --hub-pid PID        with --url: the hub's process id, for memory figures and the JVM kill and outage phases
  --seconds N          seconds of the normal-alone and the under-attack phases each (default 20)
  --clients N          normal clients (default 3)
  --rate N             requests per second each normal client sends (default 4; 0: back to back, which
                       measures throughput rather than how other clients are served)
  --outage-seconds N   seconds the database is stopped with SIGSTOP (default 15; 0 skips the phase)
  --no-kill            skip killing the embedded JVM
  --hub-log FILE       write the started hub's log (JSON lines) to FILE, to see where the time went
Without --url it starts a hub on a free port of 127.0.0.1 with its own embedded store in a temporary folder
(seeded with seeds/, removed afterwards) and TRUST_PROXY=true, so that each simulated client has its own
address (X-Forwarded-For). It stops by itself within a few minutes and stops what it started.`;

const HARD_LIMIT_MS = 12 * 60_000;

function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

function print(report: LoadReport): void {
  process.stdout.write(`\n${table(['figure', 'value'], report.figures.map((r) => [r.figure, r.value]))}\n\n`);
  process.stdout.write(`${table(['attack', 'requests', 'answers (status code: count)', 'p50', 'largest body'], report.attacks.map((a) => [a.attack, String(a.sent), a.outcomes, a.p50, a.largest]))}\n`);
  for (const note of report.notes) process.stdout.write(`\n${note}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      'hub-pid': { type: 'string' },
      seconds: { type: 'string', default: '20' },
      clients: { type: 'string', default: '3' },
      rate: { type: 'string', default: '4' },
      'outage-seconds': { type: 'string', default: '15' },
      'no-kill': { type: 'boolean', default: false },
      'hub-log': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const num = (name: string, text: string, min: number, max: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
    return n;
  };
  const seconds = num('seconds', values.seconds, 1, 300);
  const clients = num('clients', values.clients, 1, 16);
  const normalRate = num('rate', values.rate, 0, 1000);
  const outageSeconds = num('outage-seconds', values['outage-seconds'], 0, 120);
  if (values.url && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(values.url)) throw new Error('--url must be a hub on 127.0.0.1');

  const say = (line: string) => process.stderr.write(`[load] ${line}\n`);
  let hub: BenchProcess | undefined;
  let dataDir: string | undefined;
  const jvms = new Set<number>();
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    // A JVM left stopped by the outage phase would never exit: wake every one we saw before stopping the hub.
    for (const pid of jvms) if (alive(pid)) process.kill(pid, 'SIGCONT');
    if (hub) {
      for (const pid of childrenNamed(hub.child.pid!, 'java')) jvms.add(pid);
      await hub.stop();
    }
    for (const pid of jvms) if (alive(pid)) process.kill(pid, 'SIGKILL');
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const watchdog = setTimeout(() => {
    say(`still running after ${HARD_LIMIT_MS / 60_000} minutes: stopping`);
    void cleanUp().finally(() => process.exit(1));
  }, HARD_LIMIT_MS);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

  try {
    let url = values.url;
    let hubPid = values['hub-pid'] ? num('hub-pid', values['hub-pid'], 1, 2 ** 31) : undefined;
    if (!url) {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-hub-load-'));
      say(`starting a hub with its own store in ${dataDir}`);
      const env = childEnv({
        HOST: '127.0.0.1',
        PORT: '0',
        NEO4J_DATA_DIR: dataDir,
        NEO4J_EMBEDDED_PORT: '0',
        TRUST_PROXY: 'true',
        LOG_LEVEL: 'info',
        SEED_ON_START: 'auto',
      });
      delete env.NEO4J_URI;
      hub = await startNodeProcess({
        name: 'hub',
        script: path.join(projectRoot, 'dist/src/tools/cli/start.js'),
        // Loaded first, as the hub's entry point should: decorated classes need the metadata polyfill before they load.
        nodeArgs: ['--require', 'reflect-metadata'],
        env,
        ready: /coop-hub is ready at (http[^"\s]+)/,
        timeoutMs: 300_000,
      });
      url = hub.url;
      hubPid = hub.child.pid;
      hub.child.on('exit', (code, signal) => say(`the hub exited (${code ?? signal})`));
      if (values['hub-log']) hub.child.stderr?.pipe(fs.createWriteStream(values['hub-log']));
      for (const pid of childrenNamed(hubPid!, 'java')) jvms.add(pid);
    }
    say(`hub at ${url}${hubPid ? ` (pid ${hubPid})` : ''}`);
    const report = await runLoad({
      url,
      hubPid,
      seconds,
      clients,
      outageSeconds: hubPid ? outageSeconds : 0,
      killJvm: Boolean(hubPid) && !values['no-kill'],
      requestTimeoutMs: 30_000,
      normalRate,
      say,
    });
    for (const pid of report.jvmPids) jvms.add(pid);
    print(report);
  } finally {
    clearTimeout(watchdog);
    await cleanUp();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`load: ${error.message}\n`);
    process.exit(1);
  },
);
