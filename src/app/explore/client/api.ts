/**
 * The explorer's only way to the hub's data: a POST to the hub's own /graphql.
 * Contract: resolves with `data` when the response carries no errors; otherwise rejects with
 * an ApiError naming the first error's message and extensions.code (or the HTTP status).
 */
export class ApiError extends Error {
  constructor(message: string, readonly code: string | undefined, readonly status: number) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Runs one GraphQL operation against the hub and returns its `data`. */
export async function gql<T = any>(query: string, variables?: object): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables: variables ?? {} }),
  });
  let body: any;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The hub answered HTTP ${response.status} without JSON`, undefined, response.status);
  }
  if (Array.isArray(body?.errors) && body.errors.length > 0) {
    const first = body.errors[0];
    throw new ApiError(String(first?.message ?? 'GraphQL error'), first?.extensions?.code, response.status);
  }
  if (!response.ok || body?.data == null) {
    throw new ApiError(`The hub answered HTTP ${response.status}`, undefined, response.status);
  }
  return body.data as T;
}

/** The signature dashboard code receives (same as gql). */
export type Gql = typeof gql;
