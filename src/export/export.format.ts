import { stringify } from 'csv-stringify/sync';
import type { NetworkEdge, NetworkGraph, NetworkNode } from '../network/network.type';

export enum ExportFormat {
  JSON = 'JSON',
  CSV_NODES = 'CSV_NODES',
  CSV_EDGES = 'CSV_EDGES',
  GRAPHML = 'GRAPHML',
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
};

const SUFFIX: Record<ExportFormat, string> = {
  JSON: '.json',
  CSV_NODES: '-nodes.csv',
  CSV_EDGES: '-edges.csv',
  GRAPHML: '.graphml',
};

// Evidence ids are slugs (letters, digits, '-'), so ';' cannot occur inside one.
const EVIDENCE_SEPARATOR = ';';

const NODE_COLUMNS = ['id', 'type', 'kind', 'label', 'name', 'location', 'distance'] as const;
const EDGE_COLUMNS = ['source', 'target', 'type', 'weight', 'evidence'] as const;

type GraphMLType = 'string' | 'int' | 'double' | 'boolean';

// Every attribute an exported node or edge can carry, with its GraphML type; `id`, `source` and `target`
// are GraphML's own attributes.
const NODE_KEYS: ReadonlyArray<{ name: Exclude<keyof NetworkNode, 'id'>; type: GraphMLType }> = [
  { name: 'type', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'location', type: 'string' },
  { name: 'distance', type: 'int' },
];
const EDGE_KEYS: ReadonlyArray<{ name: Exclude<keyof NetworkEdge, 'source' | 'target'>; type: GraphMLType }> = [
  { name: 'type', type: 'string' },
  { name: 'weight', type: 'double' },
  { name: 'evidence', type: 'string' },
];

/**
 * Cooperation edges are symmetric; any other edge (a graph relationship such as PARTY_TO) has a direction,
 * and then the whole export is directed so that no direction is lost.
 */
export function isDirected(graph: NetworkGraph): boolean {
  return graph.edges.some((e) => e.type !== 'COOPERATES_WITH');
}

