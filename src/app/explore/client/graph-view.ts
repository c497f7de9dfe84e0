import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { NodePointProgram, type NodeProgramType } from 'sigma/rendering';
import type { NetworkGraph } from './queries';
import { kindColour } from './palette';
import type { Language } from './state';

/** Node attributes the view keeps (besides sigma's x, y, size, color, label). */
export interface ActorAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  location: string | null;
  centre: boolean;
  /** What the node stands for; organisations when absent (the one-mode view has nothing else). */
  entity?: 'Organization' | 'Agreement' | 'Activity';
  /** sigma's program: 'square' for instruments in the two-mode view. */
  type?: string;
  /** On the path the path finder found. */
  onPath?: boolean;
}

/** Edge attributes: the tie as the hub described it. */
export interface TieAttributes {
  size: number;
  color: string;
  weight: number;
  count: number | null;
  firstDate: string | null;
  lastDate: string | null;
  evidence: string[];
  countsByKind: Array<{ kind: string; count: number }>;
  /** Two-mode view: the organisation's role(s) in the instrument. */
  role?: string;
  onPath?: boolean;
}

/** The key of the tie between two organisations, whatever their order. */
export const tieKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

const EDGE_COLOUR = '#9aa5b1';
const FOCUS_COLOUR = '#e8590c';
const PATH_COLOUR = '#d6336c';
const DIM_NODE = '#dde1e6';
const DIM_EDGE = '#eef0f2';

/**
 * The drawn network: a graphology graph rendered by sigma, laid out by ForceAtlas2 run synchronously.
 * Nodes are coloured by kind and sized by fractional strength (the sum of their ties' weights).
 */
export class NetworkView {
  readonly graph = new Graph<ActorAttributes, TieAttributes>({ type: 'undirected', multi: false });
  readonly renderer: Sigma<ActorAttributes, TieAttributes>;
  private lang: Language;
  private focusedEdge: string | null = null;
  /** Whether a path is shown: then what is off it is dimmed. */
  private pathShown = false;

  constructor(container: HTMLElement, lang: Language, handlers: { node(id: string): void; edge(key: string): void; stage(): void }) {
    this.lang = lang;
    this.renderer = new Sigma<ActorAttributes, TieAttributes>(this.graph, container, {
      enableEdgeEvents: true,
      allowInvalidContainer: true,
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 6,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
      nodeProgramClasses: { square: NodePointProgram as unknown as NodeProgramType<ActorAttributes, TieAttributes> },
      nodeReducer: (_id, data) => {
        if (!this.pathShown) return data;
        return data.onPath ? { ...data, highlighted: true, zIndex: 2 } : { ...data, color: DIM_NODE, label: '', zIndex: 0 };
      },
      edgeReducer: (key, data) => {
        if (key === this.focusedEdge) return { ...data, color: FOCUS_COLOUR, zIndex: 3 };
        if (!this.pathShown) return data;
        return data.onPath ? { ...data, color: PATH_COLOUR, size: Math.max(3, data.size), zIndex: 2 } : { ...data, color: DIM_EDGE, zIndex: 0 };
      },
    });
    // The stage changes size when the side panel opens or the window turns: sigma only follows the window.
    new ResizeObserver(() => this.renderer.refresh()).observe(container);
    this.renderer.on('clickNode', ({ node }) => handlers.node(node));
    this.renderer.on('clickEdge', ({ edge }) => handlers.edge(edge));
    this.renderer.on('clickStage', () => handlers.stage());
    this.renderer.on('enterNode', () => (container.style.cursor = 'pointer'));
    this.renderer.on('leaveNode', () => (container.style.cursor = ''));
    this.renderer.on('enterEdge', () => (container.style.cursor = 'pointer'));
    this.renderer.on('leaveEdge', () => (container.style.cursor = ''));
  }

  /** Replaces the drawing with `network`, centred on `centre`. */
  show(network: NetworkGraph, centre: string): void {
    this.showGraph(this.withNetwork(new Graph<ActorAttributes, TieAttributes>({ type: 'undirected', multi: false }), network, centre));
  }

  /** Replaces the drawing with a graph built elsewhere (the two-mode view), laid out here. */
  showGraph(graph: Graph<ActorAttributes, TieAttributes>): void {
    this.focusedEdge = null;
    this.pathShown = false;
    // A circle to start from: ForceAtlas2 needs distinct starting points.
    graph.nodes().forEach((id, i) => {
      const angle = (2 * Math.PI * i) / graph.order;
      graph.mergeNodeAttributes(id, { x: 30 * Math.cos(angle), y: 30 * Math.sin(angle) });
    });
    layout(graph);
    this.commit(graph);
    this.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }

  /**
   * Adds `network` to the drawing (nodes and ties not there yet; ties already there take the new figures),
   * new nodes starting around `around` (the expanded node), then lays the whole graph out again.
   * With `cap`, the drawing grows to at most that many nodes (the network's nodes in its order, nearest
   * first); returns how many new nodes were left out.
   */
  merge(network: NetworkGraph, around: string, cap = Infinity): number {
    const room = Math.max(0, cap - this.graph.order);
    const fresh = network.nodes.filter((n) => !this.graph.hasNode(n.id));
    const kept = fresh.length > room ? { ...network, nodes: network.nodes.filter((n) => this.graph.hasNode(n.id) || fresh.indexOf(n) < room) } : network;
    this.commit(this.withNetwork(this.graph.copy(), kept, around));
    return fresh.length - Math.min(room, fresh.length);
  }

