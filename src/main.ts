import { ConfigError, loadConfig } from './config';
import { EmbeddedNeo4jError } from './embedded/classpath';
import { applyGraphSchema } from './graph-schema';
import { openGraph, type GraphConnection } from './graph-connection';
import { type Readiness } from './http/health';
import { createLogger } from './logger';
import { importSeed } from './seed/seed.importer';
import { graphIsEmpty } from './seed/seed.repository';
import { startServer, type HubServer } from './server';

async function main(): Promise<void> {
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
    const seed = config.seedOnStart === 'always' || (config.seedOnStart === 'auto' && (await graphIsEmpty(graph.db)));
    if (seed) await importSeed(graph.db, config.seedDir, log);
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
    });
    log.info({ url: server.url, seconds: (Date.now() - started) / 1000 }, `coop-hub is ready at ${server.url}`);
  } catch (error) {
    if (error instanceof EmbeddedNeo4jError) log.fatal(error.message);
    else log.fatal({ err: error }, 'The hub could not start');
    await graph?.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
