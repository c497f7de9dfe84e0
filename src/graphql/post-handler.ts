import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from '../logger';

/** The largest body the lean path reads; larger ones go through Express, which refuses them. */
export const MAX_GRAPHQL_BODY = 1024 * 1024;

const JSON_UTF8 = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/** A request URL's path and its query string (with the `?`, or empty). */
function splitUrl(url = ''): { path: string; search: string } {
  const query = url.indexOf('?');
  return query < 0 ? { path: url, search: '' } : { path: url.slice(0, query), search: url.slice(query) };
}

/**
 * Whether a request is a plain GraphQL POST to `path`: uncompressed JSON in UTF-8 with a declared length
 * within the limit. Only these take the lean path; everything else (GET, the IDE, compressed or chunked
 * bodies, other types) goes through Express and its body parser, which answer it as before.
 */
export function isPlainGraphqlPost(req: IncomingMessage, path: string): boolean {
  if (req.method !== 'POST') return false;
  if (splitUrl(req.url).path !== path) return false;
  const length = Number(req.headers['content-length']);
  if (!Number.isInteger(length) || length <= 0 || length > MAX_GRAPHQL_BODY) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  return JSON_UTF8.test(req.headers['content-type'] ?? '');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function handle<C extends BaseContext>(apollo: ApolloServer<C>, context: () => Promise<C>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let raw: Buffer;
  try {
    raw = await readBody(req);
  } catch {
    // The client went away before its request was complete: there is no one to answer.
    res.destroy();
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: splitUrl(req.url).search, body },
    context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * Answers plain GraphQL POSTs straight from the HTTP server: the same Apollo request pipeline as the
 * Express integration, without Express's router, body parser and response helpers, which cost more per
 * request than a one-statement query spends in the hub itself.
 */
export function graphqlPostHandler<C extends BaseContext>(apollo: ApolloServer<C>, context: () => Promise<C>, log: Logger) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(apollo, context, req, res).catch((error: unknown) => {
      log.error({ err: error }, 'GraphQL request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.destroy();
    });
  };
}
