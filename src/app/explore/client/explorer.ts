import type Graph from 'graphology';
import { gql } from './api';
import { controls } from './controls';
import { h, replace, setPageState } from './dom';
import { NetworkView, type ActorAttributes, type TieAttributes } from './graph-view';
import { showActor, showTie } from './panel';
import { EGO_EXPORT, EGO_NETWORK, type NetworkGraph } from './queries';
import { searchBox } from './search-box';
import { NETWORK_LIMIT, linkFilter, parseState, stateToSearch, type ExploreState } from './state';

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
  /** Set by the dashboard once its tab has been opened. */
  dashboard?: unknown;
}

declare global {
  interface Window {
    __explorer?: ExplorerHandle;
  }
}

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
  const dashboardBox = h('section', { id: 'dashboard', class: 'dashboard', hidden: '' });
  const langButton = h('button', { type: 'button', id: 'lang', 'aria-label': 'Switch the label language' });
  const tabNetwork = h('button', { type: 'button', role: 'tab', id: 'tab-network' }, 'Mạng lưới / Network');
  const tabDashboard = h('button', { type: 'button', role: 'tab', id: 'tab-dashboard' }, 'Dashboard');
  const filterBox = h('div', { class: 'filters' });
  const networkBox = h('div', { class: 'network-view' }, h('div', { class: 'side' }, filterBox, exportLinks, tieList), h('main', { class: 'stage' }, graphBox, status), panel);

  replace(
    root,
    h(
      'header',
      { class: 'top' },
      h('a', { href: '/explore', class: 'brand' }, 'coop-hub'),
      searchBox((hit) => void selectActor(hit.id), () => state.lang),
      h('nav', { role: 'tablist', class: 'tabs' }, tabNetwork, tabDashboard),
      langButton,
      h('a', { href: '/graphql', class: 'ide-link' }, 'GraphQL'),
    ),
    networkBox,
    dashboardBox,
  );

  const view = new NetworkView(graphBox, state.lang, {
    node: (id) => void clickNode(id),
    edge: (key) => void clickEdge(key),
    stage: () => closePanel(),
  });

  function fail(error: unknown): void {
    setPageState('error');
    status.textContent = `The hub could not answer: ${error instanceof Error ? error.message : String(error)}`;
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
    langButton.textContent = state.lang === 'vi' ? 'EN' : 'VI';
    tabNetwork.setAttribute('aria-selected', String(state.view === 'network'));
    tabDashboard.setAttribute('aria-selected', String(state.view === 'dashboard'));
    networkBox.hidden = state.view !== 'network';
    dashboardBox.hidden = state.view !== 'dashboard';
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
    replace(exportLinks, h('h3', {}, 'Download / Tải về'), ...links, png);
  }

  // The drawing takes no keyboard focus: the strongest ties are also buttons, which open the same panel.
  function renderTies(): void {
    const g = view.graph;
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
    if (state.actor) void track(loadNetwork());
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
    const network = await egoNetwork(actor, state.depth);
    if (actor !== state.actor) return;
    view.show(network, actor);
    renderTies();
    const search = root.querySelector<HTMLInputElement>('#actor-search');
    // A view opened from a link names its actor in the search box too.
    if (search && !search.value && view.graph.hasNode(actor)) search.value = view.graph.getNodeAttribute(actor, state.lang === 'en' ? 'nameEn' : 'nameVi');
    status.textContent = `${network.nodes.length} organisations, ${network.edges.length} ties${network.truncated ? ' (cut at the size cap)' : ''}`;
    setPageState(network.edges.length ? 'ready' : 'empty');
  }

  function selectActor(id: string): Promise<void> {
    setState({ actor: id, view: 'network' }, true);
    renderChrome();
    return track(loadNetwork());
  }

  async function expand(id: string): Promise<void> {
    const network = await egoNetwork(id, 1);
    view.merge(network, id);
    renderTies();
    status.textContent = `${view.graph.order} organisations, ${view.graph.size} ties`;
  }

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
    return track(Promise.all([showActor(panelBody, id, attrs, { first, last }, state.lang), expand(id)]).then(() => undefined));
  }

  function clickEdge(key: string): Promise<void> {
    if (!view.graph.hasEdge(key)) return Promise.resolve();
    const [a, b] = view.graph.extremities(key);
    openPanel();
    view.focusEdge(key);
    return track(showTie(panelBody, view.graph.getNodeAttributes(a), view.graph.getNodeAttributes(b), view.graph.getEdgeAttributes(key), state.lang));
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
    // A link straight to the dashboard has not drawn its actor's network yet.
    else if (state.actor && view === 'network' && handle.graph.order === 0) void track(loadNetwork());
  }

  closeButton.addEventListener('click', () => closePanel());
  tabNetwork.addEventListener('click', () => showView('network'));
  tabDashboard.addEventListener('click', () => showView('dashboard'));
  langButton.addEventListener('click', () => {
    setState({ lang: state.lang === 'vi' ? 'en' : 'vi' });
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
    void track(state.view === 'dashboard' ? showDashboard() : loadNetwork());
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
  };
  document.documentElement.lang = state.lang;
  renderChrome();
  void track(state.view === 'dashboard' ? showDashboard() : loadNetwork());
  return handle;
}
