import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'QUERY_TOO_DEEP'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** Base of every error the hub reports on purpose; its message and code reach the client. */
export class HubError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class NotFoundError extends HubError {
  constructor(kind: string, id: string) {
    super(`${kind} '${id}' does not exist`, 'NOT_FOUND', { kind, id });
  }
}

export class BadUserInputError extends HubError {
  constructor(message: string, field?: string) {
    super(message, 'BAD_USER_INPUT', field ? { field } : {});
  }
}

export class ConflictError extends HubError {
  constructor(message: string) {
    super(message, 'CONFLICT');
  }
}

export class QueryTooDeepError extends HubError {
  constructor(depth: number, max: number) {
    super(`Query depth ${depth} exceeds the maximum of ${max}`, 'QUERY_TOO_DEEP', { depth, max });
  }
}

export class ServiceUnavailableError extends HubError {
  constructor(message = 'The graph database is not reachable; try again shortly') {
    super(message, 'SERVICE_UNAVAILABLE');
  }
}

/**
 * Formats an error for the client: the hub's own errors and the errors GraphQL itself raises for a bad
 * request (syntax, validation, variable coercion) pass as they are; anything else becomes
 * INTERNAL_SERVER_ERROR with a generic message, so no internals leak.
 */
export function formatError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const cause = original instanceof GraphQLError && original.originalError ? original.originalError : original;
  if (cause instanceof HubError) {
    return { ...formatted, message: cause.message, extensions: { ...cause.extensions } };
  }
  if (original instanceof GraphQLError && !original.originalError) {
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'BAD_USER_INPUT';
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
