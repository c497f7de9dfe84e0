/** What the URL of the explorer holds, so that a link reproduces the view. */

export const TIE_KINDS = ['COUNTERPARTIES', 'CO_PARTIES', 'CO_ORGANISERS', 'ORGANISER_PARTICIPANT', 'CO_PARTICIPANTS', 'PARENT_SUBUNIT'] as const;
/** The hub's default tie selection (cooperation only). */
export const DEFAULT_TIES = ['COUNTERPARTIES', 'CO_PARTIES', 'CO_ORGANISERS', 'ORGANISER_PARTICIPANT'];
export const ACTOR_KINDS = ['GOVERNMENT', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'COMPANY', 'NETWORK', 'HOSPITAL', 'FOREIGN_BODY'] as const;

export type Language = 'vi' | 'en';
export type View = 'network' | 'dashboard' | 'map';
/** Provincial units the map draws: the 34 of today or the 63 before 1 July 2025. */
export type Units = 'current' | 'historical';
/** One-mode: organisations tied to organisations; two-mode: organisations and the instruments behind the ties. */
export type Mode = 'one' | 'two';
/** The longest route the path finder looks for, by default (the hub's own default). */
export const DEFAULT_HOPS = 6;

export interface ExploreState {
  actor: string | null;
  depth: 1 | 2;
  /** Tie kinds counted; empty means the hub's default selection. */
  ties: string[];
  /** Partner kinds kept; empty means all. */
  kinds: string[];
  fromYear: number | null;
  toYear: number | null;
  lang: Language;
  view: View;
  /** The map's units. */
  units: Units;
  /** The path finder's two ends (organisation ids), or null. */
  pathFrom: string | null;
  pathTo: string | null;
  /** Longest route the path finder looks for (1 to 10 steps). */
  hops: number;
  mode: Mode;
}

const year = (value: string | null): number | null => {
  if (!value || !/^\d{4}$/.test(value)) return null;
  return Number(value);
};

const list = (value: string | null, allowed: readonly string[]): string[] =>
  (value ?? '').split(',').filter((v) => allowed.includes(v));

/** Reads the state from a query string; anything unknown or malformed falls back to its default. */
export function parseState(search: string): ExploreState {
  const p = new URLSearchParams(search);
  return {
    actor: p.get('actor') || null,
    depth: p.get('depth') === '2' ? 2 : 1,
    ties: list(p.get('ties'), TIE_KINDS),
    kinds: list(p.get('kinds'), ACTOR_KINDS),
    fromYear: year(p.get('from')),
    toYear: year(p.get('to')),
    lang: p.get('lang') === 'en' ? 'en' : 'vi',
    view: p.get('view') === 'dashboard' ? 'dashboard' : p.get('view') === 'map' ? 'map' : 'network',
    units: p.get('units') === 'historical' ? 'historical' : 'current',
    pathFrom: p.get('pathFrom') || null,
    pathTo: p.get('pathTo') || null,
    hops: /^([1-9]|10)$/.test(p.get('hops') ?? '') ? Number(p.get('hops')) : DEFAULT_HOPS,
    mode: p.get('mode') === 'two' ? 'two' : 'one',
  };
}

/** Writes the state as a query string, leaving defaults out so links stay short. */
export function stateToSearch(s: ExploreState): string {
  const p = new URLSearchParams();
  if (s.actor) p.set('actor', s.actor);
  if (s.depth !== 1) p.set('depth', String(s.depth));
  if (s.ties.length) p.set('ties', s.ties.join(','));
  if (s.kinds.length) p.set('kinds', s.kinds.join(','));
  if (s.fromYear) p.set('from', String(s.fromYear));
  if (s.toYear) p.set('to', String(s.toYear));
  if (s.lang !== 'vi') p.set('lang', s.lang);
  if (s.view !== 'network') p.set('view', s.view);
  if (s.units !== 'current') p.set('units', s.units);
  if (s.pathFrom) p.set('pathFrom', s.pathFrom);
  if (s.pathTo) p.set('pathTo', s.pathTo);
  if (s.hops !== DEFAULT_HOPS) p.set('hops', String(s.hops));
  if (s.mode !== 'one') p.set('mode', s.mode);
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** The LinkFilter the state stands for; null when it is the hub's default. */
export function linkFilter(s: ExploreState): Record<string, unknown> | null {
  const f: Record<string, unknown> = {};
  if (s.ties.length) f.ties = s.ties;
  if (s.kinds.length) f.partnerKinds = s.kinds;
  if (s.fromYear) f.from = `${s.fromYear}-01-01`;
  if (s.toYear) f.to = `${s.toYear}-12-31`;
  return Object.keys(f).length ? f : null;
}

/** Most organisations an ego network view asks for. */
export const NETWORK_LIMIT = 200;
