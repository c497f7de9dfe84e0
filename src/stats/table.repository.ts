import type { Database } from '../db/database';
import { BadUserInputError } from '../core/errors';
import { type Anchor, type ItemLabel, type StatsFilterValue, chooseAnchor, filterParams, itemLabels, statsTieSelection } from './stats.filter';
import { itemStage, orgStage, orgWhere } from './stages';
import { countedInstruments, tiesOfInstrument } from './ties.stages';
import { itemKeys, keySource, orgItemKeys, orgKeys, resolveKind } from './table.keys';
import { MAX_TABLE_CELLS, timeAxisSize, toCountTable } from './table.mapper';
import { CountTarget, GroupKey, ProvinceMode } from './stats.type';
import type { CountTable } from './table.type';

// A table is counted in one statement: one row per counted record with the lists of its row keys (`rk`) and
// column keys (`ck`), folded into groups of records with the same lists (`{r, c, n}`, few however many
// records), from which the mapper fills every cell and total exactly. The names of the ids found follow in
// the same statement.

/** The Cypher list of the keys of a record of `of` for `group` (variables as the record stage leaves them). */
function recordKeys(of: CountTarget, group: GroupKey, mode: ProvinceMode, labels: readonly ItemLabel[]): string {
  const source = keySource(group);
  if (of === CountTarget.ORGANIZATIONS) return source === 'org' ? orgKeys(group, '[o]', mode) : orgItemKeys(group, 'o', labels);
  if (of === CountTarget.LINKS) {
    if (source === 'tie') return '[kind]';
    return source === 'org' ? orgKeys(group, '[a, b]', mode) : itemKeys(group, 'i');
  }
  if (source === 'tie') return 'tieKinds';
  return source === 'org' ? orgKeys(group, 'tied', mode) : itemKeys(group, 'i');
}

/** Rows of counted records: `i` (agreements, activities), `o` (organisations) or `i, a, b, kind` (links). */
function recordStage(of: CountTarget, groups: GroupKey[], anchor: Anchor, labels: readonly ItemLabel[]): string {
  if (of === CountTarget.ORGANIZATIONS) return orgStage(labels, anchor);
  if (of === CountTarget.LINKS) {
    return `${itemStage(labels, anchor, false)}
${countedInstruments()}
${tiesOfInstrument(false)}
WITH i, a, b, kind WHERE (${orgWhere('a')}) OR (${orgWhere('b')})`;
  }
  const items = `${itemStage(labels, anchor, true)}\n${countedInstruments()}`;
  if (!groups.some((g) => keySource(g) !== 'item')) return items;
  // Grouped by place, organisation kind or tie kind: those of the organisations tied through the instrument.
  return `${items}
CALL (i) {
${tiesOfInstrument(false)}
RETURN collect(a) + collect(b) AS tied, collect(DISTINCT kind) AS tieKinds
}`;
}

/**
 * The names of the groups of one axis (`r` or `c`), every group listed so that empty ones are zeros: every
 * region of the scheme, every topic, every provincial unit of the mode (CURRENT: the units of today, those
 * no other unit succeeded; HISTORICAL: every provincial unit the graph knows), and any other unit found.
 */
function axisNames(group: GroupKey | null, axis: 'r' | 'c', as: string, mode: ProvinceMode): string {
  const found = `UNWIND groups AS tbl_g UNWIND tbl_g.${axis} AS tbl_k WITH DISTINCT tbl_k`;
  switch (group) {
    case GroupKey.REGION:
      return `MATCH (tbl_n:Region {scheme: $scheme}) RETURN collect({key: tbl_n.id, name: tbl_n.name, nameEn: tbl_n.nameEn}) AS ${as}`;
    case GroupKey.PROVINCE: {
      const ofMode = mode === ProvinceMode.CURRENT ? 'WHERE NOT (tbl_n)-[:SUCCEEDED_BY]->()' : '';
      return `CALL (groups) { ${found} RETURN collect(tbl_k) AS tbl_found }
CALL (tbl_found) {
  MATCH (tbl_n:Province) ${ofMode} RETURN tbl_n
  UNION
  MATCH (tbl_n:AdminUnit) WHERE tbl_n.id IN tbl_found RETURN tbl_n
}
RETURN collect({key: tbl_n.id, name: tbl_n.name, nameEn: tbl_n.nameEn, level: tbl_n.level}) AS ${as}`;
    }
    case GroupKey.TOPIC:
      return `MATCH (tbl_n:Topic) RETURN collect({key: tbl_n.id, name: tbl_n.name, nameEn: tbl_n.nameEn}) AS ${as}`;
    default:
      return `RETURN [] AS ${as}`;
  }
}

