import type { Row } from '../db/database';
import { toRegion } from '../geography/geography.mapper';
import { str } from '../db/values';
import type { Region } from '../geography/geography.type';
import type { TieKind } from '../rules/tie';
import { FOREIGN_AREA_PREFIX, NATIONAL_AREA } from './ties.stages';
import {
  MatrixAreaKind,
  type Bucket,
  type GroupKey,
  type CrossRegionLink,
  type MatrixArea,
  type MatrixCell,
  type OrganizationRanking,
  type RankedOrganization,
  type RegionMatrix,
  type Totals,
} from './stats.type';

/** A display label for an enum value: `RESEARCH_INSTITUTE` -> `Research institute`. */
export function kindLabel(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Bucket rows (`key`, `label`, `count`, `fractional`); kinds, which have no stored name, get a label made from
 * the value. The distinct total is the sum of the fractional counts (each record adds 1 over its groups).
 */
export function toBuckets(rows: Row[], group: GroupKey): Bucket[] {
  const total = Math.round(rows.reduce((sum, row) => sum + Number(row.fractional), 0));
  return rows.map((row) => {
    const key = String(row.key);
    return { group, key, label: str(row.label) ?? kindLabel(key), count: Number(row.count), fractionalCount: Number(row.fractional), total };
  });
}

/** The totals row: one count per kind of record. */
export function toTotals(row: Row): Totals {
  return {
    organizations: Number(row.organizations),
    agreements: Number(row.agreements),
    activities: Number(row.activities),
    links: Number(row.links),
    people: Number(row.people),
    provinces: Number(row.provinces),
  };
}

type RankingEntry = { id: string; value: number; strength: number; rankValue?: number };

/**
 * A ranking row (`total`, `better`: how many ranked units come strictly before the page's first item, and
 * `page` of `{id, value, strength, rankValue}` from `offset`). Equal values share a rank (standard competition
 * ranking, 1, 2, 2, 4): an item equal to the one before it takes its rank, any other its position.
 */
export function toRanking(row: Row | undefined, offset: number): Omit<OrganizationRanking, 'pageInfo'> {
  const page = (row?.page as RankingEntry[] | undefined) ?? [];
  const items: RankedOrganization[] = [];
  page.forEach((entry, index) => {
    const compared = Number(entry.rankValue ?? entry.value);
    const previous = index > 0 ? Number(page[index - 1].rankValue ?? page[index - 1].value) : null;
    const rank =
      index === 0 ? Number(row?.better ?? offset) + 1 : previous === compared ? items[index - 1].rank : offset + index + 1;
    items.push({ organizationId: String(entry.id), rank, value: Number(entry.value), strength: Number(entry.strength) } as RankedOrganization);
  });
  return { totalCount: Number(row?.total ?? 0), items };
}

/** The pseudo-region of national bodies. */
export const NATIONAL: MatrixArea = { id: NATIONAL_AREA, kind: MatrixAreaKind.NATIONAL, name: 'Cơ quan trung ương', nameEn: 'National bodies' };

/** The area of a region node. */
export function regionArea(region: Region): MatrixArea {
  return { id: region.id, kind: MatrixAreaKind.REGION, name: region.name, nameEn: region.nameEn ?? region.name };
}

/** The area of a foreign country (`foreign:<id>`). */
export function foreignArea(country: { id: string; name: string; nameEn?: string | null }): MatrixArea {
  return {
    id: FOREIGN_AREA_PREFIX + country.id,
    kind: MatrixAreaKind.FOREIGN,
    name: `Nước ngoài: ${country.name}`,
    nameEn: `Foreign: ${country.nameEn ?? country.name}`,
  };
}

type CellCounts = Pick<MatrixCell, 'links' | 'weight' | 'agreements' | 'activities'>;
const EMPTY: CellCounts = { links: 0, weight: 0, agreements: 0, activities: 0 };

/**
 * The matrix row: `regions` (nodes), `foreign` (area maps) and `cells` (maps of the non-empty unordered
 * cells), made whole: every ordered pair of areas, row by row, empty cells as zeros.
 */
export function toRegionMatrix(row: Row, national: boolean): RegionMatrix {
  const regions = ((row.regions as unknown[]) ?? []).map(toRegion);
  const foreign = ((row.foreign as Array<{ id: string; name: string; nameEn: string }>) ?? []).map((f) => ({
    id: String(f.id),
    kind: MatrixAreaKind.FOREIGN,
    name: String(f.name),
    nameEn: String(f.nameEn),
  }));
  const areas: MatrixArea[] = [...regions.map(regionArea), ...(national ? [NATIONAL] : []), ...foreign];
  const counted = new Map<string, CellCounts>();
  for (const value of (row.cells as unknown[]) ?? []) {
    const cell = value as Record<string, unknown>;
    counted.set(`${String(cell.from)}\u0000${String(cell.to)}`, {
      links: Number(cell.links),
      weight: Number(cell.weight),
      agreements: Number(cell.agreements),
      activities: Number(cell.activities),
    });
  }
  const cells: MatrixCell[] = [];
  areas.forEach((from, r) =>
    areas.forEach((to, c) => {
      const key = from.id <= to.id ? `${from.id}\u0000${to.id}` : `${to.id}\u0000${from.id}`;
      cells.push({ from: from.id, to: to.id, row: r, column: c, ...(counted.get(key) ?? EMPTY) });
    }),
  );
  return { regions, areas, cells };
}

/** A cross-region row: organisation and area ids (resolved by loaders), evidence ids and their tie kinds. */
export function toCrossRegionLink(row: Row): CrossRegionLink {
  const evidence = (row.evidence as unknown[]).map(String);
  return {
    aId: String(row.a),
    bId: String(row.b),
    regionAId: String(row.areaA),
    regionBId: String(row.areaB),
    count: evidence.length,
    weight: Number(row.weight),
    evidence,
    evidenceKinds: (row.kinds as unknown[]).map(String) as TieKind[],
  } as CrossRegionLink;
}
