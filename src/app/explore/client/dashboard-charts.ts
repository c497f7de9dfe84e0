// ECharts options built from the hub's aggregates: pure functions of the data and the label language.
import type { EChartsCoreOption } from 'echarts/core';
import type { CountTable, RegionMatrix, TableLabel } from './dashboard-queries';
import { word, type DashboardLanguage } from './dashboard-text';

const BLUES = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
const AGREEMENT_COLOUR = '#1f77b4';
const ACTIVITY_COLOUR = '#ff7f0e';

const label = (l: TableLabel, lang: DashboardLanguage) => (lang === 'vi' ? l.nameVi : l.nameEn);

/** Whether a table counts nothing at all. */
export function tableIsEmpty(...tables: CountTable[]): boolean {
  return tables.every((t) => t.total === 0);
}

/** Whether the matrix has no tie in any cell. */
export function matrixIsEmpty(m: RegionMatrix): boolean {
  return m.areas.length === 0 || m.cells.every((c) => c.links === 0);
}

/**
 * The region matrix as a heat map: one cell per matrix cell ([column, row, links], in the answer's order),
 * areas named in `lang` on both axes, their labels cut to fit a chart `width` pixels wide.
 */
export function matrixOption(m: RegionMatrix, lang: DashboardLanguage, width: number): EChartsCoreOption {
  const names = m.areas.map((a) => (lang === 'vi' ? a.name : a.nameEn));
  const narrow = width < 480;
  const labelWidth = Math.max(60, Math.min(150, Math.round(width * 0.26)));
  const max = Math.max(1, ...m.cells.map((c) => c.links));
  return {
    aria: { enabled: true },
    // Redrawn on every language switch and resize: a growing animation each time would only distract.
    animation: false,
    tooltip: {
      formatter: (p: { data: [number, number, number] }) => {
        const cell = m.cells.find((c) => c.column === p.data[0] && c.row === p.data[1]);
        const lines = [`${names[p.data[1]]} – ${names[p.data[0]]}`, `${word('links', lang)}: ${p.data[2]}`];
        if (cell) lines.push(`${word('agreements', lang)}: ${cell.agreements}`, `${word('activities', lang)}: ${cell.activities}`);
        return lines.join('<br>');
      },
    },
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    xAxis: {
      type: 'category',
      data: names,
      splitArea: { show: true },
      axisLabel: { interval: 0, rotate: narrow ? 50 : 30, width: narrow ? 90 : 120, overflow: 'truncate' },
    },
    yAxis: { type: 'category', data: names, inverse: true, splitArea: { show: true }, axisLabel: { width: labelWidth, overflow: 'truncate' } },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: BLUES } },
    series: [
      {
        name: word('links', lang),
        type: 'heatmap',
        data: m.cells.map((c) => [c.column, c.row, c.links]),
        label: { show: true },
        emphasis: { itemStyle: { borderColor: '#1f2328', borderWidth: 1 } },
      },
    ],
  };
}

/**
 * The categories of tables sharing one axis: every row key of each, in order of first appearance after
 * sorting by year, the `unknown` group last; with their labels.
 */
function sharedRows(tables: CountTable[]): TableLabel[] {
  const byKey = new Map<string, TableLabel>();
  for (const t of tables) for (const row of t.rows) if (!byKey.has(row.key)) byKey.set(row.key, row);
  return [...byKey.values()].sort((a, b) => Number(a.unknown) - Number(b.unknown) || (a.year ?? 0) - (b.year ?? 0));
}

/** A series' values along `rows`: the table's single-column cell for each row key, 0 where it has no such row. */
function valuesAlong(rows: TableLabel[], table: CountTable): number[] {
  const index = new Map(table.rows.map((r, i) => [r.key, i]));
  return rows.map((r) => (index.has(r.key) ? table.cells[index.get(r.key)!][0] : 0));
}

/** Agreements and activities by year as two bar series on one year axis (undated ones last). */
export function yearOption(agreements: CountTable, activities: CountTable, lang: DashboardLanguage): EChartsCoreOption {
  const rows = sharedRows([agreements, activities]);
  return {
    aria: { enabled: true },
    // Redrawn on every language switch and resize: a growing animation each time would only distract.
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => label(r, lang)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: word('agreements', lang), type: 'bar', data: valuesAlong(rows, agreements), itemStyle: { color: AGREEMENT_COLOUR } },
      { name: word('activities', lang), type: 'bar', data: valuesAlong(rows, activities), itemStyle: { color: ACTIVITY_COLOUR } },
    ],
  };
}

/**
 * Counts by kind as horizontal bars: the agreement kinds, then the activity kinds, each series holding values on
 * its own kinds only (stacked, so each bar is full width); `unknown` groups only when they count something.
 */
export function kindOption(agreements: CountTable, activities: CountTable, lang: DashboardLanguage): EChartsCoreOption {
  const keep = (t: CountTable) => t.rows.map((row, i) => ({ row, value: t.cells[i][0] })).filter((r) => !r.row.unknown || r.value > 0);
  const a = keep(agreements);
  const b = keep(activities);
  const names = [...a, ...b].map((r) => label(r.row, lang));
  return {
    aria: { enabled: true },
    // Redrawn on every language switch and resize: a growing animation each time would only distract.
    animation: false,
    tooltip: { trigger: 'item' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
    series: [
      { name: word('agreements', lang), type: 'bar', stack: 'kind', data: [...a.map((r) => r.value), ...b.map(() => null)], itemStyle: { color: AGREEMENT_COLOUR } },
      { name: word('activities', lang), type: 'bar', stack: 'kind', data: [...a.map(() => null), ...b.map((r) => r.value)], itemStyle: { color: ACTIVITY_COLOUR } },
    ],
  };
}
