import { BOUNDS, SIZE, buildMap, project } from '../../../src/app/explore/client/map-model';
import type { MapCountsData, MapNetworkData, MapUnitsData } from '../../../src/app/explore/client/map-queries';

const centre = (latitude: number, longitude: number) => ({ latitude, longitude, point: 'seat', reference: 'https://example.org/x' });

// Two former units (a, b) merged into n; c unchanged; d has no centre.
const units = (mode: 'current' | 'historical'): MapUnitsData => ({
  adminUnits: {
    nodes:
      mode === 'current'
        ? [
            { id: 'n', name: 'Mới', nameEn: 'New', centre: centre(10, 106) },
            { id: 'c', name: 'Cũ', nameEn: null, centre: centre(21, 105) },
            { id: 'd', name: 'Không', nameEn: 'None', centre: null },
          ]
        : [
            { id: 'a', name: 'A', nameEn: 'A', centre: centre(10, 106) },
            { id: 'b', name: 'B', nameEn: 'B', centre: centre(11, 107) },
            { id: 'c', name: 'Cũ', nameEn: null, centre: centre(21, 105) },
          ],
  },
  all: { nodes: [{ id: 'a', current: { id: 'n' } }, { id: 'b', current: { id: 'n' } }, { id: 'c', current: { id: 'c' } }, { id: 'n', current: { id: 'n' } }, { id: 'd', current: { id: 'd' } }] },
});
const counts: MapCountsData = {
  agreements: { rows: [{ key: 'n' }, { key: 'c' }, { key: 'a' }], cells: [[4], [1], [3]] },
  activities: { rows: [{ key: 'n' }, { key: 'c' }, { key: 'a' }], cells: [[2], [0], [1]] },
};
const network: MapNetworkData = {
  cooperationNetwork: {
    nodes: [
      { id: 'o1', location: 'a' },
      { id: 'o2', location: 'b' },
      { id: 'o3', location: 'c' },
      { id: 'o4', location: 'country-au' },
      { id: 'o5', location: null },
    ],
    edges: [
      { source: 'o1', target: 'o2' },
      { source: 'o1', target: 'o3' },
      { source: 'o2', target: 'o3' },
      { source: 'o3', target: 'o4' },
      { source: 'o1', target: 'o5' },
    ],
  },
};

describe('the map model', () => {
  test('projects north up and east right, inside the drawing', () => {
    const north = project(21, 105);
    const south = project(10, 106);
    expect(north.y).toBeLessThan(south.y);
    expect(north.x).toBeLessThan(south.x);
    for (const p of [project(BOUNDS.north, BOUNDS.west), project(BOUNDS.south, BOUNDS.east)]) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(SIZE.width + 1e-9);
      expect(p.y).toBeLessThanOrEqual(SIZE.height + 1e-9);
    }
  });

  test('historical: one arc per pair of units with a tie between their organisations; abroad and unknown left off', () => {
    const { marks, arcs } = buildMap('historical', units('historical'), counts, network);
    expect(marks.map((m) => m.id).sort()).toEqual(['a', 'b', 'c']);
    expect(arcs).toEqual([
      { a: 'a', b: 'b', ties: 1 },
      { a: 'a', b: 'c', ties: 1 },
      { a: 'b', b: 'c', ties: 1 },
    ]);
    const a = marks.find((m) => m.id === 'a')!;
    expect([a.agreements, a.activities, a.ties, a.partners]).toEqual([3, 1, 2, 2]);
  });

  test('current: organisations count in the unit their former one became part of; a tie inside one unit is no arc', () => {
    const { marks, arcs, unplaced } = buildMap('current', units('current'), counts, network);
    expect(marks.map((m) => m.id).sort()).toEqual(['c', 'n']);
    expect(unplaced).toEqual(['d']);
    expect(arcs).toEqual([{ a: 'c', b: 'n', ties: 2 }]);
    const n = marks.find((m) => m.id === 'n')!;
    expect([n.agreements, n.activities, n.ties, n.partners]).toEqual([4, 2, 2, 1]);
    // A unit without an English name is labelled with its Vietnamese one.
    expect(marks.find((m) => m.id === 'c')!.nameEn).toBe('Cũ');
    // More agreements and activities, a larger circle.
    expect(n.r).toBeGreaterThan(marks.find((m) => m.id === 'c')!.r);
  });
});
