// Building blocks of the statistics statements. Every piece of text below is a constant of this module or
// is chosen from one by an enum value; filter values always travel as parameters ($from, $topic, ...).
import { dateInPeriodCypher } from '../rules/period';
import type { Anchor, ItemLabel } from './stats.filter';
import { GroupKey, ProvinceMode } from './stats.type';

/** An organisation takes part in an agreement (PARTY_TO) or an activity (PARTICIPATED_IN). */
export const TAKES_PART = 'PARTY_TO|PARTICIPATED_IN';

const ITEM_REL: Record<ItemLabel, string> = { Agreement: 'PARTY_TO', Activity: 'PARTICIPATED_IN' };
const ITEM_DATE: Record<ItemLabel, string> = { Agreement: 'signedOn', Activity: 'startDate' };

/** The participation relationship(s) of items with these labels. */
export function relOf(labels: readonly ItemLabel[]): string {
  return labels.length === 1 ? ITEM_REL[labels[0]] : TAKES_PART;
}

/** The property holding the date an item of `label` counts by. */
export function itemDateProperty(label: ItemLabel): string {
  return ITEM_DATE[label];
}

/** The date an item counts by: an agreement's signing date, an activity's start date. */
export function itemDate(v: string): string {
  return `CASE WHEN ${v}:Agreement THEN ${v}.signedOn ELSE ${v}.startDate END`;
}

/** The agreement-and-activity filters on item `v` (true for every filter not given). */
export function itemWhere(v: string): string {
  // The date's period (a year-only date is its whole year) must overlap from..to (period.ts).
  return `(($from IS NULL AND $to IS NULL)
    OR (${v}:Agreement AND ${dateInPeriodCypher(v, 'signedOn', '$from', '$to')})
    OR (${v}:Activity AND ${dateInPeriodCypher(v, 'startDate', '$from', '$to')}))
  AND ($activityKind IS NULL OR (${v}:Activity AND ${v}.kind = $activityKind))
  AND ($topic IS NULL OR EXISTS { (${v})-[:ABOUT]->(:Topic {id: $topic}) })`;
}

/** The organisation filters on organisation `v` (true for every filter not given). */
export function orgWhere(v: string): string {
  return `($organizationKind IS NULL OR ${v}.kind = $organizationKind)
  AND ($region IS NULL OR EXISTS { (${v})-[:LOCATED_IN]->(:AdminUnit)-[:IN_REGION]->(:Region {id: $region}) })
  AND ($province IS NULL OR EXISTS { (${v})-[:LOCATED_IN]->(:AdminUnit)-[:SUCCEEDED_BY*0..10]->(:AdminUnit {id: $province}) })`;
}

/** Rows `i` of one label, starting from the anchor (a superset of the matches: the filters follow). */
function itemAnchor(label: ItemLabel, anchor: Anchor): string {
  const rel = ITEM_REL[label];
  switch (anchor) {
    case 'topic':
      return `MATCH (:Topic {id: $topic})<-[:ABOUT]-(i:${label})`;
    case 'province':
      return `MATCH (:AdminUnit {id: $province})<-[:SUCCEEDED_BY*0..10]-(:AdminUnit)<-[:LOCATED_IN]-(:Organization)-[:${rel}]->(i:${label})`;
    case 'region':
      return `MATCH (:Region {id: $region})<-[:IN_REGION]-(:AdminUnit)<-[:LOCATED_IN]-(:Organization)-[:${rel}]->(i:${label})`;
    case 'dates':
      return `MATCH (i:${label}) WHERE i.${ITEM_DATE[label]} >= $fromBound AND i.${ITEM_DATE[label]} <= $toBound`;
    case 'organizationKind':
      return `MATCH (:Organization {kind: $organizationKind})-[:${rel}]->(i:${label})`;
    case 'activityKind':
      // An activity kind leaves no agreement in.
      return label === 'Activity' ? `MATCH (i:Activity {kind: $activityKind})` : `MATCH (i:Agreement) WHERE false`;
    case 'all':
      return `MATCH (i:${label})`;
  }
}

function itemsAnchor(labels: readonly ItemLabel[], anchor: Anchor): string {
  if (labels.length === 1) return itemAnchor(labels[0], anchor);
  return `CALL () {\n${labels.map((l) => `${itemAnchor(l, anchor)}\nRETURN i`).join('\nUNION\n')}\n}`;
}

/**
 * Rows `i`: the agreements/activities of `labels` matching the item filters; with `participant`, only those
 * that also have an organisation matching the organisation filters (when there are any: `$orgFiltered`).
 */
export function itemStage(labels: readonly ItemLabel[], anchor: Anchor, participant: boolean): string {
  // No anchor means no filter at all (see chooseAnchor): the always-true predicates are left out.
  if (anchor === 'all') return itemsAnchor(labels, anchor);
  const member = participant
    ? `\n  AND ($orgFiltered = false OR EXISTS { MATCH (po:Organization)-[:${relOf(labels)}]->(i) WHERE ${orgWhere('po')} })`
    : '';
  return `${itemsAnchor(labels, anchor)}
WITH DISTINCT i
WHERE ${itemWhere('i')}${member}`;
}

