import { stringify } from 'csv-stringify/sync';
import { create } from 'xmlbuilder2';
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
 * (and, in a multigraph, a unique `key`).
 */
export function toNodeLinkJson(graph: NetworkGraph): string {
  const multigraph = isMultigraph(graph);
  return JSON.stringify({
    directed: isDirected(graph),
    multigraph,
    graph: { truncated: graph.truncated },
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      type: n.type,
      kind: n.kind,
      label: n.label,
      name: n.name,
      location: n.location,
      distance: n.distance,
    })),
    edges: graph.edges.map((e, i) => ({
      source: e.source,
      target: e.target,
      // networkx merges parallel edges of a multigraph that share a `key`; the position is unique.
      ...(multigraph ? { key: i } : {}),
      type: e.type,
      weight: e.weight,
      evidence: e.evidence,
    })),
  });
}

/** CSV node list with a header row (id, type, kind, label, name, location, distance); absent values are empty. */
export function toNodesCsv(graph: NetworkGraph): string {
  const rows = graph.nodes.map((n) => NODE_COLUMNS.map((c) => n[c] ?? ''));
  return stringify(rows, { header: true, columns: [...NODE_COLUMNS] });
}

/** CSV edge list with a header row (source, target, type, weight, evidence); evidence ids are joined with ';'. */
export function toEdgesCsv(graph: NetworkGraph): string {
  const rows = graph.edges.map((e) => [e.source, e.target, e.type, e.weight, e.evidence.join(EVIDENCE_SEPARATOR)]);
  return stringify(rows, { header: true, columns: [...EDGE_COLUMNS] });
}

/**
 * GraphML that Gephi and networkx open: a typed <key> for every node and edge attribute and for the graph's
 * `truncated` flag, one <node> per node and one <edge> per edge (weight as double, evidence ids joined with
 * ';'). An absent value has no <data>. Text is XML-escaped and characters XML cannot hold become U+FFFD.
 */
export function toGraphML(graph: NetworkGraph): string {
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' }).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
  });
  root.ele('key', { id: 'g_truncated', for: 'graph', 'attr.name': 'truncated', 'attr.type': 'boolean' });
  for (const k of NODE_KEYS) root.ele('key', { id: `n_${k.name}`, for: 'node', 'attr.name': k.name, 'attr.type': k.type });
  for (const k of EDGE_KEYS) root.ele('key', { id: `e_${k.name}`, for: 'edge', 'attr.name': k.name, 'attr.type': k.type });

  const g = root.ele('graph', { id: 'G', edgedefault: isDirected(graph) ? 'directed' : 'undirected' });
  g.ele('data', { key: 'g_truncated' }).txt(String(graph.truncated));
  for (const n of graph.nodes) {
    const node = g.ele('node', { id: n.id });
    for (const k of NODE_KEYS) {
      const value = n[k.name];
      if (value !== null && value !== undefined) node.ele('data', { key: `n_${k.name}` }).txt(String(value));
    }
  }
  graph.edges.forEach((e, i) => {
    const edge = g.ele('edge', { id: `e${i}`, source: e.source, target: e.target });
    edge.ele('data', { key: 'e_type' }).txt(e.type);
    edge.ele('data', { key: 'e_weight' }).txt(String(e.weight));
    edge.ele('data', { key: 'e_evidence' }).txt(e.evidence.join(EVIDENCE_SEPARATOR));
  });
  return root.end({ prettyPrint: true }) + '\n';
}

const RENDER: Record<ExportFormat, (graph: NetworkGraph) => string> = {
  JSON: toNodeLinkJson,
  CSV_NODES: toNodesCsv,
  CSV_EDGES: toEdgesCsv,
  GRAPHML: toGraphML,
};

/** A file name made of letters, digits, '-' and '_' only, so it is safe in a Content-Disposition header. */
export function safeBaseName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return cleaned === '' ? 'network' : cleaned;
}

/** Renders a network in one format, with its content type and a file name built from `baseName`. */
export function exportNetwork(graph: NetworkGraph, format: ExportFormat, baseName = 'network'): ExportFile {
  return {
    format,
    contentType: CONTENT_TYPE[format],
    filename: safeBaseName(baseName) + SUFFIX[format],
    content: RENDER[format](graph),
  };
}
