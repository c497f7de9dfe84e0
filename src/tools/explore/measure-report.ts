import { medians, type MeasureResult } from './measure-graph-libraries';

/** Which library does better on a lower-is-better measure, and by how much. */
function better(sigma: number, cytoscape: number): string {
  if (sigma <= 0 || cytoscape <= 0) return 'n/a';
  return sigma <= cytoscape ? `sigma.js, ${(cytoscape / sigma).toFixed(1)}×` : `Cytoscape.js, ${(sigma / cytoscape).toFixed(1)}×`;
}

/** The figures as a Markdown table: medians per library and which is lower (better), by what factor. */
export function measureTable(result: MeasureResult): string {
  const s = medians(result.runs.sigma);
  const c = medians(result.runs.cytoscape);
  const row = (label: string, a: number, b: number, digits: number) =>
    `| ${label} | ${a.toFixed(digits)} | ${b.toFixed(digits)} | ${better(a, b)} |`;
  return [
    '| median of runs | sigma.js + graphology (WebGL) | Cytoscape.js (canvas) | lower (better), by |',
    '|---|---:|---:|---:|',
    row('time to first draw (ms)', s.firstDrawMs, c.firstDrawMs, 0),
    row('pan/zoom frame time (ms)', s.frameMs, c.frameMs, 1),
    row('JS heap after first draw (MB)', s.heapMb, c.heapMb, 1),
    row('JS heap added by the view (MB)', s.heapGrowthMb, c.heapGrowthMb, 1),
  ].join('\n');
}

/** bench/results/explorer.md: command, date, machine, versions, the table and every run. */
export function measureReport(result: MeasureResult, command: string): string {
  const { options: o } = result;
  const runs = (name: 'sigma' | 'cytoscape') =>
    result.runs[name]
      .map((r, i) => `| ${name} | ${i + 1} | ${r.firstDrawMs.toFixed(0)} | ${r.frameMs.toFixed(1)} | ${r.renders} | ${r.heapMb.toFixed(1)} | ${r.heapGrowthMb.toFixed(1)} |`)
      .join('\n');
  return `# Explorer: graph libraries in headless Chromium

Command: \`${command}\`  
Date: ${result.date}  
Machine: ${result.machine}  
Versions: ${Object.entries(result.versions).map(([k, v]) => `${k} ${v}`).join(', ')}

The same random network of ${o.nodes.toLocaleString('en')} nodes and ${o.edges.toLocaleString('en')} edges (seed ${o.seed},
laid out by ForceAtlas2 beforehand, no labels) drawn at 1280×800 by each library, ${o.runs} runs each in a fresh browser
context, the libraries alternating which goes first.

- **Time to first draw**: from handing the positioned network to the library (building the graphology graph and
  creating the sigma renderer; creating the Cytoscape.js instance with a preset layout) until two animation frames
  after the library's first render.
- **Pan/zoom frame time**: median interval between ${o.frames} frames while the camera pans and zooms every frame,
  with the frame rate uncapped (\`--disable-gpu-vsync --disable-frame-rate-limit\`).
- **JS heap**: used JS heap after the first draw and a forced garbage collection, and its growth over the loaded page's
  (WebGL buffers live outside the JS heap).

${measureTable(result)}

## Every run

| library | run | first draw (ms) | frame (ms) | renders in ${o.frames} frames | heap (MB) | heap added (MB) |
|---|---:|---:|---:|---:|---:|---:|
${runs('sigma')}
${runs('cytoscape')}
`;
}
