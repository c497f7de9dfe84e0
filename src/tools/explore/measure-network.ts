import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { Prng } from '../synth/prng';

/** A network ready to draw: nodes with positions, sizes and colours already computed, edges as index pairs. */
export interface MeasureNetwork {
  nodes: { id: string; x: number; y: number; size: number; color: string }[];
  edges: [number, number][];
}

const KIND_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];

/**
 * A random network of `nodeCount` nodes and `edgeCount` distinct edges (no self-loops), the same for a seed,
 * laid out by ForceAtlas2 beforehand so that drawing measures only the renderer.
 */
export function randomNetwork(nodeCount: number, edgeCount: number, seed: number): MeasureNetwork {
  const maxEdges = (nodeCount * (nodeCount - 1)) / 2;
  if (edgeCount > maxEdges) throw new Error(`${edgeCount} edges do not fit between ${nodeCount} nodes`);
  const rng = new Prng(seed);
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < nodeCount; i++) graph.addNode(String(i), { x: rng.next() * 1000, y: rng.next() * 1000 });
  const edges: [number, number][] = [];
  while (edges.length < edgeCount) {
    const a = rng.int(nodeCount);
    const b = rng.int(nodeCount);
    if (a === b || graph.hasEdge(String(a), String(b))) continue;
    graph.addEdge(String(a), String(b));
    edges.push([a, b]);
  }
  forceAtlas2.assign(graph, { iterations: 60, settings: forceAtlas2.inferSettings(graph) });
  const nodes = graph.mapNodes((id, attrs) => ({
    id,
    x: attrs.x as number,
    y: attrs.y as number,
    size: 2 + Math.min(8, graph.degree(id) / 3),
    color: KIND_COLOURS[rng.int(KIND_COLOURS.length)],
  }));
  return { nodes, edges };
}
