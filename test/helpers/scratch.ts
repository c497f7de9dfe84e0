import { loadConfig } from '../../src/core/config';
import type { Logger } from '../../src/core/logger';
import { applyGraphSchema } from '../../src/db/constraints';
import { Database } from '../../src/db/database';
import type { EmbeddedNeo4j } from '../../src/db/embedded/launcher';
import { importSeed } from '../../src/tools/seed/seed.importer';
import { startTestNeo4j } from './embedded';

/**
 * A throwaway embedded Neo4j on `dataDir` holding the curated seed with the graph schema applied, for a test
 * file that writes (the shared test graph stays as the other files expect it). Close `db`, then stop `embedded`.
 */
export async function startSeededScratch(dataDir: string, log: Logger): Promise<{ embedded: EmbeddedNeo4j; db: Database }> {
  const embedded = await startTestNeo4j(dataDir, log);
  const db = new Database({ uri: embedded.uri, username: embedded.credentials.username, password: embedded.credentials.password });
  await db.waitUntilReady();
  await applyGraphSchema(db);
  await importSeed(db, loadConfig().seedDir, log, { reset: true });
  return { embedded, db };
}
