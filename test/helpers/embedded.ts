import { loadConfig, projectRoot } from '../../src/config';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/embedded/launcher';
import type { Logger } from '../../src/logger';

/** Starts a small throwaway embedded Neo4j on `dataDir` (any free port), as the tests size it. */
export function startTestNeo4j(dataDir: string, log: Logger): Promise<EmbeddedNeo4j> {
  const config = loadConfig();
  return startEmbeddedNeo4j({
    projectRoot,
    dataDir,
    port: 0,
    heap: '512m',
    pageCacheMb: 64,
    java: config.java,
    maven: config.maven,
    log,
    txLogRetention: '1 files',
  });
}
