import type { Row } from '../db/database';
import { BadUserInputError } from '../core/errors';
import { ACTIVITY_KINDS, AGREEMENT_KINDS, ORG_KINDS } from '../db/vocabulary';
import { TIE_KINDS } from '../rules/tie';
import {
  ALL_KEY,
  ALL_NAMES,
  UNKNOWN_KEY,
  UNKNOWN_NAMES,
  compareVietnamese,
  kindNames,
  monthNames,
  unitNameVi,
  unitSortName,
  yearNames,
  yearOnlyNames,
} from './labels';
import { GroupKey } from './stats.type';
import type { CountTable, TableLabel } from './table.type';

/** Most cells a table may have (rows × columns); a larger one is refused with BAD_USER_INPUT. */
export const MAX_TABLE_CELLS = 20_000;

/** The dates of the filter that bound a time axis (ISO days), when given. */
export interface TimeRange {
  from: string | null;
  to: string | null;
}

/** What the mapper needs besides the statement's row. */
export interface TableShape {
  rows: GroupKey;
  columns: GroupKey | null;
  range: TimeRange;
  /** The tie kinds counted, which are the groups of TIE_KIND. */
  tieKinds: readonly string[];
}

type Group = { r: string[]; c: string[]; n: number };
type NameRow = { key: string; name: string; nameEn?: string | null; level?: string | null };

const KIND_VALUES: Partial<Record<GroupKey, readonly string[]>> = {
  [GroupKey.AGREEMENT_KIND]: AGREEMENT_KINDS,
  [GroupKey.ACTIVITY_KIND]: ACTIVITY_KINDS,
  [GroupKey.ORGANIZATION_KIND]: ORG_KINDS,
};

const label = (key: string, names: { nameVi: string; nameEn: string }, year: number | null = null, month: number | null = null): TableLabel => ({
  key,
  ...names,
  year,
  month,
  unknown: false,
});

/** A month as one number, for ranges: year * 12 + month - 1. */
const monthIndex = (year: number, month: number) => year * 12 + month - 1;

/** The year and month of an ISO day (`2023-06-09`). */
const dayParts = (iso: string) => ({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) });

/** How many groups the time axis of `group` spans from `range.from` to `range.to` (0 for other groupings). */
export function timeAxisSize(group: GroupKey, range: TimeRange): number {
  if (!range.from || !range.to || (group !== GroupKey.YEAR && group !== GroupKey.MONTH)) return 0;
  const from = dayParts(range.from);
  const to = dayParts(range.to);
  return group === GroupKey.YEAR ? to.year - from.year + 1 : monthIndex(to.year, to.month) - monthIndex(from.year, from.month) + 1;
}

/**
 * The year groups, every year from `range.from` (else the earliest key) to `range.to` (else the latest),
 * with any key found outside it; chronological.
 */
function yearAxis(found: string[], range: TimeRange): TableLabel[] {
  const years = found.map(Number);
  const first = range.from ? dayParts(range.from).year : Math.min(...years);
  const last = range.to ? dayParts(range.to).year : Math.max(...years);
  const all = new Set(years);
  if (Number.isFinite(first) || Number.isFinite(last)) {
    const [a, b] = [Number.isFinite(first) ? first : last, Number.isFinite(last) ? last : first];
    for (let y = a; y <= b; y++) all.add(y);
  }
  return [...all].sort((x, y) => x - y).map((y) => label(String(y), yearNames(y), y));
}

/**
 * The month groups, every month from `range.from` (else the earliest date) to `range.to` (else the latest),
 * with the groups of dates known only to their year (key `2019`) before their year's months; chronological.
 */
function monthAxis(found: string[], range: TimeRange): TableLabel[] {
  const months = new Map<number, TableLabel>();
  const yearOnly: TableLabel[] = [];
  for (const key of found) {
    if (/^\d{4}$/.test(key)) yearOnly.push(label(key, yearOnlyNames(Number(key)), Number(key)));
    else {
      const { year, month } = dayParts(`${key}-01`);
      months.set(monthIndex(year, month), label(key, monthNames(year, month), year, month));
    }
  }
  // A year-only date is stored as the first day of its year, and spans the axis as that day does.
  const points = [...months.keys(), ...yearOnly.map((l) => monthIndex(l.year!, 1))];
  const bound = (day: string | null, pick: (...xs: number[]) => number) =>
    day ? monthIndex(dayParts(day).year, dayParts(day).month) : points.length ? pick(...points) : null;
  let first = bound(range.from, Math.min);
  let last = bound(range.to, Math.max);
  first ??= last;
  last ??= first;
  if (first !== null && last !== null) {
    for (let m = first; m <= last; m++) {
      const year = Math.floor(m / 12);
      const month = (m % 12) + 1;
      if (!months.has(m)) months.set(m, label(`${year}-${String(month).padStart(2, '0')}`, monthNames(year, month), year, month));
    }
  }
  const position = (l: TableLabel) => l.year! * 13 + (l.month ?? 0);
  return [...months.values(), ...yearOnly].sort((a, b) => position(a) - position(b));
}

