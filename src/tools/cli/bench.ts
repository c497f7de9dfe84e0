// The families share limits with the network service, whose types carry type-graphql decorators.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAMILIES } from '../bench/bench.families';
import { BENCH_SIZES, parseBenchArgs, type BenchOptions } from '../bench/bench.options';
import { startNodeProcess, type BenchProcess } from '../bench/bench.processes';
import { renderReport } from '../bench/bench.report';
import { drawSamples, holdsSynth } from '../bench/bench.repository';
import { runBenchmark } from '../bench/bench.runner';
import { childEnv, loadConfig, projectRoot, type Config } from '../../core/config';
import { applyGraphSchema } from '../../db/constraints';
import { attachGraph, openGraph, type GraphConnection } from '../../db/connect';
import { createLogger, type Logger } from '../../core/logger';
import { importSeedBulk, type BulkResult } from '../seed/seed.bulk';
import { entityCounts } from '../../record/record.repository';
import { importSeedStore } from '../seed/seed.store';
import { generateSynth, SYNTH_FILES } from '../synth/synth.generate';
import { readSynthReference } from '../synth/synth.reference';

const say = (line: string) => process.stderr.write(`${line}\n`);

/** The synthetic folder for the options, generated when any of its files is missing. */
async function ensureSynth(config: Config, opts: BenchOptions): Promise<string> {
  const { orgs, links } = BENCH_SIZES[opts.size];
  const dir = path.join(projectRoot, '.synth', `${orgs}-${links}-${opts.seed}`);
  if (Object.values(SYNTH_FILES).every((f) => fs.existsSync(path.join(dir, f)))) return dir;
  say(`Generating the ${opts.size} synthetic network in ${dir}`);
  await generateSynth({ orgs, links, seed: opts.seed, outDir: dir }, readSynthReference(config.seedDir), ({ records, seconds }) =>
    say(`  ${records.toLocaleString('en')} records, ${Math.round(records / seconds).toLocaleString('en')}/s`),
  );
  return dir;
}

/** The graph to measure: NEO4J_URI when set, else an embedded Neo4j whose store is kept per size under .bench/. */
async function ensureGraph(config: Config, opts: BenchOptions, log: Logger): Promise<{ graph: GraphConnection; uri: string; login: Record<string, string> }> {
  const size = BENCH_SIZES[opts.size];
  const external = config.neo4j.mode === 'external';
  const target: Config['neo4j'] = external
    ? config.neo4j
    : { mode: 'embedded', dataDir: path.join(projectRoot, '.bench', `${opts.size}-${opts.seed}`, 'neo4j'), port: 0, heap: size.heap, pageCacheMb: size.pageCacheMb };
  say(external ? `Using the Neo4j at NEO4J_URI` : `Starting Neo4j (store ${target.mode === 'embedded' ? target.dataDir : ''}, heap ${size.heap}, page cache ${size.pageCacheMb} MB)`);
  const open = () => openGraph({ ...config, neo4j: target }, log);
  let graph = await open();
  try {
    await applyGraphSchema(graph.db);
    if (!(await holdsSynth(graph.db, size.orgs, size.links))) {
      if (external && !opts.replaceExternal) {
        throw new Error('the database at NEO4J_URI does not hold this synthetic network; rerun with --replace-external to replace its graph');
      }
      const dir = await ensureSynth(config, opts);
      say(`Importing ${dir} (the graph is replaced; progress follows)`);
      let result: BulkResult;
      if (target.mode === 'external') {
        result = await importSeedBulk(graph.db, [dir], log, { curatedDir: config.seedDir, reset: true });
      } else {
        // Neo4j's offline importer needs the store closed. The import serves the new store only for its schema and
        // checks and stops it when done, so it is opened again here (once per new bench store).
        await graph.close();
        const { dataDir } = target;
        result = await importSeedStore([dir], log, config.seedDir, {
          projectRoot,
          dataDir,
          java: config.java,
          maven: config.maven,
          serve: { port: 0, pageCacheMb: size.pageCacheMb, heap: size.heap },
          open: (embedded) => attachGraph(embedded),
        });
        graph = await open();
      }
      say(`Imported ${result.relationships.toLocaleString('en')} relationships in ${result.seconds.toFixed(1)} s (${result.relationshipsPerSecond.toLocaleString('en')}/s)`);
    }
  } catch (error) {
    await graph.close();
    throw error;
  }
  const uri = config.neo4j.mode === 'external' ? config.neo4j.uri : graph.embedded!.uri;
  const login = config.neo4j.mode === 'external' ? config.neo4j : graph.embedded!.credentials;
  const env: Record<string, string> = {};
  if (login.username !== undefined) env.NEO4J_USERNAME = login.username;
  if (login.password !== undefined) env.NEO4J_PASSWORD = login.password;
  return { graph, uri, login: env };
}

