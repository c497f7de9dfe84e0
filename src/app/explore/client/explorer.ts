import type Graph from 'graphology';
import { gql } from './api';
import { controls } from './controls';
import { explainError } from './dashboard-text';
import { h, replace, setPageState } from './dom';
import { NetworkView, tieKey, type ActorAttributes, type TieAttributes } from './graph-view';
import { modeSwitch, twoModeLegend } from './mode-switch';
import { showActor, showTie } from './panel';
import { noPathReason, pathForm, pathHighlight, pathSteps, type PathPatch } from './path-finder';
import { PATHS, type PathEnd, type PathResultData, type PathStepData } from './path-queries';
import { EGO_EXPORT, EGO_NETWORK, type NetworkGraph } from './queries';
import { searchBox } from './search-box';
import type { MapHandle } from './map-view';
import { NETWORK_LIMIT, linkFilter, parseState, stateToSearch, type ExploreState } from './state';
import { drawingToSvg } from './svg-export';
import { EGO_TWO_MODE, pathTwoModeGraph, twoModeGraph, type TwoModeFile } from './two-mode';

/** What the explorer exposes on window.__explorer (tests drive and read it; people may use it in devtools). */
export interface ExplorerHandle {
  graph: Graph<ActorAttributes, TieAttributes>;
  view: ExploreState['view'];
  state: ExploreState;
  /** Resolves when the work started last (a network load, an expansion, a panel) is done. */
  idle(): Promise<void>;
  selectActor(id: string): Promise<void>;
  clickNode(id: string): Promise<void>;
  clickEdge(key: string): Promise<void>;
  toPng(): string;
  /** The drawing as a standalone SVG file (text). */
  toSvg(): string;
  /** The path finder's last answer and what it emphasised (null when no path is asked for). */
  path: { from: string; to: string; found: boolean; reason: string | null; message: string; nodes: string[]; edges: string[] } | null;
  /** Most organisations expanding nodes may bring into the drawing. */
  expansionCap: number;
  /** What sigma draws for a node or edge (colour, size, label), after the path's emphasis. */
  displayed(kind: 'node' | 'edge', key: string): { color: string; size: number; label?: string | null } | undefined;
  /** Set by the dashboard once its tab has been opened. */
  dashboard?: unknown;
  /** Set by the map once its tab has been opened. */
  map?: MapHandle;
}

declare global {
  interface Window {
    __explorer?: ExplorerHandle;
  }
}

/** Most organisations clicking nodes may bring into the drawing: beyond it the picture is unreadable and slow. */
export const EXPANSION_CAP = 500;

/** How many ties the keyboard-reachable list shows, strongest first. */
const TIE_LIST_SIZE = 30;

const EXPORT_FORMATS: Array<[string, string]> = [
  ['graphml', 'GraphML'],
  ['csv-nodes', 'CSV (nodes)'],
  ['csv-edges', 'CSV (ties)'],
  ['json', 'JSON'],
];

