import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger';
import { intParam, type Database, type Row } from '../neo4j';
import { PROGRESS_EVERY_MS, planBulk, recordBatches, type Checked, type Progress, type SeedFile } from './seed.bulk-check';
import { writeSeedSet } from './seed.importer';
import { edgeKey, mergeSeed, type SeedSet } from './seed.merge';
import type { Located } from './seed.read';
import {
  BULK_CREATE_NODE,
  BULK_CREATE_ORGANIZATION_OF_KIND,
  BULK_CREATE_REL,
  BULK_CREATE_UNIT_OF_LEVEL,
  BULK_EXISTING_IDS,
  BULK_RESET_NODES,
  BULK_UPSERT_NODE,
  BULK_UPSERT_ORGANIZATION_OF_KIND,
  BULK_UPSERT_REL,
  BULK_UPSERT_UNIT_OF_LEVEL,
  DELETE_RUN_NODES,
  DELETE_RUN_RELS,
  REL_EXTRA_SPECS,
  REL_KEY_ALIAS,
  graphCounts,
  type GraphCounts,
  type RelSpec,
} from './seed.repository';
import { buildSeedRows, type RelRow } from './seed.rows';
import type { EdgeRecord, NodeRecord, NodeType } from './seed.schema';

export interface BulkOptions {
  /** Rows per UNWIND statement and records per write transaction (default 10,000). */
  batchSize?: number;
  /** Write transactions in flight at once (default 2; 1 writes batch after batch). */
  writers?: number;
  /**
   * The curated seed folder: validated and written first with `writeSeedSet` (one transaction); its ids
   * may be referred to, and repeated, by the bulk folders. Without it, bulk records may refer only to
   * ids the bulk folders define.
   */
  curatedDir?: string;
  /**
   * Delete the whole graph first (needs curatedDir), once every record was checked: in batches of
   * `batchSize`, each its own transaction, before the curated folder is written.
   */
  reset?: boolean;
}

export interface BulkResult {
  files: number;
  records: number;
  nodes: number;
  relationships: number;
  seconds: number;
  /** Relationship rows written per second of the whole run (checks and curated write included). */
  relationshipsPerSecond: number;
  /** The `importRun` tag left on every node this run created and every relationship it merged (a created relationship goes with its created end). */
  run?: string;
  graph: GraphCounts;
}

/** Nodes deleted per transaction by the reset, with their relationships. */
const RESET_BATCH = 20_000;

/** One statement of a write transaction, its rows sent `batch` at a time. */
interface Statement {
  cypher: string;
  rows: unknown[];
  shared?: Record<string, Row>;
}

/**
 * The provenance properties of a statement's rows: identical for many rows, so sent once per
 * statement and referred to by key.
 */
class SharedProvenance {
  readonly map: Record<string, Row> = {};
  private readonly keys = new Map<string, string>();

  key(props: Row): string {
    const provenance = props.provenance as string;
    let key = this.keys.get(provenance);
    if (key === undefined) {
      key = String(this.keys.size);
      this.keys.set(provenance, key);
      this.map[key] = { sources: props.sources, provenance };
    }
    return key;
  }
}

/** Node rows of `buildSeedRows` as compact create rows: [provenance key, other properties]. */
function createNodeStatement(cypher: string, rows: Array<{ props: Row }>): Statement {
  const shared = new SharedProvenance();
  const compact = rows.map(({ props }) => {
    const { sources: _s, provenance: _p, ...rest } = props;
    return [shared.key(props), rest];
  });
  return { cypher, rows: compact, shared: shared.map };
}

/** Relationship rows of `buildSeedRows` as compact create rows (see BULK_CREATE_REL). */
function createRelStatement(spec: RelSpec, rows: RelRow[]): Statement {
  const shared = new SharedProvenance();
  const alias = REL_KEY_ALIAS[spec];
  const extras = REL_EXTRA_SPECS.has(spec);
  const compact = rows.map(({ from, to, key, props }) => {
    const row: unknown[] = [from, to, key, shared.key(props)];
    const extra: Row = {};
    let any = false;
    for (const name in props) {
      if (name === 'key' || name === 'sources' || name === 'provenance' || name === alias) continue;
      extra[name] = props[name];
      any = true;
    }
    if (extras) row.push(extra);
    else if (any) throw new Error(`${spec} rows carry properties the create statement does not write: ${Object.keys(extra).join(', ')}`);
    return row;
  });
  return { cypher: BULK_CREATE_REL[spec], rows: compact, shared: shared.map };
}

