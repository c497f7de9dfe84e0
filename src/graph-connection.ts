import { projectRoot, type Config } from './config';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded/launcher';
import type { Logger } from './logger';
import { Database } from './neo4j';

export interface GraphConnection {
  db: Database;
  embedded?: EmbeddedNeo4j;
  /** Closes the driver and stops the embedded database, if one was started. */
  close(): Promise<void>;
}

/**
 * Connects to the configured graph: the external server named by NEO4J_URI, or a Neo4j Community
 * the hub starts itself. Resolves once the database answers.
 */
export async function openGraph(config: Config, log: Logger): Promise<GraphConnection> {
  const target = config.neo4j;
  let embedded: EmbeddedNeo4j | undefined;
  let db: Database;
  if (target.mode === 'external') {
    db = new Database({ uri: target.uri, username: target.username, password: target.password, database: target.database });
    log.info({ uri: target.uri }, 'Connecting to Neo4j');
  } else {
    embedded = await startEmbeddedNeo4j({
      projectRoot,
      dataDir: target.dataDir,
      port: target.port,
      heap: target.heap,
      pageCacheMb: target.pageCacheMb,
      java: config.java,
      maven: config.maven,
      log,
    });
    db = new Database({ uri: embedded.uri, database: target.database });
  }
  return connect(db, embedded);
}

/** Connects to a database already served by an embedded JVM; closing the connection stops that JVM. */
export function attachGraph(embedded: EmbeddedNeo4j, database?: string): Promise<GraphConnection> {
  return connect(new Database({ uri: embedded.uri, database }), embedded);
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
