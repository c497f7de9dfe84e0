import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * What clients may do with a successful GET answer: keep it, but ask again before each use (an aggregate can
 * change with any write); the entity tag then lets an unchanged answer come back as a bodiless 304.
 */
export const GET_CACHE_CONTROL = 'no-cache';

/**
 * A strong entity tag for an answer body as sent: a hash of the uncompressed text, suffixed with the content
 * coding, since a compressed representation is a different byte sequence and strong tags name bytes.
 */
export function entityTag(text: string, encoding?: string): string {
  const hash = createHash('sha256').update(text).digest('base64url').slice(0, 32);
  return encoding ? `"${hash}-${encoding}"` : `"${hash}"`;
}

/** Whether an If-None-Match header value names `tag` (weak comparison, as RFC 9110 prescribes for it) or is `*`. */
export function ifNoneMatchHits(header: string | string[] | undefined, tag: string): boolean {
  if (header === undefined) return false;
  const wanted = tag.replace(/^W\//, '');
  return (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((part) => part.trim())
    .some((part) => part === '*' || part.replace(/^W\//, '') === wanted);
}

/** Whether an answer to `req` may be cached by clients: a GET (queries only: GraphQL refuses mutations over GET). */
export function cacheableRequest(req: IncomingMessage): boolean {
  return req.method === 'GET';
}
