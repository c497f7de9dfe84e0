import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runStoreImport } from '../embedded/store-import';
import type { GraphConnection } from '../graph-connection';
import { applyGraphSchema } from '../graph-schema';
import type { Logger } from '../logger';
import type { BulkResult } from './seed.bulk';
import { planBulk, recordBatches, type BulkPlan } from './seed.bulk-check';
import { ARRAY_DELIMITER_OPTION, StoreCsvWriter, type StoreCsvFiles } from './seed.csv';
import { edgeKey, mergeSeed, type SeedSet } from './seed.merge';
import type { Located } from './seed.read';
import { ADD_NODE_PROPS, NODE_LABEL, ORG_KIND_LABEL, REL_TYPE, UNIT_LEVEL_LABEL, UPSERT_REL, graphCounts, type RelSpec } from './seed.repository';
import { buildSeedRows, type RelRow } from './seed.rows';
import type { EdgeRecord, NodeRecord } from './seed.schema';

export interface StoreImportSettings {
  projectRoot: string;
  /** Home of the embedded database, which must be stopped. */
  dataDir: string;
  java: string;
  maven: string;
  /** Heap of the importer's JVM (default 1g). */
  heap?: string;
  /** Records per batch while the CSV files are written (default 10,000). */
  batchSize?: number;
  /** Starts the embedded database on the new store (once imported) for the schema and the checks. */
  open: () => Promise<GraphConnection>;
}

/** A relationship row waiting to be written: its spec and row. */
type PendingRel = [RelSpec, RelRow];

/** Rows of a merged seed set into the CSV writer; relationships it cannot hold are pushed to `later`. */
function writeRows(csv: StoreCsvWriter, set: SeedSet, later: PendingRel[], relFilter?: (spec: RelSpec, row: RelRow) => boolean): void {
  const rows = buildSeedRows(set);
  for (const [type, list] of Object.entries(rows.nodes)) for (const r of list) csv.node([NODE_LABEL[type as keyof typeof NODE_LABEL]], r.props as Record<string, unknown>);
  for (const [level, list] of Object.entries(rows.unitsByLevel)) {
    const labels = ['AdminUnit', UNIT_LEVEL_LABEL[level as keyof typeof UNIT_LEVEL_LABEL]];
    for (const r of list) csv.node(labels, r.props as Record<string, unknown>);
  }
  for (const [kind, list] of Object.entries(rows.organizationsByKind)) {
    const labels = ['Organization', ORG_KIND_LABEL[kind as keyof typeof ORG_KIND_LABEL]];
    for (const r of list) csv.node(labels, r.props as Record<string, unknown>);
  }
  for (const [spec, list] of Object.entries(rows.rels) as Array<[RelSpec, RelRow[]]>) {
    for (const row of list) {
      if (relFilter && !relFilter(spec, row)) continue;
      if (!csv.relationship(REL_TYPE[spec], row.from, row.to, row.props)) later.push([spec, row]);
    }
  }
}

/** The identity under which the importers merge a relationship: type, ends and key. */
const relIdentity = (spec: RelSpec, row: RelRow) => `${REL_TYPE[spec]}|${row.from}|${row.to}|${row.key}`;

/**
 * Streams every record into CSV files: the bulk records in batches (the same row logic as the online
 * importer), then the merged repeats and the curated set. A bulk relationship between two curated nodes
 * replaces a curated one of the same identity, as the online importer's merge would.
 */
async function writeCsv(plan: BulkPlan, csv: StoreCsvWriter, batch: number, later: PendingRel[]): Promise<StoreCsvFiles> {
  const { files, curated, checked, repeats, curatedSet, progress } = plan;
  const candidates = checked.repeatCandidates;
  const replaced = new Set<string>();
  const noteCurated = (spec: RelSpec, row: RelRow) => {
    if (curated.has(row.from) && curated.has(row.to)) replaced.add(relIdentity(spec, row));
    return true;
  };
  progress.start('csv');
  const batches = recordBatches(files, batch, ({ node, edge }) => (node !== undefined && !curated.has(node.id)) || (edge !== undefined && !candidates.has(edgeKey(edge))));
  for await (const lines of batches) {
    const nodes: Located<NodeRecord>[] = [];
    const edges: Located<EdgeRecord>[] = [];
    for (const { node, edge, file, line } of lines) {
      if (node) nodes.push({ record: node, file, line });
      if (edge) edges.push({ record: edge, file, line });
    }
    writeRows(csv, mergeSeed({ nodes, edges, problems: [], files: [] }), later, noteCurated);
    await csv.flush();
    progress.records += lines.length;
    progress.nodes += nodes.length;
    progress.tick();
  }
  writeRows(csv, repeats, later, noteCurated);
  if (curatedSet) writeRows(csv, curatedSet, later, (spec, row) => !replaced.has(relIdentity(spec, row)));
  progress.tick(true);
  return csv.close();
}

