import { summarize } from '../bench/bench.stats';
import { LoadClient, type Outcome } from './load.http';
import { accepts, alive, childrenNamed, listeningPorts, sampleRss, statusMib } from './load.proc';
import { attackKinds, budgetLadder, NORMAL_QUERIES } from './load.queries';

export interface LoadRunOptions {
  /** The hub's /graphql URL. */
  url: string;
  /** The hub's process id: memory figures, and the JVM kill and outage phases, need it. */
  hubPid?: number;
  /** Seconds of the normal-alone and the under-attack phases each. */
  seconds: number;
  /** Normal clients (each sends one request at a time). */
  clients: number;
  /** Seconds the database is stopped (SIGSTOP) in the outage phase; 0 skips it. */
  outageSeconds: number;
  /** Whether to kill the embedded JVM and time the recovery. */
  killJvm: boolean;
  /** A client gives up on a request after this many milliseconds. */
  requestTimeoutMs: number;
  /** Requests per second each normal client sends (0: each sends its next request as soon as it has an answer). */
  normalRate: number;
  /** Progress lines go here. */
  say(line: string): void;
}

export interface Row {
  figure: string;
  value: string;
}

export interface AttackRow {
  attack: string;
  sent: number;
  outcomes: string;
  p50: string;
  largest: string;
}

export interface LoadReport {
  figures: Row[];
  attacks: AttackRow[];
  notes: string[];
  /** Every JVM pid seen, so that the caller can make sure none is left stopped or running. */
  jvmPids: number[];
}

const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(1)} ms`);
const sec = (x: number | undefined) => (x === undefined ? 'n/a' : `${(x / 1000).toFixed(1)} s`);
const mib = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(0)} MiB`);
// Attack answers up to this size are parsed for their error code; larger ones are only counted.
const ATTACK_BODY_KEPT = 64 * 1024;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

function histogram(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const key = o.status ? `${o.status} ${o.code}` : o.code;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join(', ');
}

/** Normal clients asking the normal questions in turn until `until`; a wrong answer counts as a failure. */
async function normalTraffic(clients: LoadClient[], reference: Map<string, string>, until: number, timeoutMs: number, perSecond: number) {
  const latencies: number[] = [];
  const failures: Outcome[] = [];
  // A normal client asks at its own pace (a dashboard refreshing, a person clicking): one request every
  // `gapMs`, or at once when the last answer came later than that. 0: back to back.
  const gapMs = perSecond > 0 ? 1000 / perSecond : 0;
  await Promise.all(
    clients.map(async (client, c) => {
      let next = Date.now() + (gapMs * c) / clients.length;
      for (let i = c; Date.now() < until; i++) {
        if (gapMs > 0) {
          const wait = next - Date.now();
          if (wait > 0) await sleep(wait);
          next = Math.max(next + gapMs, Date.now());
          if (Date.now() >= until) break;
        }
        const q = NORMAL_QUERIES[i % NORMAL_QUERIES.length];
        const o = await client.post({ query: q.query }, timeoutMs);
        if (o.code === 'OK' && JSON.stringify(o.body) === reference.get(q.name)) latencies.push(o.ms);
        else {
          failures.push(o);
          // A refused or failed request is not retried at once: the client backs off as Retry-After asks.
          if (o.status === 429 || o.status === 503) await sleep(200);
        }
      }
    }),
  );
  return { latencies, failures };
}

/** Asks normal questions every `everyMs` until one is answered correctly; resolves to the time that took. */
async function timeToRecovery(client: LoadClient, reference: Map<string, string>, maxMs: number, timeoutMs: number, hubPid?: number) {
  const started = Date.now();
  const failures: Outcome[] = [];
  while (Date.now() - started < maxMs) {
    if (hubPid && !alive(hubPid)) return { ms: undefined, failures, hubExited: true };
    const q = NORMAL_QUERIES[failures.length % NORMAL_QUERIES.length];
    const o = await client.post({ query: q.query }, timeoutMs);
    if (o.code === 'OK' && JSON.stringify(o.body) === reference.get(q.name)) return { ms: Date.now() - started, failures, hubExited: false };
    failures.push(o);
    await sleep(250);
  }
  return { ms: undefined, failures, hubExited: false };
}

/** Waits until the hub has a JVM child again (after a restart), up to `maxMs`. */
async function jvmOf(hubPid: number, maxMs: number): Promise<number | undefined> {
  const started = Date.now();
  do {
    const [pid] = childrenNamed(hubPid, 'java');
    if (pid) return pid;
    await sleep(250);
  } while (Date.now() - started < maxMs);
  return undefined;
}

/**
 * Runs the phases against a ready hub: normal clients alone, the same under attack (with the hub's memory),
 * recovery after the attack, after a JVM kill and after a database outage. Never throws on the hub's failures:
 * they are counted and reported. Leaves no JVM stopped.
 */
