import { randomBytes } from 'node:crypto';
import type { Logger } from '../../core/logger';
import { intParam, type Database, type Row } from '../../db/database';
import { PROGRESS_EVERY_MS, planBulk, recordBatches, type Checked, type Progress, type SeedFile } from './seed.bulk-check';
import { edgeKey, mergeSeed, type SeedSet } from '../../record/record.merge';
import type { Located } from './seed.read';
import { NODE_LABEL, ORG_KIND_LABEL, REL_EXTRA_SPECS, REL_KEY_ALIAS, UNIT_LEVEL_LABEL, entityCounts, graphCounts, type GraphCounts, type RelSpec } from '../../record/record.repository';
import { buildSeedRows, type RelRow, type SeedRows } from '../../record/record.rows';
import type { EdgeRecord, NodeRecord, NodeType } from '../../record/record.format';
import {
  AWAIT_STAGING_SCHEMA,
  CREATE_RUN,
  HEARTBEAT,
  PUBLISH_RESET,
  PUBLISH_RUN_DONE,
  PUBLISH_UNSTAGE,
  READER_LABELS,
  READER_TYPES,
  REMOVE_PATCHES,
  REMOVE_RUNS,
  REMOVE_STAGED_NODES,
  REMOVE_STAGED_RELS,
  STAGING_SCHEMA,
  UNPUBLISHED_RUNS,
  existingIds,
  groupLabels,
  publishCreateRels,
  publishLabel,
  publishMergeRels,
  publishPatches,
  stageCreateRels,
  stageMergeRels,
  stageNodes,
  stagePatches,
  type NodeGroupLabels,
} from './seed.staging';

export interface BulkOptions {
  /** Rows per UNWIND statement and records per staging transaction (default 10,000). */
  batchSize?: number;
  /** Staging transactions in flight at once (default 2; 1 writes batch after batch). */
  writers?: number;
  /**
   * The curated seed folder: validated and staged first; its ids may be referred to, and repeated, by the
   * bulk folders. Without it, bulk records may refer only to ids the bulk folders define.
   */
  curatedDir?: string;
  /** Replace the whole graph (needs curatedDir): the old graph is deleted in the publishing transaction. */
  reset?: boolean;
  /**
   * Most entities the publishing transaction may touch (see publishLimit; by default what the server's
   * transaction memory holds); a larger run is refused, before staging when the checks foresee it.
   */
  maxPublish?: number;
}

export interface BulkResult {
  files: number;
  records: number;
  nodes: number;
  relationships: number;
  seconds: number;
  /** Relationship rows written per second of the whole run (checks and curated write included). */
  relationshipsPerSecond: number;
  /** The `importRun` tag left on every bulk node this run created and every bulk relationship it merged (a created relationship goes with its created end). */
  run?: string;
  /** Seconds the publishing transaction took. */
  publishSeconds?: number;
  graph: GraphCounts;
}

/**
 * Transaction memory Neo4j holds per entity the publish touches (a staged node relabelled, a relationship
 * given its real type, a patch applied, an old node or relationship deleted on a reset): measured about
 * 3.4 KB on the small synthetic network, where the reader labels' indexes (the full-text one included)
 * take most of it; rounded up.
 */
export const PUBLISH_BYTES_PER_ENTITY = 4096;
/** The limit when the server's transaction memory cannot be read: about what a 512 MB heap holds. */
export const PUBLISH_LIMIT_FALLBACK = 90_000;

/** Entities deleted per transaction when a run's staged data is removed. */
const REMOVE_BATCH = 5_000;
/** How often a run refreshes its heartbeat, and after how long without one it counts as abandoned. */
const HEARTBEAT_EVERY_MS = 10_000;
export const ABANDONED_AFTER_SECONDS = 60;

/** Raised when an import cannot start: another one is running, or the run is too large to publish at once. */
export class ImportRefusedError extends Error {}

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

/** Relationship rows of `buildSeedRows` as compact create rows (see stageCreateRels). */
function createRelStatement(cypher: string, spec: RelSpec, rows: RelRow[]): Statement {
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
  return { cypher, rows: compact, shared: shared.map };
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
  /** The old graph goes at publish: every id of the run is new, nothing is looked up. */
  reset: boolean;
  /** Ids of the run (curated or bulk) that the graph held before it: they are patched, not staged. */
  existing: Set<string>;
  /** Entities the publish will touch so far, and their limit. */
  publish: { entities: number; limit: number };
}

