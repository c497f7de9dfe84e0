import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../core/config';
import { DEFAULT_MEASURE_OPTIONS, MEASURE_CHROMIUM, measureGraphLibraries } from '../explore/measure-graph-libraries';
import { measureReport, measureTable } from '../explore/measure-report';

const DEFAULT_OUT = path.join('bench', 'results', 'explorer.md');

const USAGE = `Usage: measure-explorer [--runs N] [--nodes N] [--edges N] [--out FILE]
Draws the same random network with sigma.js and Cytoscape.js in headless Chromium (${MEASURE_CHROMIUM}),
prints the medians and writes them with every run to FILE (default ${DEFAULT_OUT}).`;

function positive(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
}

// Measures the graph libraries; exits 2 on bad arguments or a missing browser, 1 on any other failure.
async function run(): Promise<number> {
  const opts = { ...DEFAULT_MEASURE_OPTIONS };
  let out = DEFAULT_OUT;
  const args = process.argv.slice(2);
  try {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--help' || arg === '-h') {
        process.stdout.write(`${USAGE}\n`);
        return 0;
      } else if (arg === '--runs') opts.runs = positive(args[++i], '--runs');
      else if (arg === '--nodes') opts.nodes = positive(args[++i], '--nodes');
      else if (arg === '--edges') opts.edges = positive(args[++i], '--edges');
      else if (arg === '--out' && args[i + 1]) out = args[++i];
      else throw new Error(`unknown argument ${arg}`);
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!fs.existsSync(MEASURE_CHROMIUM)) {
    process.stderr.write(`No Chromium at ${MEASURE_CHROMIUM}: install Debian's chromium package.\n`);
    return 2;
  }
  const result = await measureGraphLibraries(opts, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${measureTable(result)}\n`);
  const file = path.resolve(projectRoot, out);
  const command = ['npm run bench:explorer', ...(args.length ? ['--', ...args] : [])].join(' ');
  fs.writeFileSync(file, measureReport(result, command));
  process.stdout.write(`Wrote ${path.relative(projectRoot, file)}\n`);
  return 0;
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
