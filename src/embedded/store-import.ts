import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { Logger } from '../logger';
import { EmbeddedNeo4jError, checkJava, launcherArgs, resolveClasspath } from './classpath';

export interface StoreImportOptions {
  projectRoot: string;
  /** The embedded database's home (NEO4J_DATA_DIR). */
  dataDir: string;
  java: string;
  maven: string;
  /** Heap of the importer's JVM, e.g. "1g". */
  heap: string;
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
 * (launcher/src/StoreImport.java) and puts it in place of the current one. The database must be
 * stopped; otherwise StoreInUseError, with the graph untouched. On any failure the previous store stays.
 */
export async function runStoreImport(opts: StoreImportOptions): Promise<void> {
  checkJava(opts.java);
  const cacheDir = path.join(opts.projectRoot, '.neo4j');
  const classpath = resolveClasspath({ projectRoot: opts.projectRoot, maven: opts.maven, cacheDir, log: opts.log });
  const args = [
    `-Xms${opts.heap}`,
    `-Xmx${opts.heap}`,
    '-XX:+UseG1GC',
    '-Dfile.encoding=UTF-8',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-exports=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    ...launcherArgs({ projectRoot: opts.projectRoot, java: opts.java, classpath, cacheDir, main: 'StoreImport', log: opts.log }),
    opts.dataDir,
    'coophubimport',
    `--array-delimiter=${opts.arrayDelimiter}`,
    `--multiline-fields=${opts.multiline}`,
    `--report-file=${opts.reportFile}`,
    ...opts.nodeFiles.map((f) => `--nodes=${f}`),
    ...opts.relationshipFiles.map((f) => `--relationships=${f}`),
  ];
  const child = spawn(opts.java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  let imported = false;
  const lines = readline.createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line.includes('STORE_IMPORTED')) imported = true;
    else if (PROGRESS_LINE.test(line)) opts.log.info({ importer: line.replace(/^[.\s-]+/, '').trim() }, 'Store import progress');
    tail = `${tail}\n${line}`.slice(-4000);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) => reject(new EmbeddedNeo4jError(`Could not run Java: ${error.message}`)));
    child.once('close', resolve);
  });
  if (code === 3 && tail.includes('STORE_IN_USE')) {
    throw new StoreInUseError(`A running Neo4j holds the store in ${opts.dataDir}: stop it (the hub, \`npm run neo4j\`) and import again, or import with --online`);
  }
  if (code !== 0 || !imported) {
    throw new EmbeddedNeo4jError(`Neo4j's importer failed (exit ${code}); the previous store was kept.\n${tail.trim()}`);
  }
}
