import { stringify } from 'csv-stringify/sync';
import type { NetworkGraph } from '../network/network.type';
import { flat, hasParallelEdges } from './export.flat';
import { gexfParts, graphMLParts } from './export.xml-formats';
import { oneModeTable, type ExportTable } from './export.table';

export enum ExportFormat {
  JSON = 'JSON',
  CSV_NODES = 'CSV_NODES',
  CSV_EDGES = 'CSV_EDGES',
  GRAPHML = 'GRAPHML',
  GEXF = 'GEXF',
}

/** One exported file: its body and how to serve it. */
export interface ExportFile {
  format: ExportFormat;
  contentType: string;
  filename: string;
  content: string;
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  JSON: 'application/json; charset=utf-8',
  CSV_NODES: 'text/csv; charset=utf-8',
  CSV_EDGES: 'text/csv; charset=utf-8',
  GRAPHML: 'application/graphml+xml; charset=utf-8',
  GEXF: 'application/gexf+xml; charset=utf-8',
};

const SUFFIX: Record<ExportFormat, string> = {
  JSON: '.json',
  CSV_NODES: '-nodes.csv',
  CSV_EDGES: '-edges.csv',
  GRAPHML: '.graphml',
  GEXF: '.gexf',
};

/** The column of both CSV files that says whether a cap cut the network ('true' or 'false' on every row). */
export const CSV_TRUNCATED_COLUMN = 'truncated';

/** A network answer is exported one-mode; a table is written as it is. */
function tableOf(source: NetworkGraph | ExportTable): ExportTable {
  return 'mode' in source ? source : oneModeTable(source);
}

/**
 * Node-link JSON as networkx reads it with `json_graph.node_link_graph(data, edges="edges")`: `directed`,
 * `multigraph`, `graph` (`truncated`, `mode`), `nodes` with every node attribute, `edges` with every edge
 * attribute (and, in a multigraph, a unique `key`). Lists stay lists and tie counts by kind an object.
 * Written a node or edge at a time; the result is exactly what JSON.stringify gives for the whole object.
 */
function* nodeLinkJsonParts(table: ExportTable): Generator<string> {
  const multigraph = hasParallelEdges(table);
  yield `{"directed":${table.directed},"multigraph":${multigraph},"graph":${JSON.stringify({ truncated: table.truncated, mode: table.mode })},"nodes":[`;
  for (let i = 0; i < table.nodes.length; i++) {
    const n = table.nodes[i];
    yield (i === 0 ? '' : ',') + JSON.stringify({ id: n.id, ...n.values });
  }
  yield '],"edges":[';
  for (let i = 0; i < table.edges.length; i++) {
    const e = table.edges[i];
    // networkx merges parallel edges of a multigraph that share a `key`; the position is unique.
    yield (i === 0 ? '' : ',') + JSON.stringify({ source: e.source, target: e.target, ...(multigraph ? { key: i } : {}), ...e.values });
  }
  yield ']}';
}

// CSV rows are written this many at a time: csv-stringify's fixed cost per call is then negligible.
const CSV_ROWS_PER_PART = 200;

function* csvParts(rows: (i: number) => unknown[], count: number, columns: readonly string[]): Generator<string> {
  yield stringify([], { header: true, columns: [...columns] });
  for (let start = 0; start < count; start += CSV_ROWS_PER_PART) {
    const chunk: unknown[][] = [];
    for (let i = start; i < Math.min(count, start + CSV_ROWS_PER_PART); i++) chunk.push(rows(i));
    yield stringify(chunk, { header: false, columns: [...columns] });
  }
}

/** CSV node list with a header row: id, every node attribute, then `truncated`; absent values are empty. */
function nodesCsvParts(table: ExportTable): Generator<string> {
  const names = table.nodeAttrs.map((a) => a.name);
  const row = (i: number) => [table.nodes[i].id, ...names.map((c) => flat(table.nodes[i].values[c]) ?? ''), String(table.truncated)];
  return csvParts(row, table.nodes.length, ['id', ...names, CSV_TRUNCATED_COLUMN]);
}

/** CSV edge list with a header row: source, target, every edge attribute, then `truncated`; lists joined with ';'. */
function edgesCsvParts(table: ExportTable): Generator<string> {
  const names = table.edgeAttrs.map((a) => a.name);
  const row = (i: number) => {
    const e = table.edges[i];
    return [e.source, e.target, ...names.map((c) => flat(e.values[c]) ?? ''), String(table.truncated)];
  };
  return csvParts(row, table.edges.length, ['source', 'target', ...names, CSV_TRUNCATED_COLUMN]);
}

const PARTS: Record<ExportFormat, (table: ExportTable) => Generator<string>> = {
  JSON: nodeLinkJsonParts,
  CSV_NODES: nodesCsvParts,
  CSV_EDGES: edgesCsvParts,
  GRAPHML: graphMLParts,
  GEXF: gexfParts,
};

/** The pieces of a network's file in `format`, in order; joined, they are the file. */
export function exportParts(source: NetworkGraph | ExportTable, format: ExportFormat): Generator<string> {
  return PARTS[format](tableOf(source));
}

const whole = (parts: Iterable<string>) => {
  let out = '';
  for (const part of parts) out += part;
  return out;
};

/** Node-link JSON (see nodeLinkJsonParts), in one go. */
export const toNodeLinkJson = (source: NetworkGraph | ExportTable): string => whole(exportParts(source, ExportFormat.JSON));
/** CSV node list (id, the node attributes, truncated), in one go. */
export const toNodesCsv = (source: NetworkGraph | ExportTable): string => whole(exportParts(source, ExportFormat.CSV_NODES));
/** CSV edge list (source, target, the edge attributes, truncated), in one go. */
export const toEdgesCsv = (source: NetworkGraph | ExportTable): string => whole(exportParts(source, ExportFormat.CSV_EDGES));
/** GraphML (see graphMLParts), in one go. */
export const toGraphML = (source: NetworkGraph | ExportTable): string => whole(exportParts(source, ExportFormat.GRAPHML));
/** GEXF 1.2 (see gexfParts), in one go. */
export const toGexf = (source: NetworkGraph | ExportTable): string => whole(exportParts(source, ExportFormat.GEXF));

/** A file name made of letters, digits, '-' and '_' only, so it is safe in a Content-Disposition header. */
export function safeBaseName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return cleaned === '' ? 'network' : cleaned;
}

/** How a network's file is served in `format`: content type and a file name built from `baseName`. */
export function exportFileInfo(format: ExportFormat, baseName = 'network'): Omit<ExportFile, 'content'> {
  return { format, contentType: CONTENT_TYPE[format], filename: safeBaseName(baseName) + SUFFIX[format] };
}

/**
 * Renders a network (one-mode) or a table in one format, in one go, with its content type and a file name
 * built from `baseName`. Requests use renderExport (export.render.ts), which yields to other requests.
 */
export function exportNetwork(source: NetworkGraph | ExportTable, format: ExportFormat, baseName = 'network'): ExportFile {
  return { ...exportFileInfo(format, baseName), content: whole(exportParts(source, format)) };
}