export async function runLoad(opts: LoadRunOptions): Promise<LoadReport> {
  const figures: Row[] = [];
  const attacksOut: AttackRow[] = [];
  const notes: string[] = [];
  const jvmPids: number[] = [];
  // Each phase's normal clients have addresses of their own: the per-minute rate limit counts one phase's
  // requests, not the previous phase's too.
  const normalClients = (phase: number) => Array.from({ length: opts.clients }, (_, i) => new LoadClient(opts.url, `10.0.${phase}.${i + 1}`, 1));
  const normal = normalClients(0);
  const probe = new LoadClient(opts.url, '10.1.0.1', 1);
  const clientsToClose = [...normal, probe];
  try {
    const reference = new Map<string, string>();
    for (const q of NORMAL_QUERIES) {
      const o = await probe.post({ query: q.query }, opts.requestTimeoutMs);
      if (o.code !== 'OK') throw new Error(`the idle hub did not answer the normal query '${q.name}': ${o.status} ${o.code}`);
      reference.set(q.name, JSON.stringify(o.body));
    }
    opts.say(`normal clients alone, ${opts.seconds} s`);
    const alone = await normalTraffic(normal, reference, Date.now() + opts.seconds * 1000, opts.requestTimeoutMs, opts.normalRate);
    const aloneStats = summarize(alone.latencies);

    let atBudget = budgetLadder().at(-1)!;
    for (const [i, candidate] of budgetLadder().entries()) {
      // Each candidate from an address of its own: the hub charges a client for documents over the budget, so
      // one address would soon be refused at the edge and the ladder would stop at the wrong rung.
      const ladderClient = new LoadClient(opts.url, `10.2.${Math.floor(i / 250)}.${(i % 250) + 1}`, 1);
      clientsToClose.push(ladderClient);
      const o = await ladderClient.post({ query: candidate }, opts.requestTimeoutMs, ATTACK_BODY_KEPT);
      if (o.status === 200 && o.code.startsWith('OK')) {
        atBudget = candidate;
        break;
      }
    }
    const kinds = attackKinds(atBudget);
    notes.push(`The request at the cost budget: ${atBudget}`);
    opts.say(`the same under attack (${kinds.length} hostile clients), ${opts.seconds} s`);
    const rss = opts.hubPid ? sampleRss(opts.hubPid) : undefined;
    const until = Date.now() + opts.seconds * 1000;
    const attackers = kinds.map((k, i) => ({ kind: k, client: new LoadClient(opts.url, `10.66.0.${i + 1}`, k.concurrency), outcomes: [] as Outcome[] }));
    clientsToClose.push(...attackers.map((a) => a.client));
    const attackDone = Promise.all(
      attackers.flatMap((a) =>
        Array.from({ length: a.kind.concurrency }, async () => {
          while (Date.now() < until) {
            const o = await a.client.post({ query: a.kind.query }, opts.requestTimeoutMs, ATTACK_BODY_KEPT);
            a.outcomes.push(o);
            if (o.status === 0 && opts.hubPid && !alive(opts.hubPid)) return;
            if (o.status === 429 || o.status === 503) await sleep(50);
          }
        }),
      ),
    );
    const normalUnderAttack = normalClients(1);
    clientsToClose.push(...normalUnderAttack);
    const attacked = await normalTraffic(normalUnderAttack, reference, until, opts.requestTimeoutMs, opts.normalRate);
    await attackDone;
    const peakRss = rss?.stop();
    const hwm = opts.hubPid ? statusMib(opts.hubPid, 'VmHWM') : undefined;
    const attackedStats = summarize(attacked.latencies);
    for (const a of attackers) {
      attacksOut.push({
        attack: a.kind.name,
        sent: a.outcomes.length,
        outcomes: histogram(a.outcomes),
        p50: ms(summarize(a.outcomes.map((o) => o.ms))?.p50),
        largest: `${Math.max(0, ...a.outcomes.map((o) => o.bytes))} B`,
      });
    }
    figures.push(
      { figure: `normal p50 alone (${opts.clients} clients, ${opts.normalRate > 0 ? `${opts.normalRate} requests/s each` : 'back to back'})`, value: ms(aloneStats?.p50) },
      { figure: 'normal p95 alone', value: ms(aloneStats?.p95) },
      { figure: 'normal requests alone: answered correctly / failed', value: `${alone.latencies.length} / ${alone.failures.length}${alone.failures.length ? ` (${histogram(alone.failures)})` : ''}` },
      { figure: 'normal p50 under attack', value: ms(attackedStats?.p50) },
      { figure: 'normal p95 under attack', value: ms(attackedStats?.p95) },
      { figure: 'normal requests under attack: answered correctly / failed', value: `${attacked.latencies.length} / ${attacked.failures.length}${attacked.failures.length ? ` (${histogram(attacked.failures)})` : ''}` },
      { figure: 'p50 ratio under attack / alone', value: aloneStats && attackedStats ? `${(attackedStats.p50 / aloneStats.p50).toFixed(2)}x` : 'n/a' },
      { figure: 'p95 ratio under attack / alone', value: aloneStats && attackedStats ? `${(attackedStats.p95 / aloneStats.p95).toFixed(2)}x` : 'n/a' },
      { figure: 'hub peak resident memory during the attack (VmRSS sampled every 200 ms)', value: mib(peakRss) },
      { figure: 'hub peak resident memory since start (VmHWM)', value: mib(hwm) },
    );

    const afterAttack = await timeToRecovery(probe, reference, 60_000, opts.requestTimeoutMs, opts.hubPid);
    figures.push({ figure: 'first correct answer after the attack stopped', value: afterAttack.hubExited ? 'hub exited' : sec(afterAttack.ms) });
    if (!opts.hubPid || !alive(opts.hubPid)) {
      notes.push(opts.hubPid ? 'The hub exited during the attack; the recovery phases were skipped.' : 'No hub process id: memory, JVM kill and outage phases were skipped.');
      return { figures, attacks: attacksOut, notes, jvmPids };
    }

    if (opts.killJvm) {
      const jvm = await jvmOf(opts.hubPid, 1000);
      if (!jvm) notes.push('The hub has no java child (an external database?): the JVM kill phase was skipped.');
      else {
        jvmPids.push(jvm);
        opts.say(`killing the embedded JVM (pid ${jvm})`);
        // The database is back, for the hub's part of the recovery, once its Bolt port accepts connections again.
        const [boltPort] = listeningPorts(jvm);
        const killedAt = Date.now();
        process.kill(jvm, 'SIGKILL');
        let boltBackAt: number | undefined;
        let watching = boltPort !== undefined;
        const boltWatch = (async () => {
          // Until the killed process is gone its listening socket still takes connections.
          while (watching && alive(jvm)) await sleep(50);
          while (watching && !boltBackAt) {
            if (await accepts(boltPort!)) boltBackAt = Date.now();
            else await sleep(100);
          }
        })();
        const r = await timeToRecovery(probe, reference, 120_000, 5_000, opts.hubPid);
        watching = false;
        await boltWatch;
        const answeredAt = killedAt + (r.ms ?? 0);
        figures.push(
          { figure: 'JVM killed: first correct answer after', value: r.hubExited ? 'hub exited' : r.ms === undefined ? 'not within 120 s' : sec(r.ms) },
          { figure: 'JVM killed: Bolt port accepting connections again after', value: boltBackAt === undefined ? 'n/a' : sec(boltBackAt - killedAt) },
          { figure: 'JVM killed: first correct answer after the Bolt port accepted connections', value: boltBackAt === undefined || r.ms === undefined ? 'n/a' : sec(answeredAt - boltBackAt) },
          { figure: 'JVM killed: answers meanwhile', value: histogram(r.failures) || 'none failed' },
        );
      }
    }

    if (opts.outageSeconds > 0 && alive(opts.hubPid)) {
      const jvm = await jvmOf(opts.hubPid, 30_000);
      if (!jvm) notes.push('No JVM to stop: the outage phase was skipped.');
      else {
        jvmPids.push(jvm);
        opts.say(`database outage: JVM ${jvm} stopped for ${opts.outageSeconds} s`);
        process.kill(jvm, 'SIGSTOP');
        const stoppedAt = Date.now();
        let continuedAt = 0;
        const resume = () => {
          if (continuedAt) return;
          continuedAt = Date.now();
          process.kill(jvm, 'SIGCONT');
        };
        // The database comes back on time, whatever the requests in flight are doing.
        const timer = setTimeout(resume, opts.outageSeconds * 1000);
        let during: Awaited<ReturnType<typeof normalTraffic>>;
        const normalInOutage = normalClients(2);
        clientsToClose.push(...normalInOutage);
        try {
          during = await normalTraffic(normalInOutage, reference, stoppedAt + opts.outageSeconds * 1000, opts.requestTimeoutMs, opts.normalRate);
        } finally {
          clearTimeout(timer);
          resume();
        }
        const r = await timeToRecovery(probe, reference, 120_000, opts.requestTimeoutMs, opts.hubPid);
        const recoveredAfter = r.ms === undefined ? undefined : Date.now() - continuedAt;
        const failed = during.failures;
        figures.push(
          { figure: `outage (${opts.outageSeconds} s): requests failed / answered`, value: `${failed.length} / ${during.latencies.length}` },
          { figure: 'outage: how they failed', value: histogram(failed) || 'none failed' },
          { figure: 'outage: slowest failure', value: ms(Math.max(0, ...failed.map((o) => o.ms))) },
          { figure: 'outage: first correct answer after the database came back', value: r.hubExited ? 'hub exited' : recoveredAfter === undefined ? 'not within 120 s' : sec(recoveredAfter) },
        );
      }
    }
    return { figures, attacks: attacksOut, notes, jvmPids };
  } finally {
    for (const c of clientsToClose) c.close();
  }
}