const tableCache = new Map<string, string>();

/**
 * The statement of a count table of `of` by `rows` (and `columns`, or null), for a province mode, an anchor
 * and a set of item labels (groupings already resolved: no KIND). One row: `groups` (`{r, c, n}`: n records
 * whose row keys are r and column keys c), `rowNames` and `columnNames` (`{key, name, nameEn, level}` of the
 * groups of the axis, see axisNames; empty for groupings that are not named).
 */
export function countTableCypher(
  of: CountTarget,
  rows: GroupKey,
  columns: GroupKey | null,
  mode: ProvinceMode,
  anchor: Anchor,
  activitiesOnly: boolean,
): string {
  const cacheKey = [of, rows, columns, mode, anchor, activitiesOnly].join('/');
  let cypher = tableCache.get(cacheKey);
  if (!cypher) {
    const labels: ItemLabel[] =
      of === CountTarget.AGREEMENTS ? ['Agreement'] : of === CountTarget.ACTIVITIES || activitiesOnly ? ['Activity'] : ['Agreement', 'Activity'];
    const groups = columns ? [rows, columns] : [rows];
    cypher = `CALL () {
${recordStage(of, groups, anchor, labels)}
WITH ${recordKeys(of, rows, mode, labels)} AS rk, ${columns ? recordKeys(of, columns, mode, labels) : '[]'} AS ck
WITH rk, ck, count(*) AS n
RETURN collect({r: rk, c: ck, n: n}) AS groups
}
CALL (groups) {
${axisNames(rows, 'r', 'rowNames', mode)}
}
CALL (groups) {
${axisNames(columns, 'c', 'columnNames', mode)}
}
RETURN groups, rowNames, columnNames`;
    tableCache.set(cacheKey, cypher);
  }
  return cypher;
}

const UNGROUPABLE: Array<[CountTarget, GroupKey, string]> = [
  [CountTarget.AGREEMENTS, GroupKey.ACTIVITY_KIND, 'agreements have no activity kind'],
  [CountTarget.ACTIVITIES, GroupKey.AGREEMENT_KIND, 'activities have no agreement kind'],
  [CountTarget.ORGANIZATIONS, GroupKey.TIE_KIND, 'organisations are counted by what they take part in, not by their ties'],
];

/**
 * Checks the groupings of a table (after KIND is resolved): none the target lacks, and two different ones.
 * @throws BadUserInputError naming the argument.
 */
export function checkTableGrouping(of: CountTarget, rows: GroupKey, columns: GroupKey | null): void {
  for (const [group, arg] of [[rows, 'rows'], [columns, 'columns']] as const) {
    const refused = UNGROUPABLE.find(([target, key]) => target === of && key === group);
    if (refused) throw new BadUserInputError(`${of} cannot be grouped by ${group}: ${refused[2]}`, arg);
  }
  if (columns === rows) {
    throw new BadUserInputError(`rows and columns are both ${rows}; choose two different groupings`, 'columns');
  }
}

/**
 * Counts `of` by `rows` and optionally `columns` (KIND is the target's own kind) under `filter`, as a whole
 * table (see CountTable). BAD_USER_INPUT for a grouping the target lacks, equal groupings, or a table of
 * more than MAX_TABLE_CELLS cells.
 */
export async function countTable(
  db: Database,
  of: CountTarget,
  rowKey: GroupKey,
  columnKey: GroupKey | null,
  filter: StatsFilterValue | null | undefined,
  scheme: string,
  mode: ProvinceMode,
): Promise<CountTable> {
  const rows = resolveKind(of, rowKey);
  const columns = columnKey ? resolveKind(of, columnKey) : null;
  checkTableGrouping(of, rows, columns);
  const range = { from: filter?.from ?? null, to: filter?.to ?? null };
  // A time axis fixed by the filter alone can be refused before anything is read.
  for (const group of [rows, columns]) {
    if (range.from && range.to && group && timeAxisSize(group, range) > MAX_TABLE_CELLS) {
      throw new BadUserInputError(`from..to spans more than ${MAX_TABLE_CELLS} groups of ${group}; narrow the range`, 'filter');
    }
  }
  const cypher = countTableCypher(of, rows, columns, mode, chooseAnchor(filter), itemLabels(filter).length === 1);
  const [row] = await db.read(cypher, { ...filterParams(filter), scheme });
  return toCountTable(row, { rows, columns, range, tieKinds: statsTieSelection(filter).kinds });
}
