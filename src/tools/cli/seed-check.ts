import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { mergeSeed } from '../../record/record.merge';
import { validateSeed } from '../seed/seed.texts';
import { formatProblem } from '../../record/record.problem';
import { readSeedDir } from '../seed/seed.read';

// Validates the seed files without touching any database; exits 1 and lists every problem when any.
const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const dir = values.dir ? path.resolve(values.dir) : loadConfig().seedDir;
const set = mergeSeed(readSeedDir(dir));
const problems = validateSeed(set, dir);
if (!problems.length && !set.nodes.size && !set.edges.length) {
  // The import refuses such a folder; the check says so first.
  process.stderr.write(`No seed records in ${dir} (no *.jsonl file below it holds a record).\n`);
  process.exit(1);
}
if (problems.length) {
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  process.stderr.write(`\n${problems.length} problem(s) in ${set.files.length} seed files.\n`);
  process.exit(1);
}
process.stdout.write(`Seed data is valid: ${set.files.length} files, ${set.nodes.size} nodes, ${set.edges.length} relationship records.\n`);
