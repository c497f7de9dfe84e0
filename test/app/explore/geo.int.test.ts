import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { createLogger } from '../../../src/core/logger';
import { startServer, type HubServer } from '../../../src/app/server';
import { buildExplorer } from '../../../src/tools/explore/build';
import { describeInBrowser, launchBrowser, watchedPage, type WatchedPage } from '../../helpers/browser';
import { openTestDb } from '../../helpers/graph';

const SHOTS = path.join(__dirname, '..', '..', '..', 'test-output', 'explore');
const db = openTestDb();
const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-hub-map-'));
let server: HubServer;
let base: string;
let browser: Browser;

async function ask<T>(query: string, variables: object = {}): Promise<T> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

interface Mark {
  id: string;
  nameVi: string;
  nameEn: string;
  x: number;
  y: number;
  agreements: number;
  activities: number;
}
interface MapState {
  state: string;
  units: string;
  marks: Mark[];
  arcs: { a: string; b: string; ties: number }[];
  circles: number;
  paths: number;
  labels: string[];
  info: string;
  url: string;
}

// Runs in the page (a string: the test code is type-checked without the DOM library).
const READ_MAP = `(() => {
  const m = window.__explorer.map;
  const box = document.getElementById('map');
  return {
    state: m.state,
    units: m.units,
    marks: m.marks,
    arcs: m.arcs,
    circles: box.querySelectorAll('.map-mark circle').length,
    paths: box.querySelectorAll('.map-arc').length,
    labels: [...box.querySelectorAll('.map-mark text')].map((t) => t.textContent),
    info: document.getElementById('map-info').textContent,
    url: window.location.search,
  };
})()`;

const mapState = (watched: WatchedPage) => watched.page.evaluate(READ_MAP) as Promise<MapState>;
const waitReady = (watched: WatchedPage, units: string) =>
  watched.page.waitForFunction(`window.__explorer?.map?.state === 'ready' && window.__explorer.map.units === '${units}'`, { timeout: 30_000 });

/** The province pairs the hub's answers give: ties of the cooperation network between organisations of two units of the mode. */
async function expectedPairs(mode: 'current' | 'historical'): Promise<Set<string>> {
  const on = mode === 'current' ? '2025-07-01' : '2025-06-30';
  const data = await ask<{ shown: { nodes: { id: string }[] }; all: { nodes: { id: string; current: { id: string } }[] }; net: { nodes: { id: string; location: string | null }[]; edges: { source: string; target: string }[] } }>(
    `query($on: LocalDate!) { shown: adminUnits(filter: { validOn: $on, parent: "country-vn" }, first: 200) { nodes { id } }
      all: adminUnits(filter: { parent: "country-vn" }, first: 500) { nodes { id current { id } } }
      net: cooperationNetwork(limit: 2000) { nodes { id location } edges { source target } } }`,
    { on },
  );
  const shown = new Set(data.shown.nodes.map((n) => n.id));
  const current = new Map(data.all.nodes.map((n) => [n.id, n.current.id]));
  const unit = new Map(data.net.nodes.map((n) => {
    const u = n.location && (mode === 'current' ? current.get(n.location) ?? n.location : n.location);
    return [n.id, u && shown.has(u) ? u : null];
  }));
  const pairs = new Set<string>();
  for (const e of data.net.edges) {
    const a = unit.get(e.source);
    const b = unit.get(e.target);
    if (a && b && a !== b) pairs.add([a, b].sort().join('|'));
  }
  return pairs;
}

beforeAll(async () => {
  await buildExplorer(bundleDir);
  server = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12, exploreBundleDir: bundleDir });
  base = server.url.replace(/\/graphql$/, '');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server.stop();
  server.httpServer.close();
  await db.close();
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

