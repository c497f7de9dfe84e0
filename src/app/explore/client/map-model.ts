// What the map draws, computed from the hub's answers: marks at the units' centres and arcs between units.

import type { MapCountsData, MapNetworkData, MapUnit, MapUnitsData } from './map-queries';

export type UnitMode = 'current' | 'historical';

/** One province's mark: where it is drawn (SVG units) and its numbers. */
export interface MapMark {
  id: string;
  nameVi: string;
  nameEn: string;
  latitude: number;
  longitude: number;
  x: number;
  y: number;
  r: number;
  agreements: number;
  activities: number;
  /** Ties of organisations located in it with organisations located in another unit. */
  ties: number;
  partners: number;
  point: string;
  reference: string;
}

/** Cooperation between two units: the ties between organisations located in one and in the other. */
export interface MapArc {
  a: string;
  b: string;
  ties: number;
}

/** The drawing's box: Vietnam's seats lie between these parallels and meridians. */
export const BOUNDS = { north: 23.6, south: 8.4, west: 102.0, east: 110.0 } as const;
/** SVG units per degree of latitude. */
const SCALE = 40;
// Equirectangular: a degree of longitude is shortened by the cosine of the box's middle latitude.
const LNG_FACTOR = Math.cos((((BOUNDS.north + BOUNDS.south) / 2) * Math.PI) / 180);

/** Width and height of the drawing in SVG units. */
export const SIZE = { width: (BOUNDS.east - BOUNDS.west) * SCALE * LNG_FACTOR, height: (BOUNDS.north - BOUNDS.south) * SCALE };

/** The SVG point of a latitude and longitude (north up, east right). */
export function project(latitude: number, longitude: number): { x: number; y: number } {
  return { x: (longitude - BOUNDS.west) * SCALE * LNG_FACTOR, y: (BOUNDS.north - latitude) * SCALE };
}

/** A countTable's one-column cells by row key. */
function byKey(table: { rows: { key: string }[]; cells: number[][] }): Map<string, number> {
  return new Map(table.rows.map((row, i) => [row.key, table.cells[i]?.[0] ?? 0]));
}

/**
 * The marks and arcs of one mode. Each organisation is placed in the unit of the mode it is located in: its own
 * unit in the historical mode, the unit that is part of today in the current mode; organisations outside the
 * mode's units (abroad, national bodies) are left off. An arc joins two units that have at least one tie between
 * their organisations; units without a centre are left out and reported.
 */
export function buildMap(mode: UnitMode, units: MapUnitsData, counts: MapCountsData, network: MapNetworkData): { marks: MapMark[]; arcs: MapArc[]; unplaced: string[] } {
  const shown = new Map<string, MapUnit>(units.adminUnits.nodes.map((u) => [u.id, u]));
  const current = new Map(units.all.nodes.map((u) => [u.id, u.current.id]));
  const unitOf = (location: string | null): string | null => {
    if (!location) return null;
    const id = mode === 'current' ? (current.get(location) ?? location) : location;
    return shown.has(id) ? id : null;
  };
  const orgUnit = new Map(network.cooperationNetwork.nodes.map((n) => [n.id, unitOf(n.location)]));
  const pairTies = new Map<string, number>();
  for (const e of network.cooperationNetwork.edges) {
    const a = orgUnit.get(e.source);
    const b = orgUnit.get(e.target);
    if (!a || !b || a === b) continue;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    pairTies.set(key, (pairTies.get(key) ?? 0) + 1);
  }
  const arcs = [...pairTies].map(([key, ties]) => ({ a: key.split('|')[0], b: key.split('|')[1], ties })).sort((x, y) => y.ties - x.ties || (x.a + x.b).localeCompare(y.a + y.b));
  const agreements = byKey(counts.agreements);
  const activities = byKey(counts.activities);
  const marks: MapMark[] = [];
  const unplaced: string[] = [];
  for (const u of shown.values()) {
    if (!u.centre) {
      unplaced.push(u.id);
      continue;
    }
    const mine = arcs.filter((a) => a.a === u.id || a.b === u.id);
    const n = (agreements.get(u.id) ?? 0) + (activities.get(u.id) ?? 0);
    marks.push({
      id: u.id,
      nameVi: u.name,
      nameEn: u.nameEn ?? u.name,
      latitude: u.centre.latitude,
      longitude: u.centre.longitude,
      ...project(u.centre.latitude, u.centre.longitude),
      // Area grows with the number of agreements and activities; a unit with none is still drawn.
      r: 3 + 2.2 * Math.sqrt(n),
      agreements: agreements.get(u.id) ?? 0,
      activities: activities.get(u.id) ?? 0,
      ties: mine.reduce((sum, a) => sum + a.ties, 0),
      partners: mine.length,
      point: u.centre.point,
      reference: u.centre.reference,
    });
  }
  return { marks, arcs, unplaced };
}
