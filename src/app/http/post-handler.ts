import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { sendJsonError } from './json-error';
import { sendGraphQLResponse } from './respond';
import type { Logger } from '../../core/logger';

/** Makes a request's GraphQL context; the request's headers say who sends it. */
export type GraphqlContext<C> = (req: IncomingMessage) => Promise<C>;

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

/** Turns an incoming request's headers into Apollo's header map. */
function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Runs one GraphQL request through Apollo's pipeline and sends its answer (size cap, compression). */
async function execute<C extends BaseContext>(
  apollo: ApolloServer<C>,
  context: GraphqlContext<C>,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  maxResponseBytes: number,
): Promise<void> {
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers: headerMap(req), search: splitUrl(req.url).search, body },
    context: () => context(req),
  });
  await sendGraphQLResponse(req, res, response, maxResponseBytes);
}

async function handle<C extends BaseContext>(apollo: ApolloServer<C>, context: GraphqlContext<C>, req: IncomingMessage, res: ServerResponse, maxResponseBytes: number): Promise<void> {
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
    return sendJsonError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
  }
  await execute(apollo, context, req, res, body, maxResponseBytes);
}

function failed(log: Logger, res: ServerResponse) {
  return (error: unknown) => {
    log.error({ err: error }, 'GraphQL request failed');
    if (!res.headersSent) sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    else res.destroy();
  };
}

/**
 * Answers plain GraphQL POSTs straight from the HTTP server: the same Apollo request pipeline as the
 * Express path, without Express's router, body parser and response helpers, which cost more per
 * request than a one-statement query spends in the hub itself.
 */
export function graphqlPostHandler<C extends BaseContext>(apollo: ApolloServer<C>, context: GraphqlContext<C>, log: Logger, maxResponseBytes: number) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(apollo, context, req, res, maxResponseBytes).catch(failed(log, res));
  };
}

/**
 * The GraphQL endpoint for the GETs and POSTs the lean path leaves to Express (chunked or compressed bodies,
 * other content types): `req.body` as Express's JSON parser left it, answered the same way as the lean path.
 */
export function graphqlExpressHandler<C extends BaseContext>(apollo: ApolloServer<C>, context: GraphqlContext<C>, log: Logger, maxResponseBytes: number) {
  return (req: IncomingMessage & { body?: unknown }, res: ServerResponse): void => {
    execute(apollo, context, req, res, req.body, maxResponseBytes).catch(failed(log, res));
  };
}
