import { ConfigError, loadConfig } from '../core/config';
import { EmbeddedNeo4jError } from '../db/embedded/classpath';
import { applyGraphSchema } from '../db/constraints';
import { openGraph, type GraphConnection } from '../db/connect';
import { type Readiness } from './http/health';
import { createLogger } from '../core/logger';
import type { Database } from '../db/database';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { startServer, type HubServer } from './server';

/** What an entry point adds to the start-up sequence. */
export interface HubStartOptions {
  /**
   * Runs once the graph schema is applied and before the server listens: the entry point loads the curated
   * seed here (the product itself carries no importer).
   */
  prepareGraph?(db: Database, config: Config, log: Logger): Promise<void>;
}

/**
 * Starts the hub: reads the configuration, opens the graph (starting the embedded Neo4j when configured),
 * applies the graph schema, runs `prepareGraph`, then serves until SIGINT/SIGTERM. Exits the process on a
 * configuration error (2) or a failed start (1).
 */
export async function runHub(options: HubStartOptions = {}): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  let graph: GraphConnection | undefined;
  let server: HubServer | undefined;
  let stopping = false;
  // What /readyz reports: set as start-up applies the graph schema and loads (or skips) the seed.
  const readiness: Readiness = { schemaApplied: false, seedLoaded: false };
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Shutting down');
    await server?.stop().catch((e) => log.error(e));
    await graph?.close().catch((e) => log.error(e));
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    // A dead embedded JVM is started again; when that keeps failing the hub ends rather than serve nothing.
    const onEmbeddedGiveUp = () => {
      setTimeout(() => process.exit(1), 10_000).unref();
      void shutdown('embedded Neo4j gave up', 1);
    };
    graph = await openGraph(config, log, { onEmbeddedGiveUp });
    const statements = await applyGraphSchema(graph.db);
    readiness.schemaApplied = true;
    log.info({ statements }, 'Graph schema applied');
    await options.prepareGraph?.(graph.db, config, log);
    readiness.seedLoaded = true;
    server = await startServer({
      db: graph.db,
      log,
      host: config.host,
      port: config.port,
      maxQueryDepth: config.maxQueryDepth,
      readiness,
      limits: config.limits,
      corsOrigins: config.corsOrigins,
      trustProxy: config.trustProxy,
      auth: config.auth,
    });
    log.info({ url: server.url, seconds: (Date.now() - started) / 1000 }, `coop-hub is ready at ${server.url}`);
  } catch (error) {
    if (error instanceof EmbeddedNeo4jError) log.fatal(error.message);
    else log.fatal({ err: error }, 'The hub could not start');
    await graph?.close().catch(() => undefined);
    process.exit(1);
  }
}

