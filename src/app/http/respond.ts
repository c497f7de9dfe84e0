import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPGraphQLResponse } from '@apollo/server';
import { ResponseTooLargeError } from '../../core/errors';
import { COMPRESS_THRESHOLD, chooseEncoding, compress } from './exposure';
import { sendHubError } from './json-error';
import { setOutcome } from './outcome';

/**
 * Sends Apollo's answer on `res`, on either path: refused with RESPONSE_TOO_LARGE when its body is over
 * `maxBytes`, compressed (br or gzip, off the event loop) when the client accepts it and it is over 1 KB.
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
  if (status < 400 && text.startsWith('{"errors"')) setOutcome(res, 'graphql_error');
  const bytes = Buffer.byteLength(text);
  if (bytes > maxBytes) {
    setOutcome(res, 'response_too_large');
    return sendHubError(res, new ResponseTooLargeError(bytes, maxBytes));
  }
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = status;
  if (bytes <= COMPRESS_THRESHOLD) {
    res.setHeader('content-length', bytes);
    res.end(text);
    return;
  }
  res.appendHeader('vary', 'Accept-Encoding');
  const encoding = chooseEncoding(req.headers['accept-encoding']);
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
