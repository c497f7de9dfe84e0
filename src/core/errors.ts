import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COSTLY'
  | 'QUERY_TOO_COMPLEX'
  | 'DEADLINE_EXCEEDED'
  | 'RESPONSE_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** Base of every error the hub reports on purpose; its message and code reach the client. */
export class HubError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/**
 * No `kind` has the id `id`. `extensions.closest` lists the ids most likely meant (up to 3, closest first,
 * empty when none is close); the hub fills it in before answering (see `suggest`), as finding them takes the
 * database.
 */
export class NotFoundError extends HubError {
  readonly kind: string;
  readonly id: string;

  constructor(kind: string, id: string, closest: string[] = []) {
    super(notFoundMessage(kind, id, closest), 'NOT_FOUND', { kind, id, closest });
    this.kind = kind;
    this.id = id;
  }

  /** Names the ids most likely meant, in the message ("did you mean ...") and in `extensions.closest`. */
  suggest(closest: string[]): void {
    this.message = notFoundMessage(this.kind, this.id, closest);
    this.extensions.closest = [...closest];
  }
}

function notFoundMessage(kind: string, id: string, closest: string[]): string {
  const quoted = closest.map((c) => `'${c}'`);
  const options = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : quoted[0];
  return `${kind} '${id}' does not exist${options ? `; did you mean ${options}?` : ''}`;
}

export class BadUserInputError extends HubError {
  constructor(message: string, field?: string) {
    super(message, 'BAD_USER_INPUT', field ? { field } : {});
  }
}

export class ConflictError extends HubError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, 'CONFLICT', extra);
  }
}

/** Records given to a write that break the record rules (seeds/FORMAT.md): every problem, by record and field. */
export class InvalidRecordsError extends HubError {
  constructor(problems: Array<{ record: number; field?: string; message: string }>) {
    const shown = problems.slice(0, 20).map((p) => `records[${p.record}]${p.field ? `.${p.field}` : ''}: ${p.message}`);
    const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
    super(`The records have ${problems.length} problem(s); nothing was written: ${shown.join('; ')}${more}`, 'BAD_USER_INPUT', {
      problems: problems.slice(0, 100),
    });
  }
}

/**
 * The request needs a bearer token and has none, or its token is not valid here (bad signature, expired,
 * wrong issuer or audience, no role). HTTP 401 with `WWW-Authenticate: Bearer` (RFC 6750), as Apollo's
 * convention has it.
 */
export class UnauthenticatedError extends HubError {
  constructor(message: string, invalidToken = false) {
    super(message, 'UNAUTHENTICATED', {
      http: { status: 401, headers: new Map([['www-authenticate', invalidToken ? 'Bearer error="invalid_token"' : 'Bearer']]) },
    });
  }
}

/** The request is authenticated (or writes are off on this hub) but may not do what it asks (HTTP 403). */
export class ForbiddenError extends HubError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, 'FORBIDDEN', { ...extra, http: { status: 403 } });
  }
}

export class QueryTooDeepError extends HubError {
  constructor(depth: number, max: number) {
    super(`Query depth ${depth} exceeds the maximum of ${max}`, 'QUERY_TOO_DEEP', { depth, max });
  }
}

/**
 * The operation's estimated cost (the objects it may fetch) is over the budget. `biggest` names the
 * selection that contributes most, e.g. `organizations.nodes.agreements`.
 */
export class QueryTooCostlyError extends HubError {
  constructor(estimate: number, budget: number, biggest: { path: string; cost: number }) {
    super(
      `Query cost ${estimate} exceeds the budget of ${budget}; the biggest contributor is ${biggest.path} (${biggest.cost}). Ask for smaller pages (first/limit) or fewer nested lists`,
      'QUERY_TOO_COSTLY',
      // Raised before execution by a plugin, where Apollo takes the status from the error (else 500).
      { cost: estimate, budget, biggest: biggest.path, biggestCost: biggest.cost, http: { status: 400 } },
    );
  }
}

/** The document has more aliases, tokens or directives than allowed. */
export class QueryTooComplexError extends HubError {
  constructor(what: 'aliases' | 'tokens' | 'directives' | 'fragments', count: number, max: number) {
    super(`The document has ${count > max ? `more than ${max}` : count} ${what}; at most ${max} are allowed`, 'QUERY_TOO_COMPLEX', { what, max });
  }
}

/** Seconds a client is asked to wait (Retry-After) after an overload, a rate limit or an outage. */
export const RETRY_AFTER_SECONDS = 5;

/** The request ran past its deadline; what it had not done by then was abandoned. */
export class DeadlineExceededError extends HubError {
  constructor(timeoutMs: number) {
    super(`The request took longer than its deadline of ${timeoutMs} ms and was stopped; ask for less`, 'DEADLINE_EXCEEDED', {
      timeoutMs,
      http: { status: 504 },
    });
  }
}

export class ServiceUnavailableError extends HubError {
  constructor(message = 'The graph database is not reachable; try again shortly') {
    super(message, 'SERVICE_UNAVAILABLE', {
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    });
  }
}

/** The client has too many requests in flight or started too many this minute (HTTP 429 + Retry-After). */
export class TooManyRequestsError extends HubError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 'TOO_MANY_REQUESTS', {
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

/**
 * The answer is larger than the response cap; it is replaced by this error (HTTP 422: the request is well
 * formed, but asks for more than one response may carry).
 */
export class ResponseTooLargeError extends HubError {
  constructor(bytes: number, max: number) {
    super(`The response would be ${bytes} bytes, over the limit of ${max}; ask for smaller pages (first/limit) or fewer fields`, 'RESPONSE_TOO_LARGE', {
      bytes,
      max,
      http: { status: 422 },
    });
  }
}

// Codes Apollo gives to errors in the request itself (syntax, validation, variable and literal coercion).
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Formats an error for the client: the hub's own errors and the errors GraphQL itself raises for a bad
 * request (syntax, validation, variable coercion) pass as they are; anything else becomes
 * INTERNAL_SERVER_ERROR with a generic message, so no internals leak.
 */
export function formatError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const cause = original instanceof GraphQLError && original.originalError ? original.originalError : original;
  if (cause instanceof HubError) {
    // `http` (status and headers) is for the transport, which Apollo applies; it is not part of the body.
    const { http: _http, ...extensions } = cause.extensions;
    return { ...formatted, message: cause.message, extensions };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  if (original instanceof GraphQLError && !original.originalError) {
    // Without a path the error came before execution, from the request itself: graphql-js's own "Too many
    // errors processing variables" carries no code, which Apollo would report as INTERNAL_SERVER_ERROR.
    const given = formatted.extensions?.code;
    const requestLevel = !formatted.path && (given === undefined || given === 'INTERNAL_SERVER_ERROR');
    const code = requestLevel || typeof given !== 'string' ? 'BAD_USER_INPUT' : given;
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
