import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig, projectRoot } from '../../core/config';
import { applyGraphSchema } from '../../db/constraints';
import { attachGraph, openGraph } from '../../db/connect';
import { createLogger } from '../../core/logger';
import { ImportRefusedError, PUBLISH_BYTES_PER_ENTITY, importSeedBulk, recoverImports, type BulkResult } from '../seed/seed.bulk';
import { importSeedStore } from '../seed/seed.store';
import { importSeed } from '../seed/seed.importer';
import { EmptySeedError, SeedError } from '../../record/record.problem';

const USAGE = `Usage: npm run seed -- [--dir DIR] [--reset] [--bulk EXTRA_DIR ... [--batch N] [--writers N] [--online] [--max-publish N]]
       npm run seed -- --recover
  Loads every *.jsonl seed file below DIR (default: seeds/) into the graph in one transaction. A folder
  without any record is refused (exit code 1) and the graph is not changed.
  --reset        delete the whole graph first (in the same transaction as DIR's import)
  --bulk DIR     (repeatable) also stream the seed files below DIR (e.g. .synth/10000-100000-1), which may
                 refer to DIR's ids: validated first (nothing is written on a problem), then written.
                 With --reset on the embedded database (no NEO4J_URI), Neo4j's offline importer builds a
                 new store from CSV files (the database must not be running; the old store stays if
                 anything fails). Otherwise the records are staged in batches, invisible to readers, and
                 published in one final transaction: readers see all of the import or none of it. What a
                 killed run staged is removed by the next run or by --recover. Progress on stderr.
  --online       with --reset --bulk on the embedded database, write in transactions instead
  --batch N      records per batch: rows per statement when writing in transactions (default 10000),
                 records per step of the CSV files for the offline importer (default 250)
  --writers N    write transactions in flight at once when writing in transactions (default 2)
  --max-publish N  most nodes and relationships the publishing transaction may touch (the old graph's
                 included with --reset); by default what the server's transaction memory holds at
                 ${PUBLISH_BYTES_PER_ENTITY / 1024} KB each. A larger import is refused (before staging when the checks foresee it)
  --recover      remove the staged data of import runs that never published (killed, or their database
                 was), even one that looks alive: use it only when no import is running`;

function bulkSummary(bulk: BulkResult): string {
  return (
    `Bulk-imported ${bulk.records} records (${bulk.nodes} nodes, ${bulk.relationships} relationships) from ${bulk.files} files ` +
    `in ${bulk.seconds.toFixed(1)} s (${bulk.relationshipsPerSecond} relationships/s${bulk.run ? `; run ${bulk.run}` : ''}); ` +
    `the graph holds ${bulk.graph.nodes} nodes, ${bulk.graph.relationships} relationships` +
    `${bulk.graph.properties === undefined ? '' : `, ${bulk.graph.properties} properties`}.\n`
  );
}

async function run(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      reset: { type: 'boolean', default: false },
      bulk: { type: 'string', multiple: true },
      batch: { type: 'string' },
      writers: { type: 'string' },
      online: { type: 'boolean', default: false },
      'max-publish': { type: 'string' },
      recover: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const dir = values.dir ? path.resolve(values.dir) : config.seedDir;
  const batchSize = values.batch === undefined ? undefined : Number(values.batch);
  if (batchSize !== undefined && !(Number.isSafeInteger(batchSize) && batchSize >= 1 && batchSize <= 100_000)) {
    process.stderr.write(`--batch must be an integer from 1 to 100000, got '${values.batch}'\n`);
    return 2;
  }
  const writers = values.writers === undefined ? undefined : Number(values.writers);
  if (writers !== undefined && !(Number.isSafeInteger(writers) && writers >= 1 && writers <= 8)) {
    process.stderr.write(`--writers must be an integer from 1 to 8, got '${values.writers}'\n`);
    return 2;
  }
  const maxPublish = values['max-publish'] === undefined ? undefined : Number(values['max-publish']);
  if (maxPublish !== undefined && !(Number.isSafeInteger(maxPublish) && maxPublish >= 1)) {
    process.stderr.write(`--max-publish must be a positive integer, got '${values['max-publish']}'\n`);
    return 2;
  }
  if (values.recover) {
    const graph = await openGraph(config, log);
    try {
      const runs = await recoverImports(graph.db, log, { force: true });
      process.stdout.write(runs.length ? `Removed the staged data of ${runs.length} unpublished import run(s): ${runs.map((r) => r.id).join(', ')}.\n` : 'No unpublished import run was found.\n');
      return 0;
    } finally {
      await graph.close();
    }
  }
  const dirs = (values.bulk ?? []).map((d) => path.resolve(d));
  const target = config.neo4j;
  if (dirs.length && values.reset && target.mode === 'embedded' && !values.online) {
    const bulk = await importSeedStore(dirs, log, dir, {
      projectRoot,
      dataDir: target.dataDir,
      java: config.java,
      maven: config.maven,
      batchSize,
      serve: { port: target.port, pageCacheMb: target.pageCacheMb, heap: target.heap },
      open: (embedded) => attachGraph(embedded, target.database),
    });
    process.stdout.write(bulkSummary(bulk));
    return 0;
  }
  const graph = await openGraph(config, log);
  try {
    await applyGraphSchema(graph.db);
    if (dirs.length) {
      const bulk = await importSeedBulk(graph.db, dirs, log, { curatedDir: dir, batchSize, writers, reset: values.reset, maxPublish });
      process.stdout.write(bulkSummary(bulk));
      return 0;
    }
    const result = await importSeed(graph.db, dir, log, { reset: values.reset });
    process.stdout.write(
      `Imported ${result.nodes} nodes and ${result.relationships} relationships from ${result.files} files in ${result.seconds.toFixed(1)} s; ` +
        `the graph holds ${result.graph.nodes} nodes, ${result.graph.relationships} relationships, ${result.graph.properties} properties.\n`,
    );
    return 0;
  } finally {
    await graph.close();
  }
}

run().then(
  (code) => process.exit(code),
  (error) => {
    // A SeedError lists every problem with file and line; a refusal says why; anything else is one message.
    const plain = error instanceof SeedError || error instanceof EmptySeedError || error instanceof ImportRefusedError;
    process.stderr.write(plain ? `${error.message}\n` : `seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