/** True when two edges join the same pair of nodes (in either order for an undirected graph). */
export function isMultigraph(graph: NetworkGraph): boolean {
  const directed = isDirected(graph);
  const seen = new Set<string>();
  for (const e of graph.edges) {
    const pair = directed || e.source <= e.target ? [e.source, e.target] : [e.target, e.source];
    const key = JSON.stringify(pair);
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/**
 * Node-link JSON as networkx reads it with `json_graph.node_link_graph(data, edges="edges")`: `directed`,
 * `multigraph`, `graph` (holding `truncated`), `nodes` with every node field, `edges` with every edge field
 * (and, in a multigraph, a unique `key`). Written a node or edge at a time; the result is exactly what
 * JSON.stringify gives for the whole object.
 */
function* nodeLinkJsonParts(graph: NetworkGraph): Generator<string> {
  const multigraph = isMultigraph(graph);
  yield `{"directed":${isDirected(graph)},"multigraph":${multigraph},"graph":${JSON.stringify({ truncated: graph.truncated })},"nodes":[`;
  for (let i = 0; i < graph.nodes.length; i++) {
    const n = graph.nodes[i];
    const node = { id: n.id, type: n.type, kind: n.kind, label: n.label, name: n.name, location: n.location, distance: n.distance };
    yield (i === 0 ? '' : ',') + JSON.stringify(node);
  }
  yield '],"edges":[';
  for (let i = 0; i < graph.edges.length; i++) {
    const e = graph.edges[i];
    // networkx merges parallel edges of a multigraph that share a `key`; the position is unique.
    const edge = { source: e.source, target: e.target, ...(multigraph ? { key: i } : {}), type: e.type, weight: e.weight, evidence: e.evidence };
    yield (i === 0 ? '' : ',') + JSON.stringify(edge);
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

/** CSV node list with a header row (id, type, kind, label, name, location, distance); absent values are empty. */
function nodesCsvParts(graph: NetworkGraph): Generator<string> {
  return csvParts((i) => NODE_COLUMNS.map((c) => graph.nodes[i][c] ?? ''), graph.nodes.length, NODE_COLUMNS);
}

/** CSV edge list with a header row (source, target, type, weight, evidence); evidence ids are joined with ';'. */
function edgesCsvParts(graph: NetworkGraph): Generator<string> {
  const row = (e: NetworkEdge) => [e.source, e.target, e.type, e.weight, e.evidence.join(EVIDENCE_SEPARATOR)];
  return csvParts((i) => row(graph.edges[i]), graph.edges.length, EDGE_COLUMNS);
}

// Characters XML 1.0 cannot hold (controls other than tab, newline and return; lone surrogates; U+FFFE/FFFF).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// Anything xmlText may change; most values hold none of it and are taken as they are.
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text for an XML attribute value or element: invalid characters become U+FFFD, markup is escaped. */
function xmlText(value: string, attribute: boolean): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  const text = value.replace(NOT_XML_CHAR, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? text.replace(/"/g, '&quot;') : text;
}

function xmlAttributes(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${xmlText(value, true)}"`)
    .join('');
}

/** One `<data>` line at the indentation of a node's or edge's children. */
function xmlData(key: string, value: string): string {
  return value === '' ? `\n      <data key="${key}"/>` : `\n      <data key="${key}">${xmlText(value, false)}</data>`;
}

/** An element with `<data>` children (or none), as one piece at the indentation of the graph's children. */
function xmlElement(name: string, attributes: Record<string, string>, data: string[]): string {
  const open = `\n    <${name}${xmlAttributes(attributes)}`;
  return data.length === 0 ? `${open}/>` : `${open}>${data.join('')}\n    </${name}>`;
}

/**
 * GraphML that Gephi and networkx open: a typed <key> for every node and edge attribute and for the graph's
 * `truncated` flag, one <node> per node and one <edge> per edge (weight as double, evidence ids joined with
 * ';'). An absent value has no <data>. Text is XML-escaped and characters XML cannot hold become U+FFFD.
 * Written a node or edge at a time, laid out as xmlbuilder2 pretty-prints it (two spaces per level).
 */
function* graphMLParts(graph: NetworkGraph): Generator<string> {
  const keys = [
    { id: 'g_truncated', for: 'graph', 'attr.name': 'truncated', 'attr.type': 'boolean' },
    ...NODE_KEYS.map((k) => ({ id: `n_${k.name}`, for: 'node', 'attr.name': k.name, 'attr.type': k.type })),
    ...EDGE_KEYS.map((k) => ({ id: `e_${k.name}`, for: 'edge', 'attr.name': k.name, 'attr.type': k.type })),
  ];
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<graphml' +
    xmlAttributes({
      xmlns: 'http://graphml.graphdrawing.org/xmlns',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
    }) +
    '>' +
    keys.map((k) => `\n  <key${xmlAttributes(k)}/>`).join('') +
    `\n  <graph${xmlAttributes({ id: 'G', edgedefault: isDirected(graph) ? 'directed' : 'undirected' })}>` +
    `\n    <data key="g_truncated">${graph.truncated}</data>`;
  for (const n of graph.nodes) {
    const data: string[] = [];
    for (const k of NODE_KEYS) {
      const value = n[k.name];
      if (value !== null && value !== undefined) data.push(xmlData(`n_${k.name}`, String(value)));
    }
    yield xmlElement('node', { id: n.id }, data);
  }
  for (let i = 0; i < graph.edges.length; i++) {
    const e = graph.edges[i];
    const data = [xmlData('e_type', e.type), xmlData('e_weight', String(e.weight)), xmlData('e_evidence', e.evidence.join(EVIDENCE_SEPARATOR))];
    yield xmlElement('edge', { id: `e${i}`, source: e.source, target: e.target }, data);
  }
  yield '\n  </graph>\n</graphml>\n';
}

/** The pieces of a network's file in `format`, in order; joined, they are the file. */
export function exportParts(graph: NetworkGraph, format: ExportFormat): Generator<string> {
  return PARTS[format](graph);
}

const PARTS: Record<ExportFormat, (graph: NetworkGraph) => Generator<string>> = {
  JSON: nodeLinkJsonParts,
  CSV_NODES: nodesCsvParts,
  CSV_EDGES: edgesCsvParts,
  GRAPHML: graphMLParts,
};

const whole = (parts: Iterable<string>) => {
  let out = '';
  for (const part of parts) out += part;
  return out;
};

/** Node-link JSON (see nodeLinkJsonParts), in one go. */
export const toNodeLinkJson = (graph: NetworkGraph): string => whole(nodeLinkJsonParts(graph));
/** CSV node list with a header row (id, type, kind, label, name, location, distance), in one go. */
export const toNodesCsv = (graph: NetworkGraph): string => whole(nodesCsvParts(graph));
/** CSV edge list with a header row (source, target, type, weight, evidence), in one go. */
export const toEdgesCsv = (graph: NetworkGraph): string => whole(edgesCsvParts(graph));
/** GraphML (see graphMLParts), in one go. */
export const toGraphML = (graph: NetworkGraph): string => whole(graphMLParts(graph));

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
 * Renders a network in one format, in one go, with its content type and a file name built from `baseName`.
 * Requests use renderExport (export.render.ts), which yields to other requests while it writes.
 */
export function exportNetwork(graph: NetworkGraph, format: ExportFormat, baseName = 'network'): ExportFile {
  let content = '';
  for (const part of exportParts(graph, format)) content += part;
  return { ...exportFileInfo(format, baseName), content };
}
