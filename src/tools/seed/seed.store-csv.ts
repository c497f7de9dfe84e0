import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { dateValue, isDateValue } from '../../db/values';
import type { Logger } from '../../core/logger';
import type { Row } from '../../db/database';
import { PROGRESS_EVERY_MS, recordBatches, type SeedFile } from './seed.bulk-check';
import { StoreCsvWriter, type NodeFixup, type StoreCsvFiles } from './seed.csv';
import { mergeSeed, type SeedSet } from '../../record/record.merge';
import type { Located } from './seed.read';
import { NODE_LABEL, ORG_KIND_LABEL, REL_TYPE, UNIT_LEVEL_LABEL, type RelSpec } from '../../record/record.repository';
import { buildSeedRows, type RelRow } from '../../record/record.rows';
import type { EdgeRecord, NodeRecord } from '../../record/record.format';

/** A relationship row to be written once the database runs: its spec and row. */
export type PendingRel = [RelSpec, RelRow];

/** One share of the bulk files, written by one thread. */
export interface CsvPartInput {
  files: SeedFile[];
  /** Ids of the curated folder: its nodes are written from the curated set, not from bulk records. */
  curatedIds: string[];
  dir: string;
  prefix: string;
  batch: number;
}

export interface CsvPartResult {
  files: StoreCsvFiles;
  nodeFixups: NodeFixup[];
  later: PendingRel[];
  /** Identities (relIdentity) of bulk relationships between two curated nodes: they replace curated ones. */
  replaced: string[];
  records: number;
}

/** The identity under which the importers merge a relationship: type, ends and key. */
export const relIdentity = (spec: RelSpec, row: RelRow) => `${REL_TYPE[spec]}|${row.from}|${row.to}|${row.key}`;

/**
 * Rows of a merged seed set into the CSV writer (the online importer's row logic); relationships a CSV
 * cannot hold go to `later`, and those `keep` rejects are left out.
 */
export function writeSetRows(csv: StoreCsvWriter, set: SeedSet, later: PendingRel[], keep?: (spec: RelSpec, row: RelRow) => boolean): void {
  const rows = buildSeedRows(set);
  for (const [type, list] of Object.entries(rows.nodes)) for (const r of list) csv.node([NODE_LABEL[type as keyof typeof NODE_LABEL]], r.props as Row);
  for (const [level, list] of Object.entries(rows.unitsByLevel)) {
    const labels = ['AdminUnit', UNIT_LEVEL_LABEL[level as keyof typeof UNIT_LEVEL_LABEL]];
    for (const r of list) csv.node(labels, r.props as Row);
  }
  for (const [kind, list] of Object.entries(rows.organizationsByKind)) {
    const labels = ['Organization', ORG_KIND_LABEL[kind as keyof typeof ORG_KIND_LABEL]];
    for (const r of list) csv.node(labels, r.props as Row);
  }
  for (const [spec, list] of Object.entries(rows.rels) as Array<[RelSpec, RelRow[]]>) {
    for (const row of list) {
      if (keep && !keep(spec, row)) continue;
      if (!csv.relationship(REL_TYPE[spec], row.from, row.to, row.props)) later.push([spec, row]);
    }
  }
}

/**
 * Writes the CSV files of one share of the bulk records, batch by batch. Every relationship record is
 * written, repeats included: the caller replaces repeated ones once the database runs.
 */
export async function writeCsvPart(input: CsvPartInput, onRecords: (records: number) => void): Promise<CsvPartResult> {
  const curated = new Set(input.curatedIds);
  const csv = new StoreCsvWriter(input.dir, input.prefix);
  const later: PendingRel[] = [];
  const replaced = new Set<string>();
  const note = (spec: RelSpec, row: RelRow) => {
    if (curated.has(row.from) && curated.has(row.to)) replaced.add(relIdentity(spec, row));
    return true;
  };
  let records = 0;
  for await (const lines of recordBatches(input.files, input.batch, ({ node }) => node === undefined || !curated.has(node.id))) {
    const nodes: Located<NodeRecord>[] = [];
    const edges: Located<EdgeRecord>[] = [];
    for (const { node, edge, file, line } of lines) {
      if (node) nodes.push({ record: node, file, line });
      if (edge) edges.push({ record: edge, file, line });
    }
    writeSetRows(csv, mergeSeed({ nodes, edges, problems: [], files: [] }), later, note);
    await csv.flush();
    records += lines.length;
    onRecords(records);
  }
  const files = await csv.close();
  return { files, nodeFixups: csv.nodeFixups, later, replaced: [...replaced], records };
}

