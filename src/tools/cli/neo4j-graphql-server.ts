import { parseArgs } from 'node:util';
import { startNeo4jGraphqlServer } from '../bench/neo4j-graphql.server';
import { childEnv, loadConfig } from '../../core/config';

// The benchmark's @neo4j/graphql process. Usage: node neo4j-graphql-server.js --uri bolt://... [--port N]
// [--database D]; it logs in as NEO4J_USERNAME / NEO4J_PASSWORD when set (kept off the command line).
// Prints "NEO4J_GRAPHQL_READY <url>" once it listens; stops on SIGINT/SIGTERM or when its stdin closes (the
// benchmark holds the other end, so it never outlives it).
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { uri: { type: 'string' }, port: { type: 'string', default: '0' }, database: { type: 'string' } } });
  if (!values.uri) throw new Error('--uri is required');
  const target = loadConfig(childEnv({ NEO4J_URI: values.uri })).neo4j;
  const login = target.mode === 'external' ? { username: target.username, password: target.password } : {};
  const server = await startNeo4jGraphqlServer({ uri: values.uri, port: Number(values.port), database: values.database, ...login });
  process.stdout.write(`NEO4J_GRAPHQL_READY ${server.url}\n`);
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((error) => {
  process.stderr.write(`neo4j-graphql server failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
