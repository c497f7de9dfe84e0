import fs from 'node:fs';
import path from 'node:path';
import type { Database, Transaction } from '../../db/database';
import { intParam } from '../../db/database';
import type { Logger } from '../../core/logger';
import type { NodeType } from '../../record/record.format';
import { NODE_LABEL } from '../../db/vocabulary';
import { listSeedFiles } from './seed.read';
import { buildSeedExport, type DumpedNode, type DumpedRel } from './seed.export.records';
import { EXPORT_NODE_PAGE } from './seed.export.repository';

export { SeedExportError } from './seed.export.records';

export interface ExportOptions {
  /** Delete the seed files (`*.jsonl`) already below the folder, and overwrite text files, instead of refusing. */
  replace?: boolean;
  /** Nodes per statement (default 500). */
  pageSize?: number;
  /** Reads of the whole graph before giving up when a write commits during each (default 3). */
  attempts?: number;
}

export interface ExportResult {
  dir: string;
  /** Paths written, relative to `dir`, in path order. */
  files: string[];
  records: number;
  nodes: number;
  relationships: number;
  warnings: string[];
  seconds: number;
}

/** The folder holds seed files, or a file the export would overwrite with other content, and replacing was not asked for. */
export class ExportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportRefusedError';
  }
}

async function readPages(db: Database, tx: Transaction, pageSize: number): Promise<DumpedNode[]> {
  const nodes: DumpedNode[] = [];
  for (const type of Object.keys(NODE_LABEL) as NodeType[]) {
    let after = '';
    for (;;) {
      const rows = await db.runIn(tx, EXPORT_NODE_PAGE[type], { after, limit: intParam(pageSize) });
      for (const row of rows) {
        nodes.push({ type, id: String(row.id), props: row.props as Record<string, unknown>, out: row.out as DumpedRel[] });
      }
      if (rows.length < pageSize) break;
      after = String(rows[rows.length - 1].id);
    }
  }
  return nodes;
}

/**
 * Reads every seed node (by label, in pages of `pageSize` in id order) with the relationships leaving it, in
 * one read transaction. The graph stamp before and after proves that no write committed in between (Neo4j
 * reads see committed writes as they come); the read is repeated when one did, `attempts` times at most.
 */
export async function readSeedGraph(db: Database, pageSize = 500, attempts = 3): Promise<DumpedNode[]> {
  for (let attempt = 1; ; attempt++) {
    const before = await db.graphStamp();
    const { value, stampAfter } = await db.captureStamp((view) => view.readTx((tx) => readPages(view, tx, pageSize)), before);
    if (stampAfter === before) return value;
    if (attempt >= attempts) throw new Error(`The graph changed during each of ${attempts} reads; export it while no one writes`);
  }
}

/** Makes `dir` ready for `files`: refuses to mix an export with seed files already there, unless replacing. */
function prepareFolder(dir: string, files: Map<string, string>, replace: boolean): void {
  if (!fs.existsSync(dir)) return;
  if (!fs.statSync(dir).isDirectory()) throw new ExportRefusedError(`${dir} is not a folder`);
  const seedFiles = listSeedFiles(dir);
  const clashes = [...files].filter(([file, content]) => {
    const full = path.join(dir, file);
    return !file.endsWith('.jsonl') && fs.existsSync(full) && fs.readFileSync(full, 'utf8') !== content;
  });
  if (!replace && (seedFiles.length || clashes.length)) {
    const what = seedFiles.length ? `${seedFiles.length} seed file(s)` : `${clashes.map(([f]) => f).join(', ')} with other content`;
    throw new ExportRefusedError(`${dir} already holds ${what}; give --replace to write the export over them`);
  }
  // Seed files the export does not write again would be loaded with it: every one goes.
  for (const file of seedFiles) fs.rmSync(file);
}

/**
 * Writes the graph's seed data as seed files below `dir` (see `buildSeedExport` and seeds/FORMAT.md): loaded
 * into an empty graph with the importer, they give the same nodes, properties and relationships. Everything is
 * read and built before the first file is written.
 * @throws ExportRefusedError when `dir` holds seed files (or other text in a text file's place) and `replace` is off.
 * @throws SeedExportError when the graph holds what no valid seed file can say.
 */
export async function exportSeed(db: Database, dir: string, log: Logger, options: ExportOptions = {}): Promise<ExportResult> {
  const started = Date.now();
  const nodes = await readSeedGraph(db, options.pageSize, options.attempts);
  const built = buildSeedExport(nodes);
  prepareFolder(dir, built.files, options.replace ?? false);
  for (const [file, content] of built.files) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content, 'utf8');
  }
  for (const warning of built.warnings) log.warn(warning);
  const relationships = nodes.reduce((n, node) => n + node.out.length, 0);
  const result = {
    dir,
    files: [...built.files.keys()],
    records: built.records,
    nodes: nodes.length,
    relationships,
    warnings: built.warnings,
    seconds: (Date.now() - started) / 1000,
  };
  log.info({ dir, files: result.files.length, records: result.records, nodes: result.nodes, relationships }, 'Exported');
  return result;
}
