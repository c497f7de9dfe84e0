import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Logger } from '../logger';
import { intParam, type Database, type Row } from '../neo4j';
import { writeSeedSet } from './seed.importer';
import { DATE_PAIRS, EDGE_REFS, NODE_REFS, mergeSeed, validateSeed } from './seed.merge';
import { SeedError, type SeedProblem } from './seed.problem';
import { listSeedFiles, parseSeedLine, readSeedDir, type Located } from './seed.read';
import {
  BULK_UPSERT_NODE,
  BULK_UPSERT_ORGANIZATION_OF_KIND,
  BULK_UPSERT_REL,
  BULK_UPSERT_UNIT_OF_LEVEL,
  DELETE_RUN_NODES,
  DELETE_RUN_RELS,
  graphCounts,
  type GraphCounts,
  type RelSpec,
} from './seed.repository';
import { buildSeedRows, type SeedRows } from './seed.rows';
import { REQUIRED_FIELDS, type EdgeRecord, type NodeRecord, type NodeType, type ProvenanceEntry } from './seed.schema';

export interface BulkOptions {
  /** Rows per UNWIND statement and records per write transaction (default 10,000). */
  batchSize?: number;
  /**
   * The curated seed folder: validated and written first with `writeSeedSet` (one transaction); its ids
   * may be referred to, and repeated, by the bulk folders. Without it, bulk records may refer only to
   * ids the bulk folders define.
   */
  curatedDir?: string;
  /** Delete the whole graph first, in the curated folder's transaction (needs curatedDir). */
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
  /** The `importRun` tag left on every node and relationship this run created. */
  run: string;
  graph: GraphCounts;
}

/** Problems kept in memory at most; the import is refused anyway once there is one. */
const MAX_PROBLEMS = 10_000;
const PROGRESS_EVERY_MS = 1000;

interface BulkLine {
  file: string;
  line: number;
  node?: NodeRecord;
  edge?: EdgeRecord;
  problems: SeedProblem[];
}

interface SeedFile {
  full: string;
  /** The path shown in problems: the bulk folder's name, then the path below it. */
  file: string;
}

function bulkFiles(dirs: string[]): SeedFile[] {
  return dirs.flatMap((dir) => listSeedFiles(dir).map((full) => ({ full, file: path.join(path.basename(dir), path.relative(dir, full)) })));
}

/** Streams the records of every file, one parsed line at a time. */
async function* readLines(files: SeedFile[]): AsyncGenerator<BulkLine> {
  for (const { full, file } of files) {
    const rl = readline.createInterface({ input: fs.createReadStream(full, { encoding: 'utf8' }), crlfDelay: Infinity });
    let line = 0;
    for await (const raw of rl) {
      line++;
      const trimmed = raw.trim();
      if (!trimmed || trimmed.startsWith('//')) continue;
      yield { file, line, ...parseSeedLine(trimmed, file, line) };
    }
  }
}

interface Defined {
  type: NodeType;
  file: string;
  line: number;
}

interface PendingRef {
  id: string;
  want: NodeType;
  file: string;
  line: number;
  field: string;
}