type Tx = Parameters<Parameters<Database['writeTx']>[0]>[0];

/** Runs the statements in one write transaction, `batch` rows per statement. */
async function runStatements(db: Database, tx: Tx, list: Statement[], run: string, batch: number) {
  for (const { cypher, rows, shared } of list) {
    for (let i = 0; i < rows.length; i += batch) await db.runIn(tx, cypher, { rows: rows.slice(i, i + batch), shared: shared ?? {}, run });
  }
}

/** Groups of node rows by seed type, kind or level, with their labels. */
function nodeGroups(rows: SeedRows) {
  type Group = { labels: NodeGroupLabels; rows: Array<{ id: string; props: Row }> };
  const groups: Group[] = [];
  const typed = (list: Row[]) => list as Array<{ id: string; props: Row }>;
  for (const [type, list] of Object.entries(rows.nodes)) groups.push({ labels: groupLabels(type as NodeType), rows: typed(list) });
  for (const [level, list] of Object.entries(rows.unitsByLevel)) groups.push({ labels: groupLabels('adminUnit', level), rows: typed(list) });
  for (const [kind, list] of Object.entries(rows.organizationsByKind)) groups.push({ labels: groupLabels('organization', kind), rows: typed(list) });
  return groups;
}

/** Every group a patch may belong to (one per patch label). */
const ALL_GROUPS: NodeGroupLabels[] = [
  ...[
    ...(Object.keys(NODE_LABEL) as NodeType[]).map((type) => groupLabels(type)),
    ...Object.keys(ORG_KIND_LABEL).map((kind) => groupLabels('organization', kind)),
    ...Object.keys(UNIT_LEVEL_LABEL).map((level) => groupLabels('adminUnit', level)),
  ]
    .reduce((byLabel, g) => byLabel.set(`${g.label}${g.extra ?? ''}`, g), new Map<string, NodeGroupLabels>())
    .values(),
];

/**
 * Stages the node rows in one transaction: ids the graph does not hold yet become staged nodes, the
 * others patches. Adds the ids found to ctx.existing.
 */
async function stageNodeRows(ctx: WriteContext, rows: SeedRows, curated: boolean): Promise<void> {
  const { db, run, batch } = ctx;
  const groups = nodeGroups(rows);
  countPublish(ctx, groups.reduce((n, g) => n + g.rows.length, 0));
  const found = await db.writeTx(async (tx) => {
    const seen: string[] = [];
    const statements: Statement[] = [];
    for (const group of groups) {
      const there = new Set<string>();
      if (!ctx.reset) {
        const ids = group.rows.map((r) => r.id);
        for (let i = 0; i < ids.length; i += batch) {
          for (const row of await db.runIn(tx, existingIds(group.labels), { ids: ids.slice(i, i + batch) })) there.add(String(row.id));
        }
      }
      const fresh = there.size ? group.rows.filter((r) => !there.has(r.id)) : group.rows;
      if (fresh.length) statements.push(createNodeStatement(stageNodes(group.labels, curated), fresh));
      if (there.size) statements.push({ cypher: stagePatches(group.labels, curated), rows: group.rows.filter((r) => there.has(r.id)) });
      seen.push(...there);
    }
    await runStatements(db, tx, statements, run, batch);
    return seen;
  });
  for (const id of found) ctx.existing.add(id);
}

/**
 * Stages the relationship rows of a set in one transaction. One with an end that is a new bulk node cannot
 * exist yet and is created at publish; the others are merged by key at publish. Each end is found among
 * the run's staged nodes or, when it existed before, in the graph.
 */