/**
 * Replaces the graph of the stopped embedded database with the curated folder plus the bulk folders,
 * through Neo4j's offline importer: the fastest way to load a large network into an empty graph.
 * Pass 1 is the online importer's (planBulk: a SeedError names file, line and field, and nothing is
 * touched). The records are then written as CSV files beside the store, the importer builds a new store
 * from them, and only a finished store replaces the old one. The database is then started: the graph
 * schema (constraints, indexes) is applied, the few values a CSV cell cannot hold (empty lists) are set,
 * and the node and relationship counts are checked against what was written.
 */
export async function importSeedStore(dirs: string[], log: Logger, curatedDir: string, settings: StoreImportSettings): Promise<BulkResult> {
  const plan = await planBulk(dirs, log, curatedDir);
  const { progress } = plan;
  const csvDir = path.join(settings.dataDir, `import-${randomBytes(4).toString('hex')}`);
  const later: PendingRel[] = [];
  try {
    const csv = new StoreCsvWriter(csvDir);
    const written = await writeCsv(plan, csv, settings.batchSize ?? 10_000, later);
    log.info(
      { nodes: written.nodes, relationships: written.relationships, files: written.nodeFiles.length + written.relationshipFiles.length, seconds: progress.seconds() },
      'Store import: CSV written',
    );
    await runStoreImport({
      projectRoot: settings.projectRoot,
      dataDir: settings.dataDir,
      java: settings.java,
      maven: settings.maven,
      heap: settings.heap ?? '1g',
      nodeFiles: written.nodeFiles,
      relationshipFiles: written.relationshipFiles,
      arrayDelimiter: ARRAY_DELIMITER_OPTION,
      multiline: written.multiline,
      reportFile: path.join(csvDir, 'import.report'),
      log,
    });
    log.info({ seconds: progress.seconds() }, 'Store import: store built');
    fs.rmSync(csvDir, { recursive: true, force: true });

    const graph = await settings.open();
    try {
      await applyGraphSchema(graph.db);
      log.info({ seconds: progress.seconds() }, 'Store import: schema applied');
      await writeLater(graph, csv, later);
      const counts = await graphCounts(graph.db);
      const relationships = written.relationships + later.length;
      if (counts.nodes !== written.nodes || counts.relationships !== relationships) {
        throw new Error(
          `the new store holds ${counts.nodes} nodes and ${counts.relationships} relationships; ${written.nodes} and ${relationships} were written`,
        );
      }
      const seconds = progress.seconds();
      const result: BulkResult = {
        files: plan.files.length,
        records: plan.checked.records,
        nodes: written.nodes,
        relationships,
        seconds,
        relationshipsPerSecond: Math.round(relationships / Math.max(seconds, 0.001)),
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

/** Sets the empty lists of the CSV's nodes and writes the relationships that hold one. */
async function writeLater(graph: GraphConnection, csv: StoreCsvWriter, later: PendingRel[]): Promise<void> {
  if (!csv.nodeFixups.length && !later.length) return;
  await graph.db.writeTx(async (tx) => {
    const byLabel = new Map<string, Array<{ id: string; props: Record<string, unknown> }>>();
    for (const { label, id, props } of csv.nodeFixups) (byLabel.get(label) ?? byLabel.set(label, []).get(label)!).push({ id, props });
    for (const [label, rows] of byLabel) await graph.db.runIn(tx, ADD_NODE_PROPS[label], { rows });
    for (const [spec, row] of later) await graph.db.runIn(tx, UPSERT_REL[spec], { rows: [row] });
  });
}
