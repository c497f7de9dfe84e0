import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-hub-dashboard-'));
let server: HubServer;
let base: string;
let browser: Browser;

async function ask<T>(query: string): Promise<T> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Opens the explorer on its Dashboard tab and waits until every panel is drawn, empty or failed. */
async function openDashboard(query = 'view=dashboard', width = 1280): Promise<WatchedPage> {
  const watched = await watchedPage(browser, base, SHOTS);
  await watched.page.setViewport({ width, height: 800 });
  await watched.page.goto(`${base}/explore?${query}`, { waitUntil: 'load' });
  await watched.page.waitForFunction(`['ready', 'empty', 'error'].includes(document.getElementById('dashboard')?.dataset.state)`, { timeout: 30_000 });
  return watched;
}

/** What the page's charts hold, read from ECharts' own state (not from pixels), and the texts around them. */
interface ChartState {
  state: string;
  charts: string;
  panels: Record<string, string>;
  heat: number[][];
  heatAxis: string[];
  years: string[];
  yearSeries: number[][];
  headings: string[];
  ranking: string[][];
}

// Runs in the page (a string: the test code is type-checked without the DOM library).
const READ_CHARTS = `(() => {
  const d = window.__explorer.dashboard;
  const box = document.getElementById('dashboard');
  const option = (name) => d.charts[name].getOption();
  return {
    state: box.dataset.state,
    charts: box.dataset.charts,
    panels: d.panels,
    heat: option('matrix').series[0].data,
    heatAxis: option('matrix').xAxis[0].data,
    years: option('byYear').xAxis[0].data,
    yearSeries: option('byYear').series.map((s) => s.data),
    headings: [...box.querySelectorAll('h2')].map((h) => h.textContent),
    ranking: [...box.querySelectorAll('table.dash-ranking tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent)),
  };
})()`;

const chartState = (watched: WatchedPage) => watched.page.evaluate(READ_CHARTS) as Promise<ChartState>;

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