  /** Adds a graph built elsewhere (a path in two-mode form) to the drawing, new nodes around their neighbours. */
  mergeGraph(other: Graph<ActorAttributes, TieAttributes>): void {
    const next = this.graph.copy();
    other.forEachNode((id, a) => {
      if (next.hasNode(id)) return;
      const near = other.neighbors(id).find((n) => next.hasNode(n));
      const o = near ? next.getNodeAttributes(near) : { x: 0, y: 0 };
      next.addNode(id, { ...a, x: o.x + Math.random() * 10 - 5, y: o.y + Math.random() * 10 - 5 });
    });
    other.forEachEdge((key, a, source, target) => {
      if (!next.hasEdge(source, target)) next.addEdgeWithKey(key, source, target, a);
    });
    layout(next);
    this.commit(next);
  }

  /**
   * Marks the nodes and edges of a path (null: none) and dims the rest of the drawing; the marks are
   * attributes of the graph (onPath), so what is emphasised can be read from the graph itself.
   */
  setPath(path: { nodes: string[]; edges: string[] } | null): void {
    const next = this.graph.copy();
    const nodes = new Set(path?.nodes ?? []);
    const edges = new Set(path?.edges ?? []);
    next.updateEachNodeAttributes((id, a) => ({ ...a, onPath: nodes.has(id) }));
    next.updateEachEdgeAttributes((key, a) => ({ ...a, onPath: edges.has(key) }));
    this.pathShown = !!path;
    this.commit(next);
  }

  /** Switches node labels between Vietnamese (as the sources write them) and English names. */
  setLanguage(lang: Language): void {
    this.lang = lang;
    const next = this.graph.copy();
    next.updateEachNodeAttributes((_id, a) => ({ ...a, label: lang === 'en' ? a.nameEn : a.nameVi }));
    this.commit(next);
  }

  /** Highlights one tie (null: none). */
  focusEdge(key: string | null): void {
    this.focusedEdge = key;
    this.renderer.refresh();
  }

  /** The sum of the weights of a node's ties (its fractional strength) in `graph` (default the drawing). */
  strength(id: string, graph: Graph<ActorAttributes, TieAttributes> = this.graph): number {
    let total = 0;
    graph.forEachEdge(id, (_e, a) => (total += a.weight));
    return total;
  }

  // Changes are made on a detached graph and then put in the drawn one whole: sigma cannot repaint an
  // attribute change of a node or edge it has not yet indexed (added in the same frame).
  private commit(next: Graph<ActorAttributes, TieAttributes>): void {
    this.graph.clear();
    this.graph.import(next.export());
  }

  private withNetwork(graph: Graph<ActorAttributes, TieAttributes>, network: NetworkGraph, around: string): Graph<ActorAttributes, TieAttributes> {
    const origin = graph.hasNode(around) ? graph.getNodeAttributes(around) : { x: 0, y: 0 };
    const first = graph.order === 0;
    const fresh = network.nodes.filter((n) => !graph.hasNode(n.id));
    fresh.forEach((n, i) => {
      // A circle around the anchor: ForceAtlas2 needs distinct starting points.
      const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
      const radius = n.id === around ? 0 : 10 + (n.distance ?? 1) * 10;
      graph.addNode(n.id, {
        x: origin.x + radius * Math.cos(angle),
        y: origin.y + radius * Math.sin(angle),
        size: 4,
        color: kindColour(n.kind),
        label: '',
        kind: n.kind,
        nameVi: n.name ?? n.label,
        nameEn: n.label,
        location: n.location,
        centre: first && n.id === around,
      });
    });
    for (const e of network.edges) {
      if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || e.source === e.target) continue;
      graph.mergeEdgeWithKey(tieKey(e.source, e.target), e.source, e.target, {
        size: Math.min(8, 0.5 + 1.5 * Math.sqrt(e.weight)),
        color: EDGE_COLOUR,
        weight: e.weight,
        count: e.count,
        firstDate: e.firstDate,
        lastDate: e.lastDate,
        evidence: e.evidence,
        countsByKind: e.countsByKind ?? [],
      });
    }
    const lang = this.lang;
    graph.updateEachNodeAttributes((id, a) => ({
      ...a,
      // Without any tie (a path's two ends that nothing joins) the nodes are drawn large enough for their names.
      size: graph.size ? 4 + 4 * Math.sqrt(this.strength(id, graph)) : 12,
      label: lang === 'en' ? a.nameEn : a.nameVi,
    }));
    layout(graph);
    return graph;
  }

  /** What sigma draws for a node or an edge after the path's emphasis (tests read colours and sizes here). */
  displayed(kind: 'node' | 'edge', key: string): { color: string; size: number; label?: string | null } | undefined {
    const data = kind === 'node' ? this.renderer.getNodeDisplayData(key) : this.renderer.getEdgeDisplayData(key);
    return data ? { color: data.color, size: data.size, label: 'label' in data ? data.label : undefined } : undefined;
  }

  /** A PNG of what is drawn (every sigma layer composited on white), as a data URL. */
  toPng(): string {
    this.renderer.refresh();
    const canvases = this.renderer.getCanvases();
    const { width, height } = this.renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    const out = document.createElement('canvas');
    out.width = width * ratio;
    out.height = height * ratio;
    const ctx = out.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    for (const canvas of Object.values(canvases)) ctx.drawImage(canvas, 0, 0, out.width, out.height);
    return out.toDataURL('image/png');
  }
}

/** ForceAtlas2, run synchronously (the drawings stay small: an ego network, its expansions, a path). */
function layout(graph: Graph<ActorAttributes, TieAttributes>): void {
  if (graph.order < 2) return;
  const settings = { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 1 };
  forceAtlas2.assign(graph, { iterations: graph.order > 500 ? 100 : 300, settings, getEdgeWeight: 'weight' });
}