/** Splits the files into `parts` shares of about equal size (largest first, each to the lightest share). */
export function splitFiles(files: SeedFile[], parts: number): SeedFile[][] {
  const shares = Array.from({ length: Math.max(1, Math.min(parts, files.length)) }, () => ({ bytes: 0, files: [] as SeedFile[] }));
  for (const file of [...files].sort((a, b) => b.bytes - a.bytes)) {
    const share = shares.reduce((min, s) => (s.bytes < min.bytes ? s : min));
    share.files.push(file);
    share.bytes += file.bytes;
  }
  return shares.map((s) => s.files);
}

// Dates in rows handed between threads: a structured clone drops the driver's Date class.
type Cloned = { $date: string };
const isCloned = (v: unknown): v is Cloned => typeof v === 'object' && v !== null && '$date' in v;

function mapProps(props: Row, f: (v: unknown) => unknown): Row {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, f(v)]));
}

/** The result with its pending rows' dates as text, for postMessage. */
export function encodePart(result: CsvPartResult): CsvPartResult {
  const later = result.later.map(([spec, row]): PendingRel => [spec, { ...row, props: mapProps(row.props, (v) => (isDateValue(v) ? { $date: v.toString() } : v)) }]);
  return { ...result, later };
}

/** Undoes encodePart. */
export function decodePart(result: CsvPartResult): CsvPartResult {
  const later = result.later.map(([spec, row]): PendingRel => [
    spec,
    {
      ...row,
      props: mapProps(row.props, (v) => {
        if (!isCloned(v)) return v;
        const [y, m, d] = v.$date.split('-').map(Number);
        return dateValue(y, m, d);
      }),
    },
  ]);
  return { ...result, later };
}

/** CSV writing under way in worker threads (or in this thread), with a way to stop it. */
export interface CsvParts {
  done: Promise<CsvPartResult[]>;
  cancel(): Promise<void>;
}

/**
 * Writes the CSV files of the bulk records in `threads` worker threads, the files split between them,
 * logging the records written every second. Without the compiled worker script (running from the
 * TypeScript sources) the shares are written in this thread, one after the other.
 */
export function writeCsvParts(files: SeedFile[], curatedIds: string[], dir: string, batch: number, threads: number, log: Logger): CsvParts {
  const shares = splitFiles(files, threads);
  const counts = shares.map(() => 0);
  let last = 0;
  const started = Date.now();
  const report = (share: number, records: number) => {
    counts[share] = records;
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    const total = counts.reduce((a, b) => a + b, 0);
    log.info({ phase: 'csv', records: total, recordsPerSecond: Math.round(total / Math.max((now - started) / 1000, 0.001)) }, 'Store import progress');
  };
  const inputs = shares.map((share, i): CsvPartInput => ({ files: share, curatedIds, dir, prefix: `${i + 1}-`, batch }));
  const script = path.join(__dirname, 'seed.csv-worker.js');
  if (!fs.existsSync(script)) {
    let cancelled = false;
    const done = (async () => {
      const results: CsvPartResult[] = [];
      for (const [i, input] of inputs.entries()) {
        if (cancelled) throw new Error('CSV writing cancelled');
        results.push(await writeCsvPart(input, (n) => report(i, n)));
      }
      return results;
    })();
    // Awaited only once pass 1 is done: marked handled so that an early failure does not end the process.
    done.catch(() => undefined);
    return {
      done,
      async cancel() {
        cancelled = true;
        await done.catch(() => undefined);
      },
    };
  }
  // A young generation larger than V8's default: each batch's short-lived rows then die before a scavenge
  // copies them, which took a sixth of a worker's time on the large network.
  const workers = inputs.map((input) => new Worker(script, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 192 } }));
  const done = Promise.all(
    workers.map(
      (worker, i) =>
        new Promise<CsvPartResult>((resolve, reject) => {
          worker.on('message', (message: { records?: number; result?: CsvPartResult; error?: string }) => {
            if (message.records !== undefined) report(i, message.records);
            if (message.result) resolve(decodePart(message.result));
            if (message.error) reject(new Error(message.error));
          });
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`a CSV worker ended early (exit ${code})`)));
        }),
    ),
  );
  done.catch(() => undefined);
  return {
    done,
    async cancel() {
      await Promise.all(workers.map((w) => w.terminate()));
      await done.catch(() => undefined);
    },
  };
}
