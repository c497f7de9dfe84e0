import { loadConfig, projectRoot } from '../../src/core/config';
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from '../../src/db/embedded/launcher';
import type { Logger } from '../../src/core/logger';

/** The options of a small throwaway embedded Neo4j on `dataDir` (any free port), as the tests size it. */
export function testNeo4jOptions(dataDir: string, log: Logger): EmbeddedOptions {
  const config = loadConfig();
  return {
    projectRoot,
    dataDir,
    port: 0,
    heap: '512m',
    pageCacheMb: 64,
    java: config.java,
    maven: config.maven,
    log,
    txLogRetention: '1 files',
  };
}

/** Starts a small throwaway embedded Neo4j on `dataDir` (any free port), as the tests size it. */
export function startTestNeo4j(dataDir: string, log: Logger): Promise<EmbeddedNeo4j> {
  return startEmbeddedNeo4j(testNeo4jOptions(dataDir, log));
}
