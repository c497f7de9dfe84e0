import type { NetworkEdge, NetworkGraph } from '../network/network.type';
import { TIE_KINDS } from '../rules/tie';

/**
 * What every export format writes, whatever the mode: typed node and edge attributes, rows of values and the
 * graph's own attributes. The writers (export.format.ts) know nothing of networks; the builders here and in
 * export.two-mode.ts know nothing of file formats.
 */

export enum ExportMode {
  ONE_MODE = 'ONE_MODE',
  TWO_MODE = 'TWO_MODE',
}

export type AttrType = 'string' | 'int' | 'double' | 'boolean';

/** One attribute of the nodes or of the edges, with the type GraphML and GEXF declare for it. */
export interface Attr {
  name: string;
  type: AttrType;
}

/**
 * A value as JSON writes it. The flat formats (CSV, GraphML, GEXF) write a list as its items joined with ';'
 * and a count map as `KEY:n` items joined with ';'; null is an empty CSV cell and no data element.
 */
export type Value = string | number | boolean | null | readonly string[] | Readonly<Record<string, number>>;

export interface TableNode {
  id: string;
  values: Record<string, Value>;
}

export interface TableEdge {
  source: string;
  target: string;
  values: Record<string, Value>;
}

export interface ExportTable {
  mode: ExportMode;
  directed: boolean;
  /** True when a cap cut the network or the export: the file holds the strongest part only. */
  truncated: boolean;
  nodeAttrs: readonly Attr[];
  edgeAttrs: readonly Attr[];
  nodes: TableNode[];
  edges: TableEdge[];
}

/** Ties of the answer as the network answers give them; absent on answers that do not type their ties. */
export interface TieFields {
  count?: number | null;
  countsByKind?: ReadonlyArray<{ kind: string; count: number }> | null;
  firstDate?: string | null;
  lastDate?: string | null;
}

export type ExportEdge = NetworkEdge & TieFields;

export const ONE_MODE_NODE_ATTRS: readonly Attr[] = [
  { name: 'type', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'location', type: 'string' },
  { name: 'distance', type: 'int' },
];

export const ONE_MODE_EDGE_ATTRS: readonly Attr[] = [
  { name: 'type', type: 'string' },
  { name: 'weight', type: 'double' },
  { name: 'count', type: 'int' },
  { name: 'tieKind', type: 'string' },
  { name: 'countsByKind', type: 'string' },
  { name: 'firstDate', type: 'string' },
  { name: 'lastDate', type: 'string' },
  { name: 'evidence', type: 'string' },
];

/** Number of distinct instruments behind an edge: its `count` when the answer gives one, else its evidence. */
export function edgeCount(e: ExportEdge): number {
  return e.count ?? e.evidence.length;
}

/** The strongest kind among an edge's kinds (earliest in TIE_KINDS), or null when the answer gives none. */
export function strongestKind(counts: TieFields['countsByKind']): string | null {
  if (!counts?.length) return null;
  const rank = (k: string) => {
    const i = (TIE_KINDS as readonly string[]).indexOf(k);
    return i < 0 ? TIE_KINDS.length : i;
  };
  return [...counts].sort((a, b) => rank(a.kind) - rank(b.kind))[0].kind;
}

function countsMap(counts: TieFields['countsByKind']): Record<string, number> | null {
  if (!counts?.length) return null;
  return Object.fromEntries(counts.filter((c) => c.count > 0).map((c) => [c.kind, c.count]));
}

/**
 * Cooperation edges are symmetric; any other edge (a graph relationship such as PARTY_TO) has a direction,
 * and then the whole export is directed so that no direction is lost.
 */
export function isDirected(graph: Pick<NetworkGraph, 'edges'>): boolean {
  return graph.edges.some((e) => e.type !== 'COOPERATES_WITH');
}

/** The network answer itself as a one-mode table: organisations (and any other node) and their ties. */
export function oneModeTable(graph: NetworkGraph): ExportTable {
  return {
    mode: ExportMode.ONE_MODE,
    directed: isDirected(graph),
    truncated: graph.truncated,
    nodeAttrs: ONE_MODE_NODE_ATTRS,
    edgeAttrs: ONE_MODE_EDGE_ATTRS,
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      values: { type: n.type, kind: n.kind, label: n.label, name: n.name, location: n.location, distance: n.distance },
    })),
    edges: (graph.edges as ExportEdge[]).map((e) => ({
      source: e.source,
      target: e.target,
      values: {
        type: e.type,
        weight: e.weight,
        count: edgeCount(e),
        tieKind: strongestKind(e.countsByKind),
        countsByKind: countsMap(e.countsByKind),
        firstDate: e.firstDate ?? null,
        lastDate: e.lastDate ?? null,
        evidence: e.evidence,
      },
    })),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Heaviest first: by weight, then number of instruments, then the ids of the two ends. */
export function byStrength(a: ExportEdge, b: ExportEdge): number {
  return b.weight - a.weight || edgeCount(b) - edgeCount(a) || compare(a.source, b.source) || compare(a.target, b.target);
}

/**
 * The strongest part of a network with at most `maxEdges` edges: the heaviest edges (byStrength) and the nodes
 * at their ends, plus the centre of an ego network (distance 0); nodes and edges keep their order. A network
 * already within the cap is returned as it is; a cut one says `truncated: true`.
 */
export function strongestPart(graph: NetworkGraph, maxEdges: number): NetworkGraph {
  if (graph.edges.length <= maxEdges) return graph;
  const kept = new Set([...graph.edges].sort(byStrength).slice(0, maxEdges));
  const edges = graph.edges.filter((e) => kept.has(e));
  const ends = new Set(edges.flatMap((e) => [e.source, e.target]));
  return { nodes: graph.nodes.filter((n) => ends.has(n.id) || n.distance === 0), edges, truncated: true };
}
