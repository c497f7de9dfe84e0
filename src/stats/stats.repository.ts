import type { Database } from '../neo4j';
import { NotFoundError } from '../errors';
import { type Anchor, type ItemLabel, type StatsFilterValue, chooseAnchor, filterParams, itemLabels } from './stats.filter';
import { toBucket, toTotals } from './stats.mapper';
import { groupsByItem, itemDateProperty, itemKey, itemStage, itemWhere, linkStage, orgKey, orgStage, relOf } from './stages.repository';
import { CountTarget, GroupKey, ProvinceMode, type Bucket, type Totals } from './stats.type';

/** Whether the topic, region and province a filter names exist (true for those not given). */
export const FILTER_IDS_EXIST = `RETURN
  ($topic IS NULL OR EXISTS { MATCH (:Topic {id: $topic}) }) AS topic,
  ($region IS NULL OR EXISTS { MATCH (:Region {id: $region}) }) AS region,
  ($province IS NULL OR EXISTS { MATCH (:AdminUnit {id: $province}) }) AS province`;

const ORDER_BUCKETS = 'ORDER BY count DESC, key';

function itemCounts(label: 'Agreement' | 'Activity', group: GroupKey, mode: ProvinceMode, anchor: Anchor): string {
  if (anchor === 'all' && group === GroupKey.YEAR) {
    // Unfiltered, by year: written so that Neo4j reads the dates from their range index alone.
    const date = itemDateProperty(label);
    return `MATCH (i:${label}) WHERE i.${date} IS NOT NULL\nWITH toString(i.${date}.year) AS key, count(*) AS count\nRETURN key, key AS label, count\n${ORDER_BUCKETS}`;
  }
  const grouping = groupsByItem(group)
    ? itemKey(group, 'i', 'i')
    : `MATCH (o:Organization)-[:${relOf([label])}]->(i)\n${orgKey(group, 'i', 'o', mode)}`;
  // A year or kind is one value per item, so each item is one row of its bucket and needs no DISTINCT.
  const count = group === GroupKey.YEAR || group === GroupKey.AGREEMENT_KIND || group === GroupKey.ACTIVITY_KIND ? 'count(*)' : 'count(DISTINCT i)';
  return `${itemStage([label], anchor, true)}\n${grouping}\nRETURN key, label, ${count} AS count\n${ORDER_BUCKETS}`;
}

function orgCounts(labels: ItemLabel[], group: GroupKey, mode: ProvinceMode, anchor: Anchor): string {
  const grouping = groupsByItem(group)
    ? `MATCH (o)-[:${relOf(labels)}]->(i)\nWHERE ${itemWhere('i')}\n${itemKey(group, 'o, i', 'i')}`
    : orgKey(group, 'o', 'o', mode);
  return `${orgStage(labels, anchor)}\n${grouping}\nRETURN key, label, count(DISTINCT o) AS count\n${ORDER_BUCKETS}`;
}

function linkCounts(labels: ItemLabel[], group: GroupKey, mode: ProvinceMode, anchor: Anchor): string {
  const grouping = groupsByItem(group)
    ? itemKey(group, 'a, b, i', 'i')
    : `UNWIND [a, b] AS o\n${orgKey(group, 'a, b, i', 'o', mode)}`;
  return `${linkStage(labels, anchor)}\n${grouping}\nRETURN key, label, count(DISTINCT [a.id, b.id, i.id]) AS count\n${ORDER_BUCKETS}`;
}

const countsCache = new Map<string, string>();

/**
 * The counting statement for a target, grouping, province mode, anchor and set of item labels, built once
 * from the constant stages. Columns: `key`, `label` (null for kinds), `count`; ordered by count desc, key.
 */
