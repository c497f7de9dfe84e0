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
const ACTOR_NAME = 'Sở Khoa học và Công nghệ Bình Thuận';
const SHOTS = path.join(projectRoot, 'test-output', 'explore');
const tieKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
const sorted = (xs: string[]) => [...xs].sort();

// The page functions run in the browser; the tests compile without the DOM library.
declare const document: any;
declare const window: any;

interface ApiPaths {
  found: boolean;
  reason: string | null;
  length: number | null;
  paths: Array<{ organizations: Array<{ id: string }>; steps: Array<{ from: { id: string }; to: { id: string }; instrumentId: string }> }>;
}

const PATHS = `query($f: ID!, $t: ID!, $h: Int!, $filter: LinkFilter) {
  paths(from: $f, to: $t, all: true, limit: 10, maxHops: $h, filter: $filter) {
    found reason length paths { organizations { id } steps { from { id } to { id } instrumentId } }
  }
}`;

describeInBrowser('the explorer: path finder, two-mode view, SVG, expansion cap, retries', () => {
  const db = openTestDb();
  const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-hub-explore-paths-'));
  let server: HubServer;
  let base: string;
  let browser: Browser;
  let w: WatchedPage;
  /** A far organisation: its shortest route from ACTOR (default ties) takes two steps or more. */
  let target: { id: string; name: string };
  let expected: ApiPaths;

  async function hub<T = any>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data as T;
  }

  const paths = async (from: string, to: string, hops: number, filter: Record<string, unknown> | null = null) =>
    (await hub<{ paths: ApiPaths }>(PATHS, { f: from, t: to, h: hops, filter })).paths;

  const settled = async (page = w.page) => {
    await page.waitForFunction(() => document.body.dataset.state !== 'loading' && !!(window as any).__explorer, { timeout: 30_000 });
    await page.evaluate(() => (window as any).__explorer.idle());
    await page.waitForFunction(() => document.body.dataset.state !== 'loading', { timeout: 30_000 });
  };

  const explorer = <T>(fn: string): Promise<T> => w.page.evaluate(`(() => { const x = window.__explorer; return ${fn}; })()`) as Promise<T>;

  /** Picks `id` in the typeahead box `#<box>` after typing `text`. */
  async function pick(box: string, text: string, id: string): Promise<void> {
    await w.page.type(`#${box}`, text);
    await w.page.waitForSelector(`#${box}-hits li[data-id="${id}"]`, { timeout: 15_000 });
    await w.page.click(`#${box}-hits li[data-id="${id}"]`);
  }

  beforeAll(async () => {
    await buildExplorer(bundleDir);
    server = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12, exploreBundleDir: bundleDir });
    base = server.url.replace(/\/graphql$/, '');
    browser = await launchBrowser();
    w = await watchedPage(browser, base, SHOTS);
    // The far organisation is read from the hub, not from a picture: the first at distance 2 of the ego
    // network whose shortest route has at least two steps.
    const { egoNetwork } = await hub<{ egoNetwork: { nodes: Array<{ id: string; name: string | null; label: string; distance: number }> } }>(
      'query($a: ID!) { egoNetwork(actor: $a, depth: 2, limit: 200) { nodes { id name label distance } } }',
      { a: ACTOR },
    );
    for (const n of egoNetwork.nodes.filter((x) => x.distance === 2)) {
      const answer = await paths(ACTOR, n.id, 6);
      if (answer.found && (answer.length ?? 0) >= 2) {
        target = { id: n.id, name: n.name ?? n.label };
        expected = answer;
        break;
      }
    }
    expect(target).toBeDefined();
  }, 180_000);
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

  test('"path from here" and the "to" box draw the shortest routes, emphasised, with their steps', async () => {
    await w.page.goto(`${base}/explore?actor=${ACTOR}&lang=en`, { waitUntil: 'networkidle0' });
    await settled();
    await w.page.evaluate((id) => (window as any).__explorer.clickNode(id), ACTOR);
    await settled();
    await w.page.click('#path-from-here');
    await settled();
    expect(new URL(w.page.url()).searchParams.get('pathFrom')).toBe(ACTOR);
    await pick('path-to', target.name, target.id);
    await settled();
    const url = new URL(w.page.url());
    expect(url.searchParams.get('pathTo')).toBe(target.id);

    const nodes = sorted([...new Set(expected.paths.flatMap((p) => p.organizations.map((o) => o.id)))]);
    const edges = sorted([...new Set(expected.paths.flatMap((p) => p.steps.map((s) => tieKey(s.from.id, s.to.id))))]);
    // What the graph marks as the path, read from graphology's own state.
    expect(sorted(await explorer<string[]>('x.graph.filterNodes((id, a) => a.onPath)'))).toEqual(nodes);
    expect(sorted(await explorer<string[]>('x.graph.filterEdges((k, a) => a.onPath)'))).toEqual(edges);
    expect(sorted(await explorer<string[]>('x.path.nodes'))).toEqual(nodes);
    // The rest of the drawing (the ego network) is there, dimmed: sigma draws it in another colour.
    const off = await explorer<string | undefined>('x.graph.filterNodes((id, a) => !a.onPath)[0]');
    expect(off).toBeDefined();
    const [offDrawn, offOwn] = await w.page.evaluate((id) => [(window as any).__explorer.displayed('node', id).color, (window as any).__explorer.graph.getNodeAttribute(id, 'color')], off);
    expect(offDrawn).not.toBe(offOwn);
    const onEdgeColour = await w.page.evaluate((k) => (window as any).__explorer.displayed('edge', k).color, edges[0]);
    const offEdge = await explorer<string | undefined>('x.graph.filterEdges((k, a) => !a.onPath)[0]');
    if (offEdge) expect(await w.page.evaluate((k) => (window as any).__explorer.displayed('edge', k).color, offEdge)).not.toBe(onEdgeColour);

    // One button per step, in the routes' order, naming each step's instrument.
    const steps = await w.page.$$eval('.path-step', (b: any[]) => b.map((x) => ({ edge: x.dataset.edge, instrument: x.dataset.instrument })));
    expect(steps).toEqual(expected.paths.flatMap((p) => p.steps.map((s) => ({ edge: tieKey(s.from.id, s.to.id), instrument: s.instrumentId }))));
    expect(await w.page.$eval('.path-steps .instrument-meta', (d: any) => d.textContent)).toMatch(/^(Agreement|Activity) · .+ · roles: /);
    await w.screenshot('10-path');

    // A step opens the evidence of its tie, its instrument among them.
    await w.page.click('.path-step[data-step="0"]');
    await settled();
    await w.page.waitForSelector(`#panel .instrument[data-id="${expected.paths[0].steps[0].instrumentId}"]`, { timeout: 15_000 });

    // The link alone reproduces the path.
    await w.page.goto(url.toString(), { waitUntil: 'networkidle0' });
    await settled();
    expect(sorted(await explorer<string[]>('x.graph.filterNodes((id, a) => a.onPath)'))).toEqual(nodes);
    expect(await w.page.$eval('#path-to', (i: any) => i.value)).toBeTruthy();

    // "Clear" takes the path out of the drawing and the address.
    await w.page.click('#path-clear');
    await settled();
    expect(new URL(w.page.url()).searchParams.get('pathTo')).toBeNull();
    expect(await explorer<number>('x.graph.filterNodes((id, a) => a.onPath).length')).toBe(0);
    expect(await explorer<unknown>('x.path')).toBeNull();
  });

  test('with no route the panel says why: too many steps for the limit, or ties the filter leaves out', async () => {
    const short = await paths(ACTOR, target.id, 1);
    expect(short.found).toBe(false);
    await w.page.goto(`${base}/explore?pathFrom=${ACTOR}&pathTo=${target.id}&hops=1&lang=en`, { waitUntil: 'networkidle0' });
    await settled();
    expect(await w.page.$eval('.no-path', (p: any) => p.dataset.reason)).toBe(short.reason);
    const words: string = await w.page.$eval('.no-path', (p: any) => p.textContent);
    expect(words).toContain(short.reason === 'TOO_MANY_HOPS' ? 'longer than the limit of 1 step' : ' ');
    expect(await explorer<boolean>('x.path.found')).toBe(false);
    expect(await explorer<number>('x.graph.filterNodes((id, a) => a.onPath).length')).toBe(0);
    await w.screenshot('11-no-path');

    // Under parent and sub-unit ties only, the hub has its own reason; the page gives it in words.
    const filtered = await paths(ACTOR, target.id, 6, { ties: ['PARENT_SUBUNIT'] });
    if (!filtered.found) {
      await w.page.goto(`${base}/explore?pathFrom=${ACTOR}&pathTo=${target.id}&ties=PARENT_SUBUNIT&lang=en`, { waitUntil: 'networkidle0' });
      await settled();
      expect(await w.page.$eval('.no-path', (p: any) => p.dataset.reason)).toBe(filtered.reason);
      expect(await w.page.$eval('.no-path', (p: any) => p.textContent)).toMatch(filtered.reason === 'NOT_CONNECTED' ? /No chain/ : /leave out|longer than/);
    }
  });

  test('the two-mode view draws one square per agreement or activity behind the ego network', async () => {
    await w.page.goto(`${base}/explore?actor=${ACTOR}&lang=en`, { waitUntil: 'networkidle0' });
    await settled();
    await w.page.click('#mode-two');
    await settled();
    expect(new URL(w.page.url()).searchParams.get('mode')).toBe('two');
    const { egoNetwork } = await hub<{ egoNetwork: { nodes: Array<{ id: string }>; edges: Array<{ evidence: string[] }> } }>(
      'query($a: ID!) { egoNetwork(actor: $a, depth: 1, limit: 200) { nodes { id } edges { evidence } } }',
      { a: ACTOR },
    );
    const instruments = new Set(egoNetwork.edges.flatMap((e) => e.evidence));
    expect(instruments.size).toBeGreaterThan(0);
    expect(sorted(await explorer<string[]>("x.graph.filterNodes((id, a) => a.entity === 'Agreement' || a.entity === 'Activity')"))).toEqual(sorted([...instruments]));
    expect(await explorer<number>("x.graph.filterNodes((id, a) => a.entity === 'Organization').length")).toBe(egoNetwork.nodes.length);
    // Every edge joins an organisation to an instrument, with a role; instruments are drawn as squares.
    expect(await explorer<number>("x.graph.filterEdges((k, a, s, t, sa, ta) => (sa.entity === 'Organization') === (ta.entity === 'Organization') || typeof a.role !== 'string').length")).toBe(0);
    expect(await explorer<number>("x.graph.filterNodes((id, a) => a.entity !== 'Organization' && a.type !== 'square').length")).toBe(0);
    expect(await w.page.$$eval('.legend-two-mode li', (l: any[]) => l.length)).toBeGreaterThanOrEqual(2);
    await w.screenshot('12-two-mode');

    // The link keeps the mode.
    await w.page.goto(w.page.url(), { waitUntil: 'networkidle0' });
    await settled();
    expect(await explorer<number>("x.graph.filterNodes((id, a) => a.entity === 'Agreement' || a.entity === 'Activity').length")).toBe(instruments.size);
    await w.page.click('#mode-one');
    await settled();
    expect(await explorer<number>("x.graph.filterNodes((id, a) => a.entity === 'Agreement' || a.entity === 'Activity').length")).toBe(0);
    expect(await explorer<number>('x.graph.order')).toBe(egoNetwork.nodes.length);

    // A path in the two-mode view runs through each step's instrument.
    await w.page.goto(`${base}/explore?actor=${ACTOR}&mode=two&pathFrom=${ACTOR}&pathTo=${target.id}`, { waitUntil: 'networkidle0' });
    await settled();
    const through = expected.paths.flatMap((p) => [...p.organizations.map((o) => o.id), ...p.steps.map((s) => s.instrumentId)]);
    expect(sorted(await explorer<string[]>('x.graph.filterNodes((id, a) => a.onPath)'))).toEqual(sorted([...new Set(through)]));
    const roles = expected.paths.flatMap((p) => p.steps.flatMap((s) => [tieKey(s.from.id, s.instrumentId), tieKey(s.to.id, s.instrumentId)]));
    expect(sorted(await explorer<string[]>('x.graph.filterEdges((k, a) => a.onPath)'))).toEqual(sorted([...new Set(roles)]));
  });

  test('the drawing downloads as an SVG file with one element per node and per edge', async () => {
    await w.page.goto(`${base}/explore?actor=${ACTOR}&pathFrom=${ACTOR}&pathTo=${target.id}`, { waitUntil: 'networkidle0' });
    await settled();
    expect(await w.page.$('#export-svg')).not.toBeNull();
    const svg: string = await explorer<string>('x.toSvg()');
    fs.writeFileSync(path.join(SHOTS, '13-export.svg'), svg);
    const parsed = await w.page.evaluate((text: string) => {
      const doc = new (window as any).DOMParser().parseFromString(text, 'image/svg+xml');
      const ids = (sel: string, attr: string) => [...doc.querySelectorAll(sel)].map((e: any) => e.getAttribute(attr));
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        nodes: ids('[data-node]', 'data-node'),
        edges: ids('line[data-edge]', 'data-edge'),
        labels: doc.querySelectorAll('text').length,
        widths: [...doc.querySelectorAll('line')].map((l: any) => Number(l.getAttribute('stroke-width'))),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(sorted(parsed.nodes)).toEqual(sorted(await explorer<string[]>('x.graph.nodes()')));
    expect(sorted(parsed.edges)).toEqual(sorted(await explorer<string[]>('x.graph.edges()')));
    expect(parsed.labels).toBeGreaterThan(0);
    expect(parsed.widths.every((x) => x > 0)).toBe(true);
  });

  test('expanding stops at the drawing\'s cap and says so', async () => {
    await w.page.goto(`${base}/explore?actor=${ACTOR}&lang=en`, { waitUntil: 'networkidle0' });
    await settled();
    const drawn = await explorer<string[]>('x.graph.nodes()');
    // A partner whose own partners would add at least two organisations, as the hub says.
    let grower: string | undefined;
    for (const id of drawn.filter((x) => x !== ACTOR)) {
      const { egoNetwork } = await hub<{ egoNetwork: { nodes: Array<{ id: string }> } }>('query($a: ID!) { egoNetwork(actor: $a, depth: 1, limit: 200) { nodes { id } } }', { a: id });
      if (egoNetwork.nodes.filter((n) => !drawn.includes(n.id)).length >= 2) {
        grower = id;
        break;
      }
    }
    expect(grower).toBeDefined();
    const cap = drawn.length + 1;
    await w.page.evaluate((c) => ((window as any).__explorer.expansionCap = c), cap);
    await w.page.evaluate((id) => (window as any).__explorer.clickNode(id), grower);
    await settled();
    expect(await explorer<number>('x.graph.order')).toBe(cap);
    expect(await w.page.$eval('.status', (s: any) => s.textContent)).toContain(`its limit of ${cap}`);
    await w.screenshot('14-cap');
    await w.page.evaluate((id) => (window as any).__explorer.clickNode(id), ACTOR);
    await settled();
    expect(await explorer<number>('x.graph.order')).toBe(cap);
    expect(await w.page.$eval('.status', (s: any) => s.textContent)).toContain('clicking adds no more');
  });

  test('a busy hub (429 with Retry-After) is asked once more after the wait; a hub that stays away is explained', async () => {
    // The hub's busy answers are made in the page (fetch wrapped), so the test needs no load.
    const fake = (status: number, code: string, times: number) => `(() => {
      const real = window.fetch.bind(window);
      window.__asked = [];
      let left = ${times};
      window.fetch = (input, init) => {
        if (String(input).endsWith('/graphql')) window.__asked.push(Date.now());
        if (String(input).endsWith('/graphql') && left-- > 0) {
          const body = JSON.stringify({ errors: [{ message: 'busy', extensions: { code: '${code}' } }] });
          return Promise.resolve(new Response(body, { status: ${status}, headers: { 'content-type': 'application/json', 'retry-after': '1' } }));
        }
        return real(input, init);
      };
    })()`;

    const busy = await watchedPage(browser, base, SHOTS);
    try {
      await busy.page.evaluateOnNewDocument(fake(429, 'TOO_MANY_REQUESTS', 1));
      await busy.page.goto(`${base}/explore?actor=${ACTOR}&lang=en`, { waitUntil: 'networkidle0' });
      await settled(busy.page);
      expect(await busy.page.evaluate(() => document.body.dataset.state)).toBe('ready');
      const asked: number[] = await busy.page.evaluate(() => (window as any).__asked);
      expect(asked.length).toBeGreaterThanOrEqual(2);
      expect(asked[1] - asked[0]).toBeGreaterThanOrEqual(900);
      expect(busy.errors).toEqual([]);
    } finally {
      await busy.page.close();
    }

    const away = await watchedPage(browser, base, SHOTS);
    try {
      await away.page.evaluateOnNewDocument(fake(503, 'SERVICE_UNAVAILABLE', 1000));
      await away.page.goto(`${base}/explore?actor=${ACTOR}&lang=en`, { waitUntil: 'networkidle0' });
      await settled(away.page);
      expect(await away.page.evaluate(() => document.body.dataset.state)).toBe('error');
      expect(await away.page.$eval('.status', (s: any) => s.textContent)).toBe(
        'Could not load the data: the hub is busy or its database is down; try again shortly (SERVICE_UNAVAILABLE).',
      );
      await away.screenshot('15-hub-away');
      // One retry, no more.
      expect(await away.page.evaluate(() => (window as any).__asked.length)).toBe(2);
      expect(away.errors).toEqual([]);
    } finally {
      await away.page.close();
    }
  });
});
