import type { Database } from '../../db/database';
import type { Logger } from '../../core/logger';
import { mergeSeed, type SeedSet } from '../../record/record.merge';
import { EmptySeedError, SeedError } from '../../record/record.problem';
import { readSeedDir } from './seed.read';
import { buildSeedRows } from '../../record/record.rows';
import { attachDocumentTexts, validateSeed } from './seed.texts';
import {
  DELETE_EVERYTHING,
  UPSERT_NODE,
  UPSERT_ORGANIZATION_OF_KIND,
  UPSERT_REL,
  UPSERT_UNIT_OF_LEVEL,
  graphCounts,
  runBatched,
  type GraphCounts,
  type RelSpec,
} from '../../record/record.repository';

export interface SeedOptions {
  /** Delete the whole graph first, in the same transaction as the import. */
  reset?: boolean;
  batchSize?: number;
}

export interface SeedResult {
  files: number;
  nodes: number;
  relationships: number;
  seconds: number;
  graph: GraphCounts;
}

/**
 * Reads, merges and validates every seed file below `dir`.
 * @throws SeedError listing every problem (file, line, field) when anything is wrong.
 * @throws EmptySeedError when no file below `dir` holds a record.
 */
export function loadSeedSet(dir: string): SeedSet {
  const parsed = readSeedDir(dir);
  // Nothing to import is a mistake (a wrong path), not a no-op: with a reset it would empty the graph.
  if (!parsed.nodes.length && !parsed.edges.length && !parsed.problems.length) throw new EmptySeedError(dir);
  const set = mergeSeed(parsed);
  validateSeed(set, dir);
  if (set.problems.length) throw new SeedError(set.problems);
  attachDocumentTexts(set, dir);
  return set;
}

/**
 * Loads the seed folder into the graph (see `writeSeedSet`). The data is validated first: on any problem
 * a SeedError is thrown and nothing is written. Running it twice leaves the same graph.
 */
export async function importSeed(db: Database, dir: string, log: Logger, options: SeedOptions = {}): Promise<SeedResult> {
  const started = Date.now();
  const set = loadSeedSet(dir);
  const result = await writeSeedSet(db, set, log, options);
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

/**
 * Writes a validated seed set with batched UNWIND ... MERGE statements, all in one write transaction:
 * any failure leaves the graph exactly as it was.
 */
export async function writeSeedSet(db: Database, set: SeedSet, log: Logger, options: SeedOptions = {}): Promise<SeedResult> {
  const started = Date.now();
  const rows = buildSeedRows(set);
  const batch = options.batchSize ?? 1000;
  const relCount = Object.values(rows.rels).reduce((n, r) => n + r.length, 0);
  log.info({ files: set.files.length, nodes: set.nodes.size, relationships: relCount }, 'Importing');

  await db.writeTx(async (tx) => {
    if (options.reset) await db.runIn(tx, DELETE_EVERYTHING);
    const step = (what: string, total: number) => (done: number) => log.info(`  ${what}: ${done}/${total}`);
    for (const [type, list] of Object.entries(rows.nodes)) {
      await runBatched(db, tx, UPSERT_NODE[type as keyof typeof UPSERT_NODE], list, batch, step(type, list.length));
    }
    for (const [level, list] of Object.entries(rows.unitsByLevel)) {
      await runBatched(db, tx, UPSERT_UNIT_OF_LEVEL[level as keyof typeof UPSERT_UNIT_OF_LEVEL], list, batch, step(`adminUnit ${level}`, list.length));
    }
    for (const [kind, list] of Object.entries(rows.organizationsByKind)) {
      await runBatched(db, tx, UPSERT_ORGANIZATION_OF_KIND[kind as keyof typeof UPSERT_ORGANIZATION_OF_KIND], list, batch, step(`organization ${kind}`, list.length));
    }
    for (const [spec, list] of Object.entries(rows.rels)) {
      await runBatched(db, tx, UPSERT_REL[spec as RelSpec], list, batch, step(spec, list.length));
    }
  });
  const graph = await graphCounts(db);
  const result = { files: set.files.length, nodes: set.nodes.size, relationships: relCount, seconds: (Date.now() - started) / 1000, graph };
  log.info(result, 'Import finished');
  return result;
}