/** Mounts the network explorer in `root`: search, filters, the drawing, the evidence panel and the dashboard tab. */
export function mountExplorer(root: HTMLElement): ExplorerHandle {
  let state = parseState(window.location.search);
  let pending: Promise<void> = Promise.resolve();
  const track = (work: Promise<void>) => {
    pending = work.catch((error: unknown) => fail(error));
    return pending;
  };

  const status = h('p', { class: 'status', role: 'status' });
  const graphBox = h('div', { id: 'graph', class: 'graph', 'aria-label': 'Cooperation network' });
  const panelBody = h('div', { class: 'panel-body' });
  const closeButton = h('button', { type: 'button', class: 'close', 'aria-label': 'Close the panel' }, '×');
  const panel = h('aside', { id: 'panel', class: 'panel', hidden: '', 'aria-live': 'polite' }, closeButton, panelBody);
  const exportLinks = h('div', { class: 'exports' });
  const tieList = h('div', { class: 'tie-list' });
  const pathBox = h('div', { class: 'path-finder' });
  const pathList = h('div', { class: 'path-list', 'aria-live': 'polite' });
  const modeBox = h('div', { class: 'mode' });
  const dashboardBox = h('section', { id: 'dashboard', class: 'dashboard', hidden: '' });
  const langButton = h('button', { type: 'button', id: 'lang', 'aria-label': 'Switch the label language' });
  const tabNetwork = h('button', { type: 'button', role: 'tab', id: 'tab-network' }, 'Mạng lưới / Network');
  const tabDashboard = h('button', { type: 'button', role: 'tab', id: 'tab-dashboard' }, 'Dashboard');
  const tabMap = h('button', { type: 'button', role: 'tab', id: 'tab-map' }, 'Bản đồ / Map');
  const mapBox = h('section', { id: 'map', class: 'map', hidden: '' });
  const filterBox = h('div', { class: 'filters' });
  const networkBox = h('div', { class: 'network-view' }, h('div', { class: 'side' }, modeBox, pathBox, pathList, filterBox, exportLinks, tieList), h('main', { class: 'stage' }, graphBox, status), panel);

  replace(
    root,
    h(
      'header',
      { class: 'top' },
      h('a', { href: '/explore', class: 'brand' }, 'coop-hub'),
      searchBox((hit) => void selectActor(hit.id), () => state.lang),
      h('nav', { role: 'tablist', class: 'tabs' }, tabNetwork, tabDashboard, tabMap),
      langButton,
      h('a', { href: '/graphql', class: 'ide-link' }, 'GraphQL'),
    ),
    networkBox,
    dashboardBox,
    mapBox,
  );

  const view = new NetworkView(graphBox, state.lang, {
    node: (id) => void clickNode(id),
    edge: (key) => void clickEdge(key),
    stage: () => closePanel(),
  });

  function fail(error: unknown): void {
    setPageState('error');
    status.textContent = explainError(error, state.lang);
  }

  function setState(patch: Partial<ExploreState>, push = false): void {
    state = { ...state, ...patch };
    const url = `${window.location.pathname}${stateToSearch(state)}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    handle.state = state;
    handle.view = state.view;
  }

  function renderChrome(): void {
    replace(filterBox, controls(state, onFilters));
    replace(modeBox, modeSwitch(state, (mode) => {
      onFilters({ mode });
      renderChrome();
    }), state.mode === 'two' ? twoModeLegend(state.lang) : null);
    replace(pathBox, pathForm(state, endName, onPathChange));
    langButton.textContent = state.lang === 'vi' ? 'EN' : 'VI';
    tabNetwork.setAttribute('aria-selected', String(state.view === 'network'));
    tabDashboard.setAttribute('aria-selected', String(state.view === 'dashboard'));
    networkBox.hidden = state.view !== 'network';
    dashboardBox.hidden = state.view !== 'dashboard';
    tabMap.setAttribute('aria-selected', String(state.view === 'map'));
    mapBox.hidden = state.view !== 'map';
    renderExports();
  }

  function renderExports(): void {
    if (!state.actor) return replace(exportLinks);
    const variables = JSON.stringify({ actor: state.actor, depth: state.depth, filter: linkFilter(state), limit: NETWORK_LIMIT });
    const links = EXPORT_FORMATS.map(([format, label]) => {
      const query = new URLSearchParams({ query: EGO_EXPORT, variables, format });
      return h('a', { href: `/export?${query}`, download: '', class: 'export' }, label);
    });
    const png = h('button', { type: 'button', class: 'export', id: 'export-png' }, 'PNG');
    png.addEventListener('click', () => {
      const a = h('a', { href: view.toPng(), download: `${state.actor}.png` });
      a.click();
    });
    const svg = h('button', { type: 'button', class: 'export', id: 'export-svg' }, 'SVG');
    svg.addEventListener('click', () => {
      const url = URL.createObjectURL(new Blob([drawingToSvg(view.graph, view.renderer)], { type: 'image/svg+xml' }));
      h('a', { href: url, download: `${state.actor ?? 'network'}.svg` }).click();
      // The click has started the download; the object URL is not needed after this task.
      window.setTimeout(() => URL.revokeObjectURL(url), 0);
    });
    replace(exportLinks, h('h3', {}, 'Download / Tải về'), ...links, png, svg);
  }

  // The drawing takes no keyboard focus: the strongest ties are also buttons, which open the same panel.
  function renderTies(): void {
    const g = view.graph;
    if (state.mode === 'two') return replace(tieList);
    const name = (id: string) => (state.lang === 'en' ? g.getNodeAttribute(id, 'nameEn') : g.getNodeAttribute(id, 'nameVi'));
    const keys = g.edges().sort((a, b) => g.getEdgeAttribute(b, 'weight') - g.getEdgeAttribute(a, 'weight')).slice(0, TIE_LIST_SIZE);
    if (!keys.length) return replace(tieList);
    replace(
      tieList,
      h('h3', {}, 'Strongest ties / Liên kết mạnh nhất'),
      h(
        'ol',
        {},
        ...keys.map((key) => {
          const button = h('button', { type: 'button', class: 'tie', 'data-edge': key }, `${name(g.source(key))} — ${name(g.target(key))}`);
          button.addEventListener('click', () => void clickEdge(key));
          return h('li', {}, button);
        }),
      ),
    );
  }

  function onFilters(patch: Partial<ExploreState>): void {
    setState(patch);
    renderExports();
    if (state.actor || pathAsked()) void track(refresh());
  }

  /** Loads the view's network, then the path asked for (drawn over it). */
  async function refresh(): Promise<void> {
    await loadNetwork();
    await loadPath();
  }

  const pathAsked = () => !!(state.pathFrom && state.pathTo);

  /** The name of a path end for its box: from the drawing, or from the last route found. */
  function endName(id: string): string | null {
    const en = state.lang === 'en';
    if (view.graph.hasNode(id)) return view.graph.getNodeAttribute(id, en ? 'nameEn' : 'nameVi');
    const o = pathEnds.find((x) => x.id === id);
    return o?.name ? ((en ? o.nameEn : null) ?? o.name) : null;
  }

  function onPathChange(patch: PathPatch): void {
    setState(patch, true);
    if (!pathAsked()) {
      pathEnds = [];
      handle.path = null;
      replace(pathList);
      view.setPath(null);
      renderChrome();
      return;
    }
    void track(state.actor ? refresh() : loadPath());
  }

  /** The path finder's ends as the hub names them (for their boxes, and to draw them when no route joins them). */
  let pathEnds: PathEnd[] = [];

  async function loadPath(): Promise<void> {
    const from = state.pathFrom;
    const to = state.pathTo;
    if (!from || !to) {
      handle.path = null;
      replace(pathList);
      return;
    }
    setPageState('loading');
    replace(pathList, h('p', { class: 'pending' }, 'Looking for a route…'));
    const data = await gql<{ paths: PathResultData; ends: Array<PathEnd | null> }>(PATHS, { from, to, filter: linkFilter(state), maxHops: state.hops });
    if (from !== state.pathFrom || to !== state.pathTo) return;
    const result = data.paths;
    pathEnds = data.ends.filter((e): e is PathEnd => !!e);
    let marked = { nodes: [] as string[], edges: [] as string[] };
    let message: string;
    if (result.found) {
      if (state.mode === 'two') {
        const two = pathTwoModeGraph(result, state.lang);
        if (state.actor) view.mergeGraph(two.graph);
        else view.showGraph(two.graph);
        marked = { nodes: two.nodes, edges: two.edges };
      } else {
        // Over the drawn network when there is one, so the path stands out from its surroundings.
        if (state.actor && view.graph.order) view.merge(result.graph, from);
        else view.show(result.graph, from);
        marked = pathHighlight(result);
      }
      view.setPath(marked);
      renderTies();
      replace(pathList, pathSteps(result, state.lang, (step) => void openStep(step)));
      message = pathList.querySelector('.path-summary')?.textContent ?? '';
    } else {
      // With nothing else drawn, the two ends are drawn alone: the reason is about them.
      if (!view.graph.order) {
        view.show(endsAlone(pathEnds), from);
        // Two nodes land on the stage's edges: zoomed out, their names fit.
        view.renderer.getCamera().setState({ ratio: 1.8 });
      }
      view.setPath(null);
      message = noPathReason(result, state.hops, state.lang);
      replace(pathList, h('p', { class: 'path-result no-path', 'data-found': 'no', 'data-reason': result.reason ?? '' }, message));
    }
    handle.path = { from, to, found: result.found, reason: result.reason, message, ...marked };
    // Names of the ends in their boxes, now that the answer holds them.
    replace(pathBox, pathForm(state, endName, onPathChange));
    status.textContent = message;
    setPageState(view.graph.order ? 'ready' : 'empty');
  }

  function endsAlone(ends: PathEnd[]): NetworkGraph {
    const nodes = ends.map((e) => ({ id: e.id, kind: e.orgKind ?? '', label: e.nameEn ?? e.name ?? e.id, name: e.name ?? null, type: 'Organization', location: null, distance: null }));
    return { truncated: false, nodes, edges: [] };
  }

  /** A step of the route: its tie's evidence (one-mode) or its instrument's (two-mode) in the panel. */
  function openStep(step: PathStepData): Promise<void> {
    const key = state.mode === 'two' ? tieKey(step.from.id, step.instrumentId) : tieKey(step.from.id, step.to.id);
    return clickEdge(key);
  }

  async function egoNetwork(actor: string, depth: number): Promise<NetworkGraph> {
    const data = await gql<{ egoNetwork: NetworkGraph }>(EGO_NETWORK, { actor, depth, filter: linkFilter(state), limit: NETWORK_LIMIT });
    return data.egoNetwork;
  }

  async function loadNetwork(): Promise<void> {
    const actor = state.actor;
    if (!actor) {
      setPageState('empty');
      status.textContent = 'Tìm một tổ chức để xem mạng lưới hợp tác của nó. / Find an organisation to see its cooperation network.';
      return;
    }
    setPageState('loading');
    status.textContent = 'Loading…';
    closePanel();
    if (state.mode === 'two') return loadTwoMode(actor);
    const network = await egoNetwork(actor, state.depth);
    if (actor !== state.actor || state.mode !== 'one') return;
    view.show(network, actor);
    renderTies();
    const search = root.querySelector<HTMLInputElement>('#actor-search');
    // A view opened from a link names its actor in the search box too.
    if (search && !search.value && view.graph.hasNode(actor)) search.value = view.graph.getNodeAttribute(actor, state.lang === 'en' ? 'nameEn' : 'nameVi');
    status.textContent = `${network.nodes.length} organisations, ${network.edges.length} ties${network.truncated ? ' (cut at the size cap)' : ''}`;
    setPageState(network.edges.length ? 'ready' : 'empty');
  }

  /** The two-mode view: organisations and the agreements and activities behind their ties, as the hub exports it. */
  async function loadTwoMode(actor: string): Promise<void> {
    const data = await gql<{ egoNetwork: { truncated: boolean; export: { content: string; truncated: boolean } } }>(EGO_TWO_MODE, {
      actor,
      depth: state.depth,
      filter: linkFilter(state),
      limit: NETWORK_LIMIT,
    });
    if (actor !== state.actor || state.mode !== 'two') return;
    view.showGraph(twoModeGraph(JSON.parse(data.egoNetwork.export.content) as TwoModeFile, actor, state.lang));
    renderTies();
    const g = view.graph;
    const instruments = g.filterNodes((_id, a) => a.entity === 'Agreement' || a.entity === 'Activity').length;
    const cut = data.egoNetwork.truncated || data.egoNetwork.export.truncated;
    status.textContent = `${g.order - instruments} organisations, ${instruments} agreements and activities, ${g.size} roles${cut ? ' (cut at the size cap)' : ''}`;
    setPageState(g.size ? 'ready' : 'empty');
  }

  function selectActor(id: string): Promise<void> {
    setState({ actor: id, view: 'network' }, true);
    renderChrome();
    return track(refresh());
  }

  async function expand(id: string): Promise<void> {
    const cap = handle.expansionCap;
    if (view.graph.order >= cap) {
      status.textContent = capMessage(cap);
      return;
    }
    const network = await egoNetwork(id, 1);
    const left = view.merge(network, id, cap);
    if (pathAsked() && handle.path?.found) view.setPath(handle.path);
    renderTies();
    const name = view.graph.getNodeAttribute(id, state.lang === 'en' ? 'nameEn' : 'nameVi');
    const leftOut = state.lang === 'en' ? `Partners of ${name} left out: ${left}.` : `Số đối tác của ${name} không được thêm: ${left}.`;
    status.textContent = left ? `${capMessage(cap)} ${leftOut}` : `${view.graph.order} organisations, ${view.graph.size} ties`;
  }

  const capMessage = (cap: number) =>
    state.lang === 'en'
      ? `The drawing holds ${view.graph.order} organisations, its limit of ${cap}: clicking adds no more. Start again from one organisation, or narrow the filters.`
      : `Hình vẽ đã có ${view.graph.order} tổ chức, giới hạn ${cap}: nhấp chuột không thêm nữa. Hãy bắt đầu lại từ một tổ chức, hoặc thu hẹp bộ lọc.`;

  function openPanel(): void {
    panel.hidden = false;
  }

  function closePanel(): void {
    panel.hidden = true;
    replace(panelBody);
    view.focusEdge(null);
  }

  function clickNode(id: string): Promise<void> {
    if (!view.graph.hasNode(id)) return Promise.resolve();
    let first: string | null = null;
    let last: string | null = null;
    view.graph.forEachEdge(id, (_k, a) => {
      if (a.firstDate && (!first || a.firstDate < first)) first = a.firstDate;
      if (a.lastDate && (!last || a.lastDate > last)) last = a.lastDate;
    });
    openPanel();
    view.focusEdge(null);
    const attrs = view.graph.getNodeAttributes(id);
    // An instrument of the two-mode view: its evidence, through its first role edge.
    if (attrs.entity === 'Agreement' || attrs.entity === 'Activity') {
      const key = view.graph.edges(id)[0];
      return key ? clickEdge(key) : Promise.resolve();
    }
    const shown = showActor(panelBody, id, attrs, { first, last }, state.lang).then(() => panelBody.append(pathButtons(id)));
    // The two-mode drawing is the hub's answer for the view's actor; expanding mixes in one-mode ties.
    return track(Promise.all([shown, state.mode === 'two' ? Promise.resolve() : expand(id)]).then(() => undefined));
  }

  /** "Path from here" and "path to here": an actor's panel sets an end of the path finder. */
  function pathButtons(id: string): HTMLElement {
    const from = h('button', { type: 'button', class: 'export', id: 'path-from-here' }, 'Đường đi từ đây / Path from here');
    const to = h('button', { type: 'button', class: 'export', id: 'path-to-here' }, 'Đường đi đến đây / Path to here');
    from.addEventListener('click', () => onPathChange({ pathFrom: id }));
    to.addEventListener('click', () => onPathChange({ pathTo: id }));
    return h('p', { class: 'path-buttons' }, from, ' ', to);
  }

  function clickEdge(key: string): Promise<void> {
    if (!view.graph.hasEdge(key)) return Promise.resolve();
    const [a, b] = view.graph.extremities(key);
    openPanel();
    view.focusEdge(key);
    return track(showTie(panelBody, view.graph.getNodeAttributes(a), view.graph.getNodeAttributes(b), view.graph.getEdgeAttributes(key), state.lang));
  }

  /** The map tab: mounted on first use; draws the units the state names (its toggle writes them to the URL). */
  async function showMap(): Promise<void> {
    if (!handle.map) {
      const { mountMap } = await import('./map-view');
      handle.map = mountMap(mapBox, gql, state.lang, (units) => {
        setState({ units });
        void track(showMap());
      });
    }
    if (handle.map.state !== 'ready' || handle.map.units !== state.units) await handle.map.show(state.units);
  }

  async function showDashboard(): Promise<void> {
    if (dashboardBox.dataset.mounted) return;
    dashboardBox.dataset.mounted = 'yes';
    setPageState('loading');
    // Loaded on first use only: the network view should not wait for the charts.
    const { mountDashboard } = await import('./dashboard');
    await mountDashboard(dashboardBox, gql);
    setPageState('ready');
  }

  function showView(view: ExploreState['view']): void {
    setState({ view });
    renderChrome();
    if (view === 'dashboard') void track(showDashboard());
    else if (view === 'map') void track(showMap());
    // A link straight to the dashboard has not drawn its actor's network yet.
    else if ((state.actor || pathAsked()) && view === 'network' && handle.graph.order === 0) void track(refresh());
  }

  closeButton.addEventListener('click', () => closePanel());
  tabNetwork.addEventListener('click', () => showView('network'));
  tabDashboard.addEventListener('click', () => showView('dashboard'));
  tabMap.addEventListener('click', () => showView('map'));
  langButton.addEventListener('click', () => {
    setState({ lang: state.lang === 'vi' ? 'en' : 'vi' });
    handle.map?.setLanguage(state.lang);
    view.setLanguage(state.lang);
    document.documentElement.lang = state.lang;
    renderChrome();
    renderTies();
  });
  window.addEventListener('popstate', () => {
    state = parseState(window.location.search);
    handle.state = state;
    view.setLanguage(state.lang);
    renderChrome();
    void track(state.view === 'dashboard' ? showDashboard() : refresh());
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) closePanel();
  });

  const handle: ExplorerHandle = {
    graph: view.graph,
    view: state.view,
    state,
    idle: async () => {
      // Work started while waiting is waited for too.
      let seen: Promise<void> | undefined;
      while (seen !== pending) {
        seen = pending;
        await seen;
      }
    },
    selectActor,
    clickNode,
    clickEdge,
    toPng: () => view.toPng(),
    toSvg: () => drawingToSvg(view.graph, view.renderer),
    path: null,
    expansionCap: EXPANSION_CAP,
    displayed: (kind, key) => view.displayed(kind, key),
  };
  document.documentElement.lang = state.lang;
  renderChrome();
  if (state.view === 'map') void track(showMap());
  void track(state.view === 'dashboard' ? showDashboard() : refresh());
  return handle;
}
