import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { openGraph } from '../../db/connect';
import { createLogger } from '../../core/logger';
import { ExportRefusedError, SeedExportError, exportSeed } from '../seed/seed.export';

const USAGE = `Usage: npm run seed:export -- DIR [--replace]
  Writes the graph's seed data (sources and their document texts, geography, organisations, topics,
  agreements, activities, parts, people and every relationship with its provenance) as seed files below DIR,
  in the canonical form of seeds/FORMAT.md. Loaded into an empty graph with npm run seed, they give the same
  graph; exported from the graph the committed seeds/ load, they are the committed files byte for byte, so
  \`npm run seed:export -- seeds --replace\` followed by \`git diff seeds\` shows what curation changed.
  Change history and version counters stay in the graph.
  --replace   DIR may hold seed files: every *.jsonl below DIR is deleted first, and text files are
              overwritten (other files, such as notes, are kept). Without it such a DIR is refused.`;

async function run(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { replace: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const dir = path.resolve(positionals[0]);
  const graph = await openGraph(config, log);
  try {
    const result = await exportSeed(graph.db, dir, log, { replace: values.replace });
    process.stdout.write(
      `Exported ${result.nodes} nodes and ${result.relationships} relationships as ${result.records} records in ${result.files.length} files ` +
        `to ${dir} in ${result.seconds.toFixed(1)} s${result.warnings.length ? `; ${result.warnings.length} warning(s):\n${result.warnings.map((w) => `  ${w}`).join('\n')}` : '.'}\n`,
    );
    return 0;
  } finally {
    await graph.close();
  }
}

run().then(
  (code) => process.exit(code),
  (error) => {
    const plain = error instanceof ExportRefusedError || error instanceof SeedExportError;
    process.stderr.write(plain ? `${error.message}\n` : `seed:export failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
