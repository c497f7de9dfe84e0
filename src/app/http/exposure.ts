import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import compression from 'compression';
import cors from 'cors';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every answer. The IDE page loads its scripts and styles from the hub itself
 * ('self'); GraphiQL sets inline styles and its stylesheet embeds fonts and icons as data: URIs. No inline
 * script is allowed: the IDE starts from a served file. No upgrade-insecure-requests: the hub is often
 * reached over plain HTTP on a LAN address, where upgraded asset URLs would fail.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
  },
} as const;

const DOCUMENT_OPTIONS = {
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  // An open data hub: other sites may embed its answers and downloads (CORS governs what scripts may read).
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  // HSTS belongs to whatever terminates TLS in front of the hub; over plain HTTP browsers ignore it anyway.
  strictTransportSecurity: false,
} as const;

/** helmet with the full set of headers, for everything Express serves (the IDE, its assets, exports). */
export function documentSecurity() {
  return helmet(DOCUMENT_OPTIONS);
}

/**
 * The headers that matter on a JSON answer, as helmet writes them, computed once for every response the
 * edge starts: no sniffing it into HTML, and a policy that lets it run nothing and be framed nowhere if a
 * browser renders it. The rest of helmet's set only concerns documents; every extra header costs the lean
 * GraphQL path measurably, in bytes written per answer more than in the setting.
 */
export function apiSecurityHeaders(): ReadonlyArray<readonly [string, string]> {
  const headers: Array<[string, string]> = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    strictTransportSecurity: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  })({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return headers;
}

/** A connect-style middleware that may end the response itself (CORS preflight). */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * CORS from the configured origins: ['*'] any origin, [] none (no CORS headers at all), else the listed
 * ones. Clients may read the request id, Retry-After, a download's file name and an answer's ETag (to revalidate it).
 */
export function corsMiddleware(origins: readonly string[]): Middleware {
  const origin = origins.includes('*') ? '*' : origins.length === 0 ? false : [...origins];
  return cors({
    origin,
    methods: ['GET', 'POST', 'OPTIONS'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition', 'ETag'],
    maxAge: 600,
  }) as Middleware;
}

/** Bodies smaller than this are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_THRESHOLD = 1024;

// Brotli's default quality (11) takes seconds on a large answer; 4 compresses about as well as gzip, faster.
const BROTLI_OPTIONS: zlib.BrotliOptions = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

/** gzip/brotli for the Express routes (exports, IDE assets, metrics) above the threshold. */
export function compressionMiddleware() {
  return compression({ threshold: COMPRESS_THRESHOLD, brotli: BROTLI_OPTIONS });
}

/** The encoding to answer in given an Accept-Encoding header: br, else gzip, else none. */
export function chooseEncoding(header: string | string[] | undefined): 'br' | 'gzip' | undefined {
  if (typeof header !== 'string' || header.length === 0) return undefined;
  let gzip = false;
  for (const part of header.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
    if (refused) continue;
    if (token === 'br') return 'br';
    if (token === 'gzip' || token === '*') gzip = true;
  }
  return gzip ? 'gzip' : undefined;
}

/** Compresses `body` off the event loop (zlib's thread pool). */
export function compress(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, result: Buffer) => (error ? reject(error) : resolve(result));
    if (encoding === 'br') zlib.brotliCompress(body, BROTLI_OPTIONS, done);
    else zlib.gzip(body, done);
  });
}
