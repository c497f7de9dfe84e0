import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { SeedError } from '../../record/record.problem';
import { loadSeedSet } from '../seed/seed.importer';
import { reportSeed } from '../seed/seed.report';

// Prints what the seed files hold: nodes by type, relationships by type, and what each source contributes.
const { values } = parseArgs({ options: { dir: { type: 'string' }, json: { type: 'boolean', default: false } } });
const dir = values.dir ? path.resolve(values.dir) : loadConfig().seedDir;
try {
  const set = loadSeedSet(dir);
  const report = reportSeed(set);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const table = (title: string, rows: [string, string][]) => {
      const width = Math.max(...rows.map(([k]) => k.length), title.length);
      process.stdout.write(`\n${title}\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n`);
    };
    const sorted = (o: Record<string, number>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, String(v)] as [string, string]);
    table('Nodes by type', sorted(report.nodesByType));
    table('Relationships by type', sorted(report.relationshipsByType));
    table(
      'By source (nodes / relationships citing it)',
      Object.entries(report.bySource)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, `${v.nodes} / ${v.relationships}`]),
    );
  }
} catch (error) {
  if (error instanceof SeedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
