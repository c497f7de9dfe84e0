import type { AuthConfig } from '../../core/config';
import { UnauthenticatedError } from '../../core/errors';
import type { ContextAuth } from '../../graphql/context';
import { tokenVerifier, type TokenVerifier } from './jwt';

/**
 * Who a request is, from its `Authorization` header: what its GraphQL context is built with. Answers at once
 * (no promise, no work) for a request without the header on a hub whose reads are open.
 */
export type Authenticate = (authorization: string | undefined) => ContextAuth | Promise<ContextAuth>;

const BEARER = /^Bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i;

/**
 * The authenticator for `auth`. Without a key (writes off), every request is anonymous whatever it sends.
 * Otherwise a `Bearer` token is verified (a bad one gets UNAUTHENTICATED, HTTP 401), a header of another
 * scheme (a proxy's Basic credentials) is not the hub's and is ignored, and a request without a token is
 * anonymous, or refused with UNAUTHENTICATED when READS_REQUIRE_TOKEN is on.
 */
export function authenticator(auth: AuthConfig, verifier: TokenVerifier | undefined = tokenVerifier(auth)): Authenticate {
  if (!verifier) {
    const offline: ContextAuth = { viewer: null, writesEnabled: false };
    return () => offline;
  }
  const anonymous: ContextAuth = { viewer: null, writesEnabled: true };
  const noToken = (): ContextAuth => {
    if (auth.readsRequireToken) throw new UnauthenticatedError('This hub needs a bearer token to read: send Authorization: Bearer <token>');
    return anonymous;
  };
  return (authorization) => {
    if (authorization === undefined || !/^bearer(\s|$)/i.test(authorization)) return noToken();
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined) return Promise.reject(new UnauthenticatedError('The Authorization header must be "Bearer <token>"', true));
    return verifier(token).then((viewer) => ({ viewer, writesEnabled: true }));
  };
}
