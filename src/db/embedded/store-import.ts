import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Logger } from '../../core/logger';
import { EmbeddedNeo4jError, checkJava, launcherArgs, resolveClasspath } from './classpath';
import { embeddedCredentials } from './credentials';
import { JVM_FLAGS, embeddedHandle, jvmLogFile, type EmbeddedNeo4j } from './launcher';
import { captureOutput } from './output';
import { JVM_SAYS, awaitJvm } from './jvm-protocol';

export interface StoreImportOptions {
  projectRoot: string;
  /** The embedded database's home (NEO4J_DATA_DIR). */
  dataDir: string;
  java: string;
  maven: string;
  /** Heap of the importer's JVM, which then serves the new store, e.g. "1g". */
  heap: string;
  /** Bolt port of the database served on the new store (0 picks a free one), its page cache and log retention. */
  port: number;
  pageCacheMb: number;
  txLogRetention?: string;
  nodeFiles: string[];
  relationshipFiles: string[];
  arrayDelimiter: string;
  multiline: boolean;
  /** Where the importer writes its report of bad entries. */
  reportFile: string;
  log: Logger;
}

/** Raised when the store is held by a running Neo4j: the import was refused and nothing changed. */
export class StoreInUseError extends EmbeddedNeo4jError {}

/** Lines of the importer's output worth a log entry: stage ends, every quarter of a stage, totals. */
const PROGRESS_LINE = /\b(25|50|75)% |COMPLETED|IMPORT DONE|^\s*\d+ (nodes|relationships|properties)$|Peak memory|Estimated number of (nodes|relationships):/;

/**
 * Builds a new store for the embedded database from CSV files with Neo4j's offline importer
 * (launcher/src/StoreImport.java), puts it in place of the current one and resolves once the same JVM
 * serves it over Bolt, with authentication on as `startEmbeddedNeo4j` does. The database must be stopped;
 * otherwise StoreInUseError, with the graph untouched. On any failure the previous store stays.
 */
export async function runStoreImport(opts: StoreImportOptions): Promise<EmbeddedNeo4j> {
  checkJava(opts.java);
  const cacheDir = path.join(opts.projectRoot, '.neo4j');
  const classpath = resolveClasspath({ projectRoot: opts.projectRoot, maven: opts.maven, cacheDir, log: opts.log });
  const launcher = launcherArgs({ projectRoot: opts.projectRoot, java: opts.java, classpath, cacheDir, main: 'StoreImport', log: opts.log });
  if (launcher.some((arg) => arg.endsWith('.java'))) {
    // Run from source, StoreImport cannot see the EmbeddedNeo4j class it serves the store with.
    throw new EmbeddedNeo4jError('The store importer needs the launcher compiled, and javac (a JDK 17 or newer) was not found; import with --online instead');
  }
  const credentials = embeddedCredentials(opts.dataDir);
  const args = [
    `-Xms${opts.heap}`,
    `-Xmx${opts.heap}`,
    ...JVM_FLAGS,
    ...launcher,
    opts.dataDir,
    'coophubimport',
    String(opts.port),
    String(opts.pageCacheMb),
    opts.txLogRetention ?? '2 days',
    credentials.file,
    `--array-delimiter=${opts.arrayDelimiter}`,
    `--multiline-fields=${opts.multiline}`,
    `--report-file=${opts.reportFile}`,
    ...opts.nodeFiles.map((f) => `--nodes=${f}`),
    ...opts.relationshipFiles.map((f) => `--relationships=${f}`),
  ];
  const child = spawn(opts.java, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  captureOutput(child, jvmLogFile(opts.dataDir), opts.log, 'neo4j-import');
  let imported = false;
  const wait = await awaitJvm(child, {
    onLine(line) {
      if (line.includes(JVM_SAYS.storeImported)) {
        imported = true;
        opts.log.info('Store import: new store in place, starting the database on it');
      } else if (PROGRESS_LINE.test(line)) opts.log.info({ importer: line.replace(/^[.\s-]+/, '').trim() }, 'Store import progress');
    },
  });
  if (wait.outcome === 'ready') return embeddedHandle(child, wait.uri, credentials);
  if (wait.outcome === 'failed') throw new EmbeddedNeo4jError(`Could not run Java: ${wait.error.message}`);
  const tail = wait.tail;
  const code = wait.outcome === 'exited' ? wait.code : null;
  if (code === 3 && tail.includes(JVM_SAYS.storeInUse)) {
    throw new StoreInUseError(`A running Neo4j holds the store in ${opts.dataDir}: stop it (the hub, \`npm run neo4j\`) and import again, or import with --online`);
  }
  if (!imported) throw new EmbeddedNeo4jError(`Neo4j's importer failed (exit ${code}); the previous store was kept.\n${tail.trim()}`);
  throw new EmbeddedNeo4jError(`The new store is in place, but Neo4j exited (code ${code}) before serving it.\n${tail.trim()}`);
}
