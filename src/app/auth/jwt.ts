// jose (github.com/panva/jose): a well-kept JOSE/JWT implementation without dependencies, so the hub writes no
// cryptography or token parsing of its own. This is the only file that imports it.
import { SignJWT, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../../core/config';
import { HubError, ServiceUnavailableError, UnauthenticatedError } from '../../core/errors';
import { isRole, type Role, type Viewer } from '../../graphql/auth';

/** Checks a bearer token and says who it stands for; throws UNAUTHENTICATED when it is not valid here. */
export type TokenVerifier = (token: string) => Promise<Viewer>;

/** The only algorithm shared secrets are used with: the token command signs with it. */
const SHARED_SECRET_ALGORITHM = 'HS256';

// What an identity provider's keys may sign with. Naming them keeps a token from choosing its own check
// (an HS256 token "signed" with a provider's public key, or `none`).
const PROVIDER_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** Seconds of clock difference allowed between the hub and whoever issued a token (`exp`, `nbf`, `iat`). */
const CLOCK_TOLERANCE_SECONDS = 30;

// The provider's key set is fetched at the first token, kept for ten minutes, fetched again at most every
// 30 s when a token names a key it lacks (rotation), and a fetch that takes over 5 s fails.
const JWKS_OPTIONS = { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 };

/**
 * A verifier for the keys `auth` configures: HS256 tokens with AUTH_JWT_SECRET, the identity provider's
 * tokens with the key set at AUTH_JWKS_URL, each also checked for `exp`, and for `iss` and `aud` when
 * configured. Undefined when no key is configured (then the hub verifies no token and writes are off).
 */
export function tokenVerifier(auth: AuthConfig): TokenVerifier | undefined {
  const secret = auth.jwtSecret === undefined ? undefined : new TextEncoder().encode(auth.jwtSecret);
  const provider = auth.jwksUrl === undefined ? undefined : createRemoteJWKSet(new URL(auth.jwksUrl), JWKS_OPTIONS);
  if (!secret && !provider) return undefined;
  const algorithms = [...(secret ? [SHARED_SECRET_ALGORITHM] : []), ...(provider ? PROVIDER_ALGORITHMS : [])];
  const key: JWTVerifyGetKey = async (header, token) => {
    if (header.alg === SHARED_SECRET_ALGORITHM && secret) return secret;
    if (!provider) throw new UnauthenticatedError(`The token is signed with ${header.alg}; this hub accepts ${algorithms.join(', ')}`, true);
    try {
      return await provider(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      // The provider could not be asked: not the client's fault, and worth trying again shortly.
      throw new ServiceUnavailableError(`The identity provider's key set (AUTH_JWKS_URL) could not be fetched to check the token; try again shortly`);
    }
  };
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms,
        issuer: auth.issuer,
        audience: auth.audience,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      return viewerOf(payload);
    } catch (error) {
      throw refusal(error);
    }
  };
}

/** The viewer a verified token's claims name; its `role` must be one of the hub's roles. */
function viewerOf(payload: JWTPayload): Viewer {
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject === '') throw new UnauthenticatedError('The token has no subject (sub claim)', true);
  const role = payload.role;
  if (!isRole(role)) {
    const given = role === undefined ? 'has no role claim' : `has the role claim ${JSON.stringify(role)}`;
    throw new UnauthenticatedError(`The token ${given}; it needs "curator" or "editor"`, true);
  }
  // Access tokens of identity providers often carry no `name`; the login name or the subject stands in.
  const named = [payload.name, payload.preferred_username].find((n): n is string => typeof n === 'string' && n.trim() !== '');
  return { name: (named ?? subject).normalize('NFC'), role, subject };
}

/** The hub's error for what went wrong verifying a token: UNAUTHENTICATED, unless the hub itself could not check. */
function refusal(error: unknown): HubError {
  if (error instanceof HubError) return error;
  if (error instanceof errors.JWTExpired) return new UnauthenticatedError('The token has expired; ask for a new one', true);
  if (error instanceof errors.JWTClaimValidationFailed) return new UnauthenticatedError(`The token is not valid here: ${error.message}`, true);
  if (error instanceof errors.JWSSignatureVerificationFailed) return new UnauthenticatedError('The token’s signature does not match this hub’s key', true);
  if (error instanceof errors.JOSEAlgNotAllowed) return new UnauthenticatedError(`The token’s signing algorithm is not accepted here: ${error.message}`, true);
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new UnauthenticatedError('No single key of the identity provider matches the token', true);
  }
  if (error instanceof errors.JOSEError) return new UnauthenticatedError(`The token could not be read: ${error.message}`, true);
  return new UnauthenticatedError('The token could not be verified', true);
}

/** What a token issued by the hub's token command says. */
export interface TokenClaims {
  name: string;
  role: Role;
  /** The token's `sub`: who the person is, whatever their name. */
  subject: string;
  /** Days until it expires. */
  days: number;
  issuer?: string;
  audience?: string;
}

/** Signs an HS256 token for `claims` with `secret` (AUTH_JWT_SECRET), issued at `now`. */
export async function signToken(secret: string, claims: TokenClaims, now: Date = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const token = new SignJWT({ name: claims.name.normalize('NFC'), role: claims.role })
    .setProtectedHeader({ alg: SHARED_SECRET_ALGORITHM, typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + Math.round(claims.days * 86_400));
  if (claims.issuer !== undefined) token.setIssuer(claims.issuer);
  if (claims.audience !== undefined) token.setAudience(claims.audience);
  return token.sign(new TextEncoder().encode(secret));
}
