import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';

/** The request id that the edge gave the request (pino-http's `req.id`). */
type WithId = IncomingMessage & { id?: string };

const MAX_LOGGED_URL = 300;

/**
 * One access-log line per request with pino-http, written when the response finishes or the client goes
 * away: `requestId`, method, URL (shortened), status, `responseTime` in ms, plus what `describe` adds (the
 * operation, outcome, statements, database ms, bytes). Server-side failures log at warn, without a stack
 * trace: the trace of an unexpected error is logged once where it happens.
 */
export function accessLog(log: Logger, describe: (req: IncomingMessage, res: ServerResponse) => Record<string, unknown>) {
  const request = (req: { method?: string; url?: string }) => ({
    method: req.method,
    url: req.url && req.url.length > MAX_LOGGED_URL ? `${req.url.slice(0, MAX_LOGGED_URL)}…` : req.url,
  });
  const fields = (req: IncomingMessage, res: ServerResponse, val: { responseTime: number }) => ({
    req: request(req),
    status: res.statusCode,
    responseTime: val.responseTime,
    ...describe(req, res),
  });
  return pinoHttp({
    logger: log,
    genReqId: (req) => (req as WithId).id ?? '',
    customAttributeKeys: { reqId: 'requestId' },
    // The request is logged once, at the end, with the fields above; not bound to a child logger up front.
    quietReqLogger: true,
    quietResLogger: true,
    // pino-http binds the request to a child logger even when quiet; the standard serializer would copy every
    // header for that on each request.
    wrapSerializers: false,
    serializers: { req: request },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'warn' : 'info'),
    customSuccessObject: (req, res, val) => fields(req, res, val),
    customErrorObject: (req, res, _error, val) => fields(req, res, val),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
  });
}
