import type Graph from 'graphology';
import type Sigma from 'sigma';
import type { ActorAttributes, TieAttributes } from './graph-view';

const SVG_NS = 'http://www.w3.org/2000/svg';

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const n = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * The drawing as a standalone SVG file, built from the graph's positions as sigma shows them now (its camera,
 * its reducers' colours and sizes, so a path's emphasis is kept): one line per edge (data-edge), one circle
 * per organisation or square per instrument (data-node), then the labels sigma shows. Vector, so it scales
 * for print and slides where the PNG would blur.
 */
export function drawingToSvg(graph: Graph<ActorAttributes, TieAttributes>, renderer: Sigma<ActorAttributes, TieAttributes>): string {
  const { width, height } = renderer.getDimensions();
  const at = (id: string) => renderer.graphToViewport({ x: graph.getNodeAttribute(id, 'x'), y: graph.getNodeAttribute(id, 'y') });
  const px = (size: number) => renderer.scaleSize(size);
  const lines: string[] = [];
  graph.forEachEdge((key, attrs, source, target) => {
    const d = renderer.getEdgeDisplayData(key);
    const [a, b] = [at(source), at(target)];
    lines.push(
      `<line data-edge="${escapeXml(key)}" x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}" stroke="${escapeXml(d?.color ?? attrs.color)}" stroke-width="${n(px(d?.size ?? attrs.size))}" stroke-linecap="round"/>`,
    );
  });
  const shapes: string[] = [];
  const labels: string[] = [];
  // Nodes on top of every edge, those sigma raises (a path's) last.
  const order = graph.nodes().sort((a, b) => (renderer.getNodeDisplayData(a)?.zIndex ?? 0) - (renderer.getNodeDisplayData(b)?.zIndex ?? 0));
  for (const id of order) {
    const attrs = graph.getNodeAttributes(id);
    const d = renderer.getNodeDisplayData(id);
    const p = at(id);
    const r = px(d?.size ?? attrs.size);
    const fill = escapeXml(d?.color ?? attrs.color);
    const title = `<title>${escapeXml(attrs.nameVi)}${attrs.nameEn && attrs.nameEn !== attrs.nameVi ? ` / ${escapeXml(attrs.nameEn)}` : ''}</title>`;
    shapes.push(
      attrs.type === 'square'
        ? `<rect data-node="${escapeXml(id)}" x="${n(p.x - r)}" y="${n(p.y - r)}" width="${n(2 * r)}" height="${n(2 * r)}" fill="${fill}">${title}</rect>`
        : `<circle data-node="${escapeXml(id)}" cx="${n(p.x)}" cy="${n(p.y)}" r="${n(r)}" fill="${fill}" stroke="#ffffff" stroke-width="0.5">${title}</circle>`,
    );
    const label = d?.label ?? attrs.label;
    if (label && !d?.hidden) labels.push(`<text x="${n(p.x + r + 3)}" y="${n(p.y + 4)}">${escapeXml(label)}</text>`);
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="edges">${lines.join('')}</g>`,
    `<g class="nodes">${shapes.join('')}</g>`,
    `<g class="labels" font-family="system-ui, sans-serif" font-size="12" fill="#1f2328">${labels.join('')}</g>`,
    `</svg>`,
  ].join('\n');
}
