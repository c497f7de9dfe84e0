import { intParam, type Database } from '../db/database';
import { positionPageInfo } from '../graphql/paging';
import { type Anchor, type ItemLabel, type StatsFilterValue, chooseAnchor, filterParams, itemLabels } from './stats.filter';
import { toRanking } from './stats.mapper';
import { itemStage, orgWhere } from './stages';
import { countedInstruments, tiesOfInstrument } from './ties.stages';
import { RankingDirection, RankingMetric, type OrganizationRanking } from './stats.type';

const METRIC_LABELS: Record<RankingMetric, ItemLabel[] | null> = {
  [RankingMetric.PARTNERS]: null,
  [RankingMetric.STRENGTH]: null,
  [RankingMetric.AGREEMENTS]: ['Agreement'],
  [RankingMetric.ACTIVITIES]: ['Activity'],
};

const VALUE: Record<RankingMetric, string> = {
  [RankingMetric.PARTNERS]: 'partners',
  [RankingMetric.STRENGTH]: 'strength',
  [RankingMetric.AGREEMENTS]: 'instruments',
  [RankingMetric.ACTIVITIES]: 'instruments',
};

const DIRECTION: Record<RankingDirection, string> = { [RankingDirection.DESC]: 'DESC', [RankingDirection.ASC]: 'ASC' };
/** How a value that comes before another compares to it, by direction. */
const BEFORE: Record<RankingDirection, string> = { [RankingDirection.DESC]: '>', [RankingDirection.ASC]: '<' };

const rankingCache = new Map<string, string>();

/**
 * The ranking statement for a metric, direction, anchor and set of item labels. Every metric is read off the
 * ties of the counted instruments (src/rules/tie.ts): each tie gives both its units a partner, an instrument
 * and its weight. One row: `total` (ranked units, all with a value above 0), `page` (`{id, value, strength,
 * rankValue}` from $offset to $end; equal values by id) and `better` (units whose value comes strictly before
 * the page's first one, so that equal values share a rank across pages). Values are compared rounded to
 * 9 decimals (`rankValue`), so that fractional strengths summed in a different order still tie.
 */
export function rankingCypher(metric: RankingMetric, direction: RankingDirection, anchor: Anchor, activitiesOnly: boolean): string {
  const cacheKey = [metric, direction, anchor, activitiesOnly].join('/');
  let cypher = rankingCache.get(cacheKey);
  if (!cypher) {
    const labels = METRIC_LABELS[metric] ?? (activitiesOnly ? ['Activity' as const] : ['Agreement' as const, 'Activity' as const]);
    cypher = `${itemStage(labels, anchor, false)}
${countedInstruments()}
${tiesOfInstrument(false)}
UNWIND [[a, b], [b, a]] AS ends
WITH i, ends[0] AS o, ends[1] AS partner, w
WHERE ${orgWhere('o')}
WITH o, count(DISTINCT partner) AS partners, count(DISTINCT i) AS instruments, sum(w) AS strength
WITH o.id AS id, ${VALUE[metric]} AS value, round(toFloat(${VALUE[metric]}), 9) AS rankValue, strength
ORDER BY rankValue ${DIRECTION[direction]}, id
WITH collect({id: id, value: value, strength: strength, rankValue: rankValue}) AS ranked
WITH ranked, ranked[$offset..$end] AS page
RETURN size(ranked) AS total, page,
  CASE WHEN size(page) = 0 THEN $offset ELSE size([r IN ranked WHERE r.rankValue ${BEFORE[direction]} page[0].rankValue]) END AS better`;
    rankingCache.set(cacheKey, cypher);
  }
  return cypher;
}

/**
 * Ranks the units (organisations, or top parents with rollUpSubUnits) matching `filter` by `metric`; one page
 * from `offset`, with the page info whose cursors continue from it.
 */
export async function ranking(
  db: Database,
  metric: RankingMetric,
  filter: StatsFilterValue | null | undefined,
  direction: RankingDirection,
  limit: number,
  offset: number,
): Promise<OrganizationRanking> {
  // An activity kind leaves no agreement to rank by.
  if (metric === RankingMetric.AGREEMENTS && filter?.activityKind) return withPageInfo({ totalCount: 0, items: [] }, offset);
  const cypher = rankingCypher(metric, direction, chooseAnchor(filter), itemLabels(filter).length === 1);
  const [row] = await db.read(cypher, { ...filterParams(filter), offset: intParam(offset), end: intParam(offset + limit) });
  return withPageInfo(toRanking(row, offset), offset);
}

/** Name of the ranking in its position cursors (see pageStart). */
export const RANKING_LIST = 'ranking';

function withPageInfo(page: Omit<OrganizationRanking, 'pageInfo'>, offset: number): OrganizationRanking {
  const hasNextPage = offset + page.items.length < page.totalCount;
  return { ...page, pageInfo: positionPageInfo(RANKING_LIST, offset, page.items.length, hasNextPage) };
}
