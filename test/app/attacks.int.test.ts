import { loadConfig } from '../../src/core/config';
import { createLogger } from '../../src/core/logger';
import { startServer, type HubServer } from '../../src/app/server';
import { aliasedExports, aliasedNestedLists, aliasedNetworks, doublingFragments, NESTED_LISTS } from '../helpers/attacks';
import { openTestDb } from '../helpers/graph';

const db = openTestDb();
const limits = loadConfig({}).limits;
let server: HubServer;

beforeAll(async () => {
  // Behind a trusted proxy each simulated client has its own address (X-Forwarded-For), as on a public hub.
  server = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: limits.maxQueryDepth, trustProxy: true });
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

type Body = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

let attackers = 0;

/** Posts as client `from` (a normal client unless told otherwise). */
async function post(query: string, from = '198.51.100.1'): Promise<{ status: number; body: Body; retryAfter: string | null }> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as Body, retryAfter: res.headers.get('retry-after') };
}

/** A fresh attacking client's address. */
function attacker(): string {
  attackers += 1;
  return `203.0.113.${attackers}`;
}

/** A normal client's question, asked right after each attack: the hub must still answer it. */
async function expectNormalAnswer(): Promise<void> {
  const { status, body } = await post('{ adminUnit(id: "prov-can-tho") { name current { id } } }');
  expect(status).toBe(200);
  expect(body).toEqual({ data: { adminUnit: { name: 'Cần Thơ', current: { id: 'prov-can-tho-2025' } } } });
}

describe('the attacks of the hardening issue are refused before any work, and the hub keeps answering', () => {
  test.each([
    ['the 236-byte nested-lists query', NESTED_LISTS, 'QUERY_TOO_COSTLY', /^Query cost \d+ exceeds the budget of \d+; the biggest contributor is organizations\.nodes\.agreements/],
    ['the nested-lists query under 30 aliases', aliasedNestedLists(30), 'QUERY_TOO_COSTLY', /exceeds the budget of/],
    ['the nested-lists query under 60 aliases', aliasedNestedLists(60), 'QUERY_TOO_COMPLEX', new RegExp(`more than ${limits.maxAliases} aliases`)],
    ['2,000 aliased GraphML exports of a 2,000-node network', aliasedExports(2000), 'QUERY_TOO_COMPLEX', /at most \d+ are allowed/],
    ['1,000 aliased whole-graph networks', aliasedNetworks(1000), 'QUERY_TOO_COMPLEX', /at most \d+ are allowed/],
  ])('%s: 400 %s', async (_name, query, code, message) => {
    const { status, body } = await post(query, attacker());
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions?.code).toBe(code);
    expect(body.errors![0].message).toMatch(message);
    await expectNormalAnswer();
  });

  test('a client that repeats a refused attack is refused at the edge (429 with Retry-After) while others are served', async () => {
    const from = attacker();
    expect((await post(NESTED_LISTS, from)).body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect((await post(aliasedExports(2000), from)).body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const again = await post(aliasedExports(2000), from);
    expect(again.status).toBe(429);
    expect(again.body.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(again.retryAfter)).toBeGreaterThanOrEqual(1);
    await expectNormalAnswer();
  });

  test('26 fragments each spreading the next twice are answered at once', async () => {
    const { status, body } = await post(doublingFragments(), attacker());
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: 'Query' } });
    await expectNormalAnswer();
  });

  test('as many exports as the alias limit allows are rendered and answered', async () => {
    const { status, body } = await post(aliasedExports(limits.maxAliases), attacker());
    expect(status).toBe(200);
    const network = body.data?.cooperationNetwork as Record<string, { content: string }>;
    expect(Object.keys(network)).toHaveLength(limits.maxAliases);
    expect(new Set(Object.values(network).map((e) => e.content)).size).toBe(1);
    expect(network.e0.content).toContain('<graphml');
    await expectNormalAnswer();
  });
});
