import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Logger } from '../../core/logger';
import { DATE_PAIRS, EDGE_REFS, NODE_REFS, edgeKey, mergeSeed, type SeedSet } from '../../record/record.merge';
import { attachDocumentTexts, validateSeed } from './seed.texts';
import { EmptySeedError, SeedError, type SeedProblem } from '../../record/record.problem';
import { listSeedFiles, parseSeedLine, readSeedDir, type Located, type ParsedSeed } from './seed.read';
import { NODE_SCHEMAS, REQUIRED_FIELDS, type EdgeRecord, type NodeRecord, type NodeType, type ProvenanceEntry } from '../../record/record.format';

/** Problems kept in memory at most; the import is refused anyway once there is one. */
const MAX_PROBLEMS = 10_000;
/** How often long phases log their progress. */
export const PROGRESS_EVERY_MS = 1000;

export interface BulkLine {
  file: string;
  line: number;
  node?: NodeRecord;
  edge?: EdgeRecord;
  problems: SeedProblem[];
}

export interface SeedFile {
  full: string;
  /** The path shown in problems: the bulk folder's name, then the path below it. */
  file: string;
  bytes: number;
}

/** Whether `full` is a path below the folder `dir`. */
const isBelow = (full: string, dir: string) => !path.relative(dir, full).startsWith('..');

export function bulkFiles(dirs: string[]): SeedFile[] {
  return dirs.flatMap((dir) =>
    listSeedFiles(dir).map((full) => ({ full, file: path.join(path.basename(dir), path.relative(dir, full)), bytes: fs.statSync(full).size })),
  );
}

/** Streams the non-empty, non-comment lines of every file. */
async function* rawLines(files: SeedFile[]): AsyncGenerator<{ file: string; line: number; text: string }> {
  for (const { full, file } of files) {
    const input = fs.createReadStream(full, { encoding: 'utf8', highWaterMark: 1 << 20 });
    const rl = readline.createInterface({ input, crlfDelay: Infinity });
    let line = 0;
    try {
      for await (const raw of rl) {
        line++;
        const text = raw.trim();
        if (text && !text.startsWith('//')) yield { file, line, text };
      }
    } finally {
      // A reader that stops early (pass 1b) must not leave the file open.
      rl.close();
      input.destroy();
    }
  }
}

/** Streams the records of every file, each line parsed and checked against its schema. */
async function* readLines(files: SeedFile[]): AsyncGenerator<BulkLine> {
  for await (const { file, line, text } of rawLines(files)) yield { file, line, ...parseSeedLine(text, file, line) };
}

/**
 * Streams the records of files pass 1 accepted: plain JSON.parse, as the schemas are strict and
 * transform nothing, so a valid record parses to the same object.
 */
export async function* readChecked(files: SeedFile[]): AsyncGenerator<Omit<BulkLine, 'problems'>> {
  for await (const { file, line, text } of rawLines(files)) {
    const record = JSON.parse(text) as { type: string };
    if (record.type in NODE_SCHEMAS) yield { file, line, node: record as NodeRecord };
    else yield { file, line, edge: record as EdgeRecord };
  }
}

/**
 * A Bloom filter over strings, of fixed size: `add` says whether the string may have been added
 * before. It never misses a repeat; rare false alarms only send a record down the slower, merged path.
 */
class SeenFilter {
  private readonly words: Int32Array;
  private readonly mask: number;

  constructor(log2Bits: number) {
    this.words = new Int32Array(1 << (log2Bits - 5));
    this.mask = 2 ** log2Bits - 1;
  }

  add(key: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 13;
    }
    let seen = true;
    for (let k = 0; k < 3; k++) {
      const bit = (h1 + k * (h2 | 1)) & this.mask;
      const word = bit >>> 5;
      const flag = 1 << (bit & 31);
      if ((this.words[word] & flag) === 0) {
        seen = false;
        this.words[word] |= flag;
      }
    }
    return seen;
  }
}

interface Defined {
  type: NodeType;
  file: string;
  line: number;
}

const wanted = (want: NodeType | NodeType[]): NodeType[] => (Array.isArray(want) ? want : [want]);

interface PendingRef {
  id: string;
  want: NodeType | NodeType[];
  file: string;
  line: number;
  field: string;
}

