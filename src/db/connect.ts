import path from 'node:path';
import { projectRoot, type Config } from '../core/config';
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './embedded/launcher';
import { superviseEmbedded } from './embedded/supervisor';
import type { Logger } from '../core/logger';
import { Database } from './database';

export interface GraphConnection {
  db: Database;
  embedded?: EmbeddedNeo4j;
  /** Closes the driver and stops the embedded database, if one was started. */
  close(): Promise<void>;
}

export interface OpenGraphOptions {
  /**
   * Keep the embedded database alive: when its JVM dies it is started again (same store, same port, so `db`
   * keeps working), and this is called with a fatal message once restarts keep failing; the caller then
   * ends the process with a non-zero code. Without it, a dead JVM stays dead (one-off commands).
   */
  onEmbeddedGiveUp?: (message: string) => void;
}

/** The port a bolt://host:port URI names. */
/** The launcher options for the configured embedded database: one mapping from config, used by the hub and `npm run neo4j`. */
export function embeddedStartOptions(config: Config, target: Extract<Config['neo4j'], { mode: 'embedded' }>, log: Logger): EmbeddedOptions {
  return {
    projectRoot,
    dataDir: target.dataDir,
    port: target.port,
    heap: target.heap,
    pageCacheMb: target.pageCacheMb,
    java: config.java,
    maven: config.maven,
    log,
  };
}

/** The port of a bolt:// URI. */
export function portOf(uri: string): number {
  return Number(new URL(uri.replace(/^bolt/, 'http')).port);
}

/**
 * Connects to the configured graph: the external server named by NEO4J_URI, or a Neo4j Community
 * the hub starts itself (with its generated credentials). Resolves once the database answers.
 */
export async function openGraph(config: Config, log: Logger, options: OpenGraphOptions = {}): Promise<GraphConnection> {
  const target = config.neo4j;
  if (target.mode === 'external') {
    log.info({ uri: target.uri }, 'Connecting to Neo4j');
    return connect(new Database({ uri: target.uri, username: target.username, password: target.password, database: target.database, log }), undefined);
  }
  const start = embeddedStartOptions(config, target, log);
  let embedded = await startEmbeddedNeo4j(start);
  const { onEmbeddedGiveUp } = options;
  if (onEmbeddedGiveUp) {
    // A restart binds the port the first start chose (port 0 included), so the URI never changes.
    const port = portOf(embedded.uri);
    embedded = superviseEmbedded(embedded, {
      log,
      restart: () => startEmbeddedNeo4j({ ...start, port }),
      onGiveUp: onEmbeddedGiveUp,
      logsDir: path.join(target.dataDir, 'logs'),
    });
  }
  return attachGraph(embedded, target.database, log);
}

/** The Database for an embedded JVM's URI, logged in with its credentials; `log` gets its outage lines. */
export function embeddedDatabase(embedded: EmbeddedNeo4j, database?: string, log?: Logger): Database {
  const { username, password } = embedded.credentials;
  return new Database({ uri: embedded.uri, username, password, database, log });
}

/** Connects to a database already served by an embedded JVM; closing the connection stops that JVM. */
export function attachGraph(embedded: EmbeddedNeo4j, database?: string, log?: Logger): Promise<GraphConnection> {
  return connect(embeddedDatabase(embedded, database, log), embedded);
}

async function connect(db: Database, embedded: EmbeddedNeo4j | undefined): Promise<GraphConnection> {
  try {
    await db.waitUntilReady();
  } catch (error) {
    await db.close();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    embedded,
    async close() {
      await db.close();
      await embedded?.stop();
    },
  };
}
