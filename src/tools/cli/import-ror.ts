import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { applyGraphSchema } from '../../db/constraints';
import { openGraph } from '../../db/connect';
import { createLogger } from '../../core/logger';
import { importRor } from '../ror/ror.importer';
import { SeedError, type SeedProblem } from '../../record/record.problem';

const USAGE = `Usage: npm run import:ror -- <file> [--on-error skip|refuse]
  Imports a ROR file (a JSON array of ROR records, schema v1 or v2, bare or as {rorRelease, record}) in one transaction.
  --on-error refuse   any problem aborts the import and nothing is written (default)
  --on-error skip     records with a problem are reported and left out; the others are imported`;

const describe = (p: SeedProblem) =>
  `${p.file} ${p.line === 0 ? '(whole file)' : `record #${p.line}`}${p.field ? ` [${p.field}]` : ''}: ${p.message}`;

async function run(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'on-error': { type: 'string', default: 'refuse' }, help: { type: 'boolean', default: false } },
  });
  const onError = values['on-error'];
  if (values.help || positionals.length !== 1 || (onError !== 'skip' && onError !== 'refuse')) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const file = path.resolve(positionals[0]);
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const graph = await openGraph(config, log);
  try {
    await applyGraphSchema(graph.db);
    const r = await importRor(graph.db, file, log, { onError });
    for (const p of r.problems) process.stderr.write(`skipped: ${describe(p)}\n`);
    process.stdout.write(
      `Imported ${r.records} ROR records from ${file}: ${r.created} created, ${r.updated} updated, ${r.merged} merged into curated ` +
        `organisations, ${r.relations} relations; ${r.skipped} skipped, ${r.withdrawn} withdrawn, ${r.unresolved} relationships to unknown organisations left out.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SeedError) {
      for (const p of error.problems) process.stderr.write(`${describe(p)}\n`);
      process.stderr.write(`\n${error.problems.length} problem(s); the graph was not changed.\n`);
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
    process.stderr.write(`import:ror failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
