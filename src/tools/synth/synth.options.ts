import path from 'node:path';
import { parseArgs } from 'node:util';

export const SYNTH_LIMITS = {
  orgs: { min: 10, max: 1_000_000 },
  links: { min: 2, max: 20_000_000 },
  seed: { min: 0, max: 4_294_967_295 },
} as const;

export const SYNTH_USAGE = `Usage: npm run synth -- --orgs N --links M --seed S [--out DIR] [--seeds DIR]
  Writes a deterministic synthetic cooperation network in the seed format (JSON Lines) to DIR
  (default .synth/<N>-<M>-<S>/). It refers to the curated provinces, countries and topics of the
  seed folder (--seeds, default seeds/), so load it together with them.
  --orgs N    organisations to generate (${SYNTH_LIMITS.orgs.min}..${SYNTH_LIMITS.orgs.max})
  --links M   party + participation records (${SYNTH_LIMITS.links.min}..${SYNTH_LIMITS.links.max}); each agreement or
              activity has 2-6 participants (3.2 on average), so there are about M/3.2 of them (M/6..M/2)
  --seed S    PRNG seed (${SYNTH_LIMITS.seed.min}..${SYNTH_LIMITS.seed.max}); the same N, M, S give byte-identical files`;

export interface SynthOptions {
  orgs: number;
  links: number;
  seed: number;
  outDir: string;
  seedDir: string;
}

export type ParsedSynthArgs = { ok: true; options: SynthOptions } | { ok: false; help?: boolean; message: string };

function integer(name: keyof typeof SYNTH_LIMITS, raw: string | undefined, errors: string[]): number {
  const { min, max } = SYNTH_LIMITS[name];
  if (raw === undefined) {
    errors.push(`--${name} is required (an integer from ${min} to ${max})`);
    return 0;
  }
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    errors.push(`--${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

/** Parses and validates the synth command line; the default folders are below `root`. Never throws. */
export function parseSynthArgs(argv: string[], root: string): ParsedSynthArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        orgs: { type: 'string' },
        links: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        seeds: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (values.help) return { ok: false, help: true, message: SYNTH_USAGE };
  const errors: string[] = [];
  const orgs = integer('orgs', values.orgs as string | undefined, errors);
  const links = integer('links', values.links as string | undefined, errors);
  const seed = integer('seed', values.seed as string | undefined, errors);
  if (errors.length) return { ok: false, message: errors.join('\n') };
  // Given folders are relative to the working directory; the defaults live in the project.
  const outDir = values.out ? path.resolve(values.out as string) : path.join(root, '.synth', `${orgs}-${links}-${seed}`);
  const seedDir = values.seeds ? path.resolve(values.seeds as string) : path.join(root, 'seeds');
  return { ok: true, options: { orgs, links, seed, outDir, seedDir } };
}
