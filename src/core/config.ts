import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

// Unless NODE_ENV says otherwise, libraries run in production mode, as in the Docker image (graphql-js,
// for one, otherwise checks every type test of every field for a second copy of itself). Entry points
// import this module before any library that reads the variable.
process.env.NODE_ENV ??= 'production';

/** Where the hub gets its graph: an external server, or a Neo4j it starts itself. */
export type Neo4jTarget =
  | { mode: 'external'; uri: string; username?: string; password?: string; database?: string }
  | { mode: 'embedded'; dataDir: string; port: number; heap: string; pageCacheMb: number; database?: string };

/** What one request may ask and take; see the README's "Limits" section. */
export interface Limits {
  /** Deepest nesting of selection sets (QUERY_TOO_DEEP). */
  maxQueryDepth: number;
  /** Largest estimated cost of an operation: the objects it may fetch (QUERY_TOO_COSTLY). */
  maxQueryCost: number;
  /** Most aliases in one document. */
  maxAliases: number;
  /** Most lexical tokens in one document. */
  maxTokens: number;
  /** Most directives in one document. */
  maxDirectives: number;
  /** Milliseconds a request may take end to end, database statements included. */
  requestTimeoutMs: number;
  /** Requests the hub works on at once; more are answered 503 with Retry-After. */
  maxInFlight: number;
  /** Requests one client may have in flight at once; more are answered 429 with Retry-After. */
  clientMaxInFlight: number;
  /** Requests one client may start per minute (0: no rate limit); more are answered 429 with Retry-After. */
  rateLimitPerMinute: number;
  /** Estimated cost from which a request is heavy: at most `maxHeavyInFlight` of those run at once (more: 503). */
  heavyQueryCost: number;
  maxHeavyInFlight: number;
  /** Estimated cost one client may spend per second, in bursts up to `maxQueryCost` (0: no limit); more: 429. */
  clientCostPerSecond: number;
  /** Largest response body in bytes; a larger answer is replaced by a RESPONSE_TOO_LARGE error. */
  maxResponseBytes: number;
  /**
   * Request transactions sent to the database at once (0: no limit); beyond, they wait in a queue served
   * client by client, so one client's statements cannot crowd out everyone else's.
   */
  statementSlots: number;
}

/**
 * Who may write, and whether reading needs a token too; see the README's "Writing: tokens and roles". With
 * neither key, no token is verified and writes are off.
 */
export interface AuthConfig {
  /** HS256 shared secret (at least 32 bytes): verifies the tokens `npm run token` signs. */
  jwtSecret?: string;
  /** An identity provider's JWKS address: verifies the tokens it signs (RS256, ES256, EdDSA...). */
  jwksUrl?: string;
  /** When set, a token must carry this `iss`; the token command sets it. */
  issuer?: string;
  /** When set, a token must carry this `aud`; the token command sets it. */
  audience?: string;
  /** Reads need a valid token as well (default false: reads are open). */
  readsRequireToken: boolean;
}

/** Fewest bytes of AUTH_JWT_SECRET: HS256's key should be as long as its hash (RFC 7518, section 3.2). */
export const MIN_JWT_SECRET_BYTES = 32;

export interface Config {
  host: string;
  port: number;
  logLevel: string;
  /** Same as limits.maxQueryDepth (kept for callers that only need the depth). */
  maxQueryDepth: number;
  limits: Limits;
  /** Origins allowed by CORS: ['*'] for any, [] for none. */
  corsOrigins: string[];
  /** Whether to take the client address from X-Forwarded-For (behind a trusted proxy only). */
  trustProxy: boolean;
  seedOnStart: 'auto' | 'always' | 'never';
  seedDir: string;
  neo4j: Neo4jTarget;
  auth: AuthConfig;
  /** Aggregate answers kept per graph state (src/db/aggregate-cache.ts). */
  aggregateCache: { maxMb: number; computeTimeoutMs: number };
  java: string;
  maven: string;
}

const boundedInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

// An empty value is no value, for the variables a compose file passes on whether set or not
// (`AUTH_JWT_SECRET: ${AUTH_JWT_SECRET:-}`): without a key, writes are off.
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

