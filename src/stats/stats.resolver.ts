import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../context';
import { checkRange } from '../graphql/dates';
import { RegionScheme } from '../graphql/enums';
import { Region } from '../geography/geography.type';
import { Organization } from '../organization/organization.type';
import { ranking } from './ranking.repository';
import { crossRegionLinks, regionMatrix } from './region.repository';
import { MAX_OFFSET } from '../graphql/paging';
import { MAX_RANKING_SIZE, checkGrouping, checkStatsFilter, checkWindow } from './stats.filter';
import { checkFilterIds, counts, totals } from './stats.repository';
import {
  Bucket,
  CountTarget,
  CrossRegionLink,
  GroupKey,
  OrganizationRanking,
  ProvinceMode,
  RankedOrganization,
  RankingDirection,
  RankingMetric,
  RegionMatrix,
  StatsFilter,
  Totals,
} from './stats.type';

const OFFSET_DESCRIPTION = `How many items to skip (0 to ${MAX_OFFSET})`;

const NO_REGION =
  'Organisations whose unit has no region under the scheme (foreign bodies, national bodies located in the country as a whole, units created in 2025) are left out.';

@Resolver()
export class StatsResolver {
  @Query(() => [Bucket], {
    description:
      'Counts of agreements, activities, organisations or cooperation links, grouped, by count (highest first) then key. ' +
      'An agreement or activity belongs to a region or province through the locations of the organisations taking part in it, ' +
      'and counts once in each bucket it belongs to; a link belongs to the buckets of both its organisations. ' +
      'A region is the one of the unit an organisation is located in (regions are recorded on the units before the 2025 merger); ' +
      'organisations without one, and without a provincial unit for PROVINCE, are left out. BAD_USER_INPUT for a grouping the target ' +
      'does not have (AGREEMENTS by ACTIVITY_KIND, ACTIVITIES by AGREEMENT_KIND) or from after to; NOT_FOUND for an unknown topic, region or province.',
  })
  async counts(
    @Arg('of', () => CountTarget) of: CountTarget,
    @Arg('groupBy', () => GroupKey) groupBy: GroupKey,
    @Arg('filter', () => StatsFilter, { nullable: true }) filter: StatsFilter | null,
    @Arg('regionScheme', () => RegionScheme, { defaultValue: 'SOCIO_ECONOMIC_6', description: 'Regions for REGION' }) scheme: string,
    @Arg('provinceMode', () => ProvinceMode, { defaultValue: ProvinceMode.CURRENT, description: 'Units for PROVINCE' }) mode: ProvinceMode,
    @Ctx() ctx: Context,
  ): Promise<Bucket[]> {
    checkStatsFilter(filter);
    checkGrouping(of, groupBy);
    await checkFilterIds(ctx.db, filter);
    return counts(ctx.db, of, groupBy, filter, scheme, mode);
  }

  @Query(() => Totals, {
    description: 'How many organisations, agreements, activities, links, people and provinces match the filter (see StatsFilter).',
  })
  async totals(
    @Arg('filter', () => StatsFilter, { nullable: true }) filter: StatsFilter | null,
    @Arg('provinceMode', () => ProvinceMode, { defaultValue: ProvinceMode.CURRENT, description: 'Units counted in provinces' }) mode: ProvinceMode,
    @Ctx() ctx: Context,
  ): Promise<Totals> {
    checkStatsFilter(filter);
    await checkFilterIds(ctx.db, filter);
    return totals(ctx.db, filter, mode);
  }

  @Query(() => OrganizationRanking, {
    description:
      'Organisations ranked by a metric over the agreements and activities matching the filter; the organisation filters select ' +
      'the ranked organisations (partners may be of any kind and anywhere). Only organisations with a value above 0 are ranked; ties ' +
      'are ordered by organisation id. first is 1 to 500 (BAD_USER_INPUT beyond).',
  })
  async ranking(
    @Arg('by', () => RankingMetric) by: RankingMetric,
    @Arg('filter', () => StatsFilter, { nullable: true }) filter: StatsFilter | null,
    @Arg('first', () => Int, { defaultValue: 20, description: `How many items (1 to ${MAX_RANKING_SIZE})` }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0, description: OFFSET_DESCRIPTION }) offset: number,
    @Arg('direction', () => RankingDirection, { defaultValue: RankingDirection.DESC }) direction: RankingDirection,
    @Ctx() ctx: Context,
  ): Promise<OrganizationRanking> {
    checkStatsFilter(filter);
    const page = checkWindow(first, offset);
    await checkFilterIds(ctx.db, filter);
    return ranking(ctx.db, by, filter, direction, page.limit, page.offset);
  }

  @Query(() => RegionMatrix, {
    description:
      'Cooperation links between and within the regions of a scheme, with the agreements and activities behind them; symmetric, ' +
      'so one cell per unordered pair of regions (the diagonal included), only cells with links. from and to keep links whose ' +
      `agreement was signed or activity started within them (undated ones are then left out). ${NO_REGION}`,
  })
  async regionMatrix(
    @Arg('scheme', () => RegionScheme, { defaultValue: 'SOCIO_ECONOMIC_6' }) scheme: string,
    @Arg('from', () => LocalDateResolver, { nullable: true }) from: string | null,
    @Arg('to', () => LocalDateResolver, { nullable: true }) to: string | null,
    @Ctx() ctx: Context,
  ): Promise<RegionMatrix> {
    checkRange(from, to, 'from', 'to');
    return regionMatrix(ctx.db, scheme, from, to);
  }

  @Query(() => [CrossRegionLink], {
    description:
      'Pairs of organisations located in different regions of a scheme that share agreements or activities, most shared first ' +
      `(then by organisation ids). from and to as for regionMatrix; first is 1 to 500. ${NO_REGION}`,
  })
  async crossRegionLinks(
    @Arg('scheme', () => RegionScheme, { defaultValue: 'SOCIO_ECONOMIC_6' }) scheme: string,
    @Arg('from', () => LocalDateResolver, { nullable: true }) from: string | null,
    @Arg('to', () => LocalDateResolver, { nullable: true }) to: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many items (1 to ${MAX_RANKING_SIZE})` }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0, description: OFFSET_DESCRIPTION }) offset: number,
    @Ctx() ctx: Context,
  ): Promise<CrossRegionLink[]> {
    checkRange(from, to, 'from', 'to');
    const page = checkWindow(first, offset);
    return crossRegionLinks(ctx.db, scheme, from, to, page.limit, page.offset);
  }
}

@Resolver(() => RankedOrganization)
export class RankedOrganizationResolver {
  @FieldResolver(() => Organization)
  organization(@Root() item: RankedOrganization, @Ctx() ctx: Context) {
    return ctx.loaders.orgById.load(item.organizationId);
  }
}

@Resolver(() => CrossRegionLink)
export class CrossRegionLinkResolver {
  @FieldResolver(() => Organization)
  a(@Root() link: CrossRegionLink, @Ctx() ctx: Context) {
    return ctx.loaders.orgById.load(link.aId);
  }

  @FieldResolver(() => Organization)
  b(@Root() link: CrossRegionLink, @Ctx() ctx: Context) {
    return ctx.loaders.orgById.load(link.bId);
  }

  @FieldResolver(() => Region)
  regionA(@Root() link: CrossRegionLink, @Ctx() ctx: Context) {
    return ctx.loaders.regionById.load(link.regionAId);
  }

  @FieldResolver(() => Region)
  regionB(@Root() link: CrossRegionLink, @Ctx() ctx: Context) {
    return ctx.loaders.regionById.load(link.regionBId);
  }
}