/**
 * Runs `write` for each item `items` yields, up to `writers` at once, while the next item is prepared.
 * On the first failure no further item is started; the ones running are awaited, then it is thrown.
 */
async function pipeline<T>(items: AsyncIterable<T>, writers: number, write: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for await (const item of items) {
    if (failure) break;
    const task: Promise<void> = write(item)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => running.delete(task));
    running.add(task);
    while (running.size >= writers) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}

interface WriteContext {
  db: Database;
  log: Logger;
  files: SeedFile[];
  curated: Map<string, NodeType>;
  run: string;
  batch: number;
  writers: number;
  progress: Progress;
  checked: Checked;
  repeats: SeedSet;
}

/** Runs the statements in one write transaction, `batch` rows per statement. */
async function runStatements(db: Database, tx: Parameters<Parameters<Database['writeTx']>[0]>[0], list: Statement[], run: string, batch: number) {
  for (const { cypher, rows, shared } of list) {
    for (let i = 0; i < rows.length; i += batch) await db.runIn(tx, cypher, { rows: rows.slice(i, i + batch), shared: shared ?? {}, run });
  }
}

/** Groups of node rows by seed type, kind or level, with the statements that create or update them. */
function nodeGroups(rows: ReturnType<typeof buildSeedRows>) {
  type Group = { type: NodeType; create: string; upsert: string; rows: Array<{ id: string; props: Row }> };
  const groups: Group[] = [];
  const typed = (list: Row[]) => list as Array<{ id: string; props: Row }>;
  for (const [type, list] of Object.entries(rows.nodes)) {
    const t = type as keyof typeof BULK_CREATE_NODE;
    groups.push({ type: t, create: BULK_CREATE_NODE[t], upsert: BULK_UPSERT_NODE[t], rows: typed(list) });
  }
  for (const [level, list] of Object.entries(rows.unitsByLevel)) {
    const l = level as keyof typeof BULK_CREATE_UNIT_OF_LEVEL;
    groups.push({ type: 'adminUnit', create: BULK_CREATE_UNIT_OF_LEVEL[l], upsert: BULK_UPSERT_UNIT_OF_LEVEL[l], rows: typed(list) });
  }
  for (const [kind, list] of Object.entries(rows.organizationsByKind)) {
    const k = kind as keyof typeof BULK_CREATE_ORGANIZATION_OF_KIND;
    groups.push({ type: 'organization', create: BULK_CREATE_ORGANIZATION_OF_KIND[k], upsert: BULK_UPSERT_ORGANIZATION_OF_KIND[k], rows: typed(list) });
  }
  return groups;
}

/**
 * Pass 2: writes the node records. Ids the graph does not hold yet are created; the others are updated
 * in place. Returns the ids that existed before.
 */
