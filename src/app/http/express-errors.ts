import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../../core/logger';
import { sendJsonError, type HttpErrorCode } from './json-error';

/** Answers any request no route took: 404 NOT_FOUND, as JSON. */
export function notFound(req: Request, res: Response): void {
  sendJsonError(res, 404, 'NOT_FOUND', `Nothing is served at ${req.method} ${req.path}`);
}

/** Answers a method the path does not serve: 405 METHOD_NOT_ALLOWED with Allow. */
export function methodNotAllowed(allow: string) {
  return (req: Request, res: Response): void => {
    sendJsonError(res, 405, 'METHOD_NOT_ALLOWED', `${req.path} answers ${allow} only`, {}, [['allow', allow]]);
  };
}

const CODES: Record<number, HttpErrorCode> = { 400: 'BAD_REQUEST', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };

/**
 * Replaces Express's default error handler, which answers in HTML and logs a stack trace for every refused
 * body: errors meant for the client (the body parser's 400, 413, 415) are answered as JSON with a code and not
 * logged (the access log has the line); anything else is logged once and answered INTERNAL_SERVER_ERROR.
 */
export function errorHandler(log: Logger) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const http = error as { status?: number; statusCode?: number; expose?: boolean; message?: string; type?: string };
    const status = http.status ?? http.statusCode;
    if (status && status >= 400 && status < 500 && http.expose !== false) {
      const message = http.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : (http.message ?? 'Bad request');
      return sendJsonError(res, status, CODES[status] ?? 'BAD_REQUEST', message);
    }
    log.error({ err: error }, 'Unexpected error in an HTTP handler');
    if (res.headersSent) res.destroy();
    else sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}