/** Pass 1: validates every bulk record against the id set; memory grows with ids, not records. */
async function checkBulk(files: SeedFile[], curated: Map<string, NodeType>, progress: Progress) {
  const problems: SeedProblem[] = [];
  const report = (p: SeedProblem) => problems.length < MAX_PROBLEMS && problems.push(p);
  const ids = new Map<string, Defined>();
  const overlap: Located<NodeRecord>[] = [];
  // References to ids not seen yet are checked once every file was read; in practice few are forward.
  const pending: PendingRef[] = [];
  let records = 0;
  const typeOf = (id: string) => curated.get(id) ?? ids.get(id)?.type;
  const ref = (id: string, want: NodeType, file: string, line: number, field: string) => {
    const type = typeOf(id);
    if (type === undefined) pending.push({ id, want, file, line, field });
    else if (type !== want) report({ file, line, field, message: `'${id}' is a ${type}, expected ${want}` });
  };
  const refs = (record: Record<string, unknown>, table: Record<string, NodeType>, file: string, line: number) => {
    for (const [field, want] of Object.entries(table)) {
      const value = record[field];
      if (value === undefined) continue;
      (Array.isArray(value) ? value : [value]).forEach((id, i) => ref(String(id), want, file, line, Array.isArray(value) ? `${field}.${i}` : field));
    }
  };
  const provenanceRefs = (list: ProvenanceEntry[] | undefined, file: string, line: number) =>
    list?.forEach((p, i) => ref(p.source, 'source', file, line, `provenance.${i}.source`));

  for await (const { file, line, node, edge, problems: lineProblems } of readLines(files)) {
    records++;
    progress.records = records;
    if ((records & 1023) === 0) progress.tick();
    lineProblems.forEach(report);
    if (node) {
      const curatedType = curated.get(node.id);
      if (curatedType !== undefined) {
        // Extends a curated node: merged and validated with the curated set, in memory (the curated set is small).
        if (curatedType !== node.type) report({ file, line, field: 'id', message: `id '${node.id}' is a ${curatedType} in the curated seeds` });
        else overlap.push({ record: node, file, line });
        continue;
      }
      const seen = ids.get(node.id);
      if (seen) {
        report({
          file,
          line,
          field: 'id',
          message: `id '${node.id}' is already defined at ${seen.file}:${seen.line}; bulk mode refuses repeated ids (merge the records, or put the node in the curated seeds)`,
        });
        continue;
      }
      ids.set(node.id, { type: node.type, file, line });
      const fields = node as unknown as Record<string, unknown>;
      for (const field of REQUIRED_FIELDS[node.type]) {
        if (fields[field] === undefined) report({ file, line, field, message: `${node.type} '${node.id}' has no ${field}` });
      }
      if (node.type !== 'topic' && node.type !== 'source' && !node.provenance?.length) {
        report({ file, line, field: 'provenance', message: `${node.type} '${node.id}' has no provenance` });
      }
      if (node.type === 'source' && fields.file !== undefined) {
        report({ file, line, field: 'file', message: 'a document source belongs in the curated seeds (its quotes are checked there)' });
      }
      for (const [from, to] of DATE_PAIRS) {
        const a = fields[from] as string | undefined;
        const b = fields[to] as string | undefined;
        if (a && b && a.slice(0, b.length) > b.slice(0, a.length)) report({ file, line, field: to, message: `${to} ${b} is before ${from} ${a}` });
      }
      refs(fields, NODE_REFS[node.type], file, line);
      provenanceRefs(node.provenance, file, line);
    }
    if (edge) {
      refs(edge as unknown as Record<string, unknown>, EDGE_REFS[edge.type], file, line);
      provenanceRefs(edge.provenance, file, line);
    }
  }
  for (const p of pending) {
    const type = typeOf(p.id);
    if (type === undefined) report({ file: p.file, line: p.line, field: p.field, message: `refers to '${p.id}', which no seed record defines` });
    else if (type !== p.want) report({ file: p.file, line: p.line, field: p.field, message: `'${p.id}' is a ${type}, expected ${p.want}` });
  }
  return { problems, overlap, records };
}

class Progress {
  private readonly started = Date.now();
  private last = Date.now();
  private phaseStarted = Date.now();
  private phase = 'check';
  private lastRecords = -1;
  /** Records handled in the current phase (every phase streams all the files). */
  records = 0;
  nodes = 0;
  relationships = 0;

  constructor(private readonly log: Logger) {}

  seconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  start(phase: string): void {
    this.phase = phase;
    this.phaseStarted = Date.now();
    this.records = 0;
    this.lastRecords = -1;
  }

  tick(force = false): void {
    const now = Date.now();
    if (force ? this.records === this.lastRecords : now - this.last < PROGRESS_EVERY_MS) return;
    this.last = now;
    this.lastRecords = this.records;
    const s = Math.max((now - this.phaseStarted) / 1000, 0.001);
    this.log.info(
      { phase: this.phase, records: this.records, recordsPerSecond: Math.round(this.records / s), nodes: this.nodes, relationships: this.relationships },
      'Bulk import progress',
    );
  }
}

