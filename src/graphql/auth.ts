import { ForbiddenError, UnauthenticatedError } from '../core/errors';
import type { Context } from './context';

/** What a token may do: a curator writes with evidence; an editor also merges, retracts and reverts. */
export type Role = 'curator' | 'editor';

/** The roles, weakest first: each includes the ones before it. */
export const ROLES: readonly Role[] = ['curator', 'editor'];

/** Who sent the request, from a verified token's claims (`sub`, `name`, `role`). */
export interface Viewer {
  /** The person's name, as history records it. */
  name: string;
  role: Role;
  /** The token's `sub`: stable for one person, whatever their name. */
  subject: string;
}

/** What a hub without a key answers to any write. */
export const WRITES_OFF_MESSAGE = 'writes are off on this hub: set AUTH_JWT_SECRET or AUTH_JWKS_URL';

/** Whether `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether a viewer of role `held` may do what needs `needed` (an editor may do all a curator may). */
export function roleIncludes(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

/**
 * The request's viewer, when it may act as `role`; call it first in every resolver that writes. Throws
 * FORBIDDEN (reason WRITES_OFF) when the hub has no key to verify tokens with, UNAUTHENTICATED when the
 * request carries no token, FORBIDDEN (reason ROLE) when the viewer's role is weaker than `role`.
 */
export function requireRole(ctx: Context, role: Role): Viewer {
  if (!ctx.writesEnabled) throw new ForbiddenError(WRITES_OFF_MESSAGE, { reason: 'WRITES_OFF' });
  const viewer = ctx.viewer;
  if (!viewer) throw new UnauthenticatedError(`This needs a bearer token of role ${role} or above (Authorization: Bearer <token>)`);
  if (!roleIncludes(viewer.role, role)) {
    throw new ForbiddenError(`This needs the ${role} role; the token of ${viewer.name} has the ${viewer.role} role`, { reason: 'ROLE', required: role, role: viewer.role });
  }
  return viewer;
}
