// The two measured pages, as browser source kept in strings: they are bundled by esbuild from here (resolving
// sigma, graphology and cytoscape from the project's node_modules), so they need no DOM typings in the
// type-checked tree. Both expose the same window.__bench and differ only in how they build and move the view.

/** The libraries measured, by the page name that draws with each. */
export const MEASURED_LIBRARIES = ['sigma', 'cytoscape'] as const;
export type MeasuredLibrary = (typeof MEASURED_LIBRARIES)[number];

// Shared harness: loads the network, then offers draw() (ms from creating the renderer, positions known, to the
// second animation frame after the library has rendered) and panZoom(n) (intervals between n frames while the
// view pans and zooms every frame, and how many renders the library made meanwhile, counted in window.__renders).
const HARNESS = `
window.__renders = 0;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
async function main(create, move) {
  const data = await (await fetch('/network.json')).json();
  const container = document.getElementById('graph');
  let view = null;
  window.__bench = {
    nodes: data.nodes.length,
    edges: data.edges.length,
    async draw() {
      const t0 = performance.now();
      view = await create(container, data);
      await frame();
      await frame();
      return performance.now() - t0;
    },
    async panZoom(count) {
      const intervals = [];
      const rendersBefore = window.__renders;
      await frame();
      let last = performance.now();
      for (let i = 1; i <= count; i++) {
        const phase = (2 * Math.PI * i) / count;
        move(view, 0.5 + 0.2 * Math.cos(phase), 0.5 + 0.2 * Math.sin(phase), 0.6 + 0.4 * Math.abs(Math.sin(phase)));
        await frame();
        const now = performance.now();
        intervals.push(now - last);
        last = now;
      }
      return { intervals, renders: window.__renders - rendersBefore };
    },
  };
  window.__benchReady = true;
}
`;

const SIGMA_PAGE = `
import Graph from 'graphology';
import Sigma from 'sigma';
${HARNESS}
main(
  async (container, data) => {
    const graph = new Graph({ type: 'undirected' });
    for (const n of data.nodes) graph.addNode(n.id, { x: n.x, y: n.y, size: n.size, color: n.color });
    for (const [a, b] of data.edges) graph.addEdge(data.nodes[a].id, data.nodes[b].id, { size: 0.5, color: '#bbbbbb' });
    // Sigma renders synchronously when created.
    const renderer = new Sigma(graph, container, { renderLabels: false });
    renderer.on('afterRender', () => window.__renders++);
    return renderer;
  },
  (renderer, x, y, zoom) => renderer.getCamera().setState({ x, y, ratio: zoom }),
);
`;

const CYTOSCAPE_PAGE = `
import cytoscape from 'cytoscape';
${HARNESS}
main(
  async (container, data) => {
    const elements = [];
    for (const n of data.nodes) elements.push({ data: { id: n.id, size: n.size * 2, color: n.color }, position: { x: n.x, y: n.y } });
    data.edges.forEach(([a, b], i) => elements.push({ data: { id: 'e' + i, source: data.nodes[a].id, target: data.nodes[b].id } }));
    let rendered;
    const firstRender = new Promise((resolve) => (rendered = resolve));
    const cy = cytoscape({
      container,
      elements,
      layout: { name: 'preset' },
      style: [
        { selector: 'node', style: { width: 'data(size)', height: 'data(size)', 'background-color': 'data(color)' } },
        { selector: 'edge', style: { width: 0.5, 'line-color': '#bbbbbb' } },
      ],
    });
    // Cytoscape draws on its own animation loop: wait for its first render.
    cy.one('render', () => rendered());
    cy.on('render', () => window.__renders++);
    await firstRender;
    return { cy, base: cy.zoom(), pan: { ...cy.pan() } };
  },
  (view, x, y, zoom) => {
    const z = view.base / zoom;
    view.cy.viewport({ zoom: z, pan: { x: view.pan.x + (x - 0.5) * 400, y: view.pan.y + (y - 0.5) * 400 } });
  },
);
`;

/** The browser source of each measured page's script. */
export const PAGE_SOURCES: Record<MeasuredLibrary, string> = { sigma: SIGMA_PAGE, cytoscape: CYTOSCAPE_PAGE };

/** The HTML of a measured page: a full-window container and the page's bundled script. */
export function pageHtml(library: MeasuredLibrary): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${library}</title>
<style>html,body{margin:0;height:100%}#graph{width:100vw;height:100vh}</style></head>
<body><div id="graph"></div><script src="/${library}.js"></script></body></html>`;
}