async function writeNodes(ctx: WriteContext): Promise<Set<string>> {
  const { db, curated, run, batch, progress } = ctx;
  const existing = new Set<string>();
  const files = ctx.files.filter((f) => ctx.checked.nodeFiles.has(f.file));
  const batches = recordBatches(files, batch, ({ node }) => node !== undefined && !curated.has(node.id));
  await pipeline(batches, ctx.writers, async (lines) => {
    // One batch holds distinct node ids (pass 1 refused repeats), so merging it is the per-record row logic.
    const nodes = lines.map(({ node, file, line }) => ({ record: node!, file, line }));
    const groups = nodeGroups(buildSeedRows(mergeSeed({ nodes, edges: [], problems: [], files: [] })));
    const found = await db.writeTx(async (tx) => {
      const seen: string[] = [];
      const statements: Statement[] = [];
      for (const group of groups) {
        const ids = group.rows.map((r) => r.id);
        const there = new Set<string>();
        for (let i = 0; i < ids.length; i += batch) {
          for (const row of await db.runIn(tx, BULK_EXISTING_IDS[group.type], { ids: ids.slice(i, i + batch) })) there.add(String(row.id));
        }
        const fresh = there.size ? group.rows.filter((r) => !there.has(r.id)) : group.rows;
        if (fresh.length) statements.push(createNodeStatement(group.create, fresh));
        if (there.size) statements.push({ cypher: group.upsert, rows: group.rows.filter((r) => there.has(r.id)) });
        seen.push(...there);
      }
      await runStatements(db, tx, statements, run, batch);
      return seen;
    });
    for (const id of found) existing.add(id);
    progress.nodes += nodes.length;
    progress.records += nodes.length;
    progress.tick();
  });
  return existing;
}

/**
 * Pass 3: writes the relationships, those of node fields and those of relationship records. One with an
 * end this run created cannot exist yet and is created; the others are merged by key.
 */
async function writeRelationships(ctx: WriteContext, existing: Set<string>): Promise<void> {
  const { db, curated, run, batch, progress } = ctx;
  const isNew = (id: string) => !curated.has(id) && !existing.has(id);
  const candidates = ctx.checked.repeatCandidates;
  const write = async (set: SeedSet, records: number) => {
    const statements: Statement[] = [];
    let count = 0;
    for (const [spec, list] of Object.entries(buildSeedRows(set).rels) as Array<[RelSpec, RelRow[]]>) {
      const fresh = list.filter((r) => isNew(r.from) || isNew(r.to));
      if (fresh.length) statements.push(createRelStatement(spec, fresh));
      if (fresh.length < list.length) statements.push({ cypher: BULK_UPSERT_REL[spec], rows: list.filter((r) => !isNew(r.from) && !isNew(r.to)) });
      count += list.length;
    }
    await db.writeTx((tx) => runStatements(db, tx, statements, run, batch));
    progress.relationships += count;
    progress.records += records;
    progress.tick();
  };
  const batches = recordBatches(
    ctx.files,
    batch,
    ({ node, edge }) => (node !== undefined && !curated.has(node.id)) || (edge !== undefined && !candidates.has(edgeKey(edge))),
  );
  await pipeline(batches, ctx.writers, async (lines) => {
    const nodes: Located<NodeRecord>[] = [];
    const edges: Located<EdgeRecord>[] = [];
    for (const { node, edge, file, line } of lines) {
      if (node) nodes.push({ record: node, file, line });
      if (edge) edges.push({ record: edge, file, line });
    }
    await write(mergeSeed({ nodes, edges, problems: [], files: [] }), lines.length);
  });
  // Relationship records given more than once, merged by pass 1b: each written once, last.
  for (let i = 0; i < ctx.repeats.edges.length; i += batch) {
    const edges = ctx.repeats.edges.slice(i, i + batch);
    await write({ nodes: new Map(), edges, problems: [], files: [] }, edges.length);
  }
}

/**
 * Pass 2 and 3: nodes first (a record may point at a node defined in a later file), then relationships.
 * The curated write (`curated`, started by the caller) runs alongside the bulk nodes, which never touch
 * curated ids; relationships may point at curated nodes, so they wait for it.
 */
async function writeBulk(ctx: WriteContext, curated: Promise<unknown>) {
  const timer = setInterval(() => ctx.progress.tick(), PROGRESS_EVERY_MS);
  timer.unref();
  try {
    ctx.progress.start('nodes');
    // Both settle before a failure is thrown, so that the rollback comes after the last write.
    const [nodes, curatedDone] = await Promise.allSettled([writeNodes(ctx), curated]);
    if (nodes.status === 'rejected') throw nodes.reason;
    if (curatedDone.status === 'rejected') throw curatedDone.reason;
    const existing = nodes.value;
    ctx.progress.tick(true);
    ctx.log.info({ nodes: ctx.progress.nodes, seconds: ctx.progress.seconds() }, 'Bulk import: nodes written');
    ctx.progress.start('relationships');
    await writeRelationships(ctx, existing);
    ctx.progress.tick(true);
    ctx.log.info({ relationships: ctx.progress.relationships, seconds: ctx.progress.seconds() }, 'Bulk import: relationships written');
  } finally {
    clearInterval(timer);
  }
}

