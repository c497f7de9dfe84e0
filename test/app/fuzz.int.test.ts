import { isInputType, type GraphQLInputType } from 'graphql';
import { buildHubSchema } from '../../src/app/schema';
import { createLogger } from '../../src/core/logger';
import { startServer, type HubServer } from '../../src/app/server';
import { Prng } from '../../src/tools/synth/prng';
import { openTestDb } from '../helpers/graph';
import { hostileValues, toLiteral } from '../helpers/hostile-values';
import { argumentTargets, type ArgumentTarget } from '../helpers/schema-walk';

// A bounded, seeded fuzz pass over every argument of every field reachable from Query, through the real HTTP
// server: hostile values may be refused, never answered with a 5xx, an INTERNAL_SERVER_ERROR or internals.
const SEED = 20261203;
/** Requests in all, spread over the arguments (each gets at least MIN_PER_ARGUMENT). */
const BUDGET = 1200;
const MIN_PER_ARGUMENT = 6;
const MAX_PER_ARGUMENT = 40;
const CONCURRENCY = 4;

const db = openTestDb();
let server: HubServer;

beforeAll(async () => {
  // The pass comes from one address, faster than one client may send: fair sharing is not what it tests.
  const limits = { rateLimitPerMinute: 0, clientMaxInFlight: CONCURRENCY * 2, clientCostPerSecond: 0 };
  server = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12, limits });
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

interface Probe {
  coordinate: string;
  shown: string;
  body: { query: string; variables?: Record<string, unknown> };
  /** The strings the probe sent, which an error message may quote back without leaking anything. */
  sent: string[];
}

/** The strings inside a value, longest first. */
function stringsOf(value: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.slice(0, 20).forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return [...out].sort((a, b) => b.length - a.length);
}

/** Shortens a value for a failure report: long strings and deep structures are summarised. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 100)}... (${text.length} chars)` : text;
}

/** One request putting `value` in `target`'s argument, as a variable or, where GraphQL has one, a literal. */
function probe(target: ArgumentTarget, value: unknown, asLiteral: boolean): Probe {
  const type = target.argument.type as GraphQLInputType;
  const literal = asLiteral ? toLiteral(value, type) : undefined;
  const args = (own: string) => `(${[...target.otherArgs, `${target.argument.name}: ${own}`].join(', ')})`;
  const selection = (own: string) => target.wrap(`${target.field.name}${args(own)} ${target.subselection}`);
  const shown = `${target.coordinate} = ${show(value)} as ${literal === undefined ? 'variable' : 'literal'}`;
  const sent = stringsOf(value);
  if (literal !== undefined) return { coordinate: target.coordinate, shown, sent, body: { query: `{ ${selection(literal)} }` } };
  return {
    coordinate: target.coordinate,
    shown,
    sent,
    body: { query: `query Fuzz($v: ${String(type)}) { ${selection('$v')} }`, variables: { v: value } },
  };
}

/** Every probe of the pass, in a seeded order. */
function probes(): Probe[] {
  const prng = new Prng(SEED);
  const targets = argumentTargets(buildHubSchema()).filter((t) => isInputType(t.argument.type));
  const perArgument = Math.min(MAX_PER_ARGUMENT, Math.max(MIN_PER_ARGUMENT, Math.floor(BUDGET / Math.max(1, targets.length))));
  const out: Probe[] = [];
  for (const target of targets) {
    for (const value of hostileValues(target.argument.type as GraphQLInputType, perArgument, prng)) {
      out.push(probe(target, value, prng.next() < 0.5));
    }
  }
  return out;
}

// Stack frames, driver and database errors, Cypher: none of it may reach a client.
const LEAK = /\bat [\w.<>]+ \(|\.(?:js|ts):\d+|Neo4jError|Neo\.(?:ClientError|TransientError|DatabaseError)|\bMATCH \(|\bRETURN\b.*\bAS\b/;

interface Outcome {
  status: number;
  codes: string[];
  problem?: string;
}

async function send(p: Probe): Promise<Outcome> {
  let res: Response;
  try {
    res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(p.body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    return { status: 0, codes: [], problem: `no answer: ${(error as Error).message}` };
  }
  const text = await res.text();
  let errors: Array<{ message?: string; extensions?: { code?: string; stacktrace?: unknown } }> = [];
  try {
    errors = (JSON.parse(text) as { errors?: typeof errors }).errors ?? [];
  } catch {
    // A body that is not JSON is judged by its status alone.
  }
  const codes = errors.map((e) => String(e.extensions?.code));
  const first = errors[0] ? `${errors[0].extensions?.code}: ${errors[0].message?.slice(0, 200)}` : text.slice(0, 200);
  if (res.status >= 500) return { status: res.status, codes, problem: `HTTP ${res.status} ${first}` };
  if (codes.includes('INTERNAL_SERVER_ERROR')) return { status: res.status, codes, problem: `INTERNAL_SERVER_ERROR (HTTP ${res.status})` };
  // What the client sent may be quoted back ("Actor '...' does not exist"); only the rest can leak.
  const own = (message = '') => p.sent.reduce((m, text) => (text.length > 2 ? m.split(text).join('') : m), message);
  const leak = errors.find((e) => e.extensions?.stacktrace !== undefined || LEAK.test(own(e.message)));
  if (leak) return { status: res.status, codes, problem: `internals in the answer: ${leak.message?.slice(0, 200)}` };
  return { status: res.status, codes };
}

describe('fuzzing every argument reachable from Query', () => {
  const all = probes();

  test('the walk reaches the arguments of lists, lookups and network queries', () => {
    const coordinates = new Set(all.map((p) => p.coordinate));
    for (const expected of ['Query.organizations(first:)', 'Query.ranking(offset:)', 'Query.search(text:)', 'Query.paths(from:)', 'Query.cooperationNetwork(limit:)']) {
      expect(coordinates).toContain(expected);
    }
    expect(all.length).toBeLessThanOrEqual(Math.max(BUDGET, coordinates.size * MIN_PER_ARGUMENT));
  });

  test('no hostile value gets a 5xx, an internal error or internals, and the hub still answers afterwards', async () => {
    const failures: string[] = [];
    const byCode = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < all.length) {
        const p = all[next++];
        const outcome = await send(p);
        for (const code of new Set(outcome.codes)) byCode.set(code, (byCode.get(code) ?? 0) + 1);
        if (outcome.problem) failures.push(`${p.shown}\n    -> ${outcome.problem}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures).toEqual([]);
    // The pass is not vacuous: hostile values were refused with the codes of bad input, and some were answered.
    expect(byCode.get('BAD_USER_INPUT') ?? 0).toBeGreaterThan(0);

    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ organization(id: "org-dost-ho-chi-minh") { id } }' }),
    });
    expect(await res.json()).toEqual({ data: { organization: { id: 'org-dost-ho-chi-minh' } } });
  }, 180_000);
});

