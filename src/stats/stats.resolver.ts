import { Arg, Ctx, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../graphql/context';
import { checkRange } from '../db/dates';
import { aggregateKey, cachedRead } from '../db/aggregate-cache';
import { RegionScheme } from '../graphql/enums';
import { Region } from '../geography/geography.type';
import { Organization } from '../organization/organization.type';
import { RANKING_LIST, ranking } from './ranking.repository';
import { crossRegionLinks, regionMatrix } from './region.repository';
import { MAX_OFFSET, pageStart } from '../graphql/paging';
import { MAX_RANKING_SIZE, checkGrouping, checkStatsFilter, checkWindow } from './stats.filter';
import { checkFilterIds, counts, totals } from './stats.repository';
import { NATIONAL, foreignArea, regionArea } from './stats.mapper';
import { FOREIGN_AREA_PREFIX, NATIONAL_AREA } from './ties.stages';
import {
  Bucket,
  CountTarget,
  CrossRegionLink,
  GroupKey,
  MatrixArea,
  OrganizationRanking,
  ProvinceMode,
  RankedOrganization,
  RankingDirection,
  RankingMetric,
  RegionMatrix,
  RegionMatrixFilter,
  StatsFilter,
  Totals,
} from './stats.type';
import { organizationLoaders } from '../organization/organization.loaders';
import { geographyLoaders } from '../geography/geography.loaders';

const OFFSET_DESCRIPTION = `How many items to skip (0 to ${MAX_OFFSET})`;

const LEGACY_OFFSET_DESCRIPTION = `The older way to page: how many items to skip (0 to ${MAX_OFFSET}); prefer after. An offset other than 0 beside after is BAD_USER_INPUT`;

const AFTER_DESCRIPTION = 'Start after this cursor: pass pageInfo.endCursor of the previous page unchanged (BAD_USER_INPUT for any other string)';

const NO_REGION =
  'Organisations whose unit has no region under the scheme (units created in 2025, and national and foreign bodies unless the filter adds them as pseudo-regions) are left out.';

const TIES =
  'Ties follow the tie rule (TieKind): by default cooperation only (no co-attendance, no parent and its own sub-unit) through instruments that took place or are in place (no proposed or planned ones); the filter changes both and can roll sub-units up into their top parent. ';

@Resolver()
export class StatsResolver {
  @Query(() => [Bucket], {
    description:
      'Counts of agreements, activities, organisations or ties (LINKS), grouped, by count (highest first) then key. ' +
      TIES +
      'Each instrument is one agreement or activity (its parts never count). Grouped by REGION or PROVINCE, an agreement or activity ' +
      'belongs to the places of the organisations tied through it, a tie to the places of its two organisations; grouped by TOPIC, ' +
      'to each of its topics. A record in several groups counts once in each (count), 1/n in each of its n groups (fractionalCount), ' +
      'and once in total, the distinct number of records in the answer, so count may sum to more than total. ' +
      'A region is the one of the unit an organisation is located in (regions are recorded on the units before the 2025 merger); ' +
      'organisations without one, and without a provincial unit for PROVINCE, are left out. BAD_USER_INPUT for a grouping the target ' +
      'does not have (AGREEMENTS by ACTIVITY_KIND, ACTIVITIES by AGREEMENT_KIND) or that only countTable takes (MONTH, TIE_KIND, KIND), or from after to; NOT_FOUND for an unknown topic, region or province.',
  })
  async counts(
    @Arg('of', () => CountTarget, { description: 'What to count: agreements, activities, organisations or links' }) of: CountTarget,
    @Arg('groupBy', () => GroupKey, { description: 'What to group by (REGION, PROVINCE, YEAR, ORGANIZATION_KIND, ACTIVITY_KIND, AGREEMENT_KIND or TOPIC)' }) groupBy: GroupKey,
    @Arg('filter', () => StatsFilter, { nullable: true, description: 'What to count; everything (under the default tie selection) when null' }) filter: StatsFilter | null,
    @Arg('regionScheme', () => RegionScheme, { defaultValue: 'SOCIO_ECONOMIC_6', description: 'Regions for REGION' }) scheme: string,
    @Arg('provinceMode', () => ProvinceMode, { defaultValue: ProvinceMode.CURRENT, description: 'Units for PROVINCE' }) mode: ProvinceMode,
    @Ctx() ctx: Context,
  ): Promise<Bucket[]> {
    checkStatsFilter(filter);
    checkGrouping(of, groupBy);
    // The id check is part of the cached work: an answer kept for a graph proves its ids existed in it.
    return cachedRead(ctx.db, aggregateKey('counts', { of, groupBy, filter, scheme, mode }), async (db) => {
      await checkFilterIds(db, filter);
      return counts(db, of, groupBy, filter, scheme, mode);
    });
  }

  @Query(() => Totals, {
    description: 'How many organisations, agreements, activities, links, people and provinces match the filter (see StatsFilter).',
  })
  async totals(
    @Arg('filter', () => StatsFilter, { nullable: true, description: 'What to count; everything (under the default tie selection) when null' }) filter: StatsFilter | null,
    @Arg('provinceMode', () => ProvinceMode, { defaultValue: ProvinceMode.CURRENT, description: 'Units counted in provinces' }) mode: ProvinceMode,
    @Ctx() ctx: Context,
  ): Promise<Totals> {
    checkStatsFilter(filter);
    return cachedRead(ctx.db, aggregateKey('totals', { filter, mode }), async (db) => {
      await checkFilterIds(db, filter);
      return totals(db, filter, mode);
    });
  }

  @Query(() => OrganizationRanking, {
    description:
      'Organisations ranked by a metric over the ties of the agreements and activities matching the filter, each instrument counted ' +
      'once; every item also gives the fractional strength beside the plain count. ' +
      TIES +
      'With rollUpSubUnits the ranked units are top parents. The organisation filters select the ranked organisations (partners may be ' +
      'of any kind and anywhere). Only organisations with a value above 0 are ranked; equal values share a rank (1, 2, 2, 4) and are ordered by organisation id. ' +
      'first is 1 to 500 (BAD_USER_INPUT beyond). Page on with after and pageInfo.endCursor.',
  })
  async ranking(
    @Arg('by', () => RankingMetric, { description: 'The metric to rank by' }) by: RankingMetric,
    @Arg('filter', () => StatsFilter, { nullable: true, description: 'Which instruments and ties count, and which organisations are ranked; all (default tie selection) when null' }) filter: StatsFilter | null,
    @Arg('first', () => Int, { defaultValue: 20, description: `How many items (1 to ${MAX_RANKING_SIZE})` }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0, description: LEGACY_OFFSET_DESCRIPTION }) offset: number,
    @Arg('direction', () => RankingDirection, { defaultValue: RankingDirection.DESC, description: 'Highest first (DESC, the default) or lowest first (ASC)' }) direction: RankingDirection,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<OrganizationRanking> {
    checkStatsFilter(filter);
    const page = checkWindow(first, pageStart(RANKING_LIST, offset, after));
    return cachedRead(ctx.db, aggregateKey('ranking', { by, filter, direction, ...page }), async (db) => {
      await checkFilterIds(db, filter);
      return ranking(db, by, filter, direction, page.limit, page.offset);
    });
  }

  @Query(() => RegionMatrix, {
    description:
      'Ties between and within the regions of a scheme, whole and ready for a heat map: every ordered pair of areas (regions, then the ' +
      'pseudo-regions the filter adds), the diagonal and empty cells included, with the agreements and activities behind them (each ' +
      'counted once per cell) and their fractional weight. ' +
      TIES +
      'from and to keep ties whose agreement was signed or activity started within them (a date written as a year or month matches ' +
      `any day of it; undated ones are then left out). ${NO_REGION}`,
  })
  async regionMatrix(
    @Arg('scheme', () => RegionScheme, { defaultValue: 'SOCIO_ECONOMIC_6', description: 'Which regions: the six socio-economic regions by default' }) scheme: string,
    @Arg('from', () => LocalDateResolver, { nullable: true, description: 'Only ties through agreements signed or activities started on or after this day (YYYY-MM-DD); no lower bound when null' }) from: string | null,
    @Arg('to', () => LocalDateResolver, { nullable: true, description: 'Only ties through agreements signed or activities started on or before this day (YYYY-MM-DD); no upper bound when null' }) to: string | null,
    @Arg('filter', () => RegionMatrixFilter, { nullable: true, description: 'Tie selection and pseudo-regions (default: cooperation only, none)' })
    filter: RegionMatrixFilter | null,
    @Ctx() ctx: Context,
  ): Promise<RegionMatrix> {
    checkRange(from, to, 'from', 'to');
    return cachedRead(ctx.db, aggregateKey('regionMatrix', { scheme, from, to, filter }), (db) => regionMatrix(db, scheme, from, to, filter));
  }

  @Query(() => [CrossRegionLink], {
    deprecationReason: 'Use crossRegionTies: the same pairs in the same order, as a connection (totalCount, pageInfo, after)',
    description:
      'Pairs of organisations located in different areas of a scheme and tied under the selection, most instruments first (then by ' +
      `weight, then organisation ids). ${TIES}from, to and the pseudo-regions as for regionMatrix; first is 1 to 500. ${NO_REGION}`,
  })
  async crossRegionLinks(
    @Arg('scheme', () => RegionScheme, { defaultValue: 'SOCIO_ECONOMIC_6', description: 'Which regions: the six socio-economic regions by default' }) scheme: string,
    @Arg('from', () => LocalDateResolver, { nullable: true, description: 'Only ties through agreements signed or activities started on or after this day (YYYY-MM-DD); no lower bound when null' }) from: string | null,
    @Arg('to', () => LocalDateResolver, { nullable: true, description: 'Only ties through agreements signed or activities started on or before this day (YYYY-MM-DD); no upper bound when null' }) to: string | null,
    @Arg('filter', () => RegionMatrixFilter, { nullable: true, description: 'Tie selection and pseudo-regions (default: cooperation only, none)' })
    filter: RegionMatrixFilter | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many items (1 to ${MAX_RANKING_SIZE})` }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0, description: OFFSET_DESCRIPTION }) offset: number,
    @Ctx() ctx: Context,
  ): Promise<CrossRegionLink[]> {
    checkRange(from, to, 'from', 'to');
    const page = checkWindow(first, offset);
    return cachedRead(ctx.db, aggregateKey('crossRegionLinks', { scheme, from, to, filter, ...page }), (db) =>
      crossRegionLinks(db, scheme, from, to, filter, page.limit, page.offset),
    );
  }
}

@Resolver(() => RankedOrganization)
export class RankedOrganizationResolver {
  @FieldResolver(() => Organization, { description: 'The organisation ranked (a top-level parent with rollUpSubUnits)' })
  organization(@Parent() item: RankedOrganization, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgById.load(item.organizationId);
  }
}

@Resolver(() => CrossRegionLink)
export class CrossRegionLinkResolver {
  @FieldResolver(() => Organization)
  a(@Parent() link: CrossRegionLink, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgById.load(link.aId);
  }

  @FieldResolver(() => Organization, { description: 'The organisation with the larger id' })
  b(@Parent() link: CrossRegionLink, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgById.load(link.bId);
  }

  @FieldResolver(() => Region, { nullable: true })
  regionA(@Parent() link: CrossRegionLink, @Ctx() ctx: Context) {
    return isPseudo(link.regionAId) ? null : geographyLoaders(ctx).regionById.load(link.regionAId);
  }

  @FieldResolver(() => Region, { nullable: true })
  regionB(@Parent() link: CrossRegionLink, @Ctx() ctx: Context) {
    return isPseudo(link.regionBId) ? null : geographyLoaders(ctx).regionById.load(link.regionBId);
  }

  @FieldResolver(() => MatrixArea)
  areaA(@Parent() link: CrossRegionLink, @Ctx() ctx: Context) {
    return areaOf(link.regionAId, ctx);
  }

  @FieldResolver(() => MatrixArea)
  areaB(@Parent() link: CrossRegionLink, @Ctx() ctx: Context) {
    return areaOf(link.regionBId, ctx);
  }
}

function isPseudo(areaId: string): boolean {
  return areaId === NATIONAL_AREA || areaId.startsWith(FOREIGN_AREA_PREFIX);
}

/** The area of an id: the national pseudo-region, a foreign country's (through the unit loader) or a region's. */
async function areaOf(areaId: string, ctx: Context): Promise<MatrixArea> {
  if (areaId === NATIONAL_AREA) return NATIONAL;
  if (areaId.startsWith(FOREIGN_AREA_PREFIX)) {
    const countryId = areaId.slice(FOREIGN_AREA_PREFIX.length);
    const country = await geographyLoaders(ctx).unitById.load(countryId);
    return foreignArea(country ?? { id: countryId, name: countryId });
  }
  const region = await geographyLoaders(ctx).regionById.load(areaId);
  return region ? regionArea(region) : { ...NATIONAL, id: areaId, name: areaId, nameEn: areaId };
}
