import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runStoreImport } from '../../db/embedded/store-import';
import type { EmbeddedNeo4j } from '../../db/embedded/launcher';
import type { GraphConnection } from '../../db/connect';
import { applyGraphSchema } from '../../db/constraints';
import type { Logger } from '../../core/logger';
import type { BulkResult } from './seed.bulk';
import { bulkFiles, planBulk } from './seed.bulk-check';
import { ARRAY_DELIMITER_OPTION, StoreCsvWriter, type NodeFixup, type StoreCsvFiles } from './seed.csv';
import { readSeedDir } from './seed.read';
import { ADD_NODE_PROPS, DELETE_REL_COPIES, UPSERT_REL, entityCounts, type GraphCounts, type RelSpec } from '../../record/record.repository';
import { buildSeedRows } from '../../record/record.rows';
import { relIdentity, writeCsvParts, writeSetRows, type CsvPartResult, type PendingRel } from './seed.store-csv';

export interface StoreImportSettings {
  projectRoot: string;
  /** Home of the embedded database, which must be stopped. */
  dataDir: string;
  java: string;
  maven: string;
  /**
   * How the new store is served once built: Bolt port (0 picks a free one), page cache, log retention and
   * heap. The JVM is the importer's, which needs 1g: it gets the heap asked for when that is more.
   */
  serve: { port: number; pageCacheMb: number; heap?: string; txLogRetention?: string };
  /** Records per batch while the CSV files are written (default 250: small batches die young, sparing the GC). */
  batchSize?: number;
  /** Threads writing CSV files beside the check (default: the number of cores, at most 4). */
  threads?: number;
  /** Connects to the database serving the new store, for the schema and the checks. */
  open: (embedded: EmbeddedNeo4j) => Promise<GraphConnection>;
}

/** Heap the offline importer needs for the large network. */
const IMPORTER_HEAP_MB = 1024;

/** Megabytes of a JVM heap size written as NEO4J_HEAP takes it (512m, 2g). */
const heapMb = (size: string) => Number.parseInt(size, 10) * (/g$/i.test(size) ? 1024 : 1);

/** What the database must be given once it runs, beside the store. */
interface Afterwards {
  nodeFixups: NodeFixup[];
  later: PendingRel[];
  /** Relationship records given more than once, merged: each replaces all its copies. */
  repeats: PendingRel[];
}

function joinFiles(list: StoreCsvFiles[]): StoreCsvFiles {
  return {
    nodeFiles: list.flatMap((f) => f.nodeFiles),
    relationshipFiles: list.flatMap((f) => f.relationshipFiles),
    nodes: list.reduce((n, f) => n + f.nodes, 0),
    relationships: list.reduce((n, f) => n + f.relationships, 0),
    multiline: list.some((f) => f.multiline),
  };
}

/**
 * Replaces the graph of the stopped embedded database with the curated folder plus the bulk folders,
 * through Neo4j's offline importer: the fastest way to load a large network into an empty graph.
 * Pass 1 is the online importer's (planBulk: a SeedError names file, line and field, and the store is
 * not touched); while it runs, worker threads write the records as CSV files beside the store (thrown
 * away if pass 1 finds a problem). The importer builds a new store from them, and only a finished store
 * replaces the old one. The database is then started: the graph schema (constraints, indexes) is
 * applied; the values a CSV cell cannot hold (empty lists) are set; relationships given more than once
 * are replaced by their merged record; and the node and relationship counts are checked.
 */