export interface Checked {
  problems: SeedProblem[];
  overlap: Located<NodeRecord>[];
  records: number;
  /** Identities of relationship records that may occur more than once (see SeenFilter). */
  repeatCandidates: Set<string>;
  /** Ordinal (from 1, over all files) of the last record flagged a repeat: no copy of a candidate comes later. */
  lastRepeatAt: number;
  /** Files holding node records the bulk path writes. */
  nodeFiles: Set<string>;
  /** Bulk nodes (curated ids aside) and the relationships their fields and the relationship records give. */
  nodes: number;
  relationships: number;
  /** Of those relationships, the ones with an end among the curated ids. */
  curatedRelationships: number;
  /** Records per file (as SeedFile.file names it). */
  recordsByFile: Map<string, number>;
}

/**
 * Pass 1: validates every bulk record against the id set; memory grows with ids, not records (the
 * repeat filter has a fixed size).
 */
async function checkBulk(files: SeedFile[], curated: Map<string, NodeType>, progress: Progress): Promise<Checked> {
  const problems: SeedProblem[] = [];
  const report = (p: SeedProblem) => problems.length < MAX_PROBLEMS && problems.push(p);
  const ids = new Map<string, Defined>();
  const overlap: Located<NodeRecord>[] = [];
  // References to ids not seen yet are checked once every file was read; in practice few are forward.
  const pending: PendingRef[] = [];
  const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
  const seen = new SeenFilter(Math.min(28, Math.max(16, Math.ceil(Math.log2(totalBytes + 1)) + 1)));
  const repeatCandidates = new Set<string>();
  const nodeFiles = new Set<string>();
  let records = 0;
  let relationships = 0;
  let curatedRelationships = 0;
  let lastRepeatAt = 0;
  const recordsByFile = new Map<string, number>();
  const typeOf = (id: string) => curated.get(id) ?? ids.get(id)?.type;
  const ref = (id: string, want: NodeType | NodeType[], file: string, line: number, field: string) => {
    const type = typeOf(id);
    if (type === undefined) pending.push({ id, want, file, line, field });
    else if (!wanted(want).includes(type)) report({ file, line, field, message: `'${id}' is a ${type}, expected ${wanted(want).join(' or ')}` });
  };
  const refs = (record: Record<string, unknown>, table: Record<string, NodeType | NodeType[]>, file: string, line: number) => {
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
    recordsByFile.set(file, (recordsByFile.get(file) ?? 0) + 1);
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
      const defined = ids.get(node.id);
      if (defined) {
        report({
          file,
          line,
          field: 'id',
          message: `id '${node.id}' is already defined at ${defined.file}:${defined.line}; bulk mode refuses repeated ids (merge the records, or put the node in the curated seeds)`,
        });
        continue;
      }
      ids.set(node.id, { type: node.type, file, line });
      nodeFiles.add(file);
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
      if (node.type === 'part') node.actors?.forEach((a, i) => ref(a.organization, 'organization', file, line, `actors.${i}.organization`));
      for (const field of Object.keys(NODE_REFS[node.type])) {
        const value = fields[field];
        if (value === undefined) continue;
        const targets = Array.isArray(value) ? value : [value];
        relationships += targets.length;
        curatedRelationships += targets.filter((id) => curated.has(String(id))).length;
      }
      provenanceRefs(node.provenance, file, line);
    }
    if (edge) {
      relationships++;
      const ends = edge as unknown as Record<string, unknown>;
      if (Object.keys(EDGE_REFS[edge.type]).some((field) => field !== 'onBehalfOf' && curated.has(String(ends[field])))) curatedRelationships++;
      refs(edge as unknown as Record<string, unknown>, EDGE_REFS[edge.type], file, line);
      provenanceRefs(edge.provenance, file, line);
      const identity = edgeKey(edge);
      if (seen.add(identity)) {
        repeatCandidates.add(identity);
        lastRepeatAt = records;
      }
    }
  }
  for (const p of pending) {
    const type = typeOf(p.id);
    if (type === undefined) report({ file: p.file, line: p.line, field: p.field, message: `refers to '${p.id}', which no seed record defines` });
    else if (!wanted(p.want).includes(type)) report({ file: p.file, line: p.line, field: p.field, message: `'${p.id}' is a ${type}, expected ${wanted(p.want).join(' or ')}` });
  }
  return { problems, overlap, records, repeatCandidates, lastRepeatAt, nodeFiles, nodes: ids.size, relationships, curatedRelationships, recordsByFile };
}

/** Candidates at most for which pass 1b looks for their first ids in the raw text before parsing a line. */
const MAX_TEXT_NEEDLES = 64;

/**
 * Pass 1b, only when pass 1 saw possible repeats: merges the records of those relationships in memory
 * (provenance united, conflicting values reported), so that each is written once. Reading stops after the
 * last flagged record, and a line is parsed only if it may hold a candidate: it contains the quoted first
 * id of one (seed ids need no JSON escapes, so a line without a backslash holds them verbatim).
 */
