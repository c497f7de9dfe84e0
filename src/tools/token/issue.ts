import { parseArgs } from 'node:util';
import type { AuthConfig } from '../../core/config';
import { signToken } from '../../app/auth/jwt';
import { ROLES, isRole } from '../../graphql/auth';

/** What the token command prints and its exit code. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  code: number;
}

export const DEFAULT_DAYS = 30;
/** Longest life of a token: a leaked one stays good until it expires, as the hub keeps no revocation list. */
export const MAX_DAYS = 366;

export const USAGE = `Usage: npm run token -- --name "Nguyễn Văn A" --role curator|editor [--days ${DEFAULT_DAYS}] [--subject ID]

Prints a bearer token (an HS256 JWT signed with AUTH_JWT_SECRET) for a person and a role:
  --name     the person's name, as the history of their changes records it
  --role     curator (writes with evidence) or editor (also merges, retracts and reverts)
  --days     days until it expires, 1 to ${MAX_DAYS} (default ${DEFAULT_DAYS})
  --subject  who the person is (the token's sub; default: the name without diacritics, e.g. nguyen-van-a);
             give one when two people share a name
The token carries AUTH_ISSUER and AUTH_AUDIENCE when they are set. Send it as: Authorization: Bearer <token>
`;

/** A subject from a name: lower case ASCII words joined by hyphens ("Nguyễn Văn A" -> "nguyen-van-a"). */
export function subjectOf(name: string): string {
  const folded = name.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  return folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

const fail = (message: string, withUsage = false): CommandOutput => ({ stdout: '', stderr: `${message}\n${withUsage ? `\n${USAGE}` : ''}`, code: 1 });

/**
 * The token command: parses `args`, signs a token with `auth`'s secret, issued at `now`, and says what to
 * print. Refuses (exit code 1, a message naming what to fix) without AUTH_JWT_SECRET, saying so when the hub
 * takes its tokens from an identity provider instead, and on a missing or bad argument.
 */
export async function tokenCommand(args: string[], auth: AuthConfig, now: Date = new Date()): Promise<CommandOutput> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        days: { type: 'string', default: String(DEFAULT_DAYS) },
        subject: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return fail((error as Error).message, true);
  }
  if (values.help) return { stdout: USAGE, stderr: '', code: 0 };
  if (auth.jwtSecret === undefined) {
    return fail(
      auth.jwksUrl === undefined
        ? 'AUTH_JWT_SECRET is not set: set it (at least 32 bytes, e.g. openssl rand -base64 48) in the hub’s environment and here, then run this again'
        : `This hub takes its tokens from the identity provider at AUTH_JWKS_URL (${auth.jwksUrl}): ask it for one. To issue tokens here as well, set AUTH_JWT_SECRET`,
    );
  }
  const name = values.name?.trim();
  if (!name) return fail('--name is required', true);
  if (!isRole(values.role)) return fail(`--role must be ${ROLES.join(' or ')}${values.role === undefined ? '' : ` (got '${values.role}')`}`, true);
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) return fail(`--days must be a whole number from 1 to ${MAX_DAYS} (got '${values.days}')`);
  const subject = values.subject?.trim() || subjectOf(name);
  if (!subject) return fail('The name gives no subject (no letter or digit): give one with --subject', true);
  const token = await signToken(auth.jwtSecret, { name, role: values.role, subject, days, issuer: auth.issuer, audience: auth.audience }, now);
  return { stdout: `${token}\n`, stderr: '', code: 0 };
}