export async function importSeedStore(dirs: string[], log: Logger, curatedDir: string, settings: StoreImportSettings): Promise<BulkResult> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const parsed = readSeedDir(curatedDir);
  const curatedIds = parsed.nodes.map((n) => n.record.id);
  const csvDir = path.join(settings.dataDir, `import-${randomBytes(4).toString('hex')}`);
  const batch = settings.batchSize ?? 250;
  try {
    const parts = writeCsvParts(bulkFiles(dirs), curatedIds, csvDir, batch, settings.threads ?? Math.min(4, os.availableParallelism()), log);
    let plan: Awaited<ReturnType<typeof planBulk>>;
    let results: CsvPartResult[];
    try {
      plan = await planBulk(dirs, log, curatedDir, parsed);
      results = await parts.done;
    } catch (error) {
      await parts.cancel();
      throw error;
    }

    // The curated set last: a bulk relationship between two curated nodes replaces the curated one.
    const replaced = new Set(results.flatMap((r) => r.replaced));
    const curatedCsv = new StoreCsvWriter(csvDir, 'curated-');
    const later = results.flatMap((r) => r.later);
    if (plan.curatedSet) writeSetRows(curatedCsv, plan.curatedSet, later, (spec, row) => !replaced.has(relIdentity(spec, row)));
    const written = joinFiles([...results.map((r) => r.files), await curatedCsv.close()]);
    const repeats = Object.entries(buildSeedRows(plan.repeats).rels).flatMap(([spec, rows]) => rows.map((row): PendingRel => [spec as RelSpec, row]));
    // A repeated relationship is written once, merged, whatever its copies were.
    const repeated = new Set(repeats.map(([spec, row]) => relIdentity(spec, row)));
    const single = later.filter(([spec, row]) => !repeated.has(relIdentity(spec, row)));
    const afterwards: Afterwards = { nodeFixups: [...results.flatMap((r) => r.nodeFixups), ...curatedCsv.nodeFixups], later: single, repeats };
    log.info(
      { nodes: written.nodes, relationships: written.relationships, files: written.nodeFiles.length + written.relationshipFiles.length, seconds: seconds() },
      'Store import: CSV written',
    );

    const embedded = await runStoreImport({
      projectRoot: settings.projectRoot,
      dataDir: settings.dataDir,
      java: settings.java,
      maven: settings.maven,
      port: settings.serve.port,
      pageCacheMb: settings.serve.pageCacheMb,
      txLogRetention: settings.serve.txLogRetention,
      heap: settings.serve.heap && heapMb(settings.serve.heap) > IMPORTER_HEAP_MB ? settings.serve.heap : `${IMPORTER_HEAP_MB}m`,
      nodeFiles: written.nodeFiles,
      relationshipFiles: written.relationshipFiles,
      arrayDelimiter: ARRAY_DELIMITER_OPTION,
      multiline: written.multiline,
      reportFile: path.join(csvDir, 'import.report'),
      log,
    });
    log.info({ seconds: seconds() }, 'Store import: store built and served');
    let graph: GraphConnection;
    try {
      fs.rmSync(csvDir, { recursive: true, force: true });
      graph = await settings.open(embedded);
    } catch (error) {
      await embedded.stop();
      throw error;
    }
    try {
      // The rows written afterwards merge on ids, so they need the constraints, not the full-text index.
      let deleted = 0;
      let counts: GraphCounts = { nodes: 0, relationships: 0 };
      await applyGraphSchema(graph.db, async () => {
        deleted = await writeAfterwards(graph, afterwards);
        counts = await entityCounts(graph.db);
      });
      log.info({ seconds: seconds() }, 'Store import: schema applied');
      const relationships = written.relationships + single.length - deleted + repeats.length;
      if (counts.nodes !== written.nodes || counts.relationships !== relationships) {
        throw new Error(`the new store holds ${counts.nodes} nodes and ${counts.relationships} relationships; ${written.nodes} and ${relationships} were written`);
      }
      const result: BulkResult = {
        files: plan.files.length,
        records: plan.checked.records,
        nodes: written.nodes,
        relationships,
        seconds: seconds(),
        relationshipsPerSecond: Math.round(relationships / Math.max(seconds(), 0.001)),
        graph: counts,
      };
      log.info(result, 'Store import finished');
      return result;
    } finally {
      await graph.close();
    }
  } finally {
    fs.rmSync(csvDir, { recursive: true, force: true });
  }
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * In one transaction: sets the empty lists of nodes, writes the relationships holding one, and replaces
 * every copy of a repeated relationship with its merged record. Returns how many copies were deleted.
 */
async function writeAfterwards(graph: GraphConnection, work: Afterwards): Promise<number> {
  if (!work.nodeFixups.length && !work.later.length && !work.repeats.length) return 0;
  const { db } = graph;
  return db.writeTx(async (tx) => {
    for (const [label, rows] of groupBy(work.nodeFixups, (f) => f.label)) {
      await db.runIn(tx, ADD_NODE_PROPS[label], { rows: rows.map(({ id, props }) => ({ id, props })) });
    }
    let deleted = 0;
    for (const [spec, pending] of groupBy(work.repeats, ([s]) => s)) {
      const rows = pending.map(([, row]) => row);
      const [row] = await db.runIn(tx, DELETE_REL_COPIES[spec], { rows });
      deleted += Number(row?.deleted ?? 0);
      await db.runIn(tx, UPSERT_REL[spec], { rows });
    }
    for (const [spec, pending] of groupBy(work.later, ([s]) => s)) await db.runIn(tx, UPSERT_REL[spec], { rows: pending.map(([, row]) => row) });
    return deleted;
  });
}
