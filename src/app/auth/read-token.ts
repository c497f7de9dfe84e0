import type { NextFunction, Request, Response } from 'express';
import { HubError } from '../../core/errors';
import type { Authenticate } from './authenticate';

/**
 * Express middleware for /export on a hub whose reads need a token: a request without a valid one is
 * answered UNAUTHENTICATED (HTTP 401, `WWW-Authenticate`) in /export's own error shape, `{ error: { code,
 * message } }`, before any query runs.
 */
export function requireReadToken(authenticate: Authenticate) {
  return (req: Request, res: Response, next: NextFunction): void => {
    Promise.resolve()
      .then(() => authenticate(req.headers.authorization))
      .then(
        () => next(),
        (error: unknown) => {
          if (!(error instanceof HubError)) return next(error);
          const http = error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
          for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
          res.status(http?.status ?? 500).json({ error: { code: error.extensions.code, message: error.message } });
        },
      );
  };
}
