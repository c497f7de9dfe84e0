import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../config';
import { applyGraphSchema } from '../graph-schema';
import { openGraph } from '../graph-connection';
import { createLogger } from '../logger';
import { importSeed } from '../seed/seed.importer';
import { SeedError } from '../seed/seed.problem';

const USAGE = `Usage: npm run seed -- [--dir DIR] [--reset]
  Loads every *.jsonl seed file below DIR (default: seeds/) into the graph in one transaction.
  --reset   delete the whole graph first (in the same transaction)`;

async function run(): Promise<number> {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, reset: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const dir = values.dir ? path.resolve(values.dir) : config.seedDir;
  const graph = await openGraph(config, log);
  try {
    await applyGraphSchema(graph.db);
    const result = await importSeed(graph.db, dir, log, { reset: values.reset });
    process.stdout.write(
      `Imported ${result.nodes} nodes and ${result.relationships} relationships from ${result.files} files in ${result.seconds.toFixed(1)} s; ` +
        `the graph holds ${result.graph.nodes} nodes, ${result.graph.relationships} relationships, ${result.graph.properties} properties.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SeedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await graph.close();
  }
}

run().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
