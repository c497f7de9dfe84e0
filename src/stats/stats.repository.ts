import type { Database } from '../db/database';
import { NotFoundError } from '../core/errors';
import { type Anchor, type ItemLabel, type StatsFilterValue, chooseAnchor, filterParams, itemLabels } from './stats.filter';
import { toBuckets, toTotals } from './stats.mapper';
import { instrumentCountsCypher } from '../rules/tie';
import { groupsByItem, itemDateProperty, itemKey, itemStage, itemWhere, orgKey, orgStage, orgWhere, relOf } from './stages';
import { countedInstruments, tiesOfInstrument } from './ties.stages';
import { CountTarget, GroupKey, ProvinceMode, type Bucket, type Totals } from './stats.type';

/** Whether the topic, region and province a filter names exist (true for those not given). */
export const FILTER_IDS_EXIST = `RETURN
  ($topic IS NULL OR EXISTS { MATCH (:Topic {id: $topic}) }) AS topic,
  ($region IS NULL OR EXISTS { MATCH (:Region {id: $region}) }) AS region,
  ($province IS NULL OR EXISTS { MATCH (:AdminUnit {id: $province}) }) AS province`;

const ORDER_BUCKETS = 'ORDER BY count DESC, key';

// Every counting statement ends the same way: one row per counted record with the list `keys` of its groups
// ([key, label] pairs); a record counts once in each of its groups (count) and 1/n in each of its n groups
// (fractional), so the fractional counts sum to the distinct number of records.
const BUCKETS = `WITH keys WHERE size(keys) > 0
UNWIND keys AS k
WITH k[0] AS key, k[1] AS label, count(*) AS count, sum(1.0 / size(keys)) AS fractional
RETURN key, label, count, fractional
${ORDER_BUCKETS}`;

/** A subquery over `keep` returning `keys`: the groups of item `v` (one, or several topics). */
function itemKeys(group: GroupKey, keep: string, v: string): string {
  return `CALL (${keep}) {
${itemKey(group, keep, v)}
RETURN collect(DISTINCT [key, label]) AS keys
}`;
}

/** A subquery over `keep` returning `keys`: the groups of the organisations in list expression `orgs`. */
function orgKeys(group: GroupKey, keep: string, orgs: string, mode: ProvinceMode): string {
  return `CALL (${keep}) {
UNWIND ${orgs} AS o
${orgKey(group, 'o', 'o', mode)}
RETURN collect(DISTINCT [key, label]) AS keys
}`;
}

function itemCounts(label: 'Agreement' | 'Activity', group: GroupKey, mode: ProvinceMode, anchor: Anchor): string {
  if (anchor === 'all' && group === GroupKey.YEAR) {
    // Unfiltered, by year: one group per item, read from the date index and the status alone.
    const date = itemDateProperty(label);
    return `MATCH (i:${label}) WHERE i.${date} IS NOT NULL AND ${instrumentCountsCypher('i')}
WITH toString(i.${date}.year) AS key, count(*) AS count
RETURN key, key AS label, count, count AS fractional
${ORDER_BUCKETS}`;
  }
  const items = `${itemStage([label], anchor, true)}\n${countedInstruments()}`;
  if (groupsByItem(group)) return `${items}\n${itemKeys(group, 'i', 'i')}\n${BUCKETS}`;
  // By region or province: the places of the organisations tied through the instrument under the selection.
  return `${items}
CALL (i) {
${tiesOfInstrument(false)}
RETURN collect(a) + collect(b) AS tied
}
${orgKeys(group, 'tied', 'tied', mode)}
${BUCKETS}`;
}

function orgCounts(labels: ItemLabel[], group: GroupKey, mode: ProvinceMode, anchor: Anchor): string {
  if (!groupsByItem(group)) {
    return `${orgStage(labels, anchor)}\n${orgKey(group, 'o', 'o', mode)}\nWITH [[key, label]] AS keys\n${BUCKETS}`;
  }
  return `${orgStage(labels, anchor)}
CALL (o) {
MATCH (o)-[:${relOf(labels)}]->(i)
WHERE ${itemWhere('i')} AND ${instrumentCountsCypher('i')}
${itemKey(group, 'o, i', 'i')}
RETURN collect(DISTINCT [key, label]) AS keys
}
${BUCKETS}`;
}

function linkCounts(labels: ItemLabel[], group: GroupKey, mode: ProvinceMode, anchor: Anchor): string {
  const stage = `${itemStage(labels, anchor, false)}
${countedInstruments()}
${tiesOfInstrument(false)}
WITH i, a, b WHERE (${orgWhere('a')}) OR (${orgWhere('b')})`;
  if (groupsByItem(group)) {
    // The groups of a tie are those of its instrument.
    return `${stage}\n${itemKeys(group, 'i', 'i')}\n${BUCKETS}`;
  }
  return `${stage}\n${orgKeys(group, 'a, b', '[a, b]', mode)}\n${BUCKETS}`;
}

const countsCache = new Map<string, string>();

/**
 * The counting statement for a target, grouping, province mode, anchor and set of item labels, built once
 * from the constant stages. Columns: `key`, `label` (null for kinds), `count`, `fractional`; ordered by count desc, key.
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
${countedInstruments()}
RETURN collect(i) AS agreements
}
CALL () {
${itemStage(['Activity'], anchor, true)}
${countedInstruments()}
RETURN collect(i) AS activities
}
CALL () {
${itemStage([...labels], anchor, false)}
${countedInstruments()}
${tiesOfInstrument(false)}
WITH a, b WHERE (${orgWhere('a')}) OR (${orgWhere('b')})
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
  return toBuckets(rows, group);
}

/** Totals of every kind of record matching a filter. */
export async function totals(db: Database, filter: StatsFilterValue | null | undefined, mode: ProvinceMode): Promise<Totals> {
  const [row] = await db.read(totalsCypher(mode, chooseAnchor(filter), itemLabels(filter).length === 1), filterParams(filter));
  return toTotals(row);
}
