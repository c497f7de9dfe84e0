import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/core/config';
import { applyGraphSchema } from '../src/db/constraints';
import { createLogger } from '../src/core/logger';
import { Database } from '../src/db/database';
import { importSeed } from '../src/tools/seed/seed.importer';
import { buildExplorer } from '../src/tools/explore/build';
import { startTestNeo4j } from './helpers/embedded';

/**
 * Starts a throwaway Neo4j for the integration tests (unless NEO4J_URI names a server: its database is
 * wiped), applies the graph schema and loads the seed data.
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  const log = createLogger('warn');
  const started = Date.now();
  // The explorer's pages are served from its bundle, as after npm run build (about a second).
  await buildExplorer();
  if (config.neo4j.mode === 'embedded') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-hub-test-'));
    const embedded = await startTestNeo4j(dataDir, log);
    (globalThis as Record<string, unknown>).__EMBEDDED_NEO4J__ = { embedded, dataDir };
    // Test files read the server and its login through loadConfig(), like the hub does.
    process.env.NEO4J_URI = embedded.uri;
    process.env.NEO4J_USERNAME = embedded.credentials.username;
    process.env.NEO4J_PASSWORD = embedded.credentials.password;
  }
  const target = loadConfig().neo4j;
  if (target.mode !== 'external') throw new Error('the test graph has no URI');
  const db = new Database(target);
  try {
    await db.waitUntilReady();
    await applyGraphSchema(db);
    await importSeed(db, loadConfig().seedDir, log, { reset: true });
  } finally {
    await db.close();
  }
  process.stderr.write(`\nTest graph ready at ${target.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
