// The map view: each provincial unit of the chosen mode as a circle at its centre (an equirectangular projection in
// SVG, no tiles and no outline of the country), cooperation between units as arcs, a click shows a unit's numbers.

import type { Gql } from './api';
import { h, replace } from './dom';
import { SIZE, buildMap, type MapArc, type MapMark, type UnitMode } from './map-model';
import { MAP_COUNTS, MAP_NETWORK, MAP_NETWORK_LIMIT, MAP_UNITS, type MapCountsData, type MapNetworkData, type MapUnitsData } from './map-queries';
import type { Language } from './state';
import './map.css';

const SVG = 'http://www.w3.org/2000/svg';

/** What the map exposes on window.__explorer.map (tests read it). */
export interface MapHandle {
  units: UnitMode;
  lang: Language;
  state: 'loading' | 'ready' | 'error';
  marks: MapMark[];
  arcs: MapArc[];
  selected: string | null;
  /** Shows a unit's numbers, as a click on its circle does. */
  select(id: string | null): void;
  setLanguage(lang: Language): void;
  /** Loads and draws the units of `units` (the 34 current ones or the 63 before 1 July 2025). */
  show(units: UnitMode): Promise<void>;
}

const TEXT = {
  vi: { current: 'Hiện nay (34 đơn vị)', historical: 'Trước 1/7/2025 (63 đơn vị)', agreements: 'Thỏa thuận', activities: 'Hoạt động', ties: 'Quan hệ với tỉnh khác', partners: 'Tỉnh đối tác', centre: 'Tâm', hint: 'Nhấp vào một tỉnh để xem số liệu. Vòng tròn: số thỏa thuận và hoạt động; cung: quan hệ hợp tác giữa các tỉnh.', loading: 'Đang tải…', error: 'Không tải được bản đồ.' },
  en: { current: 'Current (34 units)', historical: 'Before 1 July 2025 (63 units)', agreements: 'Agreements', activities: 'Activities', ties: 'Ties with other provinces', partners: 'Partner provinces', centre: 'Centre', hint: 'Click a province to see its numbers. Circles: agreements and activities; arcs: cooperation between provinces.', loading: 'Loading…', error: 'The map could not be loaded.' },
} as const;

const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
};

/**
 * Mounts the map in `box`; `onUnits` hears the mode the toggle asks for (the caller keeps it in the URL and calls
 * show). Draws nothing until show is called.
 */
