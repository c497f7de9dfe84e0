import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { projectRoot } from '../../../src/core/config';
import { createLogger } from '../../../src/core/logger';
import { startServer, type HubServer } from '../../../src/app/server';
import { buildExplorer } from '../../../src/tools/explore/build';
import { describeInBrowser, launchBrowser, watchedPage, type WatchedPage } from '../../helpers/browser';
import { openTestDb } from '../../helpers/graph';

const ACTOR = 'org-dost-binh-thuan';
const SHOTS = path.join(projectRoot, 'test-output', 'explore');
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

// The page functions run in the browser; the tests compile without the DOM library.
declare const document: any;
declare const window: any;

describeInBrowser('the network explorer in a browser', () => {
  const db = openTestDb();
  const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-hub-explore-'));
  let server: HubServer;
  let base: string;
  let browser: Browser;
  let w: WatchedPage;

  /** Asks the hub directly, as a check on what the page drew. */
  async function hub<T = any>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data as T;
  }

  const egoSize = async (depth: number) =>
    (await hub<{ egoNetwork: { nodes: unknown[] } }>('query($a: ID!, $d: Int!) { egoNetwork(actor: $a, depth: $d, limit: 200) { nodes { id } } }', { a: ACTOR, d: depth })).egoNetwork.nodes.length;

  const settled = async () => {
    await w.page.waitForFunction(() => document.body.dataset.state !== 'loading' && !!(window as any).__explorer, { timeout: 30_000 });
    await w.page.evaluate(() => (window as any).__explorer.idle());
    await w.page.waitForFunction(() => document.body.dataset.state !== 'loading', { timeout: 30_000 });
  };

  /** The page's state and its status line, e.g. "ready: 12 organisations, 20 ties". */
  const pageState = (): Promise<string> =>
    w.page.evaluate(() => `${document.body.dataset.state}: ${document.querySelector('.status')?.textContent ?? ''}`);

  beforeAll(async () => {
    await buildExplorer(bundleDir);
    server = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12, exploreBundleDir: bundleDir });
    base = server.url.replace(/\/graphql$/, '');
    browser = await launchBrowser();
    w = await watchedPage(browser, base, SHOTS);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.httpServer.close();
    await db.close();
    fs.rmSync(bundleDir, { recursive: true, force: true });
  });
  afterEach(() => {
    const [external, errors] = [[...w.external], [...w.errors]];
    w.external.length = 0;
    w.errors.length = 0;
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('opens with a search box and asks nothing of any other host', async () => {
    await w.page.goto(`${base}/explore`, { waitUntil: 'networkidle0' });
    await settled();
    expect(await pageState()).toMatch(/^empty:/);
    expect(await w.page.$('#actor-search')).not.toBeNull();
    await w.screenshot('01-start');
  });

  test('searching and picking an actor with the keyboard draws its ego network', async () => {
    await w.page.type('#actor-search', 'Sở Khoa học và Công nghệ Bình Thuận');
    await w.page.waitForSelector(`#actor-hits li[data-id="${ACTOR}"]`, { timeout: 15_000 });
    await w.screenshot('02-typeahead');
    const ids = await w.page.$$eval('#actor-hits li[data-id]', (items) => items.map((li) => li.getAttribute('data-id')));
    // The first hit is active; arrow down to ours.
    for (let i = 0; i < ids.indexOf(ACTOR); i++) await w.page.keyboard.press('ArrowDown');
    expect(await w.page.$eval('#actor-hits li[aria-selected="true"]', (li) => li.getAttribute('data-id'))).toBe(ACTOR);
    await w.page.keyboard.press('Enter');
    await settled();
    expect(await pageState()).toMatch(/^ready:/);
    const order = await w.page.evaluate(() => (window as any).__explorer.graph.order);
    expect(order).toBe(await egoSize(1));
    expect(order).toBeGreaterThan(1);
    expect(new URL(w.page.url()).searchParams.get('actor')).toBe(ACTOR);
    // Vietnamese labels by default.
    const label = await w.page.evaluate((id) => (window as any).__explorer.graph.getNodeAttribute(id, 'label'), ACTOR);
    expect(label).toBe('Sở Khoa học và Công nghệ tỉnh Bình Thuận');
    await w.screenshot('03-ego-network');
  });

  test('a tie opens its evidence, whose quote is in its source document and highlighted there', async () => {
    const key = await w.page.evaluate((id) => (window as any).__explorer.graph.edges(id)[0], ACTOR);
    expect(key).toBeTruthy();
    await w.page.evaluate((k) => (window as any).__explorer.clickEdge(k), key);
    await settled();
    await w.page.waitForSelector('#panel a.quote');
    await w.screenshot('04-evidence');
    const link = await w.page.$eval('#panel a.quote', (a) => ({ href: a.getAttribute('href')!, source: a.getAttribute('data-source')! }));
    const quote = new URL(link.href, base).searchParams.get('quote')!;
    expect(link.href).toMatch(new RegExp(`^/sources/${link.source}\\?quote=`));
    const { source } = await hub<{ source: { text: string } }>('query($id: ID!) { source(id: $id) { text } }', { id: link.source });
    expect(collapse(source.text)).toContain(collapse(quote));

    await w.page.goto(new URL(link.href, base).toString(), { waitUntil: 'networkidle0' });
    await w.page.waitForFunction(() => document.body.dataset.state === 'ready', { timeout: 15_000 });
    const mark = await w.page.$eval('mark', (m) => {
      const r = m.getBoundingClientRect();
      return { text: m.textContent ?? '', visible: r.bottom > 0 && r.top < window.innerHeight };
    });
    expect(collapse(mark.text)).toBe(collapse(quote));
    expect(mark.visible).toBe(true);
    await w.screenshot('05-source-quote');
  });

  test('a link with state reproduces the view: actor, depth and language', async () => {
    await w.page.goto(`${base}/explore?actor=${ACTOR}&depth=2&lang=en`, { waitUntil: 'networkidle0' });
    await settled();
    expect(await pageState()).toMatch(/^ready:/);
    expect(await w.page.evaluate(() => (window as any).__explorer.graph.order)).toBe(await egoSize(2));
    expect(await w.page.$eval('#depth', (s: any) => s.value)).toBe('2');
    const label = await w.page.evaluate((id) => (window as any).__explorer.graph.getNodeAttribute(id, 'label'), ACTOR);
    expect(label).toBe('Bình Thuận Department of Science and Technology');
    await w.screenshot('06-from-link');
  });

  test('clicking an actor opens its panel and adds its partners to the drawing', async () => {
    const before = await w.page.evaluate(() => (window as any).__explorer.graph.order);
    const other = await w.page.evaluate((id) => (window as any).__explorer.graph.neighbors(id)[0], ACTOR);
    await w.page.evaluate((id) => (window as any).__explorer.clickNode(id), other);
    await settled();
    expect(await w.page.$eval('#panel h2', (h) => h.textContent)).toBeTruthy();
    expect(await w.page.evaluate(() => (window as any).__explorer.graph.order)).toBeGreaterThanOrEqual(before);
    await w.screenshot('07-actor-panel');
  });
  test("an actor's panel gives its province as recorded and, for a unit merged in 2025, the one it is part of today", async () => {
    const { organization } = await hub<{ organization: { location: { name: string; nameEn: string | null; validTo: string | null; current: { id: string; name: string; nameEn: string | null }; id: string } } }>(
      'query($id: ID!) { organization(id: $id) { location { id name nameEn validTo current { id name nameEn } } } }',
      { id: ACTOR },
    );
    const loc = organization.location;
    // The seed actor sits in Bình Thuận, which joined another unit on 1 July 2025: both must be named.
    expect(loc.current.id).not.toBe(loc.id);
    await w.page.goto(`${base}/explore?actor=${ACTOR}&lang=en`, { waitUntil: 'networkidle0' });
    await settled();
    await w.page.evaluate((id) => (window as any).__explorer.clickNode(id), ACTOR);
    await settled();
    await w.page.waitForFunction(() => !document.querySelector('#panel dl dd:nth-of-type(2)')?.textContent?.startsWith('…'), { timeout: 10_000 });
    const province = collapse(await w.page.$eval('#panel dl dd:nth-of-type(2)', (d: any) => d.textContent));
    expect(province).toBe(`${loc.nameEn ?? loc.name} (to ${loc.validTo}; today ${loc.current.nameEn ?? loc.current.name})`);
    await w.screenshot('07b-actor-province');
  });

  test('the strongest ties are buttons too, so the evidence is reachable by keyboard', async () => {
    await w.page.goto(`${base}/explore?actor=${ACTOR}`, { waitUntil: 'networkidle0' });
    await settled();
    const ties = await w.page.$$eval('.tie-list button', (b: any[]) => b.length);
    expect(ties).toBe(Math.min(30, await w.page.evaluate(() => (window as any).__explorer.graph.size)));
    await w.page.focus('.tie-list button');
    await w.page.keyboard.press('Enter');
    await settled();
    await w.page.waitForSelector('#panel a.quote');
    await w.page.keyboard.press('Escape');
    expect(await w.page.$eval('#panel', (p: any) => p.hidden)).toBe(true);
  });

  test('at phone width the filters stack above a drawing that keeps its size', async () => {
    await w.page.setViewport({ width: 390, height: 800 });
    try {
      await w.page.goto(`${base}/explore?actor=${ACTOR}`, { waitUntil: 'networkidle0' });
      await settled();
      expect(await pageState()).toMatch(/^ready:/);
      const [side, stage] = await w.page.evaluate(() =>
        ['.side', '.stage'].map((s) => {
          const r = document.querySelector(s).getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, width: r.width, height: r.height };
        }),
      );
      expect(stage.top).toBeGreaterThanOrEqual(side.bottom - 1);
      expect(stage.width).toBeGreaterThan(300);
      expect(stage.height).toBeGreaterThan(300);
      await w.screenshot('08-phone');
    } finally {
      await w.page.setViewport({ width: 1280, height: 800 });
    }
  });
  test('filters in the link reach the hub: year range and tie kinds, and the downloads follow them', async () => {
    const ties = ['COUNTERPARTIES', 'CO_PARTIES', 'CO_ORGANISERS', 'ORGANISER_PARTICIPANT', 'CO_PARTICIPANTS'];
    await w.page.goto(`${base}/explore?actor=${ACTOR}&ties=${ties.join(',')}&from=2024&to=2024`, { waitUntil: 'networkidle0' });
    await settled();
    const filter = { ties, from: '2024-01-01', to: '2024-12-31' };
    const { egoNetwork } = await hub<{ egoNetwork: { nodes: unknown[] } }>(
      'query($a: ID!, $f: LinkFilter) { egoNetwork(actor: $a, filter: $f, limit: 200) { nodes { id } } }',
      { a: ACTOR, f: filter },
    );
    expect(await w.page.evaluate(() => (window as any).__explorer.graph.order)).toBe(egoNetwork.nodes.length);
    expect(await w.page.$eval('#ties-CO_PARTICIPANTS', (i: any) => i.checked)).toBe(true);
    expect(await w.page.$eval('#year-from', (i: any) => i.value)).toBe('2024');
    const href = await w.page.$eval('.exports a[href*="format=graphml"]', (a: any) => a.getAttribute('href'));
    const res = await fetch(`${base}${href}`);
    expect(res.status).toBe(200);
    const graphml = await res.text();
    expect(graphml).toContain('<graphml');
    expect((graphml.match(/<node /g) ?? []).length).toBe(egoNetwork.nodes.length);
  });

  test('the drawing downloads as a PNG of the same size as the stage', async () => {
    await w.page.goto(`${base}/explore?actor=${ACTOR}`, { waitUntil: 'networkidle0' });
    await settled();
    const url: string = await w.page.evaluate(() => (window as any).__explorer.toPng());
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
    fs.writeFileSync(path.join(SHOTS, '09-export.png'), png);
    const stage = await w.page.evaluate(() => {
      const r = document.querySelector('.graph').getBoundingClientRect();
      return [Math.round(r.width), Math.round(r.height)];
    });
    // PNG header: width and height as big-endian integers at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(stage);
  });

});
