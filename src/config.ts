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

export interface Config {
  host: string;
  port: number;
  logLevel: string;
  maxQueryDepth: number;
  seedOnStart: 'auto' | 'always' | 'never';
  seedDir: string;
  neo4j: Neo4jTarget;
  java: string;
  maven: string;
}

const boundedInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: boundedInt(0, 65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_MAX_DEPTH: boundedInt(2, 50).default(12),
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
  JAVA_CMD: z.string().min(1).default('java'),
  MAVEN_CMD: z.string().min(1).default('mvn'),
});

/** Repository root (the folder holding package.json), both from sources and from dist/. */
export const projectRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

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
    seedOnStart: e.SEED_ON_START,
    seedDir: path.resolve(projectRoot, e.SEED_DIR ?? 'seeds'),
    neo4j,
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
