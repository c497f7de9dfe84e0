import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The two graph sizes the README names. */
export const BENCH_SIZES = {
  small: { orgs: 10_000, links: 100_000, heap: '1g', pageCacheMb: 1024 },
  large: { orgs: 100_000, links: 1_000_000, heap: '2g', pageCacheMb: 3072 },
} as const;

export type BenchSize = keyof typeof BENCH_SIZES;

export interface BenchOptions {
  size: BenchSize;
  seed: number;
  latencySeconds: number;
  warmupSeconds: number;
  warmupMaxSeconds: number;
  rounds: number;
  throughputSeconds: number;
  concurrency: number;
  samples: number;
  families?: string[];
  outDir?: string;
  /** Import even into an external database (NEO4J_URI): its graph is replaced. */
  replaceExternal: boolean;
  /** The start script of another build of the hub, measured in the same run as a fourth target. */
  baselineHub?: string;
}

export const BENCH_USAGE = `Usage: npm run bench -- [--size small|large] [options]
Starts a Neo4j holding the synthetic network of that size (generated and imported on first use, kept in
.bench/), the hub and @neo4j/graphql on it, and measures each query family against the three targets.
  --size S                small (10k organisations, 100k links; default) or large (100k, 1M)
  --seed N                synthetic network seed (default 1)
  --warmup-seconds N      untimed interleaved rounds per family before the latency phase, at least (default 10;
                          0: none); they go on while any target's median latency still falls by over 5%
  --warmup-max-seconds N  warm-up per family, at most (default 60)
  --latency-seconds N     latency phase per family, at most (default 20)
  --rounds N              latency rounds per family, at most (default 400)
  --throughput-seconds N  throughput phase per family and target (default 6)
  --concurrency N         requests in flight in the throughput phase (default 8)
  --samples N             distinct parameter sets drawn from the graph (default 50)
  --family NAME           only this family (repeatable), e.g. --family partners
  --out DIR               where the report goes (default bench/results)
  --replace-external      with NEO4J_URI set: replace that database's graph with the synthetic one
  --baseline-hub FILE     also measure another build of the hub, started from FILE (e.g. an earlier commit's
                          checkout after its build: <dir>/dist/src/main.js), asked the hub's questions in the same
                          rounds and slices, so that its ratios to the floor come from the same run
Heap and page cache of the embedded Neo4j follow the size (small 1g/1024 MB, large 2g/3072 MB).`;

const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const Schema = z.object({
  size: z.enum(['small', 'large']).default('small'),
  seed: count(0, 2 ** 31 - 1).default(1),
  'warmup-seconds': count(0, 3600).default(10),
  'warmup-max-seconds': count(1, 3600).default(60),
  'latency-seconds': count(1, 3600).default(20),
  rounds: count(1, 1_000_000).default(400),
  'throughput-seconds': count(1, 3600).default(6),
  concurrency: count(1, 256).default(8),
  samples: count(1, 10_000).default(50),
  family: z.array(z.string()).optional(),
  out: z.string().optional(),
  'replace-external': z.boolean().default(false),
  'baseline-hub': z.string().min(1).optional(),
});

/** Parses the command line; `help` or a message naming the bad option instead of options. */
export function parseBenchArgs(argv: string[]): { ok: true; options: BenchOptions } | { ok: false; help: boolean; message: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        size: { type: 'string' },
        seed: { type: 'string' },
        'warmup-seconds': { type: 'string' },
        'warmup-max-seconds': { type: 'string' },
        'latency-seconds': { type: 'string' },
        rounds: { type: 'string' },
        'throughput-seconds': { type: 'string' },
        concurrency: { type: 'string' },
        samples: { type: 'string' },
        family: { type: 'string', multiple: true },
        out: { type: 'string' },
        'replace-external': { type: 'boolean' },
        'baseline-hub': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, help: false, message: (error as Error).message };
  }
  if (values.help) return { ok: false, help: true, message: BENCH_USAGE };
  const parsed = Schema.safeParse(values);
  if (!parsed.success) {
    return { ok: false, help: false, message: parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n') };
  }
  const v = parsed.data;
  return {
    ok: true,
    options: {
      size: v.size,
      seed: v.seed,
      latencySeconds: v['latency-seconds'],
      warmupSeconds: v['warmup-seconds'],
      warmupMaxSeconds: v['warmup-max-seconds'],
      rounds: v.rounds,
      throughputSeconds: v['throughput-seconds'],
      concurrency: v.concurrency,
      samples: v.samples,
      families: v.family,
      outDir: v.out,
      replaceExternal: v['replace-external'],
      baselineHub: v['baseline-hub'],
    },
  };
}