describeInBrowser('the map view', () => {
  let watched: WatchedPage;
  beforeAll(async () => {
    browser = await launchBrowser();
    watched = await watchedPage(browser, base, SHOTS);
    await watched.page.goto(`${base}/explore?view=map`, { waitUntil: 'load' });
    await waitReady(watched, 'current');
  }, 60_000);
  afterAll(() => watched.page.close());

  test('draws one circle per provincial unit of today (34), with no request leaving the hub and no console error', async () => {
    const s = await mapState(watched);
    expect(s.marks).toHaveLength(34);
    expect(s.circles).toBe(34);
    expect(new Set(s.marks.map((m) => m.id)).size).toBe(34);
    expect(s.marks.every((m) => !m.id.startsWith('country-'))).toBe(true);
    expect(watched.external).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.screenshot('map');
  });

  test('marks sit where the coordinates say: Hà Nội north of Huế, Huế north of Hồ Chí Minh City, Cần Thơ west of it', async () => {
    const { marks } = await mapState(watched);
    const at = (id: string) => marks.find((m) => m.id === id)!;
    // SVG y grows southwards, x eastwards.
    expect(at('prov-ha-noi').y).toBeLessThan(at('prov-hue').y);
    expect(at('prov-hue').y).toBeLessThan(at('prov-ho-chi-minh-2025').y);
    expect(at('prov-can-tho-2025').x).toBeLessThan(at('prov-ho-chi-minh-2025').x);
  });

  test('circles carry the agreements and activities countTable gives per province', async () => {
    type Table = { rows: { key: string }[]; cells: number[][] };
    const t = await ask<{ agreements: Table; activities: Table }>(
      '{ agreements: countTable(of: AGREEMENTS, rows: PROVINCE) { rows { key } cells } activities: countTable(of: ACTIVITIES, rows: PROVINCE) { rows { key } cells } }',
    );
    const { marks } = await mapState(watched);
    const hcm = marks.find((m) => m.id === 'prov-ho-chi-minh-2025')!;
    const row = t.agreements.rows.findIndex((r) => r.key === 'prov-ho-chi-minh-2025');
    expect(row).toBeGreaterThanOrEqual(0);
    expect([hcm.agreements, hcm.activities]).toEqual([t.agreements.cells[row][0], t.activities.cells[row][0]]);
    expect(hcm.agreements + hcm.activities).toBeGreaterThan(0);
  });

  test('one arc per province pair the cooperation network ties', async () => {
    const pairs = await expectedPairs('current');
    const s = await mapState(watched);
    expect(pairs.size).toBeGreaterThan(0);
    expect(s.arcs.map((a) => `${a.a}|${a.b}`).sort()).toEqual([...pairs].sort());
    expect(s.paths).toBe(pairs.size);
  });

  test('a click on a province shows its numbers; the language toggle relabels the marks', async () => {
    await watched.page.click('#map g[data-id="prov-ho-chi-minh-2025"] circle');
    let s = await mapState(watched);
    const hcm = s.marks.find((m) => m.id === 'prov-ho-chi-minh-2025')!;
    expect(s.info).toContain(hcm.nameVi);
    expect(s.info).toContain(`Thỏa thuận${hcm.agreements}`);
    await watched.page.click('#lang');
    s = await mapState(watched);
    expect(s.labels).toContain(hcm.nameEn);
    expect(s.info).toContain(`Agreements${hcm.agreements}`);
    await watched.page.click('#lang');
  });

  test('the historical toggle draws the 63 units before 1 July 2025, kept in the URL', async () => {
    await watched.page.click('#map-historical');
    await waitReady(watched, 'historical');
    const s = await mapState(watched);
    expect(s.marks).toHaveLength(63);
    expect(s.circles).toBe(63);
    expect(s.url).toContain('units=historical');
    expect(s.marks.some((m) => m.id === 'prov-binh-duong')).toBe(true);
    expect(s.marks.some((m) => m.id.endsWith('-2025'))).toBe(false);
    const pairs = await expectedPairs('historical');
    expect(s.arcs.map((a) => `${a.a}|${a.b}`).sort()).toEqual([...pairs].sort());
    expect(watched.external).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.screenshot('map-historical');
  });

  test('a link with units=historical opens the historical map', async () => {
    const again = await watchedPage(browser, base, SHOTS);
    await again.page.goto(`${base}/explore?view=map&units=historical`, { waitUntil: 'load' });
    await waitReady(again, 'historical');
    expect((await mapState(again)).marks).toHaveLength(63);
    await again.page.close();
  });
});
