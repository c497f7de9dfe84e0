import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../core/logger';
import { ALTERNATIVES, EmbeddedNeo4jError, checkJava, launcherArgs, resolveClasspath } from './classpath';
import { embeddedCredentials, type EmbeddedCredentials } from './credentials';
import { captureOutput } from './output';
import { awaitJvm } from './jvm-protocol';

export interface EmbeddedOptions {
  projectRoot: string;
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  heap: string;
  pageCacheMb: number;
  java: string;
  maven: string;
  log: Logger;
  /** Transaction log retention, e.g. "1 files" for throwaway test stores. */
  txLogRetention?: string;
  readyTimeoutMs?: number;
}

/** How a JVM ended. */
export interface JvmExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when `stop()` asked for it. */
  requested: boolean;
}

export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  /** The login every client of this database uses (authentication is always on). */
  credentials: EmbeddedCredentials;
  /** Resolves when the JVM has exited, for whatever reason. */
  exited: Promise<JvmExit>;
  /** Shuts the database down cleanly; resolves when the JVM has exited. */
  stop(): Promise<void>;
}

/** The file the JVM's stdout and stderr are appended to: beside Neo4j's own logs in the database's home. */
export function jvmLogFile(dataDir: string): string {
  return path.join(dataDir, 'logs', 'jvm.log');
}

/** Flags of every JVM that serves the embedded database. */
export const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:+ExitOnOutOfMemoryError',
  // Bolt buffers whole messages off-heap; one very large answer needs tens of MB, and running out ends the
  // JVM (ExitOnOutOfMemoryError). Reserved only when used.
  '-XX:MaxDirectMemorySize=512m',
  '-XX:MaxMetaspaceSize=192m',
  '-XX:ReservedCodeCacheSize=96m',
  '-Xss1m',
  '-Dfile.encoding=UTF-8',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-exports=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
];

/**
 * Starts Neo4j Community in a child JVM with Bolt on 127.0.0.1 and resolves once it accepts connections.
 * Authentication is on, with the credentials of `embeddedCredentials(dataDir)` (the password reaches the JVM
 * as a file name, never on its command line). The JVM's output goes to `jvmLogFile(dataDir)`, not to the
 * hub's log. The JVM watches its stdin, which only this process holds: it shuts down when this process exits
 * for any reason, so no orphan database survives the hub.
 */
export async function startEmbeddedNeo4j(opts: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  checkJava(opts.java);
  const cacheDir = path.join(opts.projectRoot, '.neo4j');
  const classpath = resolveClasspath({ projectRoot: opts.projectRoot, maven: opts.maven, cacheDir, log: opts.log });
  const credentials = embeddedCredentials(opts.dataDir);
  const args = [
    `-Xms${opts.heap}`,
    `-Xmx${opts.heap}`,
    ...JVM_FLAGS,
    ...launcherArgs({ projectRoot: opts.projectRoot, java: opts.java, classpath, cacheDir, main: 'EmbeddedNeo4j', log: opts.log }),
    opts.dataDir,
    String(opts.port),
    String(opts.pageCacheMb),
    opts.txLogRetention ?? '2 days',
    credentials.file,
  ];
  const output = jvmLogFile(opts.dataDir);
  opts.log.info({ dataDir: opts.dataDir, port: opts.port || 'any free', output }, 'Starting embedded Neo4j');
  const child = spawn(opts.java, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  captureOutput(child, output, opts.log, 'neo4j');
  const uri = await waitForReady(child, opts.readyTimeoutMs ?? 180_000, opts.dataDir);
  opts.log.info({ uri, pid: child.pid, passwordFile: credentials.file }, 'Embedded Neo4j is ready');

  return embeddedHandle(child, uri, credentials);
}

/** The handle of a JVM serving the embedded database at `uri`: `stop` ends its stdin and waits for it to exit. */
export function embeddedHandle(child: ChildProcessWithoutNullStreams, uri: string, credentials: EmbeddedCredentials): EmbeddedNeo4j {
  let requested = false;
  const exited = new Promise<JvmExit>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode, requested });
    child.once('exit', (code, signal) => resolve({ code, signal, requested }));
  });
  let done = child.exitCode !== null || child.signalCode !== null;
  void exited.then(() => (done = true));
  return {
    uri,
    pid: child.pid ?? -1,
    credentials,
    exited,
    async stop() {
      requested = true;
      if (done) return;
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitForReady(child: ChildProcessWithoutNullStreams, timeoutMs: number, dataDir: string): Promise<string> {
  const wait = await awaitJvm(child, { timeoutMs });
  switch (wait.outcome) {
    case 'ready':
      return wait.uri;
    case 'timeout':
      throw new EmbeddedNeo4jError(`Embedded Neo4j did not become ready within ${timeoutMs / 1000}s. ${ALTERNATIVES}`);
    case 'failed':
      throw new EmbeddedNeo4jError(`Could not run Java: ${wait.error.message}. ${ALTERNATIVES}`);
    case 'exited':
      throw new EmbeddedNeo4jError(
        `Embedded Neo4j exited with code ${wait.code} before it was ready (data in ${dataDir}; its output is in ${jvmLogFile(dataDir)}).\n` +
          `${wait.tail.trim()}\n${ALTERNATIVES}`,
      );
  }
}