const EnvSchema = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: boundedInt(0, 65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_MAX_DEPTH: boundedInt(2, 50).default(12),
  GRAPHQL_MAX_COST: boundedInt(100, 1_000_000_000).default(5_000_000),
  GRAPHQL_MAX_ALIASES: boundedInt(1, 1000).default(30),
  GRAPHQL_MAX_TOKENS: boundedInt(100, 100_000).default(5000),
  GRAPHQL_MAX_DIRECTIVES: boundedInt(1, 1000).default(50),
  REQUEST_TIMEOUT_MS: boundedInt(100, 600_000).default(10_000),
  MAX_IN_FLIGHT: boundedInt(1, 10_000).default(64),
  CLIENT_MAX_IN_FLIGHT: boundedInt(1, 10_000).default(2),
  RATE_LIMIT_PER_MINUTE: boundedInt(0, 1_000_000).default(1200),
  HEAVY_QUERY_COST: boundedInt(1, 1_000_000_000).default(1_000_000),
  MAX_HEAVY_IN_FLIGHT: boundedInt(1, 10_000).default(1),
  CLIENT_COST_PER_SECOND: boundedInt(0, 1_000_000_000).default(1_000_000),
  MAX_RESPONSE_BYTES: boundedInt(1024, 1024 * 1024 * 1024).default(32 * 1024 * 1024),
  // As many as this machine has cores: right for the embedded database, which shares them; raise it for a
  // larger database server.
  DB_STATEMENT_SLOTS: boundedInt(0, 10_000).default(Math.max(2, os.availableParallelism())),
  CORS_ORIGINS: z
    .string()
    .regex(/^(\*|none|https?:\/\/[^\s,]+(,\s*https?:\/\/[^\s,]+)*)$/, 'must be *, none, or a comma-separated list of http(s) origins')
    .default('*'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SEED_ON_START: z.enum(['auto', 'always', 'never']).default('auto'),
  SEED_DIR: z.string().min(1).optional(),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI')
    .optional(),
  NEO4J_USERNAME: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  NEO4J_DATA_DIR: z.string().min(1).optional(),
  NEO4J_EMBEDDED_PORT: boundedInt(0, 65535).default(7687),
  NEO4J_HEAP: z.string().regex(/^\d+[mMgG]$/, 'must look like 512m or 1g').default('512m'),
  NEO4J_PAGECACHE_MB: boundedInt(16, 65536).default(256),
  AGGREGATE_CACHE_MB: boundedInt(0, 65536).default(64),
  AGGREGATE_COMPUTE_TIMEOUT_MS: boundedInt(100, 600_000).default(30_000),
  JAVA_CMD: z.string().min(1).default('java'),
  MAVEN_CMD: z.string().min(1).default('mvn'),
  AUTH_JWT_SECRET: unsetWhenEmpty(
    z
      .string()
      .refine((s) => Buffer.byteLength(s, 'utf8') >= MIN_JWT_SECRET_BYTES, `must be at least ${MIN_JWT_SECRET_BYTES} bytes (e.g. the output of: openssl rand -base64 48)`)
      .optional(),
  ),
  // Keys fetched over plain HTTP could be replaced on the way; only a loopback address (a local provider) may use it.
  AUTH_JWKS_URL: unsetWhenEmpty(
    z
      .url({ protocol: /^https?$/ })
      .refine((u) => u.startsWith('https:') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(u), 'must be an https:// address (http:// only on localhost)')
      .optional(),
  ),
  AUTH_ISSUER: unsetWhenEmpty(z.string().optional()),
  AUTH_AUDIENCE: unsetWhenEmpty(z.string().optional()),
  READS_REQUIRE_TOKEN: z.enum(['true', 'false']).default('false'),
}).refine((e) => e.READS_REQUIRE_TOKEN === 'false' || e.AUTH_JWT_SECRET !== undefined || e.AUTH_JWKS_URL !== undefined, {
  path: ['READS_REQUIRE_TOKEN'],
  message: 'true needs AUTH_JWT_SECRET or AUTH_JWKS_URL, or no token could ever be verified and nothing could be read',
});

/** Repository root: the nearest folder above this file holding package.json (from sources and from dist/ alike). */
export const projectRoot = findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

/** Thrown at start-up when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {}

/**
 * Reads and validates the environment. The only reader of process.env in the hub.
 * @throws ConfigError listing each invalid variable and why.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const neo4j: Neo4jTarget = e.NEO4J_URI
    ? {
        mode: 'external',
        uri: e.NEO4J_URI,
        username: e.NEO4J_USERNAME,
        password: e.NEO4J_PASSWORD,
        database: e.NEO4J_DATABASE,
      }
    : {
        mode: 'embedded',
        dataDir: path.resolve(projectRoot, e.NEO4J_DATA_DIR ?? '.neo4j/data'),
        port: e.NEO4J_EMBEDDED_PORT,
        heap: e.NEO4J_HEAP,
        pageCacheMb: e.NEO4J_PAGECACHE_MB,
        database: e.NEO4J_DATABASE,
      };
  return {
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    maxQueryDepth: e.GRAPHQL_MAX_DEPTH,
    limits: {
      maxQueryDepth: e.GRAPHQL_MAX_DEPTH,
      maxQueryCost: e.GRAPHQL_MAX_COST,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      maxInFlight: e.MAX_IN_FLIGHT,
      clientMaxInFlight: e.CLIENT_MAX_IN_FLIGHT,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      heavyQueryCost: e.HEAVY_QUERY_COST,
      maxHeavyInFlight: e.MAX_HEAVY_IN_FLIGHT,
      clientCostPerSecond: e.CLIENT_COST_PER_SECOND,
      maxResponseBytes: e.MAX_RESPONSE_BYTES,
      statementSlots: e.DB_STATEMENT_SLOTS,
    },
    corsOrigins: e.CORS_ORIGINS === 'none' ? [] : e.CORS_ORIGINS.split(',').map((o) => o.trim()),
    trustProxy: e.TRUST_PROXY === 'true',
    seedOnStart: e.SEED_ON_START,
    seedDir: path.resolve(projectRoot, e.SEED_DIR ?? 'seeds'),
    neo4j,
    auth: {
      jwtSecret: e.AUTH_JWT_SECRET,
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      readsRequireToken: e.READS_REQUIRE_TOKEN === 'true',
    },
    aggregateCache: { maxMb: e.AGGREGATE_CACHE_MB, computeTimeoutMs: e.AGGREGATE_COMPUTE_TIMEOUT_MS },
    java: e.JAVA_CMD,
    maven: e.MAVEN_CMD,
  };
}

/**
 * The environment for a child process of ours (the benchmark starts hubs): this process's environment with
 * `overrides` on top, so PATH, JAVA_CMD and the like carry over.
 */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