export function mountMap(box: HTMLElement, gql: Gql, lang: Language, onUnits: (units: UnitMode) => void): MapHandle {
  const toggle = h('div', { class: 'map-toggle', role: 'group' });
  const info = h('aside', { class: 'map-info', id: 'map-info', 'aria-live': 'polite' });
  const status = h('p', { class: 'map-status' });
  const drawing = svg('svg', { viewBox: `0 0 ${SIZE.width.toFixed(0)} ${SIZE.height.toFixed(0)}`, class: 'map-svg', role: 'img' });
  replace(box, h('div', { class: 'map-bar' }, toggle, status), h('div', { class: 'map-body' }, h('div', { class: 'map-stage' }, drawing), info));

  const handle: MapHandle = { units: 'current', lang, state: 'loading', marks: [], arcs: [], selected: null, select, setLanguage, show };
  let request = 0;

  function renderToggle(): void {
    const t = TEXT[handle.lang];
    const button = (units: UnitMode) => {
      const b = h('button', { type: 'button', id: `map-${units}`, 'aria-pressed': String(handle.units === units) }, t[units]);
      b.addEventListener('click', () => onUnits(units));
      return b;
    };
    replace(toggle, button('current'), button('historical'));
  }

  function name(m: MapMark): string {
    return handle.lang === 'en' ? m.nameEn : m.nameVi;
  }

  function draw(): void {
    const byId = new Map(handle.marks.map((m) => [m.id, m]));
    const arcs = svg('g', { class: 'map-arcs' });
    const most = Math.max(1, ...handle.arcs.map((a) => a.ties));
    for (const arc of handle.arcs) {
      const a = byId.get(arc.a);
      const b = byId.get(arc.b);
      if (!a || !b) continue;
      // A gentle bow so that arcs sharing an end stay apart.
      const mx = (a.x + b.x) / 2 + (b.y - a.y) * 0.15;
      const my = (a.y + b.y) / 2 - (b.x - a.x) * 0.15;
      const on = handle.selected === arc.a || handle.selected === arc.b;
      arcs.append(svg('path', { d: `M${a.x},${a.y} Q${mx},${my} ${b.x},${b.y}`, class: on ? 'map-arc on' : 'map-arc', 'stroke-width': (0.8 + (3 * arc.ties) / most).toFixed(2), 'data-pair': `${arc.a}|${arc.b}` }));
    }
    const marks = svg('g', { class: 'map-marks' });
    for (const m of [...handle.marks].sort((x, y) => y.r - x.r)) {
      const g = svg('g', { class: handle.selected === m.id ? 'map-mark on' : 'map-mark', 'data-id': m.id, tabindex: 0, role: 'button' });
      const title = svg('title', {});
      title.textContent = name(m);
      g.append(svg('circle', { cx: m.x.toFixed(1), cy: m.y.toFixed(1), r: m.r.toFixed(1) }), title);
      const label = svg('text', { x: (m.x + m.r + 2).toFixed(1), y: (m.y + 3).toFixed(1) });
      label.textContent = name(m);
      g.append(label);
      g.addEventListener('click', () => select(m.id));
      g.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && select(m.id));
      marks.append(g);
    }
    drawing.replaceChildren(arcs, marks);
    drawing.setAttribute('aria-label', `${handle.marks.length} ${handle.lang === 'en' ? 'provincial units' : 'đơn vị cấp tỉnh'}, ${handle.arcs.length} ${handle.lang === 'en' ? 'province pairs' : 'cặp tỉnh'}`);
    renderInfo();
  }

  function renderInfo(): void {
    const t = TEXT[handle.lang];
    const m = handle.marks.find((x) => x.id === handle.selected);
    if (!m) return replace(info, h('p', {}, t.hint));
    const row = (label: string, value: string | number) => h('tr', {}, h('th', {}, label), h('td', {}, String(value)));
    replace(
      info,
      h('h2', {}, name(m)),
      h('table', {}, row(t.agreements, m.agreements), row(t.activities, m.activities), row(t.ties, m.ties), row(t.partners, m.partners)),
      h('p', { class: 'map-centre' }, `${t.centre}: ${m.latitude.toFixed(2)}, ${m.longitude.toFixed(2)} — ${m.point} (${m.reference})`),
    );
  }

  function select(id: string | null): void {
    handle.selected = id;
    draw();
  }

  function setLanguage(next: Language): void {
    handle.lang = next;
    renderToggle();
    if (handle.state === 'ready') draw();
  }

  async function show(units: UnitMode): Promise<void> {
    const mine = ++request;
    handle.units = units;
    handle.state = 'loading';
    box.dataset.state = 'loading';
    status.textContent = TEXT[handle.lang].loading;
    renderToggle();
    try {
      // One request at a time: the hub admits only two at once per client, and the other views may be asking too.
      const u = await gql<MapUnitsData>(MAP_UNITS, { on: units === 'current' ? '2025-07-01' : '2025-06-30' });
      const c = await gql<MapCountsData>(MAP_COUNTS, { mode: units === 'current' ? 'CURRENT' : 'HISTORICAL' });
      const n = await gql<MapNetworkData>(MAP_NETWORK, { limit: MAP_NETWORK_LIMIT });
      if (mine !== request) return;
      const built = buildMap(units, u, c, n);
      handle.marks = built.marks;
      handle.arcs = built.arcs;
      if (!built.marks.some((m) => m.id === handle.selected)) handle.selected = null;
      status.textContent = '';
      handle.state = 'ready';
      box.dataset.state = 'ready';
      draw();
    } catch {
      if (mine !== request) return;
      handle.state = 'error';
      box.dataset.state = 'error';
      status.textContent = TEXT[handle.lang].error;
    }
  }

  renderToggle();
  return handle;
}