describeInBrowser('the dashboard view', () => {
  let watched: WatchedPage;
  beforeAll(async () => {
    browser = await launchBrowser();
    watched = await openDashboard();
  }, 60_000);
  afterAll(() => watched.page.close());

  test('draws its three charts and the ranking with no request leaving the hub and no console error', async () => {
    const { state, charts, panels } = await chartState(watched);
    expect([state, charts]).toEqual(['ready', '3']);
    expect(panels).toEqual({ matrix: 'ready', byYear: 'ready', byKind: 'ready', ranking: 'ready' });
    expect(watched.external).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.screenshot('dashboard');
  });

  test('the heat map has one cell per cell of the region matrix, each holding its ties', async () => {
    const { regionMatrix } = await ask<{ regionMatrix: { areas: { name: string }[]; cells: { row: number; column: number; links: number }[] } }>(
      '{ regionMatrix { areas { name } cells { row column links } } }',
    );
    const { heat, heatAxis } = await chartState(watched);
    expect(regionMatrix.cells.length).toBe(regionMatrix.areas.length ** 2);
    expect(heat).toHaveLength(regionMatrix.cells.length);
    expect(heat).toEqual(regionMatrix.cells.map((c) => [c.column, c.row, c.links]));
    expect(heatAxis).toEqual(regionMatrix.areas.map((a) => a.name));
  });

  test("the year chart's bars equal countTable's cells for agreements and for activities", async () => {
    type Table = { rows: { key: string; nameVi: string }[]; cells: number[][] };
    const tables = await ask<{ agreements: Table; activities: Table }>(
      '{ agreements: countTable(of: AGREEMENTS, rows: YEAR) { rows { key nameVi } cells } activities: countTable(of: ACTIVITIES, rows: YEAR) { rows { key nameVi } cells } }',
    );
    const { years, yearSeries } = await chartState(watched);
    [tables.agreements, tables.activities].forEach((table, series) => {
      expect(table.rows.length).toBeGreaterThan(0);
      table.rows.forEach((row, r) => expect([row.nameVi, yearSeries[series][years.indexOf(row.nameVi)]]).toEqual([row.nameVi, table.cells[r][0]]));
      // Years one table lacks are zeros in its series, nothing more.
      const total = table.cells.reduce((sum, cells) => sum + cells[0], 0);
      expect(yearSeries[series].reduce((sum, v) => sum + v, 0)).toBe(total);
    });
  });

  test('the ranking table lists the first 20 organisations by partners, in rank order', async () => {
    const { ranking } = await ask<{ ranking: { items: { rank: number; value: number; organization: { name: string } }[] } }>(
      '{ ranking(by: PARTNERS, first: 20) { items { rank value organization { name } } } }',
    );
    const rows = (await chartState(watched)).ranking;
    expect(rows.map((r) => [Number(r[0]), r[1], Number(r[3])])).toEqual(ranking.items.map((i) => [i.rank, i.organization.name, i.value]));
  });

  test('the language toggle redraws headings, axes and names in English without asking the hub again', async () => {
    const before = await chartState(watched);
    let graphqlRequests = 0;
    const count = (request: { url(): string }) => {
      if (request.url().endsWith('/graphql')) graphqlRequests++;
    };
    watched.page.on('request', count);
    await watched.page.click('#lang');
    await watched.page.waitForFunction(`window.__explorer.dashboard.lang === 'en'`);
    watched.page.off('request', count);
    const after = await chartState(watched);
    const { regionMatrix } = await ask<{ regionMatrix: { areas: { nameEn: string }[] } }>('{ regionMatrix { areas { nameEn } } }');
    expect(after.heatAxis).toEqual(regionMatrix.areas.map((a) => a.nameEn));
    expect(after.headings).not.toEqual(before.headings);
    expect(after.headings).toContain('Ties between regions');
    expect(after.heat).toEqual(before.heat);
    expect(graphqlRequests).toBe(0);
    expect(watched.errors).toEqual([]);
    await watched.screenshot('dashboard-en');
  });

  test('at phone width the panels stack and still draw, in the language of the link', async () => {
    const phone = await openDashboard('view=dashboard&lang=en', 390);
    try {
      const boxes = (await phone.page.evaluate(
        `[...document.querySelectorAll('#dashboard .dash-panel')].map((el) => { const r = el.getBoundingClientRect(); return [Math.round(r.left), r.right]; })`,
      )) as [number, number][];
      expect(boxes).toHaveLength(4);
      // One column: every panel starts at the same left edge and ends within the screen.
      expect(new Set(boxes.map(([left]) => left)).size).toBe(1);
      for (const [, right] of boxes) expect(right).toBeLessThanOrEqual(390);
      expect((await chartState(phone)).headings).toContain('Organisations with the most partners');
      expect(phone.external).toEqual([]);
      expect(phone.errors).toEqual([]);
      await phone.screenshot('dashboard-phone');
    } finally {
      await phone.page.close();
    }
  });
});

// The dashboard alone on a page of its own, fed canned answers, for the states the seed graph never shows.
const STANDALONE_ENTRY = `
import { mountDashboard } from ${JSON.stringify(path.join(__dirname, '..', '..', '..', 'src', 'app', 'explore', 'client', 'dashboard'))};
window.mountWith = (answers) => {
  const calls = {};
  const gql = async (query) => {
    const name = /query (\\w+)/.exec(query)[1];
    calls[name] = (calls[name] ?? 0) + 1;
    const answer = answers[name][Math.min(calls[name], answers[name].length) - 1];
    if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
    return answer;
  };
  const box = document.getElementById('box');
  return mountDashboard(box, gql, { lang: 'en' }).then(() => ({ state: box.dataset.state, charts: box.dataset.charts, calls,
    panels: [...box.querySelectorAll('.dash-panel')].map((p) => [p.dataset.panel, p.dataset.state, p.querySelector('.dash-status').textContent]) }));
};`;

