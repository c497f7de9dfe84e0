import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { signToken, tokenVerifier, type TokenVerifier } from '../../../src/app/auth/jwt';
import type { AuthConfig } from '../../../src/core/config';
import { HubError } from '../../../src/core/errors';

const SECRET = 'a-shared-secret-of-at-least-32-bytes!!';
const config = (auth: Partial<AuthConfig>): AuthConfig => ({ readsRequireToken: false, ...auth });
type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
const person = { name: 'Nguyễn Văn A', role: 'curator' as const, subject: 'nguyen-van-a', days: 30 };

/** The hub error `promise` rejects with (fails when it resolves, or rejects with anything else). */
async function refusal(promise: Promise<unknown>): Promise<HubError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HubError)) throw new Error(`expected a hub error, got ${String(error)}`);
  return error;
}

const codeOf = (error: HubError) => error.extensions.code;
const statusOf = (error: HubError) => (error.extensions.http as { status: number }).status;

function verifier(auth: Partial<AuthConfig>): TokenVerifier {
  const made = tokenVerifier(config(auth));
  if (!made) throw new Error('no verifier');
  return made;
}

describe('verifying HS256 tokens with AUTH_JWT_SECRET', () => {
  const verify = verifier({ jwtSecret: SECRET });

  test('a token the token command signs names its person, role and subject', async () => {
    const token = await signToken(SECRET, person);
    await expect(verify(token)).resolves.toEqual({ name: 'Nguyễn Văn A', role: 'curator', subject: 'nguyen-van-a' });
  });

  test('an expired token is refused with UNAUTHENTICATED (401) saying it expired', async () => {
    const token = await signToken(SECRET, { ...person, days: 1 }, new Date(Date.now() - 2 * 86_400_000));
    const error = await refusal(verify(token));
    expect(codeOf(error)).toBe('UNAUTHENTICATED');
    expect(statusOf(error)).toBe(401);
    expect(error.message).toMatch(/expired/);
  });

  test('a token signed with another secret is refused', async () => {
    const token = await signToken('another-secret-that-is-also-32-bytes-long', person);
    const error = await refusal(verify(token));
    expect(codeOf(error)).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/signature/);
  });

  test('a tampered token is refused: its claims cannot be changed without the secret', async () => {
    const [header, , signature] = (await signToken(SECRET, person)).split('.');
    const claims = Buffer.from(JSON.stringify({ sub: 'x', name: 'X', role: 'editor', exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
    expect(codeOf(await refusal(verify(`${header}.${claims}.${signature}`)))).toBe('UNAUTHENTICATED');
  });

  test('a token without a role, or with a role the hub does not know, is refused naming the role claim', async () => {
    const key = new TextEncoder().encode(SECRET);
    const without = await new SignJWT({ name: 'A' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setExpirationTime('1h').sign(key);
    const admin = await new SignJWT({ name: 'A', role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setExpirationTime('1h').sign(key);
    expect((await refusal(verify(without))).message).toMatch(/no role claim/);
    expect((await refusal(verify(admin))).message).toMatch(/"admin"/);
  });

  test('a token without an expiry or a subject is refused', async () => {
    const key = new TextEncoder().encode(SECRET);
    const forever = await new SignJWT({ name: 'A', role: 'editor' }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').sign(key);
    const nobody = await new SignJWT({ name: 'A', role: 'editor' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(key);
    expect((await refusal(verify(forever))).message).toMatch(/exp/);
    expect((await refusal(verify(nobody))).message).toMatch(/sub/);
  });

  test('an unsigned token (alg none) and a malformed one are refused', async () => {
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'a', role: 'editor', exp: 9e9 })).toString('base64url')}.`;
    expect(codeOf(await refusal(verify(none)))).toBe('UNAUTHENTICATED');
    expect(codeOf(await refusal(verify('not-a-token')))).toBe('UNAUTHENTICATED');
  });

  test('without a name claim the login name, then the subject, stands for the person', async () => {
    const key = new TextEncoder().encode(SECRET);
    const login = await new SignJWT({ role: 'editor', preferred_username: 'tran.b' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u-9').setExpirationTime('1h').sign(key);
    const bare = await new SignJWT({ role: 'editor' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u-9').setExpirationTime('1h').sign(key);
    expect(await verify(login)).toEqual({ name: 'tran.b', role: 'editor', subject: 'u-9' });
    expect(await verify(bare)).toEqual({ name: 'u-9', role: 'editor', subject: 'u-9' });
  });
});

describe('issuer and audience, when configured', () => {
  const verify = verifier({ jwtSecret: SECRET, issuer: 'https://hub.example.org', audience: 'coop-hub' });

  test('a token with the configured issuer and audience passes', async () => {
    const token = await signToken(SECRET, { ...person, issuer: 'https://hub.example.org', audience: 'coop-hub' });
    await expect(verify(token)).resolves.toMatchObject({ subject: 'nguyen-van-a' });
  });

  test('a wrong or missing issuer is refused naming iss', async () => {
    for (const issuer of ['https://elsewhere.example.org', undefined]) {
      const error = await refusal(verify(await signToken(SECRET, { ...person, issuer, audience: 'coop-hub' })));
      expect(codeOf(error)).toBe('UNAUTHENTICATED');
      expect(error.message).toMatch(/iss/);
    }
  });

  test('a wrong or missing audience is refused naming aud', async () => {
    for (const audience of ['another-api', undefined]) {
      const error = await refusal(verify(await signToken(SECRET, { ...person, issuer: 'https://hub.example.org', audience })));
      expect(codeOf(error)).toBe('UNAUTHENTICATED');
      expect(error.message).toMatch(/aud/);
    }
  });
});

describe("verifying an identity provider's tokens with AUTH_JWKS_URL", () => {
  let server: http.Server;
  let jwksUrl: string;
  let fetches = 0;
  let privateKey: PrivateKey;
  let otherKey: PrivateKey;
  const keys: JWK[] = [];

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    keys.push({ ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' });
    // A provider's key set, served the way providers serve it (/.well-known/jwks.json).
    server = http.createServer((_req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const providerToken = (key: PrivateKey, claims: Record<string, unknown> = { name: 'Lê Thị C', role: 'editor' }) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'key-1' }).setSubject('auth0|42').setIssuer('https://id.example.org/').setExpirationTime('5m').sign(key);

  test("a token signed with the provider's key is verified with the key set fetched once", async () => {
    const verify = verifier({ jwksUrl, issuer: 'https://id.example.org/' });
    expect(await verify(await providerToken(privateKey))).toEqual({ name: 'Lê Thị C', role: 'editor', subject: 'auth0|42' });
    await verify(await providerToken(privateKey));
    expect(fetches).toBe(1);
  });

  test('a token signed with a key not in the set is refused', async () => {
    const verify = verifier({ jwksUrl });
    expect(codeOf(await refusal(verify(await providerToken(otherKey))))).toBe('UNAUTHENTICATED');
  });

  test('an HS256 token is refused on a hub that has only a key set, even "signed" with a public key', async () => {
    const verify = verifier({ jwksUrl });
    const forged = await new SignJWT({ role: 'editor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JSON.stringify(keys[0])));
    const error = await refusal(verify(forged));
    expect(codeOf(error)).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/algorithm/);
  });

  test('with both keys configured, the secret verifies HS256 tokens and the key set the others', async () => {
    const verify = verifier({ jwksUrl, jwtSecret: SECRET });
    await expect(verify(await signToken(SECRET, person))).resolves.toMatchObject({ subject: 'nguyen-van-a' });
    await expect(verify(await providerToken(privateKey))).resolves.toMatchObject({ subject: 'auth0|42' });
  });

  test('a key set that cannot be fetched is SERVICE_UNAVAILABLE (503), not the client’s fault', async () => {
    // A port that was free a moment ago: nothing answers there.
    const stopped = http.createServer();
    await new Promise<void>((resolve) => stopped.listen(0, '127.0.0.1', resolve));
    const port = (stopped.address() as AddressInfo).port;
    await new Promise<void>((resolve) => stopped.close(() => resolve()));
    const verify = verifier({ jwksUrl: `http://127.0.0.1:${port}/jwks.json` });
    const error = await refusal(verify(await providerToken(privateKey)));
    expect(codeOf(error)).toBe('SERVICE_UNAVAILABLE');
    expect(statusOf(error)).toBe(503);
  });
});

test('no verifier without a key: the hub then verifies no token', () => {
  expect(tokenVerifier(config({}))).toBeUndefined();
});
