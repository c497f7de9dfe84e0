import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../graphql/context';
import { NotFoundError } from '../core/errors';
import { dateParam } from '../db/dates';
import { RegionScheme, UnitLevel } from '../graphql/enums';
import { NestedPageArgs } from '../graphql/nested-page';
import { defineConnection, type ConnectionArgs } from '../graphql/connection';
import { BOTH_APPLY, MAX_FILTER_VALUES, useListForm } from '../graphql/filter-lists';
import { Activity } from '../activity/activity.type';
import { Organization } from '../organization/organization.type';
import { REGION_SORTS, UNIT_SORTS, listRegions, listUnits } from './geography.repository';
import { AdminUnit, Region } from './geography.type';
import { geographyLoaders } from './geography.loaders';
import { activityLoaders } from '../activity/activity.loaders';
import { organizationLoaders } from '../organization/organization.loaders';

@InputType({ description: 'Filters for administrative units; all given filters must match.' })
export class AdminUnitFilter {
  @Field(() => UnitLevel, { nullable: true, description: `Only units of this level; any level when null. ${BOTH_APPLY}`, deprecationReason: useListForm('levels') })
  level?: string | null;

  @Field(() => [UnitLevel], { nullable: true, description: `Only units of any of these levels (up to ${MAX_FILTER_VALUES}); any level when null or empty` })
  levels?: string[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Units that existed on this date (2025-07-01 gives the 34 provinces)' })
  validOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'Containing unit, e.g. country-vn or country-au' })
  parent?: string | null;

  @Field(() => ID, { nullable: true, description: `Region id: only its member units. ${BOTH_APPLY}`, deprecationReason: useListForm('regions') })
  region?: string | null;

  @Field(() => [ID], { nullable: true, description: `Region ids (up to ${MAX_FILTER_VALUES}): units that are members of any of them` })
  regions?: string[] | null;
}

const AdminUnitList = defineConnection(AdminUnit, 'AdminUnit', UNIT_SORTS, 'NAME');
export const AdminUnitConnection = AdminUnitList.Connection;
const RegionList = defineConnection(Region, 'Region', REGION_SORTS, 'NAME');
export const RegionConnection = RegionList.Connection;

@Resolver(() => AdminUnit)
export class AdminUnitResolver {
  @Query(() => AdminUnit, { description: 'A province, city, country or state by id; NOT_FOUND when there is none.' })
  async adminUnit(@Arg('id', () => ID, { description: 'The unit’s id, e.g. prov-can-tho-2025 or country-au' }) id: string, @Ctx() ctx: Context): Promise<AdminUnit> {
    const unit = await geographyLoaders(ctx).unitById.load(id);
    if (!unit) throw new NotFoundError('AdminUnit', id);
    return unit;
  }

  @Query(() => AdminUnitList.Connection, { description: 'Administrative units matching the filter, a page at a time (by name unless orderBy says otherwise).' })
  adminUnits(
    @Arg('filter', () => AdminUnitFilter, { nullable: true, description: 'Which units; all of them (any date) when null' }) filter: AdminUnitFilter | null,
    @Args(() => AdminUnitList.Args) page: ConnectionArgs<keyof typeof UNIT_SORTS>,
    @Ctx() ctx: Context,
  ) {
    const request = AdminUnitList.request(page);
    dateParam(filter?.validOn, 'validOn');
    return listUnits(ctx.db, filter ?? {}, request);
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: 'The containing unit (the country of a province or state); null for a country' })
  parent(@Parent() unit: AdminUnit, @Ctx() ctx: Context) {
    return geographyLoaders(ctx).unitParent.load(unit.id);
  }

  @FieldResolver(() => [AdminUnit], { description: 'Units it contains, by name then id' })
  children(@Parent() unit: AdminUnit, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return geographyLoaders(ctx).unitChildren.load(unit.id, page);
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: 'The unit it became part of (in the 1 July 2025 merger); null when it never merged' })
  successor(@Parent() unit: AdminUnit, @Ctx() ctx: Context) {
    return geographyLoaders(ctx).unitSuccessor.load(unit.id);
  }

  @FieldResolver(() => [AdminUnit], { description: 'The units that became part of it, by name then id' })
  predecessors(@Parent() unit: AdminUnit, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return geographyLoaders(ctx).unitPredecessors.load(unit.id, page);
  }

  @FieldResolver(() => AdminUnit, { description: 'The unit it is part of today (itself when never merged)' })
  current(@Parent() unit: AdminUnit, @Ctx() ctx: Context) {
    return geographyLoaders(ctx).unitCurrent.load(unit.id);
  }

  @FieldResolver(() => [Region], { description: 'Regions it belonged to, by id' })
  regions(@Parent() unit: AdminUnit, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return geographyLoaders(ctx).unitRegions.load(unit.id, page);
  }

  @FieldResolver(() => [Organization], { description: 'Organisations located in it, by name then id' })
  organizations(
    @Parent() unit: AdminUnit,
    @Arg('includePredecessors', () => Boolean, { defaultValue: false, description: 'Also those in units that became part of it' })
    includePredecessors: boolean,
    @Args(() => NestedPageArgs) page: NestedPageArgs,
    @Ctx() ctx: Context,
  ) {
    return includePredecessors ? organizationLoaders(ctx).unitOrgsWithPredecessors.load(unit.id, page) : organizationLoaders(ctx).unitOrgs.load(unit.id, page);
  }

  @FieldResolver(() => [Activity], { description: 'Activities held in it, by start date (undated last), then id' })
  activities(@Parent() unit: AdminUnit, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return activityLoaders(ctx).unitActivities.load(unit.id, page);
  }
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { description: 'A region by id; NOT_FOUND when there is none.' })
  async region(@Arg('id', () => ID, { description: 'The region’s id, e.g. region-mekong-delta' }) id: string, @Ctx() ctx: Context): Promise<Region> {
    const region = await geographyLoaders(ctx).regionById.load(id);
    if (!region) throw new NotFoundError('Region', id);
    return region;
  }

  @Query(() => RegionList.Connection, { description: 'Regions (of one scheme when given), a page at a time, by name.' })
  regions(
    @Arg('scheme', () => RegionScheme, { nullable: true, description: 'Only regions of this scheme; every scheme when null' }) scheme: string | null,
    @Args(() => RegionList.Args) page: ConnectionArgs<keyof typeof REGION_SORTS>,
    @Ctx() ctx: Context,
  ) {
    return listRegions(ctx.db, scheme ?? null, RegionList.request(page));
  }

  @FieldResolver(() => [AdminUnit], { description: 'Its member units, by name then id' })
  members(@Parent() region: Region, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return geographyLoaders(ctx).regionMembers.load(region.id, page);
  }
}
