import { authenticator } from '../../../src/app/auth/authenticate';
import type { TokenVerifier } from '../../../src/app/auth/jwt';
import type { AuthConfig } from '../../../src/core/config';
import { UnauthenticatedError } from '../../../src/core/errors';

const viewer = { name: 'Nguyễn Văn A', role: 'curator' as const, subject: 'nguyen-van-a' };
const auth = (more: Partial<AuthConfig> = {}): AuthConfig => ({ jwtSecret: 'x'.repeat(32), readsRequireToken: false, ...more });

/** A verifier that accepts the token "good" and counts its calls. */
function fakeVerifier() {
  const calls: string[] = [];
  const verify: TokenVerifier = async (token) => {
    calls.push(token);
    if (token !== 'good') throw new UnauthenticatedError('bad token', true);
    return viewer;
  };
  return { calls, verify };
}

describe('who a request is, from its Authorization header', () => {
  test('a request without the header is anonymous at once: no promise, no verification', () => {
    const { calls, verify } = fakeVerifier();
    const result = authenticator(auth(), verify)(undefined);
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({ viewer: null, writesEnabled: true });
    expect(calls).toEqual([]);
  });

  test('a Bearer token (the scheme in any case) is verified and gives the viewer', async () => {
    const { calls, verify } = fakeVerifier();
    await expect(authenticator(auth(), verify)('bearer good')).resolves.toEqual({ viewer, writesEnabled: true });
    await expect(authenticator(auth(), verify)('Bearer  good ')).resolves.toEqual({ viewer, writesEnabled: true });
    expect(calls).toEqual(['good', 'good']);
  });

  test('a bad token is refused with UNAUTHENTICATED, and so is a Bearer header without a token', async () => {
    const { verify } = fakeVerifier();
    await expect(authenticator(auth(), verify)('Bearer forged')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(authenticator(auth(), verify)('Bearer')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(authenticator(auth(), verify)('Bearer a b')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  test("another scheme's credentials (a proxy's Basic) are not the hub's: the request is anonymous", () => {
    const { calls, verify } = fakeVerifier();
    expect(authenticator(auth(), verify)('Basic dXNlcjpwYXNz')).toEqual({ viewer: null, writesEnabled: true });
    expect(calls).toEqual([]);
  });

  test('with READS_REQUIRE_TOKEN, a request without a token is refused with UNAUTHENTICATED', () => {
    const { verify } = fakeVerifier();
    const authenticate = authenticator(auth({ readsRequireToken: true }), verify);
    expect(() => authenticate(undefined)).toThrow(/needs a bearer token to read/);
    expect(() => authenticate('Basic dXNlcjpwYXNz')).toThrow(UnauthenticatedError);
  });

  test('without a key every request is anonymous with writes off, whatever it sends', () => {
    const authenticate = authenticator({ readsRequireToken: false });
    expect(authenticate(undefined)).toEqual({ viewer: null, writesEnabled: false });
    expect(authenticate('Bearer anything')).toEqual({ viewer: null, writesEnabled: false });
  });
});