async function run(): Promise<number> {
  const parsed = parseBenchArgs(process.argv.slice(2));
  if (!parsed.ok) {
    (parsed.help ? process.stdout : process.stderr).write(`${parsed.message}\n`);
    return parsed.help ? 0 : 2;
  }
  const opts = parsed.options;
  const families = opts.families ? FAMILIES.filter((f) => opts.families!.includes(f.name)) : FAMILIES;
  if (!families.length) {
    process.stderr.write(`No family named ${opts.families!.join(', ')}; the families are: ${FAMILIES.map((f) => f.name).join(', ')}\n`);
    return 2;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const { graph, uri, login } = await ensureGraph(config, opts, log);
  const servers: BenchProcess[] = [];
  let peakUnderLoad = 0;
  const sampler = setInterval(() => {
    peakUnderLoad = Math.max(peakUnderLoad, servers[0]?.rssMib() ?? 0);
  }, 250);
  try {
    const size = await entityCounts(graph.db);
    say(`Graph: ${size.nodes.toLocaleString('en')} nodes, ${size.relationships.toLocaleString('en')} relationships`);
    const database = config.neo4j.database;
    say('Starting the hub and @neo4j/graphql');
    // One client asks everything here: the per-client rate and in-flight caps would measure themselves.
    const hubEnv = childEnv({ NEO4J_URI: uri, ...login, HOST: '127.0.0.1', PORT: '0', SEED_ON_START: 'never', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', CLIENT_MAX_IN_FLIGHT: '10000', CLIENT_COST_PER_SECOND: '0', MAX_HEAVY_IN_FLIGHT: '10000' });
    servers.push(
      await startNodeProcess({
        name: 'hub',
        script: path.join(projectRoot, 'dist', 'src', 'tools', 'cli', 'start.js'),
        env: hubEnv,
        ready: /coop-hub is ready at (http[^"\s]+)/,
      }),
    );
    servers.push(
      await startNodeProcess({
        name: '@neo4j/graphql',
        script: path.join(projectRoot, 'dist', 'src', 'tools', 'cli', 'neo4j-graphql-server.js'),
        args: ['--uri', uri, ...(database ? ['--database', database] : [])],
        // The login travels in the environment, not on a command line.
        env: childEnv(login),
        ready: /NEO4J_GRAPHQL_READY (\S+)/,
      }),
    );
    const [hub, neo] = servers;
    let baseline: BenchProcess | undefined;
    if (opts.baselineHub) {
      say(`Starting the baseline hub (${opts.baselineHub})`);
      baseline = await startNodeProcess({ name: 'baseline hub', script: path.resolve(opts.baselineHub), env: hubEnv, ready: /coop-hub is ready at (http[^"\s]+)/ });
      servers.push(baseline);
    }
    const samples = await drawSamples(graph.db, opts.samples, opts.seed);
    say(`Measuring ${families.length} families with ${samples.length} parameter sets`);
    const results = await runBenchmark(families, samples, {
      hubUrl: hub.url,
      neo4jGraphqlUrl: neo.url,
      baselineUrl: baseline?.url,
      db: graph.db,
      cpuMicros: { hub: hub.cpuMicros, neo4jGraphql: neo.cpuMicros, ...(baseline ? { baseline: baseline.cpuMicros } : {}) },
    }, {
      rounds: opts.rounds,
      latencySeconds: opts.latencySeconds,
      warmupSeconds: opts.warmupSeconds,
      warmupMaxSeconds: opts.warmupMaxSeconds,
      minRounds: Math.min(20, opts.rounds),
      concurrency: opts.concurrency,
      throughputSeconds: opts.throughputSeconds,
      checkSamples: Math.min(10, samples.length),
      onProgress: say,
    });
    const cpus = os.cpus();
    const report = renderReport(results, {
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      date: new Date().toISOString(),
      graph: { label: `${opts.size} synthetic network (${BENCH_SIZES[opts.size].orgs.toLocaleString('en')} organisations, ${BENCH_SIZES[opts.size].links.toLocaleString('en')} links, seed ${opts.seed})`, ...size },
      machine: `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
      concurrency: opts.concurrency,
      warmupSeconds: opts.warmupSeconds,
      warmupMaxSeconds: opts.warmupMaxSeconds,
      hubPeakRssMib: hub.peakRssMib(),
      hubLoadRssMib: peakUnderLoad || undefined,
      neo4jGraphqlPeakRssMib: neo.peakRssMib(),
      baseline: baseline ? { label: `the baseline build (${opts.baselineHub})`, peakRssMib: baseline.peakRssMib() } : undefined,
    });
    const outDir = path.resolve(opts.outDir ?? path.join(projectRoot, 'bench', 'results'));
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `${opts.size}.md`);
    fs.writeFileSync(file, report);
    process.stdout.write(`${report}\nWritten to ${path.relative(process.cwd(), file)}\n`);
    return 0;
  } finally {
    clearInterval(sampler);
    for (const s of servers) await s.stop();
    await graph.close();
  }
}

run().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
