import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPGraphQLResponse } from '@apollo/server';
import { ResponseTooLargeError } from '../../core/errors';
import { COMPRESS_THRESHOLD, chooseEncoding, compress } from './exposure';
import { GET_CACHE_CONTROL, cacheableRequest, entityTag, ifNoneMatchHits } from './http-cache';
import { sendHubError } from './json-error';
import { setOutcome } from './outcome';

/**
 * Sends Apollo's answer on `res`, on either path: refused with RESPONSE_TOO_LARGE when its body is over
 * `maxBytes`, compressed (br or gzip, off the event loop) when the client accepts it and it is over 1 KB.
 * A successful GET answer (200 without errors) carries a strong ETag and `Cache-Control: no-cache`, and is
 * a bodiless 304 when the client's If-None-Match names it; POST answers carry neither.
 * An answer that comes after the response was already given (the deadline's backstop) is dropped.
 */
export async function sendGraphQLResponse(req: IncomingMessage, res: ServerResponse, response: HTTPGraphQLResponse, maxBytes: number): Promise<void> {
  if (res.headersSent) return;
  if (response.body.kind !== 'complete') {
    // Incremental delivery (not enabled by the schema today): streamed as it comes, counted as it goes.
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    let sent = 0;
    for await (const chunk of response.body.asyncIterator) {
      sent += Buffer.byteLength(chunk);
      if (sent > maxBytes) {
        setOutcome(res, 'response_too_large');
        return void res.destroy();
      }
      res.write(chunk);
    }
    res.end();
    return;
  }
  const text = response.body.string;
  const status = response.status ?? 200;
  // A 200 that carries errors (Apollo writes `errors` first, so a prefix test tells); other statuses say it.
  const failed = text.startsWith('{"errors"');
  if (status < 400 && failed) setOutcome(res, 'graphql_error');
  const cacheable = status === 200 && !failed && cacheableRequest(req);
  const bytes = Buffer.byteLength(text);
  if (bytes > maxBytes) {
    setOutcome(res, 'response_too_large');
    return sendHubError(res, new ResponseTooLargeError(bytes, maxBytes));
  }
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = status;
  if (bytes <= COMPRESS_THRESHOLD) {
    if (cacheable && notModified(req, res, entityTag(text))) return;
    res.setHeader('content-length', bytes);
    res.end(text);
    return;
  }
  res.appendHeader('vary', 'Accept-Encoding');
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  if (cacheable && notModified(req, res, entityTag(text, encoding))) return;
  if (!encoding) {
    res.setHeader('content-length', bytes);
    res.end(text);
    return;
  }
  const body = await compress(Buffer.from(text), encoding);
  if (res.headersSent) return;
  res.setHeader('content-encoding', encoding);
  res.setHeader('content-length', body.length);
  res.end(body);
}

/** Sets the GET caching headers; answers 304 with no body (true) when the client already holds this answer. */
function notModified(req: IncomingMessage, res: ServerResponse, tag: string): boolean {
  res.setHeader('etag', tag);
  res.setHeader('cache-control', GET_CACHE_CONTROL);
  if (!ifNoneMatchHits(req.headers['if-none-match'], tag)) return false;
  res.statusCode = 304;
  res.removeHeader('content-type');
  res.end();
  return true;
}
