import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../core/logger';
import { openLogFile, tailOf } from './output';

/** Raised when the embedded Neo4j cannot be started; the message says what is missing and the alternatives. */
export class EmbeddedNeo4jError extends Error {}

export const ALTERNATIVES =
  'Alternatives: point NEO4J_URI (with NEO4J_USERNAME / NEO4J_PASSWORD) at any Neo4j 5 server, ' +
  'or run `docker compose up` to start Neo4j and the hub in containers.';

function commandWorks(cmd: string, args: string[]): boolean {
  const result = spawnSync(cmd, args, { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/** Fails with a clear message unless a Java 17+ runtime with a compiler is on the path. */
export function checkJava(java: string): void {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new EmbeddedNeo4jError(`Java was not found ('${java} -version' failed). The embedded Neo4j needs a JDK 17 or newer. ${ALTERNATIVES}`);
  }
  const match = /version "(\d+)/.exec(result.stderr ?? '');
  if (match && Number(match[1]) < 17) {
    throw new EmbeddedNeo4jError(`Java ${match[1]} was found; the embedded Neo4j needs Java 17 or newer. ${ALTERNATIVES}`);
  }
}

/**
 * Returns the Neo4j classpath, resolving the jars with Maven into the local Maven repository the first
 * time (and whenever the pom changes or a jar disappeared). The list is cached next to the data.
 */
export function resolveClasspath(opts: { projectRoot: string; maven: string; cacheDir: string; log: Logger }): string {
  const pom = path.join(opts.projectRoot, 'launcher', 'pom.xml');
  const digest = createHash('sha256').update(fs.readFileSync(pom)).digest('hex').slice(0, 16);
  const cacheFile = path.join(opts.cacheDir, `classpath-${digest}.txt`);
  if (fs.existsSync(cacheFile)) {
    const cached = fs.readFileSync(cacheFile, 'utf8').trim();
    if (cached && cached.split(path.delimiter).every((jar) => fs.existsSync(jar))) return cached;
  }
  if (!commandWorks(opts.maven, ['-v'])) {
    throw new EmbeddedNeo4jError(
      `Maven was not found ('${opts.maven} -v' failed). The embedded Neo4j resolves its jars from Maven Central with Maven. ${ALTERNATIVES}`,
    );
  }
  fs.mkdirSync(opts.cacheDir, { recursive: true });
  // Maven's output goes to its own file, not into the JSON log; its errors reach the user in the message below.
  const logFile = path.join(opts.cacheDir, 'logs', 'maven.log');
  const fd = openLogFile(logFile);
  const from = fs.fstatSync(fd).size;
  opts.log.info({ output: logFile }, 'Resolving the Neo4j jars with Maven (the first run downloads about 150 MB)...');
  let result;
  try {
    result = spawnSync(opts.maven, ['-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${cacheFile}`], { stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
  const output = tailOf(logFile, from, 200);
  for (const line of output.split('\n')) if (line) opts.log.debug({ source: 'maven' }, line);
  if (result.error || result.status !== 0 || !fs.existsSync(cacheFile)) {
    const errors = output.split('\n').filter((line) => line.startsWith('[ERROR]')).slice(0, 10).join('\n');
    throw new EmbeddedNeo4jError(
      `Maven could not resolve org.neo4j:neo4j and org.neo4j:neo4j-bolt (exit ${result.status ?? result.error?.message}); ` +
        `check network access to Maven Central or a mirror in ~/.m2/settings.xml. Maven's output is in ${logFile}.\n` +
        `${errors ? `${errors}\n` : ''}${ALTERNATIVES}`,
    );
  }
  return fs.readFileSync(cacheFile, 'utf8').trim();
}

function javacBeside(java: string): string {
  return path.basename(java) === java ? 'javac' : path.join(path.dirname(java), 'javac');
}

/**
 * The `-cp` and main-class arguments that run `main`, one of the launcher's classes. The launcher sources are
 * compiled once per source, classpath and Java into the cache directory, so a start does not pay for
 * compiling them again; when javac fails, the JVM runs the source file itself (slower to start, same result).
 */
export function launcherArgs(opts: { projectRoot: string; java: string; classpath: string; cacheDir: string; main: string; log: Logger }): string[] {
  const srcDir = path.join(opts.projectRoot, 'launcher', 'src');
  const sources = fs.readdirSync(srcDir).filter((f) => f.endsWith('.java')).sort();
  const hash = createHash('sha256').update(opts.java).update('\0').update(opts.classpath);
  for (const file of sources) hash.update('\0').update(file).update('\0').update(fs.readFileSync(path.join(srcDir, file)));
  const classesDir = path.join(opts.cacheDir, `launcher-${hash.digest('hex').slice(0, 16)}`);
  if (!fs.existsSync(path.join(classesDir, `${opts.main}.class`))) {
    const staging = `${classesDir}.${process.pid}.tmp`;
    fs.rmSync(staging, { recursive: true, force: true });
    const result = spawnSync(
      javacBeside(opts.java),
      ['-proc:none', '-nowarn', '-d', staging, '-cp', opts.classpath, ...sources.map((f) => path.join(srcDir, f))],
      { encoding: 'utf8' },
    );
    if (result.error || result.status !== 0 || !fs.existsSync(path.join(staging, `${opts.main}.class`))) {
      fs.rmSync(staging, { recursive: true, force: true });
      opts.log.warn({ javac: (result.error?.message ?? result.stderr ?? '').slice(0, 500) }, 'Could not compile the launcher; running its source');
      return ['-cp', opts.classpath, path.join(srcDir, `${opts.main}.java`)];
    }
    // Another process may have finished the same classes first; either copy is the same.
    try {
      fs.renameSync(staging, classesDir);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
  return ['-cp', `${classesDir}${path.delimiter}${opts.classpath}`, opts.main];
}