/** Deletes, in batches of `batch`, what the statements match, each batch its own transaction. */
async function deleteBatched(db: Database, statements: string[], params: Row, batch: number): Promise<number> {
  let total = 0;
  for (const cypher of statements) {
    for (;;) {
      const [row] = await db.write(cypher, { ...params, limit: intParam(batch) });
      const deleted = Number(row?.deleted ?? 0);
      total += deleted;
      if (deleted < batch) break;
    }
  }
  return total;
}

/** Deletes every relationship and node tagged with `run`. */
function deleteRun(db: Database, run: string, batch: number): Promise<number> {
  return deleteBatched(db, [...Object.values(DELETE_RUN_RELS), ...Object.values(DELETE_RUN_NODES)], { run }, batch);
}

/**
 * Streams the seed files below `dirs` into the graph, for networks too large for `importSeed`.
 * Pass 1 validates every record (schema, references against the bulk and curated ids, no repeated
 * bulk ids; relationship records given more than once are merged as `importSeed` merges them) and
 * throws a SeedError (file, line, field) before anything is written. The curated folder
 * (options.curatedDir) is then written in one transaction; the bulk records in batches, each batch its
 * own transaction, `writers` at a time. The nodes this run creates, and the relationships it merges, are
 * tagged `importRun: <run>`; on a failure they are deleted (relationships it created go with their nodes)
 * it is deleted before the error is rethrown. On success the tag stays as provenance of the run
 * (removing it would rewrite every entity once more). Nodes and relationships that existed before are
 * updated in place. Running it twice leaves the same graph.
 */
export async function importSeedBulk(db: Database, dirs: string[], log: Logger, options: BulkOptions = {}): Promise<BulkResult> {
  const batch = options.batchSize ?? 10_000;
  const writers = Math.max(1, options.writers ?? 2);
  if (options.reset && !options.curatedDir) throw new Error('reset needs the curated folder (curatedDir)');
  const { files, curated, checked, repeats, curatedSet, progress } = await planBulk(dirs, log, options.curatedDir);

  if (options.reset) {
    const deleted = await deleteBatched(db, [BULK_RESET_NODES], {}, RESET_BATCH);
    log.info({ deleted, seconds: progress.seconds() }, 'Bulk import: graph emptied');
  }

  const run = `bulk-${new Date().toISOString()}-${randomBytes(4).toString('hex')}`;
  const curatedWrite = (async () => {
    if (!curatedSet) return;
    await writeSeedSet(db, curatedSet, log, { batchSize: Math.min(batch, 1000) });
    log.info({ seconds: progress.seconds() }, 'Bulk import: curated seeds written');
  })();
  try {
    await writeBulk({ db, log, files, curated, run, batch, writers, progress, checked, repeats }, curatedWrite);
  } catch (error) {
    await curatedWrite.catch(() => undefined);
    log.error({ run, error: (error as Error).message }, 'Bulk import failed: deleting what this run created');
    try {
      const deleted = await deleteRun(db, run, batch);
      log.error({ run, deleted }, 'Bulk import rolled back');
    } catch (cleanup) {
      // The original error is the one to report; the tag lets an operator finish the clean-up.
      log.error({ run, error: (cleanup as Error).message }, `Rollback failed: delete what carries importRun '${run}'`);
    }
    throw error;
  }
  const graph = await graphCounts(db);
  const result: BulkResult = {
    files: files.length,
    records: checked.records,
    nodes: progress.nodes,
    relationships: progress.relationships,
    seconds: progress.seconds(),
    relationshipsPerSecond: Math.round(progress.relationships / Math.max(progress.seconds(), 0.001)),
    run,
    graph,
  };
  log.info(result, 'Bulk import finished');
  return result;
}