async function stageRelRows(ctx: WriteContext, set: SeedSet, curated: boolean): Promise<number> {
  const { curated: curatedIds, existing } = ctx;
  const staged = (id: string) => !existing.has(id);
  const bulkNew = (id: string) => !curatedIds.has(id) && !existing.has(id);
  const statements: Statement[] = [];
  let count = 0;
  let published = 0;
  for (const [spec, list] of Object.entries(buildSeedRows(set).rels) as Array<[RelSpec, RelRow[]]>) {
    const buckets = new Map<string, RelRow[]>();
    for (const row of list) {
      const key = `${bulkNew(row.from) || bulkNew(row.to) ? 'c' : 'm'}${staged(row.from) ? 1 : 0}${staged(row.to) ? 1 : 0}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(row);
      else buckets.set(key, [row]);
    }
    for (const [key, rows] of buckets) {
      const [fromStaged, toStaged] = [key[1] === '1', key[2] === '1'];
      if (key[0] === 'm' || !fromStaged || !toStaged) published += rows.length;
      if (key[0] === 'c') statements.push(createRelStatement(stageCreateRels(spec, fromStaged, toStaged), spec, rows));
      else statements.push({ cypher: stageMergeRels(spec, fromStaged, toStaged, curated), rows });
    }
    count += list.length;
  }
  countPublish(ctx, published);
  await ctx.db.writeTx((tx) => runStatements(ctx.db, tx, statements, ctx.run, ctx.batch));
  return count;
}

function tooLarge(entities: number, limit: number, reset: boolean, staging: boolean): ImportRefusedError {
  return new ImportRefusedError(
    `the import would publish ${staging ? 'at least ' : ''}${entities} nodes and relationships${reset ? ' (the old graph included)' : ''} in one transaction, ` +
      `over the limit of ${limit} (Neo4j holds about ${PUBLISH_BYTES_PER_ENTITY / 1024} KB of transaction memory for each); the graph was not changed. ` +
      `Give Neo4j more heap (NEO4J_HEAP for the embedded one; its transaction memory is 70% of the heap), import the folders in parts, ` +
      `use --max-publish N if the server has the memory, or, into an empty embedded store, use --reset without --online (the offline store import)`,
  );
}

/** Adds to the entities the publish will touch; refuses the run once they pass the limit. */
function countPublish(ctx: WriteContext, entities: number): void {
  ctx.publish.entities += entities;
  if (ctx.publish.entities > ctx.publish.limit) throw tooLarge(ctx.publish.entities, ctx.publish.limit, ctx.reset, true);
}

/** Stages the curated set (small): its nodes in one transaction, then its relationships in another. */
async function stageCurated(ctx: WriteContext, set: SeedSet): Promise<void> {
  await stageNodeRows(ctx, buildSeedRows(set), true);
  await stageRelRows(ctx, set, true);
  ctx.log.info({ nodes: set.nodes.size, seconds: ctx.progress.seconds() }, 'Bulk import: curated seeds staged');
}

/** Pass 2: stages the bulk node records, batch by batch. */
async function stageBulkNodes(ctx: WriteContext): Promise<void> {
  const { curated, batch, progress } = ctx;
  const files = ctx.files.filter((f) => ctx.checked.nodeFiles.has(f.file));
  const batches = recordBatches(files, batch, ({ node }) => node !== undefined && !curated.has(node.id));
  await pipeline(batches, ctx.writers, async (lines) => {
    // One batch holds distinct node ids (pass 1 refused repeats), so merging it is the per-record row logic.
    const nodes = lines.map(({ node, file, line }) => ({ record: node!, file, line }));
    await stageNodeRows(ctx, buildSeedRows(mergeSeed({ nodes, edges: [], problems: [], files: [] })), false);
    progress.nodes += nodes.length;
    progress.records += nodes.length;
    progress.tick();
  });
}

/** Pass 3: stages the relationships, those of node fields and those of relationship records. */
async function stageBulkRelationships(ctx: WriteContext): Promise<void> {
  const { curated, batch, progress } = ctx;
  const candidates = ctx.checked.repeatCandidates;
  const write = async (set: SeedSet, records: number) => {
    const count = await stageRelRows(ctx, set, false);
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
 * The publishing transaction: the old graph goes (reset), patches update the nodes that existed, staged
 * relationships become real ones and staged nodes get their reader labels, and the run node goes. Readers
 * see the graph before it or after it, never between.
 */
async function publish(ctx: WriteContext): Promise<number> {
  const { db, run } = ctx;
  const started = Date.now();
  try {
    await db.writeTx(async (tx) => {
      if (ctx.reset) await db.runIn(tx, PUBLISH_RESET);
      for (const group of ALL_GROUPS) {
        const [row] = await db.runIn(tx, publishPatches(group), { run });
        if (Number(row?.applied ?? 0) !== Number(row?.patches ?? 0)) {
          throw new Error(`${Number(row.patches) - Number(row.applied)} ${group.label} node(s) that the import updates were deleted while it ran`);
        }
      }
      for (const type of READER_TYPES) await db.runIn(tx, publishMergeRels(type), { run });
      for (const type of READER_TYPES) await db.runIn(tx, publishCreateRels(type));
      for (const label of READER_LABELS) await db.runIn(tx, publishLabel(label), { run });
      await db.runIn(tx, PUBLISH_UNSTAGE, { run });
      await db.runIn(tx, PUBLISH_RUN_DONE, { run });
    });
  } catch (error) {
    // Whatever failed (Neo4j's transaction memory, a unique id another writer took since the run looked it
    // up), the transaction rolled back: nothing was published.
    const message = (error as Error).message;
    const hint = /already exists|unique key/i.test(message) ? ' (the graph changed while the import ran: run it again)' : '';
    throw new Error(`publishing the import failed and nothing of it was published${hint}: ${message}`);
  }
  const seconds = (Date.now() - started) / 1000;
  ctx.log.info({ run, seconds }, 'Bulk import: published');
  return seconds;
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

/** Deletes every staged node, patch, staged relationship and run node; returns how many entities went. */
function removeStaged(db: Database): Promise<number> {
  return deleteBatched(db, [REMOVE_STAGED_NODES, REMOVE_PATCHES, ...REMOVE_STAGED_RELS, REMOVE_RUNS], {}, REMOVE_BATCH);
}

export interface UnpublishedRun {
  id: string;
  started: string;
  /** Seconds since its last heartbeat. */
  idle: number;
}

/**
 * Removes what unpublished import runs left (a run killed, or its database): staged data that no reader
 * sees. Without `force`, refuses (ImportRefusedError) while a run has shown a heartbeat in the last
 * ABANDONED_AFTER_SECONDS, as it may still be writing. Resolves to the runs removed.
 */
export async function recoverImports(db: Database, log: Logger, options: { force?: boolean } = {}): Promise<UnpublishedRun[]> {
  for (const statement of STAGING_SCHEMA) await db.write(statement);
  const runs = (await db.read(UNPUBLISHED_RUNS))
    // A run node deleted by its publish while this statement read it has no properties left.
    .filter((r) => r.id !== null && r.id !== undefined)
    .map((r) => ({ id: String(r.id), started: String(r.started), idle: Number(r.idle) }));
  const live = runs.filter((r) => r.idle < ABANDONED_AFTER_SECONDS);
  if (live.length && !options.force) {
    throw new ImportRefusedError(
      `another import is running (run ${live[0].id}, last active ${live[0].idle} s ago); wait for it, or if it was stopped, ` +
        `remove what it left with \`npm run seed -- --recover\``,
    );
  }
  const deleted = await removeStaged(db);
  if (runs.length || deleted) log.warn({ runs, deleted }, 'Removed the staged data of unpublished import runs');
  return runs;
}

