import { intParam, type Database } from '../neo4j';
import { type Anchor, type ItemLabel, type StatsFilterValue, chooseAnchor, filterParams, itemLabels } from './stats.filter';
import { toRanking } from './stats.mapper';
import { TAKES_PART, itemStage, orgWhere, relOf } from './stages.repository';
import { RankingDirection, RankingMetric, type OrganizationRanking } from './stats.type';

const METRIC_LABELS: Record<RankingMetric, ItemLabel[] | null> = {
  [RankingMetric.PARTNERS]: null,
  [RankingMetric.AGREEMENTS]: ['Agreement'],
  [RankingMetric.ACTIVITIES]: ['Activity'],
};

const DIRECTION: Record<RankingDirection, string> = { [RankingDirection.DESC]: 'DESC', [RankingDirection.ASC]: 'ASC' };

function valueOf(metric: RankingMetric, labels: readonly ItemLabel[]): string {
  if (metric === RankingMetric.PARTNERS) {
    return `MATCH (o:Organization)-[:${TAKES_PART}]->(i)<-[:${TAKES_PART}]-(partner:Organization)
WHERE o <> partner AND ${orgWhere('o')}
WITH o, count(DISTINCT partner) AS value`;
  }
  return `MATCH (o:Organization)-[:${relOf(labels)}]->(i)
WHERE ${orgWhere('o')}
WITH o, count(DISTINCT i) AS value`;
}

const rankingCache = new Map<string, string>();

/**
 * The ranking statement for a metric, direction, anchor and set of item labels. One row: `total` (ranked
 * organisations, all with a value above 0) and `page` (`{id, value}` from $offset to $end), ties by id.
 */
export function rankingCypher(metric: RankingMetric, direction: RankingDirection, anchor: Anchor, activitiesOnly: boolean): string {
  const cacheKey = [metric, direction, anchor, activitiesOnly].join('/');
  let cypher = rankingCache.get(cacheKey);
  if (!cypher) {
    const labels = METRIC_LABELS[metric] ?? (activitiesOnly ? ['Activity' as const] : ['Agreement' as const, 'Activity' as const]);
    cypher = `${itemStage(labels, anchor, false)}
${valueOf(metric, labels)}
WITH o.id AS id, value
ORDER BY value ${DIRECTION[direction]}, id
WITH collect({id: id, value: value}) AS ranked
RETURN size(ranked) AS total, ranked[$offset..$end] AS page`;
    rankingCache.set(cacheKey, cypher);
  }
  return cypher;
}

/** Ranks the organisations matching `filter` by `metric`; one page from `offset`. */
export async function ranking(
  db: Database,
  metric: RankingMetric,
  filter: StatsFilterValue | null | undefined,
  direction: RankingDirection,
  limit: number,
  offset: number,
): Promise<OrganizationRanking> {
  // An activity kind leaves no agreement to rank by.
  if (metric === RankingMetric.AGREEMENTS && filter?.activityKind) return { totalCount: 0, items: [] };
  const cypher = rankingCypher(metric, direction, chooseAnchor(filter), itemLabels(filter).length === 1);
  const [row] = await db.read(cypher, { ...filterParams(filter), offset: intParam(offset), end: intParam(offset + limit) });
  return toRanking(row, offset);
}