/** Groups with stored names (regions, units, topics): by Vietnamese name, then key; keys without a name last. */
function namedAxis(group: GroupKey, found: string[], names: NameRow[]): TableLabel[] {
  const byKey = new Map(names.map((n) => [String(n.key), n]));
  // Every named group is listed (the statement names every region, topic and unit of the mode), then any found.
  const keys = [...new Set([...byKey.keys(), ...found])];
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Units sort by their name without the word for their level, so that Thành phố Hồ Chí Minh comes under H.
  const sortName = (key: string) => (group === GroupKey.PROVINCE ? unitSortName : String)(String(byKey.get(key)!.name));
  const named = keys.filter((k) => byKey.has(k)).sort((a, b) => compareVietnamese(sortName(a), sortName(b)) || byId(a, b));
  return [...named, ...keys.filter((k) => !byKey.has(k)).sort(byId)]
    .map((key) => {
      const n = byKey.get(key);
      if (!n) return label(key, { nameVi: key, nameEn: key });
      const nameVi = group === GroupKey.PROVINCE ? unitNameVi(n.level, String(n.name)) : String(n.name);
      return label(key, { nameVi, nameEn: n.nameEn ? String(n.nameEn) : String(n.name) });
    });
}

/** Kinds: every value of the enum (for TIE_KIND, every kind counted) in enum order, then any other found. */
function kindAxis(group: GroupKey, found: string[], tieKinds: readonly string[]): TableLabel[] {
  const values = group === GroupKey.TIE_KIND ? TIE_KINDS.filter((k) => tieKinds.includes(k)) : (KIND_VALUES[group] ?? []);
  const extra = found.filter((k) => !values.includes(k)).sort();
  return [...values, ...extra].map((key) => label(key, kindNames(key)));
}

/** The groups of one axis, in order, then `unknown`. */
function axis(group: GroupKey, found: string[], names: NameRow[], shape: TableShape): TableLabel[] {
  let groups: TableLabel[];
  if (group === GroupKey.YEAR) groups = yearAxis(found, shape.range);
  else if (group === GroupKey.MONTH) groups = monthAxis(found, shape.range);
  else if (group === GroupKey.REGION || group === GroupKey.PROVINCE || group === GroupKey.TOPIC) groups = namedAxis(group, found, names);
  else groups = kindAxis(group, found, shape.tieKinds);
  return [...groups, { key: UNKNOWN_KEY, ...UNKNOWN_NAMES, year: null, month: null, unknown: true }];
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/**
 * The table from the statement's row (`groups` of `{r, c, n}`, `rowNames`, `columnNames`): a record without a
 * key for a grouping is in its `unknown` group; a record in |R| rows and |C| columns counts once in each of
 * the |R|·|C| cells and 1/(|R|·|C|) in each fractional cell. Throws BAD_USER_INPUT beyond MAX_TABLE_CELLS.
 */
export function toCountTable(row: Row | undefined, shape: TableShape): CountTable {
  const groups = ((row?.groups as Group[] | undefined) ?? []).map((g) => ({
    r: [...new Set((g.r ?? []).map(String))],
    c: [...new Set((g.c ?? []).map(String))],
    n: Number(g.n),
  }));
  const found = (pick: (g: Group) => string[]) => [...new Set(groups.flatMap(pick))];
  const rows = axis(shape.rows, found((g) => g.r), (row?.rowNames as NameRow[]) ?? [], shape);
  const columns = shape.columns
    ? axis(shape.columns, found((g) => g.c), (row?.columnNames as NameRow[]) ?? [], shape)
    : [{ key: ALL_KEY, ...ALL_NAMES, year: null, month: null, unknown: false }];
  if (rows.length * columns.length > MAX_TABLE_CELLS) {
    throw new BadUserInputError(
      `The table would have ${rows.length} × ${columns.length} cells, more than ${MAX_TABLE_CELLS}; narrow the filter or choose coarser groupings`,
      'filter',
    );
  }
  const rowAt = new Map(rows.map((l, i) => [l.key, i]));
  const columnAt = new Map(columns.map((l, i) => [l.key, i]));
  const cells = rows.map(() => columns.map(() => 0));
  const fractional = rows.map(() => columns.map(() => 0));
  const rowTotals = rows.map(() => 0);
  const columnTotals = columns.map(() => 0);
  let total = 0;
  let membershipTotal = 0;
  for (const g of groups) {
    const rs = (g.r.length ? g.r : [UNKNOWN_KEY]).map((k) => rowAt.get(k)!);
    const cs = (shape.columns ? (g.c.length ? g.c : [UNKNOWN_KEY]) : [ALL_KEY]).map((k) => columnAt.get(k)!);
    const share = g.n / (rs.length * cs.length);
    for (const r of rs) {
      rowTotals[r] += g.n;
      for (const c of cs) {
        cells[r][c] += g.n;
        fractional[r][c] += share;
      }
    }
    for (const c of cs) columnTotals[c] += g.n;
    total += g.n;
    membershipTotal += g.n * rs.length * cs.length;
  }
  return {
    rows,
    columns,
    cells,
    fractionalCells: fractional.map((line) => line.map(round9)),
    rowTotals,
    columnTotals,
    total,
    membershipTotal,
    multiMembership: membershipTotal > total,
  };
}
