import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { projectRoot } from '../../core/config';
import { randomNetwork } from './measure-network';
import { MEASURED_LIBRARIES, PAGE_SOURCES, pageHtml, type MeasuredLibrary } from './measure-pages';

/** Where Debian's chromium package puts the browser. */
export const MEASURE_CHROMIUM = '/usr/bin/chromium';

/** What to measure. */
export interface MeasureOptions {
  nodes: number;
  edges: number;
  runs: number;
  /** Frames of panning and zooming per run. */
  frames: number;
  seed: number;
}

export const DEFAULT_MEASURE_OPTIONS: MeasureOptions = { nodes: 2000, edges: 10000, runs: 5, frames: 60, seed: 18 };

/** One run of one library. */
export interface LibraryRun {
  firstDrawMs: number;
  /** Median interval between frames while the view pans and zooms every frame. */
  frameMs: number;
  /** Renders the library made during those frames (one per frame when it keeps up). */
  renders: number;
  /** Used JS heap after the first draw and a garbage collection, and its growth over the loaded page's. */
  heapMb: number;
  heapGrowthMb: number;
}

/** Every run of each library, and the versions and machine they ran on. */
export interface MeasureResult {
  options: MeasureOptions;
  runs: Record<MeasuredLibrary, LibraryRun[]>;
  versions: Record<string, string>;
  machine: string;
  date: string;
}

const MB = 1024 * 1024;

function packageVersion(name: string): string {
  const file = path.join(projectRoot, 'node_modules', name, 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Bundles each measured page into `dir` (one script per library). */
async function bundlePages(dir: string): Promise<void> {
  const esbuild = await import('esbuild');
  for (const library of MEASURED_LIBRARIES) {
    await esbuild.build({
      stdin: { contents: PAGE_SOURCES[library], resolveDir: __dirname, loader: 'js', sourcefile: `${library}.js` },
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      outfile: path.join(dir, `${library}.js`),
      logLevel: 'silent',
    });
    fs.writeFileSync(path.join(dir, `${library}.html`), pageHtml(library));
  }
}

/** Serves the files of `dir` on 127.0.0.1 (a free port), so that nothing the pages load leaves the machine. */
async function serveFolder(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, name);
    if (!name || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(name)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One run of `library` in a fresh browser context. */
async function measureOnce(browser: Browser, origin: string, library: MeasuredLibrary, frames: number): Promise<LibraryRun> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(`${origin}/${library}.html`, { waitUntil: 'load' });
    await page.waitForFunction('window.__benchReady === true', { timeout: 60_000 });
    const heap = async () => {
      await page.evaluate('window.gc && window.gc()');
      return (await page.metrics()).JSHeapUsedSize ?? 0;
    };
    const before = await heap();
    const firstDrawMs = (await page.evaluate('window.__bench.draw()')) as number;
    const after = await heap();
    const moved = (await page.evaluate(`window.__bench.panZoom(${frames})`)) as { intervals: number[]; renders: number };
    if (problems.length) throw new Error(`${library} page failed: ${problems.join('; ')}`);
    return { firstDrawMs, frameMs: median(moved.intervals), renders: moved.renders, heapMb: after / MB, heapGrowthMb: (after - before) / MB };
  } finally {
    await context.close();
  }
}

/**
 * Draws the same random network (positions computed beforehand) with each library in headless Chromium,
 * `runs` times each, the libraries alternating which goes first, and returns every run. The pages are bundled
 * into a temporary folder served on 127.0.0.1; the folder is removed and the browser closed at the end.
 */
export async function measureGraphLibraries(
  opts: MeasureOptions = DEFAULT_MEASURE_OPTIONS,
  progress: (line: string) => void = () => {},
): Promise<MeasureResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measure-explorer-'));
  const puppeteer = await import('puppeteer-core');
  let browser: Browser | null = null;
  let server: { origin: string; close: () => Promise<void> } | null = null;
  try {
    fs.writeFileSync(path.join(dir, 'network.json'), JSON.stringify(randomNetwork(opts.nodes, opts.edges, opts.seed)));
    await bundlePages(dir);
    server = await serveFolder(dir);
    browser = await puppeteer.launch({
      executablePath: MEASURE_CHROMIUM,
      headless: true,
      // The test browser's flags, plus a garbage collector the page can call and no cap at the display's
      // refresh rate, so that a frame's interval is the time it took rather than 1/60 s.
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--enable-unsafe-swiftshader',
        '--window-size=1280,800',
        '--js-flags=--expose-gc',
        '--disable-gpu-vsync',
        '--disable-frame-rate-limit',
      ],
    });
    const runs: Record<MeasuredLibrary, LibraryRun[]> = { sigma: [], cytoscape: [] };
    for (let i = 0; i < opts.runs; i++) {
      const order = i % 2 ? [...MEASURED_LIBRARIES].reverse() : [...MEASURED_LIBRARIES];
      for (const library of order) {
        const run = await measureOnce(browser, server.origin, library, opts.frames);
        runs[library].push(run);
        progress(`run ${i + 1}/${opts.runs} ${library}: first draw ${run.firstDrawMs.toFixed(0)} ms, frame ${run.frameMs.toFixed(1)} ms, heap ${run.heapMb.toFixed(1)} MB`);
      }
    }
    const cpus = os.cpus();
    return {
      options: opts,
      runs,
      versions: {
        sigma: packageVersion('sigma'),
        graphology: packageVersion('graphology'),
        cytoscape: packageVersion('cytoscape'),
        chromium: await browser.version(),
        node: process.version,
      },
      machine: `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, ${os.type()} ${os.release()}; WebGL through SwiftShader (no GPU)`,
      date: new Date().toISOString(),
    };
  } finally {
    await browser?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The median of each measure over a library's runs. */
export function medians(runs: LibraryRun[]): LibraryRun {
  return {
    firstDrawMs: median(runs.map((r) => r.firstDrawMs)),
    frameMs: median(runs.map((r) => r.frameMs)),
    renders: median(runs.map((r) => r.renders)),
    heapMb: median(runs.map((r) => r.heapMb)),
    heapGrowthMb: median(runs.map((r) => r.heapGrowthMb)),
  };
}
