import type { Row } from '../neo4j';
import { toRegion } from '../geography/geography.mapper';
import { str } from '../graphql/values';
import type { Bucket, CrossRegionLink, MatrixCell, OrganizationRanking, RankedOrganization, RegionMatrix, Totals } from './stats.type';

/** A display label for an enum value: `RESEARCH_INSTITUTE` -> `Research institute`. */
export function kindLabel(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A bucket row (`key`, `label`, `count`); kinds, which have no stored name, get a label made from the value. */
export function toBucket(row: Row): Bucket {
  const key = String(row.key);
  return { key, label: str(row.label) ?? kindLabel(key), count: Number(row.count) };
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

/** A ranking row (`total`, `page` of `{id, value}`), ranks counted from `offset`. */
export function toRanking(row: Row | undefined, offset: number): OrganizationRanking {
  const page = (row?.page as Array<{ id: string; value: number }> | undefined) ?? [];
  const items = page.map(
    (entry, index) => ({ organizationId: String(entry.id), rank: offset + index + 1, value: Number(entry.value) }) as RankedOrganization,
  );
  return { totalCount: Number(row?.total ?? 0), items };
}

/** A matrix cell map (`from`, `to`, `links`, `agreements`, `activities`). */
export function toCell(value: unknown): MatrixCell {
  const cell = value as Record<string, unknown>;
  return {
    from: String(cell.from),
    to: String(cell.to),
    links: Number(cell.links),
    agreements: Number(cell.agreements),
    activities: Number(cell.activities),
  };
}

/** The matrix row: `regions` (nodes) and `cells` (maps). */
export function toRegionMatrix(row: Row): RegionMatrix {
  return {
    regions: ((row.regions as unknown[]) ?? []).map(toRegion),
    cells: ((row.cells as unknown[]) ?? []).map(toCell),
  };
}

/** A cross-region row: organisation and region ids (resolved by loaders) and the evidence ids. */
export function toCrossRegionLink(row: Row): CrossRegionLink {
  return {
    aId: String(row.a),
    bId: String(row.b),
    regionAId: String(row.regionA),
    regionBId: String(row.regionB),
    evidence: (row.evidence as unknown[]).map(String),
  } as CrossRegionLink;
}
