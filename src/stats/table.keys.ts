// The groups of one counted record, as Cypher list expressions: each gives the distinct keys of a record for
// one grouping (empty when it has none: the table's `unknown`). Every piece of text is a constant of this
// module or chosen by an enum value; filter values travel as parameters ($scheme, $from, ...). Variables
// inside the expressions start with `tbl_` so that they never meet the statement's own.
import { instrumentCountsCypher } from '../rules/tie';
import type { ItemLabel } from './stats.filter';
import { itemDate, itemWhere, relOf } from './stages';
import { CountTarget, GroupKey, ProvinceMode } from './stats.type';

/** Where the keys of a grouping come from: the agreement or activity, the organisation, or the tie. */
export type KeySource = 'item' | 'org' | 'tie';

/** The source of a grouping's keys. */
export function keySource(group: GroupKey): KeySource {
  switch (group) {
    case GroupKey.REGION:
    case GroupKey.PROVINCE:
    case GroupKey.ORGANIZATION_KIND:
      return 'org';
    case GroupKey.TIE_KIND:
      return 'tie';
    default:
      return 'item';
  }
}

const OWN_KIND: Record<CountTarget, GroupKey> = {
  [CountTarget.AGREEMENTS]: GroupKey.AGREEMENT_KIND,
  [CountTarget.ACTIVITIES]: GroupKey.ACTIVITY_KIND,
  [CountTarget.ORGANIZATIONS]: GroupKey.ORGANIZATION_KIND,
  [CountTarget.LINKS]: GroupKey.TIE_KIND,
};

/** A grouping with KIND replaced by the target's own kind. */
export function resolveKind(of: CountTarget, group: GroupKey): GroupKey {
  return group === GroupKey.KIND ? OWN_KIND[of] : group;
}

/** Cypher: the precision ('YEAR', 'MONTH', 'DAY' or null for DAY) of the date item `v` counts by. */
function itemPrecision(v: string): string {
  return `CASE WHEN ${v}:Agreement THEN ${v}.signedOnPrecision ELSE ${v}.startDatePrecision END`;
}

/** Cypher list: the keys of agreement or activity `v` for an item grouping. */
export function itemKeys(group: GroupKey, v: string): string {
  switch (group) {
    case GroupKey.YEAR:
      return `[tbl_day IN [${itemDate(v)}] WHERE tbl_day IS NOT NULL | toString(tbl_day.year)]`;
    case GroupKey.MONTH:
      // A date known only to its year goes to its year's bucket (`2019`), never to a month it may not be in.
      return `[tbl_day IN [{on: ${itemDate(v)}, precision: ${itemPrecision(v)}}] WHERE tbl_day.on IS NOT NULL |
        CASE WHEN tbl_day.precision = 'YEAR' THEN toString(tbl_day.on.year) ELSE left(toString(tbl_day.on), 7) END]`;
    case GroupKey.AGREEMENT_KIND:
      return `CASE WHEN ${v}:Agreement AND ${v}.kind IS NOT NULL THEN [${v}.kind] ELSE [] END`;
    case GroupKey.ACTIVITY_KIND:
      return `CASE WHEN ${v}:Activity AND ${v}.kind IS NOT NULL THEN [${v}.kind] ELSE [] END`;
    case GroupKey.TOPIC:
      return `COLLECT { MATCH (${v})-[:ABOUT]->(tbl_topic:Topic) RETURN DISTINCT tbl_topic.id AS tbl_tk ORDER BY tbl_tk }`;
    default:
      throw new Error(`${group} is not a grouping by agreement or activity`);
  }
}

/** Cypher list: the keys of the organisations in list expression `orgs` for an organisation grouping. */
export function orgKeys(group: GroupKey, orgs: string, mode: ProvinceMode): string {
  const each = `UNWIND ${orgs} AS tbl_o`;
  switch (group) {
    case GroupKey.REGION:
      return `COLLECT { ${each}
        MATCH (tbl_o)-[:LOCATED_IN]->(:AdminUnit)-[:IN_REGION]->(tbl_r:Region {scheme: $scheme})
        RETURN DISTINCT tbl_r.id AS tbl_k ORDER BY tbl_k }`;
    case GroupKey.PROVINCE:
      if (mode === ProvinceMode.HISTORICAL) {
        return `COLLECT { ${each} MATCH (tbl_o)-[:LOCATED_IN]->(tbl_p:Province) RETURN DISTINCT tbl_p.id AS tbl_k ORDER BY tbl_k }`;
      }
      // CURRENT: the unit a merged unit became part of in the end (see provinceOf in stages.ts).
      return `COLLECT { ${each}
        MATCH (tbl_o)-[:LOCATED_IN]->(tbl_u:Province)
        OPTIONAL MATCH (tbl_u)-[:SUCCEEDED_BY*1..10]->(tbl_last:AdminUnit) WHERE NOT (tbl_last)-[:SUCCEEDED_BY]->()
        RETURN DISTINCT coalesce(tbl_last, tbl_u).id AS tbl_k ORDER BY tbl_k }`;
    case GroupKey.ORGANIZATION_KIND:
      return `COLLECT { ${each} WITH tbl_o.kind AS tbl_k WHERE tbl_k IS NOT NULL RETURN DISTINCT tbl_k ORDER BY tbl_k }`;
    default:
      throw new Error(`${group} is not a grouping by organisation`);
  }
}

/**
 * Cypher list: the keys of organisation `o` for an item grouping, over the agreements and activities of
 * `labels` it takes part in that match the item filters and count (as `counts` groups organisations).
 */
export function orgItemKeys(group: GroupKey, o: string, labels: readonly ItemLabel[]): string {
  return `COLLECT { MATCH (${o})-[:${relOf(labels)}]->(tbl_i)
    WHERE ${itemWhere('tbl_i')} AND ${instrumentCountsCypher('tbl_i')}
    UNWIND ${itemKeys(group, 'tbl_i')} AS tbl_k
    RETURN DISTINCT tbl_k ORDER BY tbl_k }`;
}
