import Graph from 'graphology';
import { tieKey, type ActorAttributes, type TieAttributes } from './graph-view';
import { kindColour } from './palette';
import type { PathResultData } from './path-queries';
import type { Language } from './state';

/** Colours of the instrument nodes of the two-mode view (organisations keep their kinds' colours). */
export const INSTRUMENT_COLOURS = { Agreement: '#343a40', Activity: '#e0a800' } as const;
const ROLE_EDGE_COLOUR = '#b6bec8';

/**
 * The ego network's two-mode form, as the hub's export writes it (node-link JSON): organisations
 * (bipartite 0), the agreements and activities behind the one-mode ties (bipartite 1), one edge per
 * organisation and instrument with its roles. Same variables as EGO_NETWORK.
 */
export const EGO_TWO_MODE = `query ExploreTwoMode($actor: ID!, $depth: Int!, $filter: LinkFilter, $limit: Int!) {
  egoNetwork(actor: $actor, depth: $depth, filter: $filter, limit: $limit) {
    truncated
    export(format: JSON, mode: TWO_MODE) { content truncated }
  }
}`;

interface TwoModeNode {
  id: string;
  bipartite: 0 | 1;
  type: string;
  kind: string | null;
  label: string;
  name: string | null;
  location: string | null;
  startDate: string | null;
  endDate: string | null;
}

interface TwoModeEdge {
  source: string;
  target: string;
  role: string[] | string | null;
}

export interface TwoModeFile {
  nodes: TwoModeNode[];
  edges: TwoModeEdge[];
}

const empty = () => new Graph<ActorAttributes, TieAttributes>({ type: 'undirected', multi: false });

function addNode(g: Graph<ActorAttributes, TieAttributes>, n: Pick<TwoModeNode, 'id' | 'type' | 'kind' | 'label' | 'name' | 'location'>, lang: Language, centre: string): void {
  const instrument = n.type === 'Agreement' || n.type === 'Activity';
  const nameVi = n.name ?? n.label;
  g.mergeNode(n.id, {
    x: 0,
    y: 0,
    size: instrument ? 5 : 8,
    color: instrument ? INSTRUMENT_COLOURS[n.type as 'Agreement' | 'Activity'] : kindColour(n.kind ?? ''),
    label: lang === 'en' ? n.label : nameVi,
    kind: n.kind ?? '',
    nameVi,
    nameEn: n.label,
    location: n.location,
    centre: n.id === centre,
    entity: instrument ? (n.type as 'Agreement' | 'Activity') : 'Organization',
    // Squares for instruments: the shape tells the two node types apart without the colours.
    ...(instrument ? { type: 'square' } : {}),
  });
}

function addRole(g: Graph<ActorAttributes, TieAttributes>, org: string, instrument: string, role: string, dates: { start: string | null; end: string | null }): void {
  if (!g.hasNode(org) || !g.hasNode(instrument)) return;
  g.mergeEdgeWithKey(tieKey(org, instrument), org, instrument, {
    size: 1,
    color: ROLE_EDGE_COLOUR,
    weight: 1,
    count: 1,
    firstDate: dates.start,
    lastDate: dates.end,
    evidence: [instrument],
    countsByKind: [],
    role,
  });
}

/** The two-mode file as a graph for the view (positions left to the view's layout). */
export function twoModeGraph(file: TwoModeFile, centre: string, lang: Language): Graph<ActorAttributes, TieAttributes> {
  const g = empty();
  const byId = new Map(file.nodes.map((n) => [n.id, n]));
  for (const n of file.nodes) addNode(g, n, lang, centre);
  for (const e of file.edges) {
    const [org, instrument] = byId.get(e.source)?.bipartite === 1 ? [e.target, e.source] : [e.source, e.target];
    const x = byId.get(instrument);
    const role = Array.isArray(e.role) ? e.role.join(', ') : (e.role ?? '');
    addRole(g, org, instrument, role, { start: x?.startDate ?? null, end: x?.endDate ?? null });
  }
  return g;
}

/** A path's routes in two-mode form: its organisations, each step's instrument, and each one's roles in it. */
export function pathTwoModeGraph(result: PathResultData, lang: Language): { graph: Graph<ActorAttributes, TieAttributes>; nodes: string[]; edges: string[] } {
  const g = empty();
  const kinds = new Map(result.graph.nodes.map((n) => [n.id, n]));
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const p of result.paths) {
    for (const o of p.organizations) {
      const n = kinds.get(o.id);
      addNode(g, { id: o.id, type: 'Organization', kind: n?.kind ?? '', label: o.nameEn ?? o.name, name: o.name, location: n?.location ?? null }, lang, '');
      nodes.add(o.id);
    }
    for (const s of p.steps) {
      const x = s.agreement ?? s.activity;
      const type = s.kind === 'AGREEMENT' ? 'Agreement' : 'Activity';
      const start = s.agreement ? (s.agreement.signedOn ?? s.agreement.validFrom) : (s.activity?.startDate ?? null);
      addNode(g, { id: s.instrumentId, type, kind: x?.kind ?? '', label: x?.titleEn ?? x?.title ?? s.instrumentId, name: x?.title ?? null, location: null }, lang, '');
      addRole(g, s.from.id, s.instrumentId, s.fromRole, { start, end: null });
      addRole(g, s.to.id, s.instrumentId, s.toRole, { start, end: null });
      nodes.add(s.instrumentId);
      edges.add(tieKey(s.from.id, s.instrumentId));
      edges.add(tieKey(s.to.id, s.instrumentId));
    }
  }
  return { graph: g, nodes: [...nodes], edges: [...edges] };
}