/** Pass 2 and 3: streams the records again and writes node rows, then relationship rows, batch by batch. */
async function writeBulk(db: Database, files: SeedFile[], curated: Map<string, NodeType>, run: string, batch: number, progress: Progress) {
  const send = async (lists: Array<[string, Row[]]>) => {
    await db.writeTx(async (tx) => {
      for (const [cypher, rows] of lists) {
        for (let i = 0; i < rows.length; i += batch) await db.runIn(tx, cypher, { rows: rows.slice(i, i + batch), run });
      }
    });
  };
  const nodeLists = (rows: SeedRows): Array<[string, Row[]]> => [
    ...Object.entries(rows.nodes).map(([type, list]): [string, Row[]] => [BULK_UPSERT_NODE[type as keyof typeof BULK_UPSERT_NODE], list]),
    ...Object.entries(rows.unitsByLevel).map(([level, list]): [string, Row[]] => [BULK_UPSERT_UNIT_OF_LEVEL[level as keyof typeof BULK_UPSERT_UNIT_OF_LEVEL], list]),
    ...Object.entries(rows.organizationsByKind).map(([kind, list]): [string, Row[]] => [
      BULK_UPSERT_ORGANIZATION_OF_KIND[kind as keyof typeof BULK_UPSERT_ORGANIZATION_OF_KIND],
      list,
    ]),
  ];
  const relLists = (rows: SeedRows): Array<[string, Row[]]> =>
    Object.entries(rows.rels).map(([spec, list]): [string, Row[]] => [BULK_UPSERT_REL[spec as RelSpec], list]);

  // Relationships go after every node, so a record may point at a node defined in a later file.
  for (const phase of ['nodes', 'relationships'] as const) {
    progress.start(phase);
    let nodes: Located<NodeRecord>[] = [];
    let edges: Located<EdgeRecord>[] = [];
    const flush = async () => {
      if (!nodes.length && !edges.length) return;
      // One batch holds distinct node ids (pass 1 refused repeats), so merging it is the per-record row logic.
      const rows = buildSeedRows(mergeSeed({ nodes, edges, problems: [], files: [] }));
      if (phase === 'nodes') {
        const lists = nodeLists(rows);
        await send(lists);
        progress.nodes += lists.reduce((n, [, l]) => n + l.length, 0);
      } else {
        const lists = relLists(rows);
        await send(lists);
        progress.relationships += lists.reduce((n, [, l]) => n + l.length, 0);
      }
      progress.records += nodes.length + edges.length;
      nodes = [];
      edges = [];
      progress.tick();
    };
    for await (const { file, line, node, edge } of readLines(files)) {
      if (node && !curated.has(node.id)) nodes.push({ record: node, file, line });
      if (edge && phase === 'relationships') edges.push({ record: edge, file, line });
      if (nodes.length + edges.length >= batch) await flush();
    }
    await flush();
    progress.tick(true);
  }
}

/** Deletes, in batches of `batch`, every relationship and node tagged with `run`. */
async function deleteRun(db: Database, run: string, batch: number): Promise<number> {
  let total = 0;
  for (const cypher of [...Object.values(DELETE_RUN_RELS), ...Object.values(DELETE_RUN_NODES)]) {
    for (;;) {
      const [row] = await db.write(cypher, { run, limit: intParam(batch) });
      const deleted = Number(row?.deleted ?? 0);
      total += deleted;
      if (deleted < batch) break;
    }
  }
  return total;
}

/**
 * Streams the seed files below `dirs` into the graph, for networks too large for `importSeed`.
 * Pass 1 validates every record (schema, references against the bulk and curated ids, no repeated
 * bulk ids) and throws a SeedError (file, line, field) before anything is written. The curated folder
 * (options.curatedDir) is then written in one transaction; the bulk records in batches, each batch its
 * own transaction. What this run creates is tagged `importRun: <run>`: on a failure it is deleted before
 * the error is rethrown. On success the tag stays as provenance of the run (removing it would rewrite
 * every entity once more). Nodes that existed before are updated in place. Running it twice leaves the same graph.
 */
export async function importSeedBulk(db: Database, dirs: string[], log: Logger, options: BulkOptions = {}): Promise<BulkResult> {
  const batch = options.batchSize ?? 10_000;
  const files = bulkFiles(dirs);
  const progress = new Progress(log);

  if (options.reset && !options.curatedDir) throw new Error('reset needs the curated folder (curatedDir)');
  const parsedCurated = options.curatedDir ? readSeedDir(options.curatedDir) : undefined;
  const curated = new Map<string, NodeType>((parsedCurated?.nodes ?? []).map((n) => [n.record.id, n.record.type]));
  log.info({ dirs, files: files.length, curatedIds: curated.size }, 'Bulk import: checking');
  progress.start('check');
  const checked = await checkBulk(files, curated, progress);
  progress.tick(true);
  const problems = [...checked.problems];
  const curatedSet =
    parsedCurated && options.curatedDir ? mergeSeed({ ...parsedCurated, nodes: [...parsedCurated.nodes, ...checked.overlap] }) : undefined;
  if (curatedSet && options.curatedDir) problems.unshift(...validateSeed(curatedSet, options.curatedDir));
  if (problems.length) throw new SeedError(problems);
  log.info({ records: checked.records, seconds: progress.seconds() }, 'Bulk import: checked');

  if (curatedSet) await writeSeedSet(db, curatedSet, log, { batchSize: Math.min(batch, 1000), reset: options.reset });

  const run = `bulk-${new Date().toISOString()}-${randomBytes(4).toString('hex')}`;
  try {
    await writeBulk(db, files, curated, run, batch, progress);
  } catch (error) {
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