function orgAnchor(labels: readonly ItemLabel[], anchor: Anchor): string {
  switch (anchor) {
    case 'topic':
      return `MATCH (:Topic {id: $topic})<-[:ABOUT]-(i)<-[:${relOf(labels)}]-(o:Organization)`;
    case 'province':
      return `MATCH (:AdminUnit {id: $province})<-[:SUCCEEDED_BY*0..10]-(:AdminUnit)<-[:LOCATED_IN]-(o:Organization)`;
    case 'region':
      return `MATCH (:Region {id: $region})<-[:IN_REGION]-(:AdminUnit)<-[:LOCATED_IN]-(o:Organization)`;
    case 'dates':
      return `${itemsAnchor(labels, 'dates')}\nMATCH (o:Organization)-[:${relOf(labels)}]->(i)`;
    case 'organizationKind':
      return `MATCH (o:Organization {kind: $organizationKind})`;
    case 'activityKind':
      return `MATCH (:Activity {kind: $activityKind})<-[:PARTICIPATED_IN]-(o:Organization)`;
    case 'all':
      return `MATCH (o:Organization)`;
  }
}

/**
 * Rows `o`: the organisations matching the organisation filters and, when an item filter is given
 * (`$itemFiltered`), taking part in a matching agreement or activity.
 */
export function orgStage(labels: readonly ItemLabel[], anchor: Anchor): string {
  if (anchor === 'all') return orgAnchor(labels, anchor);
  return `${orgAnchor(labels, anchor)}
WITH DISTINCT o
WHERE ${orgWhere('o')}
  AND ($itemFiltered = false OR EXISTS { MATCH (o)-[:${relOf(labels)}]->(pi) WHERE ${itemWhere('pi')} })`;
}

/** Whether the bucket key of a grouping comes from the agreement/activity (else from the organisation). */
export function groupsByItem(group: GroupKey): boolean {
  return group === GroupKey.YEAR || group === GroupKey.AGREEMENT_KIND || group === GroupKey.ACTIVITY_KIND || group === GroupKey.TOPIC;
}

/** Adds `key` and `label` columns derived from item `v` (which `keep` must hold), keeping `keep`. */
export function itemKey(group: GroupKey, keep: string, v: string): string {
  switch (group) {
    case GroupKey.YEAR:
      return `WITH ${keep}, ${itemDate(v)} AS day WHERE day IS NOT NULL
WITH ${keep}, toString(day.year) AS key, toString(day.year) AS label`;
    case GroupKey.AGREEMENT_KIND:
      return `WITH ${keep} WHERE ${v}:Agreement\nWITH ${keep}, ${v}.kind AS key, null AS label`;
    case GroupKey.ACTIVITY_KIND:
      return `WITH ${keep} WHERE ${v}:Activity\nWITH ${keep}, ${v}.kind AS key, null AS label`;
    case GroupKey.TOPIC:
      return `MATCH (${v})-[:ABOUT]->(t:Topic)\nWITH ${keep}, t.id AS key, coalesce(t.nameEn, t.name) AS label`;
    default:
      throw new Error(`${group} is not a grouping by agreement or activity`);
  }
}

/** The provincial unit `p` of organisation `v`: as located (HISTORICAL) or the unit it became in the end (CURRENT). */
export function provinceOf(v: string, mode: ProvinceMode, keep: string): string {
  if (mode === ProvinceMode.HISTORICAL) return `MATCH (${v})-[:LOCATED_IN]->(p:Province)`;
  return `MATCH (${v})-[:LOCATED_IN]->(u:Province)
OPTIONAL MATCH (u)-[:SUCCEEDED_BY*1..10]->(last:AdminUnit) WHERE NOT (last)-[:SUCCEEDED_BY]->()
WITH ${keep}, coalesce(last, u) AS p`;
}

/** Adds `key` and `label` columns derived from organisation `v`, keeping `keep`. */
export function orgKey(group: GroupKey, keep: string, v: string, mode: ProvinceMode): string {
  switch (group) {
    case GroupKey.ORGANIZATION_KIND:
      return `WITH ${keep}, ${v}.kind AS key, null AS label`;
    case GroupKey.REGION:
      return `MATCH (${v})-[:LOCATED_IN]->(:AdminUnit)-[:IN_REGION]->(r:Region {scheme: $scheme})
WITH ${keep}, r.id AS key, coalesce(r.nameEn, r.name) AS label`;
    case GroupKey.PROVINCE:
      return `${provinceOf(v, mode, keep)}\nWITH ${keep}, p.id AS key, coalesce(p.nameEn, p.name) AS label`;
    default:
      throw new Error(`${group} is not a grouping by organisation`);
  }
}
