import path from 'node:path';
import { projectRoot } from '../../core/config';
import { generateSynth, type SynthProgress } from '../synth/synth.generate';
import { parseSynthArgs } from '../synth/synth.options';
import { readSynthReference } from '../synth/synth.reference';

// Writes a synthetic network in the seed format; exits 2 on bad arguments, 1 on any other failure.
async function run(): Promise<number> {
  const parsed = parseSynthArgs(process.argv.slice(2), projectRoot);
  if (!parsed.ok) {
    if (parsed.help) {
      process.stdout.write(`${parsed.message}\n`);
      return 0;
    }
    process.stderr.write(`${parsed.message}\nRun with --help for usage.\n`);
    return 2;
  }
  const { options } = parsed;
  const ref = readSynthReference(options.seedDir);
  const live = process.stderr.isTTY;
  const progress = ({ records, seconds }: SynthProgress) => {
    const line = `  ${records.toLocaleString('en')} records, ${Math.round(records / seconds).toLocaleString('en')}/s`;
    process.stderr.write(live ? `\r${line}` : `${line}\n`);
  };
  const s = await generateSynth(options, ref, progress);
  if (live) process.stderr.write('\n');
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '0.0');
  const events = s.agreements + s.activities;
  process.stdout.write(
    `Wrote ${s.records.toLocaleString('en')} records (${(s.bytes / 1048576).toFixed(1)} MiB) to ${s.outDir} in ${s.seconds.toFixed(1)} s ` +
      `(${Math.round(s.records / Math.max(s.seconds, 0.001)).toLocaleString('en')}/s):\n` +
      `  ${s.organizations} organisations, ${s.agreements} agreements, ${s.activities} activities, ` +
      `${s.parties} party + ${s.participations} participation records; ${pct(s.crossRegion, events)}% cross-region.\n` +
      `Load it with the curated seeds: npm run seed -- --reset --bulk ${path.relative(process.cwd(), s.outDir) || '.'}\n`,
  );
  return 0;
}

run().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`synth failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
