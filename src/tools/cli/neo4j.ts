import path from 'node:path';
import { loadConfig } from '../../core/config';
import { EmbeddedNeo4jError } from '../../db/embedded/classpath';
import { startEmbeddedNeo4j } from '../../db/embedded/launcher';
import { JVM_SAYS } from '../../db/embedded/jvm-protocol';
import { superviseEmbedded } from '../../db/embedded/supervisor';
import { embeddedStartOptions, portOf } from '../../db/connect';
import { createLogger } from '../../core/logger';

// Runs the embedded Neo4j alone (for cypher-shell, a Neo4j desktop client or a second hub process),
// until Ctrl-C, starting it again if its JVM dies. Prints "NEO4J_READY <uri> <pid>" on stdout once Bolt
// accepts connections, then the user name and the file holding the password.
async function run(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (config.neo4j.mode !== 'embedded') {
    process.stderr.write('NEO4J_URI is set: there is no embedded database to start.\n');
    process.exit(2);
  }
  const target = config.neo4j;
  let stopRequested = false;
  let stopEmbedded: (() => Promise<void>) | undefined;
  const stop = async () => {
    stopRequested = true;
    await stopEmbedded?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  const start = embeddedStartOptions(config, target, log);
  const first = await startEmbeddedNeo4j(start);
  const port = portOf(first.uri);
  const embedded = superviseEmbedded(first, {
    log,
    restart: () => startEmbeddedNeo4j({ ...start, port }),
    onGiveUp: () => process.exit(1),
    logsDir: path.join(target.dataDir, 'logs'),
  });
  stopEmbedded = () => embedded.stop();
  if (stopRequested) return stop();
  const { username, file } = embedded.credentials;
  process.stdout.write(
    `${JVM_SAYS.ready} ${embedded.uri} ${embedded.pid}\n` +
      `User ${username}, password in ${file} (owner-only), e.g.: cypher-shell -a ${embedded.uri} -u ${username} -p "$(cat ${file})"\n`,
  );
}

run().catch((error) => {
  process.stderr.write(`${error instanceof EmbeddedNeo4jError ? error.message : String(error)}\n`);
  process.exit(1);
});