const EMPTY_TABLE = { rows: [{ key: 'unknown', nameVi: 'Không rõ', nameEn: 'Unknown', unknown: true, year: null }], cells: [[0]], total: 0 };
const EMPTY = {
  DashboardRegionMatrix: [{ regionMatrix: { areas: [{ id: 'r', name: 'Vùng', nameEn: 'Region' }], cells: [{ row: 0, column: 0, links: 0, agreements: 0, activities: 0, weight: 0 }] } }],
  DashboardByYear: [{ agreements: EMPTY_TABLE, activities: EMPTY_TABLE }],
  DashboardByKind: [{ agreements: EMPTY_TABLE, activities: EMPTY_TABLE }],
  DashboardRanking: [{ ranking: { totalCount: 0, items: [] } }],
};

describeInBrowser('the dashboard on its own', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-hub-dashboard-page-'));
  let page: WatchedPage;
  let pageServer: http.Server;
  let origin: string;
  const mountWith = (answers: object) =>
    page.page.evaluate(`window.mountWith(${JSON.stringify(answers)})`) as Promise<{ state: string; charts: string; calls: Record<string, number>; panels: string[][] }>;

  beforeAll(async () => {
    const esbuild = await import('esbuild');
    await esbuild.build({ stdin: { contents: STANDALONE_ENTRY, resolveDir: dir, loader: 'js' }, bundle: true, format: 'iife', outfile: path.join(dir, 'page.js'), logLevel: 'silent' });
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="/page.css"></head><body><div id="box"></div><script src="/page.js"></script></body></html>');
    pageServer = http.createServer((req, res) => {
      const file = path.join(dir, path.basename(req.url === '/' ? 'index.html' : (req.url ?? '')));
      if (!fs.existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html' }).end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
    browser ??= await launchBrowser();
    page = await watchedPage(browser, origin, SHOTS);
  }, 60_000);
  beforeEach(async () => {
    await page.page.goto(`${origin}/`);
  });
  afterAll(async () => {
    await page.page.close();
    await new Promise((resolve) => pageServer.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('says in words that there is nothing to chart when every aggregate is empty', async () => {
    const result = await mountWith(EMPTY);
    expect([result.state, result.charts]).toEqual(['empty', '0']);
    expect(result.panels.map(([, state, words]) => [state, words])).toEqual(Array(4).fill(['empty', 'No data for this chart yet.']));
    expect(page.errors).toEqual([]);
  });

  test("explains a failed panel with the hub's error code and still draws the others", async () => {
    const result = await mountWith({ ...EMPTY, DashboardByYear: [{ error: { code: 'DEADLINE_EXCEEDED', message: 'Request deadline exceeded' } }] });
    expect(result.state).toBe('error');
    expect(result.panels.find(([name]) => name === 'byYear')).toEqual(['byYear', 'error', 'Could not load the data: the hub took too long to answer; try again (DEADLINE_EXCEEDED).']);
    expect(result.panels.filter(([, state]) => state === 'empty')).toHaveLength(3);
    await page.screenshot('dashboard-error');
  });

  test('asks again when the hub says it is busy, and draws the answer', async () => {
    const { rows, cells } = { rows: [{ key: '2020', nameVi: '2020', nameEn: '2020', unknown: false, year: 2020 }], cells: [[3]] };
    const table = { rows, cells, total: 3 };
    const result = await mountWith({
      ...EMPTY,
      DashboardByYear: [{ error: { code: 'TOO_MANY_REQUESTS', message: 'Too many requests' } }, { agreements: table, activities: table }],
    });
    expect(result.calls.DashboardByYear).toBe(2);
    expect(result.panels.find(([name]) => name === 'byYear')?.[1]).toBe('ready');
    expect(result.charts).toBe('1');
  });
});
