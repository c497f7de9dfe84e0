/**
 * The explorer's only way to the hub's data: a POST to the hub's own /graphql.
 * Contract: resolves with `data` when the response carries no errors; otherwise rejects with
 * an ApiError naming the first error's message and extensions.code (or the HTTP status).
 * A 429 or 503 (the hub busy, or its database away) is retried once, after the wait its Retry-After asks for.
 */
export class ApiError extends Error {
  constructor(message: string, readonly code: string | undefined, readonly status: number) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Longest wait before the one retry: a person is looking at the page, so a longer Retry-After is not honoured. */
export const MAX_RETRY_WAIT_MS = 5_000;
/** The wait when the answer gives no usable Retry-After. */
const DEFAULT_RETRY_WAIT_MS = 1_000;

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), bounded by MAX_RETRY_WAIT_MS. */
export function retryWait(header: string | null, now = Date.now()): number {
  const text = header?.trim() ?? '';
  let ms = DEFAULT_RETRY_WAIT_MS;
  if (/^\d+(\.\d+)?$/.test(text)) ms = Number(text) * 1000;
  else if (text && !Number.isNaN(Date.parse(text))) ms = Date.parse(text) - now;
  return Math.min(MAX_RETRY_WAIT_MS, Math.max(0, ms));
}

const post = (query: string, variables?: object): Promise<Response> =>
  fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables: variables ?? {} }),
  });

/** Runs one GraphQL operation against the hub and returns its `data`. */
export async function gql<T = any>(query: string, variables?: object): Promise<T> {
  let response = await post(query, variables);
  if (response.status === 429 || response.status === 503) {
    await new Promise((resolve) => window.setTimeout(resolve, retryWait(response.headers.get('retry-after'))));
    response = await post(query, variables);
  }
  let body: any;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The hub answered HTTP ${response.status} without JSON`, statusCode(response.status), response.status);
  }
  if (Array.isArray(body?.errors) && body.errors.length > 0) {
    const first = body.errors[0];
    throw new ApiError(String(first?.message ?? 'GraphQL error'), first?.extensions?.code ?? statusCode(response.status), response.status);
  }
  if (!response.ok || body?.data == null) {
    throw new ApiError(`The hub answered HTTP ${response.status}`, statusCode(response.status), response.status);
  }
  return body.data as T;
}

// An answer without a code of its own (a proxy's page, an empty body) is still explained by its status.
function statusCode(status: number): string | undefined {
  return status === 429 ? 'TOO_MANY_REQUESTS' : status === 503 ? 'SERVICE_UNAVAILABLE' : status === 504 ? 'DEADLINE_EXCEEDED' : undefined;
}

/** The signature dashboard code receives (same as gql). */
export type Gql = typeof gql;