/** Bytes of the least non-zero transaction memory limit the server sets, or undefined (none, or not readable). */
async function transactionMemory(db: Database): Promise<number | undefined> {
  const UNITS: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };
  try {
    const rows = await db.read(`SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN value`, {
      names: ['dbms.memory.transaction.total.max', 'db.memory.transaction.total.max', 'db.memory.transaction.max'],
    });
    const bytes = rows
      .map((r) => /^([\d.]+)\s*([KMGT]iB|B)$/.exec(String(r.value)))
      .map((m) => (m ? Number(m[1]) * UNITS[m[2]] : 0))
      .filter((b) => b > 0);
    return bytes.length ? Math.min(...bytes) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Entities one publishing transaction may touch: `maxPublish` when given, else what the server's
 * transaction memory holds at PUBLISH_BYTES_PER_ENTITY each, else PUBLISH_LIMIT_FALLBACK.
 */
export async function publishLimit(db: Database, maxPublish?: number): Promise<number> {
  if (maxPublish !== undefined) return maxPublish;
  const bytes = await transactionMemory(db);
  return bytes === undefined ? PUBLISH_LIMIT_FALLBACK : Math.floor(bytes / PUBLISH_BYTES_PER_ENTITY);
}

/**
 * What pass 1 foresees the publish touches: every node, the relationships with a curated end (a node that
 * may exist), the curated set, and the old graph on a reset. Relationships between two nodes the graph
 * held before are counted while staging.
 */
function foreseenPublish(checked: Checked, curatedSet: SeedSet | undefined): number {
  const curated = curatedSet ? curatedSet.nodes.size + Object.values(buildSeedRows(curatedSet).rels).reduce((n, r) => n + r.length, 0) : 0;
  return checked.nodes + checked.curatedRelationships + curated;
}

/**
 * Streams the seed files below `dirs` into the graph, all or nothing as readers see it, for networks too
 * large for `importSeed`'s single transaction.
 *
 * Pass 1 validates every record (schema, references against the bulk and curated ids, no repeated bulk
 * ids; relationship records given more than once are merged as `importSeed` merges them) and throws a
 * SeedError (file, line, field) before anything is written; a folder without records is refused
 * (EmptySeedError). What unpublished runs left is removed (recoverImports; a run still alive refuses
 * this one), and a run whose publishing transaction would write more than `maxPublish` nodes and
 * relationships is refused (ImportRefusedError).
 *
 * The run then stages its data, batch by batch, `writers` transactions at a time, under labels and
 * relationship types no reader matches (seed.staging): new nodes as staged nodes, updates of nodes that
 * exist as patches, relationships as staged relationships. One final transaction publishes it. A crash
 * at any point before that commit leaves the graph as readers knew it, plus staged data that the next run
 * or `recoverImports` removes; a failure removes it at once. The nodes this run creates (curated ones
 * aside) and the relationships it merges keep `importRun: <run>` as provenance. Nodes and relationships
 * that existed are updated in place. Running it twice leaves the same graph.
 */
export async function importSeedBulk(db: Database, dirs: string[], log: Logger, options: BulkOptions = {}): Promise<BulkResult> {
  const batch = options.batchSize ?? 10_000;
  const writers = Math.max(1, options.writers ?? 2);
  const reset = options.reset ?? false;
  if (reset && !options.curatedDir) throw new Error('reset needs the curated folder (curatedDir)');
  // Before pass 1, so that a run that must wait for another is refused at once.
  await recoverImports(db, log);
  const { files, curated, checked, repeats, curatedSet, progress } = await planBulk(dirs, log, options.curatedDir);
  const limit = await publishLimit(db, options.maxPublish);
  const old = reset ? await entityCounts(db) : { nodes: 0, relationships: 0 };
  const foreseen = foreseenPublish(checked, curatedSet) + old.nodes + old.relationships;
  if (foreseen > limit) throw tooLarge(foreseen, limit, reset, false);
  await db.write(AWAIT_STAGING_SCHEMA);

  const run = `bulk-${new Date().toISOString()}-${randomBytes(4).toString('hex')}`;
  await db.write(CREATE_RUN, { run });
  const heartbeat = setInterval(() => void db.write(HEARTBEAT, { run }).catch(() => undefined), HEARTBEAT_EVERY_MS);
  heartbeat.unref();
  const timer = setInterval(() => progress.tick(), PROGRESS_EVERY_MS);
  timer.unref();
  const publishing = { entities: old.nodes + old.relationships, limit };
  const ctx: WriteContext = { db, log, files, curated, run, batch, writers, progress, checked, repeats, reset, existing: new Set(), publish: publishing };
  let publishSeconds: number;
  try {
    if (curatedSet) await stageCurated(ctx, curatedSet);
    progress.start('nodes');
    await stageBulkNodes(ctx);
    progress.tick(true);
    log.info({ nodes: progress.nodes, seconds: progress.seconds() }, 'Bulk import: nodes staged');
    progress.start('relationships');
    await stageBulkRelationships(ctx);
    progress.tick(true);
    log.info({ relationships: progress.relationships, seconds: progress.seconds() }, 'Bulk import: relationships staged');
    clearInterval(timer);
    publishSeconds = await publish(ctx);
  } catch (error) {
    log.error({ run, error: (error as Error).message }, 'Bulk import failed: removing its staged data (readers never saw it)');
    try {
      // A publish that failed on Neo4j's transaction memory limit holds that memory until it has rolled back.
      const deleted = await removeStaged(db).catch(() => new Promise((r) => setTimeout(r, 5000)).then(() => removeStaged(db)));
      log.error({ run, deleted }, 'Bulk import removed');
    } catch (cleanup) {
      // The original error is the one to report; the next run, or --recover, removes the rest.
      log.error({ run, error: (cleanup as Error).message }, 'Removing the staged data failed: the next import or `npm run seed -- --recover` removes it');
    }
    throw error;
  } finally {
    clearInterval(timer);
    clearInterval(heartbeat);
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
    publishSeconds,
    graph,
  };
  log.info(result, 'Bulk import finished');
  return result;
}
