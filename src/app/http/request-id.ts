import { randomUUID } from 'node:crypto';

// Ids from proxies and tracing systems (UUIDs, hex trace ids, ULIDs) fit this; anything else could inject
// lines or markup into logs and is replaced.
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The request's id: the incoming X-Request-Id header when it is a sane token, else a new UUID. */
export function requestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
}
