import type { ServerResponse } from 'node:http';
import type { HubError } from '../../core/errors';

/** Codes of errors in the HTTP exchange itself, before any GraphQL is involved. */
export type HttpErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL_SERVER_ERROR';

/**
 * Ends `res` with a GraphQL-shaped JSON error body, `{ errors: [{ message, extensions: { code, ... } }] }`,
 * the same shape the GraphQL endpoint uses, so that clients parse one form everywhere. Does nothing when the
 * response has already started (there is no way to replace it then).
 */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Iterable<[string, string]> = [],
): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] });
  // Whatever was set for the answer this error replaces (a download's name, an encoding) no longer applies.
  for (const name of ['content-disposition', 'content-encoding', 'content-length', 'etag', 'last-modified']) res.removeHeader(name);
  for (const [name, value] of headers) res.setHeader(name, value);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** Ends `res` with one of the hub's errors: its code and extensions, its HTTP status and headers (Retry-After). */
export function sendHubError(res: ServerResponse, error: HubError): void {
  const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: Map<string, string> } };
  const { code, ...extra } = extensions as { code: string };
  sendJsonError(res, http?.status ?? 500, code, error.message, extra, http?.headers ?? []);
}
