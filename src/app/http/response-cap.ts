import type { NextFunction, Request, Response } from 'express';
import { ResponseTooLargeError } from '../../core/errors';
import { sendHubError } from './json-error';
import { setOutcome } from './outcome';

const size = (chunk: unknown, encoding?: unknown) =>
  typeof chunk === 'string' ? Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : chunk instanceof Uint8Array ? chunk.byteLength : 0;

/**
 * Express middleware for routes that answer with res.send or res.write (exports): an answer whose body
 * grows over `maxBytes` is replaced by RESPONSE_TOO_LARGE while nothing has been sent yet, and cut off
 * (connection closed) once its headers are out. Counts the body before compression.
 */
export function responseCap(maxBytes: number) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const write = res.write;
    const end = res.end;
    let bytes = 0;
    const overflow = (): void => {
      setOutcome(res, 'response_too_large');
      // The original end, so the error body is not counted against the cap itself.
      res.write = write;
      res.end = end;
      if (res.headersSent) res.destroy();
      else sendHubError(res, new ResponseTooLargeError(bytes, maxBytes));
    };
    res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
      bytes += size(chunk, rest[0]);
      if (bytes > maxBytes) {
        overflow();
        return false;
      }
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as Response['write'];
    res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
      if (typeof chunk !== 'function') bytes += size(chunk, rest[0]);
      if (bytes > maxBytes) {
        overflow();
        return this;
      }
      return (end as (...args: unknown[]) => Response).call(this, chunk, ...rest);
    } as Response['end'];
    next();
  };
}
