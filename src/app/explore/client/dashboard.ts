// The dashboard view: the hub's chart-ready aggregates drawn with ECharts (heat map, bars) and a ranking table.
// ECharts is imported piece by piece from echarts/core so that the bundle holds only the charts used here.
import { BarChart, HeatmapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Gql } from './api';
import { kindOption, matrixIsEmpty, matrixOption, tableIsEmpty, yearOption } from './dashboard-charts';
import {
  DASHBOARD_BY_KIND,
  DASHBOARD_BY_YEAR,
  DASHBOARD_RANKING,
  DASHBOARD_REGION_MATRIX,
  RANKING_SIZE,
  type CountTable,
  type Ranking,
  type RegionMatrix,
} from './dashboard-queries';
import { explainError, word, type DashboardLanguage } from './dashboard-text';
import { kindColour, kindName } from './palette';
import './dashboard.css';

echarts.use([BarChart, HeatmapChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** A panel's state, also written to its data-state attribute. */
export type PanelState = 'loading' | 'ready' | 'empty' | 'error';

/** What the dashboard exposes on window.__explorer.dashboard (tests read it). */
export interface DashboardHandle {
  /** The ECharts instance of each chart drawn so far. */
  charts: { matrix?: echarts.ECharts; byYear?: echarts.ECharts; byKind?: echarts.ECharts };
  /** Each panel's state. */
  panels: Record<PanelName, PanelState>;
  lang: DashboardLanguage;
  /** Redraws every label in `lang` (no new request). */
  setLanguage(lang: DashboardLanguage): void;
}

type PanelName = 'matrix' | 'byYear' | 'byKind' | 'ranking';

/** Options of the dashboard; `lang` defaults to the page's language (document.documentElement.lang). */
export interface DashboardOptions {
  lang?: DashboardLanguage;
}

interface Panel {
  name: PanelName;
  title: keyof typeof TITLES;
  box: HTMLElement;
  heading: HTMLElement;
  status: HTMLElement;
  body: HTMLElement;
  /** Draws (or redraws in another language) what was loaded. */
  draw?: (lang: DashboardLanguage) => void;
  error?: unknown;
}

const TITLES = { matrix: 'matrix', byYear: 'byYear', byKind: 'byKind', ranking: 'ranking' } as const;

function pageLanguage(): DashboardLanguage {
  return document.documentElement.lang === 'en' ? 'en' : 'vi';
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function panel(name: PanelName, chart: boolean): Panel {
  const box = el('section', `dash-panel dash-${name}`);
  box.dataset.panel = name;
  box.setAttribute('aria-busy', 'true');
  const heading = el('h2');
  const status = el('p', 'dash-status');
  status.setAttribute('role', 'status');
  const body = el('div', chart ? 'dash-chart' : 'dash-table');
  box.append(heading, status, body);
  return { name, title: name, box, heading, status, body };
}

/**
 * Mounts the dashboard in `el`: the region matrix as a heat map, agreements and activities by year and by kind
 * as bar charts, and the 20 organisations with the most partners as a table, each fetched through `gql` on its
 * own (one request at a time, retried while the hub is busy) and showing its loading, empty or error state in
 * words. Labels follow `options.lang` and, later, the
 * page's lang attribute (the explorer's language toggle). Resolves when every panel is drawn, empty or failed
 * (it does not reject); el.dataset.charts then holds the number of charts drawn and el.dataset.state the
 * overall state ('error' when any panel failed). The handle is also set on window.__explorer.dashboard.
 */
export async function mountDashboard(root: HTMLElement, gql: Gql, options: DashboardOptions = {}): Promise<void> {
  const handle: DashboardHandle = {
    charts: {},
    panels: { matrix: 'loading', byYear: 'loading', byKind: 'loading', ranking: 'loading' },
    lang: options.lang ?? pageLanguage(),
    setLanguage: (lang) => {
      handle.lang = lang;
      for (const p of panels) render(p);
    },
  };
  const title = el('h1', 'dash-title');
  const grid = el('div', 'dash-grid');
  const panels = [panel('matrix', true), panel('byYear', true), panel('byKind', true), panel('ranking', false)];
  grid.append(...panels.map((p) => p.box));
  root.replaceChildren(title, grid);
  root.dataset.state = 'loading';
  publish(handle);

  function render(p: Panel): void {
    title.textContent = word('title', handle.lang);
    p.heading.textContent = word(TITLES[p.title], handle.lang);
    const state = handle.panels[p.name];
    p.box.dataset.state = state;
    p.status.textContent =
      state === 'loading' ? word('loading', handle.lang) : state === 'empty' ? word('empty', handle.lang) : state === 'error' ? explainError(p.error, handle.lang) : '';
    p.status.hidden = state === 'ready';
    p.status.classList.toggle('error', state === 'error');
    if (state === 'ready') p.draw?.(handle.lang);
  }

  function settle(p: Panel, state: PanelState): void {
    handle.panels[p.name] = state;
    p.box.removeAttribute('aria-busy');
    p.body.hidden = state !== 'ready';
    render(p);
  }

  function chart(
    p: Panel,
    key: keyof DashboardHandle['charts'],
    option: (lang: DashboardLanguage, width: number) => echarts.EChartsCoreOption,
  ): void {
    p.draw = (lang) => {
      const instance = handle.charts[key] ?? echarts.init(p.body, undefined, { renderer: 'canvas' });
      handle.charts[key] = instance;
      instance.setOption(option(lang, p.body.clientWidth), { notMerge: true });
    };
  }

  async function load<T>(p: Panel, fetch: () => Promise<T>, isEmpty: (data: T) => boolean, prepare: (data: T) => void): Promise<void> {
    try {
      const data = await politely(fetch);
      if (isEmpty(data)) return settle(p, 'empty');
      prepare(data);
      settle(p, 'ready');
    } catch (error) {
      p.error = error;
      settle(p, 'error');
    }
  }

  const [matrixPanel, yearPanel, kindPanel, rankingPanel] = panels;
  for (const p of panels) render(p);
  type Pair = { agreements: CountTable; activities: CountTable };
  // One request at a time: the hub lets a client have two in flight (CLIENT_MAX_IN_FLIGHT), and the explorer's
  // search box may need the other one.
  await load(
    matrixPanel,
    async () => (await gql(DASHBOARD_REGION_MATRIX)).regionMatrix as RegionMatrix,
    matrixIsEmpty,
    (m) => chart(matrixPanel, 'matrix', (lang, width) => matrixOption(m, lang, width)),
  );
  await load(
    yearPanel,
    async () => (await gql(DASHBOARD_BY_YEAR)) as Pair,
    (d) => tableIsEmpty(d.agreements, d.activities),
    (d) => chart(yearPanel, 'byYear', (lang) => yearOption(d.agreements, d.activities, lang)),
  );
  await load(
    kindPanel,
    async () => (await gql(DASHBOARD_BY_KIND)) as Pair,
    (d) => tableIsEmpty(d.agreements, d.activities),
    (d) => {
      // A bar per kind, each tall enough for its label.
      kindPanel.body.style.height = `${Math.max(240, 72 + 24 * (d.agreements.rows.length + d.activities.rows.length))}px`;
      chart(kindPanel, 'byKind', (lang) => kindOption(d.agreements, d.activities, lang));
    },
  );
  await load(
    rankingPanel,
    async () => (await gql(DASHBOARD_RANKING, { first: RANKING_SIZE })).ranking as Ranking,
    (r) => r.items.length === 0,
    (r) => (rankingPanel.draw = (lang) => rankingPanel.body.replaceChildren(rankingTable(r, lang))),
  );

  const states = Object.values(handle.panels);
  root.dataset.state = states.includes('error') ? 'error' : states.every((s) => s === 'empty') ? 'empty' : 'ready';
  root.dataset.charts = String(Object.keys(handle.charts).length);
  // Charts follow their box (window resizes, the tab shown again; labels are fitted to the width, so they are
  // redrawn, once per frame at most) and the explorer's language toggle.
  let resizing = false;
  new ResizeObserver(() => {
    if (resizing) return;
    resizing = true;
    requestAnimationFrame(() => {
      resizing = false;
      Object.values(handle.charts).forEach((c) => c?.resize());
      handle.setLanguage(handle.lang);
    });
  }).observe(root);
  new MutationObserver(() => {
    if (pageLanguage() !== handle.lang) handle.setLanguage(pageLanguage());
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/** Codes after which the same request may succeed a moment later. */
const BUSY = new Set(['TOO_MANY_REQUESTS', 'SERVICE_UNAVAILABLE']);

/** Runs `fetch`, again up to twice (after 0.5 s, then 1 s) while the hub answers that it is busy. */
async function politely<T>(fetch: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch();
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (attempt >= 2 || !code || !BUSY.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}

/** The ranking as a table: rank, organisation (in `lang`, Vietnamese when it has no English name), partners, strength. */
function rankingTable(r: Ranking, lang: DashboardLanguage): HTMLElement {
  const table = el('table', 'dash-ranking');
  const caption = el('caption', undefined, `${r.items.length} ${word('ofTotal', lang)} ${r.totalCount}`);
  const head = el('tr');
  for (const key of ['rank', 'organization', 'kind', 'partners', 'strength'] as const) {
    const th = el('th', undefined, word(key, lang));
    th.scope = 'col';
    head.append(th);
  }
  const body = el('tbody');
  for (const item of r.items) {
    const row = el('tr');
    const name = lang === 'en' && item.organization.nameEn ? item.organization.nameEn : item.organization.name;
    row.append(
      el('td', 'num', String(item.rank)),
      el('td', undefined, name),
      kindCell(item.organization.kind, lang),
      el('td', 'num', String(item.value)),
      el('td', 'num', item.strength.toFixed(2)),
    );
    body.append(row);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(caption, thead, body);
  return table;
}

/** An organisation kind named in `lang`, with the colour the network view gives it. */
function kindCell(kind: string, lang: DashboardLanguage): HTMLElement {
  const cell = el('td', 'kind');
  const swatch = el('span', 'dash-swatch');
  swatch.style.background = kindColour(kind);
  cell.append(swatch, kindName(kind, lang));
  return cell;
}

/** Sets the handle on window.__explorer.dashboard (creating window.__explorer on a page without the explorer). */
function publish(handle: DashboardHandle): void {
  const w = window as unknown as { __explorer?: { dashboard?: DashboardHandle } };
  if (w.__explorer) w.__explorer.dashboard = handle;
  else w.__explorer = { dashboard: handle };
}
