// The dashboard's GraphQL operations: only the chart-ready aggregates (regionMatrix, countTable, ranking).

const TABLE = 'rows { key nameVi nameEn unknown year } cells total';

/** Ties between and within the six socio-economic regions, every cell of the matrix. */
export const DASHBOARD_REGION_MATRIX = `query DashboardRegionMatrix {
  regionMatrix { areas { id name nameEn } cells { row column links agreements activities weight } }
}`;

/** Agreements and activities by year (one column), for the same chart. */
export const DASHBOARD_BY_YEAR = `query DashboardByYear {
  agreements: countTable(of: AGREEMENTS, rows: YEAR) { ${TABLE} }
  activities: countTable(of: ACTIVITIES, rows: YEAR) { ${TABLE} }
}`;

/** Agreements and activities by their kind. */
export const DASHBOARD_BY_KIND = `query DashboardByKind {
  agreements: countTable(of: AGREEMENTS, rows: KIND) { ${TABLE} }
  activities: countTable(of: ACTIVITIES, rows: KIND) { ${TABLE} }
}`;

/** How many organisations the ranking table shows. */
export const RANKING_SIZE = 20;

/** The organisations with the most partners. */
export const DASHBOARD_RANKING = `query DashboardRanking($first: Int!) {
  ranking(by: PARTNERS, first: $first) {
    totalCount
    items { rank value strength organization { id name nameEn kind } }
  }
}`;

/** A row or column label of a countTable. */
export interface TableLabel {
  key: string;
  nameVi: string;
  nameEn: string;
  unknown: boolean;
  year: number | null;
}

/** The part of a countTable the dashboard reads. */
export interface CountTable {
  rows: TableLabel[];
  cells: number[][];
  total: number;
}

/** The part of regionMatrix the dashboard reads. */
export interface RegionMatrix {
  areas: { id: string; name: string; nameEn: string }[];
  cells: { row: number; column: number; links: number; agreements: number; activities: number; weight: number }[];
}

/** The part of ranking the dashboard reads. */
export interface Ranking {
  totalCount: number;
  items: { rank: number; value: number; strength: number; organization: { id: string; name: string; nameEn: string | null; kind: string } }[];
}