export function countsCypher(of: CountTarget, group: GroupKey, mode: ProvinceMode, anchor: Anchor, activitiesOnly: boolean): string {
  const cacheKey = [of, group, mode, anchor, activitiesOnly].join('/');
  let cypher = countsCache.get(cacheKey);
  if (!cypher) {
    const labels = activitiesOnly ? (['Activity'] as const) : (['Agreement', 'Activity'] as const);
    if (of === CountTarget.AGREEMENTS) cypher = itemCounts('Agreement', group, mode, anchor);
    else if (of === CountTarget.ACTIVITIES) cypher = itemCounts('Activity', group, mode, anchor);
    else if (of === CountTarget.ORGANIZATIONS) cypher = orgCounts([...labels], group, mode, anchor);
    else cypher = linkCounts([...labels], group, mode, anchor);
    countsCache.set(cacheKey, cypher);
  }
  return cypher;
}

const totalsCache = new Map<string, string>();

/** The totals statement for an anchor, province mode and set of item labels (one row of counts). */
export function totalsCypher(mode: ProvinceMode, anchor: Anchor, activitiesOnly: boolean): string {
  const cacheKey = [mode, anchor, activitiesOnly].join('/');
  let cypher = totalsCache.get(cacheKey);
  if (!cypher) {
    const labels = activitiesOnly ? (['Activity'] as const) : (['Agreement', 'Activity'] as const);
    cypher = `CALL () {
${orgStage([...labels], anchor)}
RETURN collect(o) AS orgs
}
CALL () {
${itemStage(['Agreement'], anchor, true)}
RETURN collect(i) AS agreements
}
CALL () {
${itemStage(['Activity'], anchor, true)}
RETURN collect(i) AS activities
}
CALL () {
${linkStage([...labels], anchor)}
RETURN count(*) AS links
}
CALL (orgs, agreements, activities) {
  CALL (orgs, agreements, activities) {
    UNWIND orgs AS o MATCH (p:Person)-[:HOLDS_POSITION]->(o) RETURN p
    UNION
    UNWIND agreements AS i MATCH (p:Person)-[:SIGNED]->(i) RETURN p
    UNION
    UNWIND activities AS i MATCH (p:Person)-[:ATTENDED]->(i) RETURN p
  }
  RETURN count(DISTINCT p) AS people
}
CALL (orgs) {
  UNWIND orgs AS o
${orgKey(GroupKey.PROVINCE, 'o', 'o', mode)}
  RETURN count(DISTINCT key) AS provinces
}
RETURN size(orgs) AS organizations, size(agreements) AS agreements, size(activities) AS activities, links, people, provinces`;
    totalsCache.set(cacheKey, cypher);
  }
  return cypher;
}

/**
 * Checks that the topic, region and province a filter names exist (no statement when it names none).
 * @throws NotFoundError for the first unknown id.
 */
export async function checkFilterIds(db: Database, filter: StatsFilterValue | null | undefined): Promise<void> {
  if (!filter?.topic && !filter?.region && !filter?.province) return;
  const [row] = await db.read(FILTER_IDS_EXIST, filterParams(filter));
  if (!row.topic) throw new NotFoundError('Topic', String(filter.topic));
  if (!row.region) throw new NotFoundError('Region', String(filter.region));
  if (!row.province) throw new NotFoundError('AdminUnit', String(filter.province));
}

/** Counts `of` grouped by `group`; buckets by count desc, then key. */
export async function counts(
  db: Database,
  of: CountTarget,
  group: GroupKey,
  filter: StatsFilterValue | null | undefined,
  scheme: string,
  mode: ProvinceMode,
): Promise<Bucket[]> {
  // An activity kind leaves no agreement to count.
  if (of === CountTarget.AGREEMENTS && filter?.activityKind) return [];
  const cypher = countsCypher(of, group, mode, chooseAnchor(filter), itemLabels(filter).length === 1);
  const rows = await db.read(cypher, { ...filterParams(filter), scheme });
  return rows.map(toBucket);
}

/** Totals of every kind of record matching a filter. */
export async function totals(db: Database, filter: StatsFilterValue | null | undefined, mode: ProvinceMode): Promise<Totals> {
  const [row] = await db.read(totalsCypher(mode, chooseAnchor(filter), itemLabels(filter).length === 1), filterParams(filter));
  return toTotals(row);
}
