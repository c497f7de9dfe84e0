import type { Database } from '../../db/database';
import type { BenchSample, Family, GraphqlRequest, GraphqlSide, Json } from './bench.families';
import { postJson, REQUEST_TIMEOUT_MS } from './bench.http';
import { hasSettled, percentile, summarize, type LatencySummary } from './bench.stats';

/** The targets: `baseline` is another build of the hub (an earlier commit), asked the hub's questions. */
export type TargetName = 'hub' | 'floor' | 'neo4jGraphql' | 'baseline';
export const TARGETS: TargetName[] = ['hub', 'floor', 'neo4jGraphql', 'baseline'];

/** One empty list per target. */
function perTarget(): Record<TargetName, number[]> {
  return { hub: [], floor: [], neo4jGraphql: [], baseline: [] };
}

/** Where each target is reached: the GraphQL endpoints and the database for the floor. */
export interface Endpoints {
  hubUrl: string;
  neo4jGraphqlUrl?: string;
  /** Another build of the hub, if one is compared in the same run. */
  baselineUrl?: string;
  db: Database;
  /**
   * The CPU time each server target's own process has used so far, in µs (the floor runs in the measuring
   * process, so it has none): read around each throughput slice.
   */
  cpuMicros?: Partial<Record<TargetName, () => number | undefined>>;
}

export interface FamilyResult {
  family: Family;
  latency: Partial<Record<TargetName, LatencySummary>>;
  /** Completed requests per second with `concurrency` requests in flight. */
  throughput: Partial<Record<TargetName, number>>;
  /**
   * CPU time of the target's own process per completed request in the throughput phase, in µs: what an answer
   * costs the server itself, whatever else the machine was doing (targets with a process only).
   */
  cpuPerRequest?: Partial<Record<TargetName, number>>;
  /** CPU per request of the hub and the baseline loaded at the same time (cpuSideBySide), in µs. */
  sideBySideCpu?: Partial<Record<TargetName, number>>;
  /**
   * Samples whose answers were compared, how many of them matched the floor per GraphQL target, and how many
   * @neo4j/graphql requests failed (so had no answer to compare).
   */
  agreement: { compared: number; hub: number; neo4jGraphql?: number; neo4jGraphqlFailed?: number; baseline?: number; firstMismatch?: string };
  /** Failed requests per target (left out of the figures), and the first failure's message. */
  errors: Partial<Record<TargetName, number>>;
  firstError?: string;
}

export interface RunOptions {
  /** Latency rounds per family at most (each round asks every target once, one request at a time). */
  rounds: number;
  /** Seconds a family's latency rounds may take at most (at least `minRounds` run anyway). */
  latencySeconds: number;
  /** Seconds of untimed rounds before the latency phase: servers compile their hot code in the first thousands of requests. */
  warmupSeconds: number;
  warmupMaxSeconds: number;
  minRounds: number;
  /** Requests in flight per target in the throughput phase. */
  concurrency: number;
  /** Seconds of the throughput phase per family and target, split into interleaved slices. */
  throughputSeconds: number;
  /** Samples whose answers are compared across targets before timing. */
  checkSamples: number;
  onProgress?: (line: string) => void;
}

