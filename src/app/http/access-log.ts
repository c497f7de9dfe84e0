import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../core/logger';

const MAX_LOGGED_URL = 300;

/** What the access log says of one request beyond method, URL and status. */
export interface AccessFields {
  requestId: string;
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
 * Writes the access-log line of a finished request: `requestId`, `req` (method and URL, shortened),
 * `status`, `responseTime`, the operation name, outcome, statements and database ms from the request scope,
 * and bytes; message "request". Server-side failures log at warn, the rest at info, except `quiet` ones
 * (health probes and metric scrapes, every few seconds; IDE assets) at debug.
 *
 * A direct pino line rather than pino-http's middleware: pino-http makes two child loggers per request to
 * write one line, which measured several times the cost of the line itself on the lean GraphQL path.
 */
export function writeAccessLine(log: Logger, req: IncomingMessage, res: ServerResponse, fields: AccessFields, quiet = false): void {
  const level = res.statusCode >= 500 ? 'warn' : quiet ? 'debug' : 'info';
  if (!log.isLevelEnabled(level)) return;
  const url = req.url && req.url.length > MAX_LOGGED_URL ? `${req.url.slice(0, MAX_LOGGED_URL)}…` : req.url;
  log[level]({ ...fields, req: { method: req.method, url }, status: res.statusCode }, 'request');
}
