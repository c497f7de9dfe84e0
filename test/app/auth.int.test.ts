import { signToken } from '../../src/app/auth/jwt';
import { startServer, type HubServer } from '../../src/app/server';
import type { AuthConfig } from '../../src/core/config';
import { createLogger } from '../../src/core/logger';
import { openTestDb } from '../helpers/graph';

const db = openTestDb();
const servers: HubServer[] = [];
const SECRET = 'the-test-hub-secret-of-32-bytes-or-more';
const person = { name: 'Nguyễn Văn A', role: 'curator' as const, subject: 'nguyen-van-a', days: 1 };

/** Starts a hub with `auth` on a free port; returns its base URL. */
async function hub(auth?: AuthConfig): Promise<string> {
  const server = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12, auth });
  servers.push(server);
  return server.url.replace(/\/graphql$/, '');
}

afterAll(async () => {
  for (const server of servers) await server.stop();
  await db.close();
});

const VIEWER = JSON.stringify({ query: '{ viewer { name role subject } }' });
const READ = JSON.stringify({ query: '{ adminUnit(id: "prov-can-tho") { name } }' });

function post(base: string, body: string, token?: string) {
  const authorization: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  return fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization }, body });
}

describe('a hub with AUTH_JWT_SECRET, reads open', () => {
  let base: string;
  beforeAll(async () => {
    base = await hub({ jwtSecret: SECRET, readsRequireToken: false });
  });

  test('viewer is null for an anonymous request, which reads as before', async () => {
    const res = await post(base, VIEWER);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: null } });
    expect(await (await post(base, READ)).json()).toEqual({ data: { adminUnit: { name: 'Cần Thơ' } } });
  });

  test('viewer names the person and role of a valid token', async () => {
    const res = await post(base, VIEWER, await signToken(SECRET, person));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: { name: 'Nguyễn Văn A', role: 'CURATOR', subject: 'nguyen-van-a' } } });
  });

  test('the same through the Express path (a GraphQL GET)', async () => {
    const token = await signToken(SECRET, { ...person, role: 'editor' });
    const res = await fetch(`${base}/graphql?query=${encodeURIComponent('{ viewer { role } }')}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(await res.json()).toEqual({ data: { viewer: { role: 'EDITOR' } } });
  });

  test('a bad token gets 401 UNAUTHENTICATED with WWW-Authenticate, and no data', async () => {
    const forged = await signToken('another-secret-that-is-32-bytes-or-more', person);
    const expired = await signToken(SECRET, person, new Date(Date.now() - 3 * 86_400_000));
    for (const token of [forged, expired, 'garbage']) {
      const res = await post(base, READ, token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      const body = (await res.json()) as { data?: unknown; errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    }
  });
});

test('a hub without a key verifies no token: viewer is null and reads are open, whatever is sent', async () => {
  const base = await hub();
  const res = await post(base, VIEWER, 'anything');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ data: { viewer: null } });
});

describe('a hub with READS_REQUIRE_TOKEN', () => {
  let base: string;
  beforeAll(async () => {
    base = await hub({ jwtSecret: SECRET, readsRequireToken: true });
  });

  test('an anonymous read gets 401 UNAUTHENTICATED saying a token is needed', async () => {
    const res = await post(base, READ);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(/needs a bearer token to read/);
  });

  test('a read with a valid token is answered', async () => {
    const res = await post(base, READ, await signToken(SECRET, person));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { adminUnit: { name: 'Cần Thơ' } } });
  });

  test('an anonymous download from /export gets 401 before its query runs; with a token it runs', async () => {
    const url = `${base}/export?${new URLSearchParams({ query: '{ cooperationNetwork(limit: 20) { nodes { id } } }', format: 'graphml' })}`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/bearer token/) } });
    const withToken = await fetch(url, { headers: { authorization: `Bearer ${await signToken(SECRET, person)}` } });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toContain('<graphml');
  });
});
