import type { Logger } from '../../core/logger';

const MAX_LOGGED_URL = 300;

/** The fields of one access-log line, flat (a nested object costs the logger a second serialiser per line). */
export interface AccessLine {
  requestId: string;
  method?: string;
  /** The URL as the request arrived (routers mounted on a path rewrite `req.url` on the way). */
  url?: string;
  status: number;
  /** Milliseconds from the request's arrival to the response's end. */
  responseTime: number;
  operation?: string;
  outcome: string;
  statements?: number;
  databaseMs?: number;
  /** Bytes written to the connection for this response, headers included. */
  bytes: number;
}

/**
 * Writes the access-log line of a finished request, message "request": `requestId`, `method`, `url` (cut at
 * 300 characters), `status`, `responseTime`, the operation name, outcome, statements and database ms from the
 * request scope, and bytes. Server-side failures log at warn, the rest at info, except `quiet` ones (health
 * probes and metric scrapes, every few seconds; IDE assets) at debug. `line` is logged as it is (its URL
 * shortened in place): the caller builds it for this call only.
 *
 * A direct pino line rather than pino-http's middleware: pino-http makes two child loggers per request to
 * write one line, which measured several times the cost of the line itself on the lean GraphQL path.
 */
export function writeAccessLine(log: Logger, line: AccessLine, quiet = false): void {
  const level = line.status >= 500 ? 'warn' : quiet ? 'debug' : 'info';
  if (!log.isLevelEnabled(level)) return;
  if (line.url && line.url.length > MAX_LOGGED_URL) line.url = `${line.url.slice(0, MAX_LOGGED_URL)}…`;
  log[level](line, 'request');
}