async function postGraphql(url: string, body: GraphqlRequest): Promise<Json> {
  const { status, payload } = await postJson(url, body, REQUEST_TIMEOUT_MS);
  const { data, errors } = payload as { data?: Json; errors?: Array<{ message: string }> };
  if (errors?.length || !data) {
    throw new Error(`${url} answered ${status}: ${errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  }
  return data;
}

/** Calls one target for one family and sample; resolves to the answer's fingerprint. */
export type Caller = (family: Family, sample: BenchSample) => Promise<string>;

export function callers(endpoints: Endpoints): Record<TargetName, Caller | undefined> {
  const graphql = (url: string, side: (f: Family) => GraphqlSide | undefined): Caller => async (family, sample) => {
    const s = side(family);
    if (!s) throw new Error(`${family.name} has no request for ${url}`);
    return s.answer(await postGraphql(url, s.request(sample)), sample);
  };
  return {
    hub: graphql(endpoints.hubUrl, (f) => f.hub),
    floor: async (family, sample) => family.floor.answer(await endpoints.db.read(family.floor.cypher, family.floor.params(sample)), sample),
    neo4jGraphql: endpoints.neo4jGraphqlUrl ? graphql(endpoints.neo4jGraphqlUrl, (f) => ('request' in f.neo4jGraphql ? f.neo4jGraphql : undefined)) : undefined,
    baseline: endpoints.baselineUrl ? graphql(endpoints.baselineUrl, (f) => f.hub) : undefined,
  };
}

/** The targets that can answer a family, in a rotation that changes every round so none always goes first. */
export function targetsFor(family: Family, available: Record<TargetName, Caller | undefined>): TargetName[] {
  return TARGETS.filter((t) => available[t] && (t !== 'neo4jGraphql' || 'request' in family.neo4jGraphql));
}

function rotate<T>(list: T[], by: number): T[] {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Warm-up is judged window by window: each window's median latency against the previous one's. */
const WARMUP_WINDOW_MS = 2000;

/**
 * Asks every target the same questions and counts the GraphQL answers whose fingerprints equal the floor's.
 * `call` returns undefined for a failed request (which is then not compared).
 */
export async function compareAnswers(
  family: Family,
  samples: BenchSample[],
  targets: TargetName[],
  call: (target: TargetName, sample: BenchSample) => Promise<string | undefined>,
): Promise<FamilyResult['agreement']> {
  const agreement: FamilyResult['agreement'] = {
    compared: 0,
    hub: 0,
    ...(targets.includes('neo4jGraphql') ? { neo4jGraphql: 0 } : {}),
    ...(targets.includes('baseline') ? { baseline: 0 } : {}),
  };
  for (const sample of samples) {
    const floor = await call('floor', sample);
    const hub = await call('hub', sample);
    if (floor === undefined || hub === undefined) continue;
    agreement.compared++;
    if (hub === floor) agreement.hub++;
    else agreement.firstMismatch ??= `hub ${hub.slice(0, 120)} vs floor ${floor.slice(0, 120)}`;
    if (targets.includes('neo4jGraphql')) {
      const neo = await call('neo4jGraphql', sample);
      if (neo === floor) agreement.neo4jGraphql!++;
      else if (neo === undefined) agreement.neo4jGraphqlFailed = (agreement.neo4jGraphqlFailed ?? 0) + 1;
      else agreement.firstMismatch ??= `@neo4j/graphql ${neo.slice(0, 120)} vs floor ${floor.slice(0, 120)}`;
    }
    if (targets.includes('baseline')) {
      const previous = await call('baseline', sample);
      if (previous === floor) agreement.baseline!++;
      else if (previous !== undefined) agreement.firstMismatch ??= `baseline hub ${previous.slice(0, 120)} vs floor ${floor.slice(0, 120)}`;
    }
  }
  return agreement;
}

/**
 * Measures every family against every target that can answer it, interleaved so that the machine's noise
 * falls on all of them alike: answers are compared first, untimed rounds warm every target up, then
 * latency is measured one request at a time
 * (each round asks every target the same thing, in a rotating order), then throughput with `concurrency`
 * requests in flight, in slices that alternate between targets.
 */
export async function runBenchmark(families: Family[], samples: BenchSample[], endpoints: Endpoints, opts: RunOptions): Promise<FamilyResult[]> {
  const available = callers(endpoints);
  const results: FamilyResult[] = [];
  for (const family of families) {
    const targets = targetsFor(family, available);
    const say = (line: string) => opts.onProgress?.(`[${family.name}] ${line}`);
    const errors: FamilyResult['errors'] = {};
    let firstError: string | undefined;
    // A failed request (a timeout, a server out of memory) is counted and left out, not fatal to the run.
    const attempt = async (target: TargetName, sample: BenchSample): Promise<string | undefined> => {
      try {
        return await available[target]!(family, sample);
      } catch (error) {
        errors[target] = (errors[target] ?? 0) + 1;
        firstError ??= `${target}: ${(error as Error).message.slice(0, 200)}`;
        return undefined;
      }
    };

    // Answers first: this also warms up every target's query plans and caches.
    const agreement = await compareAnswers(family, samples.slice(0, opts.checkSamples), targets, attempt);
    const others = [
      agreement.neo4jGraphql === undefined ? '' : `, @neo4j/graphql ${agreement.neo4jGraphql}/${agreement.compared}`,
      agreement.baseline === undefined ? '' : `, baseline hub ${agreement.baseline}/${agreement.compared}`,
    ].join('');
    say(`answers: hub ${agreement.hub}/${agreement.compared}${others} agree with the floor`);

    // A freshly started JVM and V8 keep compiling their hot paths over the first thousands of requests, so the
    // untimed rounds last at least warmupSeconds and then until no target's latency still falls.
    if (opts.warmupSeconds > 0) {
      const warmupStarted = Date.now();
      let previous: Partial<Record<TargetName, number[]>> = {};
      for (let round = 0; ; ) {
        const window = perTarget();
        const windowEnds = Date.now() + WARMUP_WINDOW_MS;
        for (; Date.now() < windowEnds; round++) {
          for (const target of rotate(targets, round)) {
            const t0 = process.hrtime.bigint();
            if ((await attempt(target, samples[round % samples.length])) !== undefined) window[target].push(ms(t0));
          }
        }
        const elapsed = Date.now() - warmupStarted;
        const settled = targets.every((t) => hasSettled(previous[t], window[t]));
        if ((settled && elapsed >= opts.warmupSeconds * 1000) || elapsed >= opts.warmupMaxSeconds * 1000) {
          say(`warm-up: ${round} rounds in ${(elapsed / 1000).toFixed(0)} s${settled ? '' : ' (latency still falling at the limit)'}`);
          break;
        }
        previous = window;
      }
    }

    const times = perTarget();
    const started = Date.now();
    let round = 0;
    for (; round < opts.rounds; round++) {
      if (round >= opts.minRounds && Date.now() - started > opts.latencySeconds * 1000) break;
      const sample = samples[round % samples.length];
      for (const target of rotate(targets, round)) {
        const t0 = process.hrtime.bigint();
        if ((await attempt(target, sample)) !== undefined) times[target].push(ms(t0));
      }
    }
    const latency: FamilyResult['latency'] = {};
    for (const t of targets) latency[t] = summarize(times[t]);
    say(`latency: ${round} rounds; p50 ${targets.map((t) => `${t} ${latency[t]?.p50.toFixed(2) ?? '–'} ms`).join(', ')}`);

    // A target whose requests already failed one at a time (out of memory, timed out) is not loaded with
    // several at once: it would only bring the database down for the others.
    const loaded = targets.filter((t) => !errors[t]);
    const throughput: FamilyResult['throughput'] = {};
    // Each slice's rate and CPU per request; the figures are their medians (see sliceMedian).
    const rates = perTarget();
    const cpuRates = perTarget();
    const slices = 3;
    const sliceMs = (opts.throughputSeconds * 1000) / slices;
    let next = 0;
    // `concurrency` requests in flight to one target until `until`; resolves to the requests it answered.
    const load = async (target: TargetName, until: number): Promise<number> => {
      let answered = 0;
      const worker = async () => {
        while (Date.now() < until) {
          if ((await attempt(target, samples[next++ % samples.length])) !== undefined) answered++;
        }
      };
      await Promise.all(Array.from({ length: opts.concurrency }, worker));
      return answered;
    };
    const warmupMs = Math.max(sliceMs, THROUGHPUT_WARMUP_MIN_MS);
    await throughputSchedule(loaded, slices, async (target, slice) => {
      if (slice === undefined) {
        await load(target, Date.now() + warmupMs);
        say(`throughput warm-up, ${target}: ${(warmupMs / 1000).toFixed(0)} s untimed`);
        return;
      }
      const t0 = process.hrtime.bigint();
      const cpu = endpoints.cpuMicros?.[target];
      const cpu0 = cpu?.();
      const sliceDone = await load(target, Date.now() + sliceMs);
      const rate = (sliceDone * 1000) / ms(t0);
      rates[target].push(rate);
      const cpu1 = cpu?.();
      const cpuPerAnswer = cpu0 !== undefined && cpu1 !== undefined && sliceDone > 0 ? (cpu1 - cpu0) / sliceDone : undefined;
      if (cpuPerAnswer !== undefined) cpuRates[target].push(cpuPerAnswer);
      // Each slice on its own, so that a person sees how far one slice is from the next on a shared machine.
      say(`slice ${slice + 1}/${slices}, ${target}: ${rate.toFixed(1)}/s${cpuPerAnswer === undefined ? '' : `, ${cpuPerAnswer.toFixed(0)} µs CPU per request`}`);
    });
    for (const t of loaded) throughput[t] = sliceMedian(rates[t]);
    const cpuPerRequest: FamilyResult['cpuPerRequest'] = {};
    for (const t of loaded) if (cpuRates[t].length === slices) cpuPerRequest[t] = sliceMedian(cpuRates[t]);
    say(`throughput at ${opts.concurrency} in flight: ${loaded.map((t) => `${t} ${throughput[t]!.toFixed(1)}/s`).join(', ')}`);
    if (firstError) say(`failed requests: ${JSON.stringify(errors)}; first: ${firstError}`);
    if (Object.keys(cpuPerRequest).length) say(`CPU per request: ${Object.entries(cpuPerRequest).map(([t, us]) => `${t} ${us.toFixed(0)} µs`).join(', ')}`);
    let sideBySideCpu: FamilyResult['sideBySideCpu'];
    if (loaded.includes('hub') && loaded.includes('baseline')) {
      const send = async (target: TargetName, k: number) => (await attempt(target, samples[k % samples.length])) !== undefined;
      sideBySideCpu = await cpuSideBySide(['hub', 'baseline'], (t) => endpoints.cpuMicros?.[t]?.(), send, opts.concurrency, sliceMs * 2);
      if (sideBySideCpu) say(`CPU per request side by side: hub ${sideBySideCpu.hub!.toFixed(0)} µs, baseline ${sideBySideCpu.baseline!.toFixed(0)} µs`);
    }
    results.push({ family, latency, throughput, cpuPerRequest, sideBySideCpu, agreement, errors, firstError });
  }
  return results;
}

/**
 * A target's figure over its throughput slices: their median (0 for none). On shared cores one slice now and
 * then meets a busy moment of the machine and runs at half its rate; the median keeps such a slice from
 * deciding a comparison, while the progress lines still show every slice.
 */
export function sliceMedian(values: number[]): number {
  return values.length === 0 ? 0 : percentile([...values].sort((a, b) => a - b), 50);
}

/** Untimed load per target before the throughput slices, at least this long (or one slice, if longer). */
const THROUGHPUT_WARMUP_MIN_MS = 5000;

/**
 * The throughput phase's order: first every target once untimed (`run(target, undefined)`), then `slices`
 * rounds in which every target has its timed slice (`run(target, slice)`), in an order that rotates each round.
 * The latency phase warms servers one request at a time; with several in flight they (and the database they
 * share) take some seconds more to settle (more connections, other code paths, a larger young heap), which
 * without the untimed round the target loaded first would pay alone, in its first slice.
 */
export async function throughputSchedule(
  targets: TargetName[],
  slices: number,
  run: (target: TargetName, slice: number | undefined) => Promise<void>,
): Promise<void> {
  for (const target of targets) await run(target, undefined);
  for (let slice = 0; slice < slices; slice++) {
    for (const target of rotate(targets, slice)) await run(target, slice);
  }
}

/**
 * Loads two targets at once for `ms`, `concurrency` requests in flight in all, each request going to the other
 * target than the one before (`send` gets the target and that target's request number and says whether it
 * was answered), and returns each one's process CPU time over that same window per answered request, in µs;
 * undefined when a process's CPU cannot be read or one answered nothing. Two builds compared this way share
 * every moment of the machine alike, which alternating slices cannot promise on two shared cores.
 */
export async function cpuSideBySide(
  pair: readonly [TargetName, TargetName],
  cpuMicros: (target: TargetName) => number | undefined,
  send: (target: TargetName, k: number) => Promise<boolean>,
  concurrency: number,
  ms: number,
): Promise<Partial<Record<TargetName, number>> | undefined> {
  const [a, b] = pair;
  const before = [cpuMicros(a), cpuMicros(b)];
  const done = [0, 0];
  let next = 0;
  const until = Date.now() + ms;
  const worker = async () => {
    while (Date.now() < until) {
      const k = next++;
      const side = k % 2;
      if (await send(pair[side], k >> 1)) done[side]++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const after = [cpuMicros(a), cpuMicros(b)];
  if (before.some((c) => c === undefined) || after.some((c) => c === undefined) || done[0] === 0 || done[1] === 0) return undefined;
  return { [a]: (after[0]! - before[0]!) / done[0], [b]: (after[1]! - before[1]!) / done[1] };
}