async function mergeRepeats(files: SeedFile[], checked: Pick<Checked, 'repeatCandidates' | 'lastRepeatAt'>): Promise<SeedSet> {
  const candidates = checked.repeatCandidates;
  const edges: Located<EdgeRecord>[] = [];
  if (candidates.size) {
    const needles = candidates.size <= MAX_TEXT_NEEDLES ? [...new Set([...candidates].map((key) => `"${key.split('|')[1]}"`))] : undefined;
    const mayHold = (text: string) => !needles || text.includes('\\') || needles.some((n) => text.includes(n));
    let records = 0;
    for await (const { file, line, text } of rawLines(files)) {
      if (++records > checked.lastRepeatAt) break;
      if (!mayHold(text)) continue;
      const record = JSON.parse(text) as { type: string };
      if (record.type in NODE_SCHEMAS) continue;
      const edge = record as EdgeRecord;
      if (candidates.has(edgeKey(edge))) edges.push({ record: edge, file, line });
    }
  }
  return mergeSeed({ nodes: [], edges, problems: [], files: [] });
}

export class Progress {
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

/** Batches of `batch` records of the given kind, in file order. */
export async function* recordBatches(files: SeedFile[], batch: number, take: (line: Omit<BulkLine, 'problems'>) => boolean) {
  let list: Array<Omit<BulkLine, 'problems'>> = [];
  for await (const line of readChecked(files)) {
    if (!take(line)) continue;
    list.push(line);
    if (list.length >= batch) {
      yield list;
      list = [];
    }
  }
  if (list.length) yield list;
}

/** What pass 1 found: the files, the checked records and the sets written besides the streamed ones. */
export interface BulkPlan {
  files: SeedFile[];
  /** Seed type of every curated id. */
  curated: Map<string, NodeType>;
  checked: Checked;
  /** Relationship records given more than once, merged (each to be written once). */
  repeats: SeedSet;
  /** The curated folder merged with the bulk records that extend its nodes. */
  curatedSet?: SeedSet;
  progress: Progress;
}

/**
 * Pass 1 of a bulk import: checks every record below `dirs` (schema, references against the bulk and
 * curated ids, no repeated bulk ids), merges relationship records given more than once and validates the
 * curated folder (`parsed`, when the caller read it already). Throws a SeedError (file, line, field) on
 * any problem; writes nothing.
 */
export async function planBulk(dirs: string[], log: Logger, curatedDir?: string, parsed?: ParsedSeed): Promise<BulkPlan> {
  const files = bulkFiles(dirs);
  const progress = new Progress(log);
  const parsedCurated = parsed ?? (curatedDir ? readSeedDir(curatedDir) : undefined);
  // Nothing to import is a mistake (a wrong path), not a no-op: with a reset it would empty the graph.
  if (curatedDir && parsedCurated && !parsedCurated.nodes.length && !parsedCurated.edges.length && !parsedCurated.problems.length) {
    throw new EmptySeedError(curatedDir);
  }
  for (const dir of dirs) if (!files.some((f) => isBelow(f.full, dir))) throw new EmptySeedError(dir);
  const curated = new Map<string, NodeType>((parsedCurated?.nodes ?? []).map((n) => [n.record.id, n.record.type]));
  log.info({ dirs, files: files.length, curatedIds: curated.size }, 'Bulk import: checking');
  progress.start('check');
  const checked = await checkBulk(files, curated, progress);
  progress.tick(true);
  for (const dir of dirs) {
    const records = files.filter((f) => isBelow(f.full, dir)).reduce((n, f) => n + (checked.recordsByFile.get(f.file) ?? 0), 0);
    if (!records && !checked.problems.length) throw new EmptySeedError(dir);
  }
  const problems = [...checked.problems];
  const repeats = problems.length ? mergeSeed({ nodes: [], edges: [], problems: [], files: [] }) : await mergeRepeats(files, checked);
  problems.push(...repeats.problems);
  const curatedSet = parsedCurated && curatedDir ? mergeSeed({ ...parsedCurated, nodes: [...parsedCurated.nodes, ...checked.overlap] }) : undefined;
  if (curatedSet && curatedDir) problems.unshift(...validateSeed(curatedSet, curatedDir));
  if (problems.length) throw new SeedError(problems);
  if (curatedSet && curatedDir) attachDocumentTexts(curatedSet, curatedDir);
  log.info({ records: checked.records, repeatedRelationships: repeats.edges.length, seconds: progress.seconds() }, 'Bulk import: checked');
  return { files, curated, checked, repeats, curatedSet, progress };
}
