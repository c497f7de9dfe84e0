import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../graphql/context';
import { NotFoundError } from '../core/errors';
import { AdminUnit } from '../geography/geography.type';
import { checkRange } from '../db/dates';
import { ActivityKind, ActivityStatus } from '../graphql/enums';
import { NestedPageArgs } from '../graphql/nested-page';
import { pageOf } from '../graphql/paging';
import { defineConnection, type ConnectionArgs } from '../graphql/connection';
import { BOTH_APPLY, MAX_FILTER_VALUES, useListForm } from '../graphql/filter-lists';
import { Agreement } from '../agreement/agreement.type';
import { Organization } from '../organization/organization.type';
import { Attendance } from '../person/person.type';
import { Topic } from '../topic/topic.type';
import { ACTIVITY_SORTS, listActivities } from './activity.repository';
import { Activity, Figure, Participation } from './activity.type';
import { statusAsOf, today } from '../rules/period';
import { activityLoaders } from './activity.loaders';
import { personLoaders } from '../person/person.loaders';
import { organizationLoaders } from '../organization/organization.loaders';

@InputType({ description: 'Filters for activities; all given filters must match.' })
export class ActivityFilter {
  @Field(() => ActivityKind, { nullable: true, description: `Only activities of this kind; any kind when null. ${BOTH_APPLY}`, deprecationReason: useListForm('kinds') })
  kind?: string | null;

  @Field(() => [ActivityKind], { nullable: true, description: `Only activities of any of these kinds (up to ${MAX_FILTER_VALUES}); any kind when null or empty` })
  kinds?: string[] | null;

  @Field(() => ActivityStatus, { nullable: true, description: `Its status as of asOf (see Activity.status). ${BOTH_APPLY}`, deprecationReason: useListForm('statuses') })
  status?: string | null;

  @Field(() => [ActivityStatus], { nullable: true, description: `Its status as of asOf is any of these (see Activity.status; up to ${MAX_FILTER_VALUES})` })
  statuses?: string[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the status filter is read at; default today (UTC)' })
  asOf?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      'Under way on or after this day: its span (startDate to endDate, a year-only date covering its year; an ongoing one ' +
      'runs on) reaches the day',
  })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Under way on or before this day: its span starts by the day' })
  to?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: `Admin unit id: held there or in a unit that became part of it; a sub-event without a place of its own is held where its event is. ${BOTH_APPLY}`,
    deprecationReason: 'Use locations, the name every list gives “located in / takes place in”.',
  })
  place?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      `Admin unit ids (provinces, countries, states; up to ${MAX_FILTER_VALUES}): held in any of them or in a unit that became part of ` +
      'one of them; a sub-event without a place of its own is held where its event is',
  })
  locations?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Region ids (up to ${MAX_FILTER_VALUES}): held in a member unit of any of them (a sub-event where its event is)` })
  regions?: string[] | null;

  @Field(() => ID, { nullable: true, description: `Agreement id: only activities carried out under that agreement. ${BOTH_APPLY}`, deprecationReason: useListForm('agreements') })
  agreement?: string | null;

  @Field(() => [ID], { nullable: true, description: `Agreement ids (up to ${MAX_FILTER_VALUES}): activities carried out under any of them` })
  agreements?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: `Organisation id of a participant (any role); a sub-event without organisers of its own counts its event’s organisers. ${BOTH_APPLY}`,
    deprecationReason: useListForm('participants'),
  })
  participant?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Organisation ids (up to ${MAX_FILTER_VALUES}): activities any of them took part in (any role; a sub-event without organisers of its own counts its event’s organisers)`,
  })
  participants?: string[] | null;

  @Field(() => ID, { nullable: true, description: `Topic id, e.g. topic-startup: only activities about that topic. ${BOTH_APPLY}`, deprecationReason: useListForm('topics') })
  topic?: string | null;

  @Field(() => [ID], { nullable: true, description: `Topic ids (up to ${MAX_FILTER_VALUES}): activities about any of them` })
  topics?: string[] | null;
}

const ActivityList = defineConnection(Activity, 'Activity', ACTIVITY_SORTS, 'START_DATE');
export const ActivityConnection = ActivityList.Connection;

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => Activity, { description: 'An activity by id; NOT_FOUND when there is none.' })
  async activity(@Arg('id', () => ID, { description: 'The activity’s id, e.g. act-002-natec-spt-signing' }) id: string, @Ctx() ctx: Context): Promise<Activity> {
    const activity = await activityLoaders(ctx).activityById.load(id);
    if (!activity) throw new NotFoundError('Activity', id);
    return activity;
  }

  @Query(() => ActivityList.Connection, { description: 'Activities matching the filter, a page at a time (by start date unless orderBy says otherwise).' })
  activities(
    @Arg('filter', () => ActivityFilter, { nullable: true, description: 'Which activities; all of them when null' }) filter: ActivityFilter | null,
    @Args(() => ActivityList.Args) page: ConnectionArgs<keyof typeof ACTIVITY_SORTS>,
    @Ctx() ctx: Context,
  ) {
    const request = ActivityList.request(page);
    checkRange(filter?.from, filter?.to, 'from', 'to');
    return listActivities(ctx.db, filter ?? {}, request);
  }

  @FieldResolver(() => ActivityStatus, {
    nullable: true,
    description:
      'Where it stands as of asOf (default today, UTC): an ongoing activity whose endDate has passed was HELD; otherwise the ' +
      'status its source states (statedStatus)',
  })
  status(
    @Parent() a: Activity,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'The day to read the status at; default today (UTC)' }) asOf: string | null,
  ): string | null {
    return statusAsOf('ACTIVITY', a.statedStatus, a.endDay, asOf ?? today());
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: 'Where it took (or takes) place: its own province, city, country or state; null when the source states none (a sub-event then counts as held where its event is in filters)' })
  place(@Parent() a: Activity, @Ctx() ctx: Context) {
    return activityLoaders(ctx).activityPlace.load(a.id);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement it implements; null when it is carried out under none' })
  agreement(@Parent() a: Activity, @Ctx() ctx: Context) {
    return activityLoaders(ctx).activityAgreement.load(a.id);
  }

  @FieldResolver(() => Activity, { nullable: true, description: 'The larger event or series it is part of; null for a stand-alone activity' })
  partOf(@Parent() a: Activity, @Ctx() ctx: Context) {
    return activityLoaders(ctx).activityPartOf.load(a.id);
  }

  @FieldResolver(() => [Activity], { description: 'Events of their own within it (sub-events), by start date (undated last), then id' })
  subEvents(@Parent() a: Activity, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return activityLoaders(ctx).activityParts.load(a.id, page);
  }

  @FieldResolver(() => [Participation], { description: 'Organisations taking part, with their roles, by role then organisation id' })
  participants(@Parent() a: Activity, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return activityLoaders(ctx).activityParticipants.load(a.id, page);
  }

  @FieldResolver(() => [Attendance], { description: 'People taking part, with their roles, by role, name, then person id' })
  attendances(@Parent() a: Activity, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return personLoaders(ctx).activityAttendances.load(a.id, page);
  }

  @FieldResolver(() => [Topic], { description: 'Its topics, by id' })
  topics(@Parent() a: Activity, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return activityLoaders(ctx).activityTopics.load(a.id, page);
  }

  // Figures are a few values stored on the activity itself, so the page is cut from what the activity holds.
  @FieldResolver(() => [Figure], { description: 'Figures the sources state for it, in the order they state them' })
  figures(@Parent() a: Activity, @Args(() => NestedPageArgs) page: NestedPageArgs) {
    return pageOf(a.figures, page);
  }
}

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Organization, { description: 'The organisation that takes part' })
  organization(@Parent() p: Participation, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgById.load(p.organizationId);
  }

  @FieldResolver(() => Activity, { description: 'The activity it takes part in' })
  activity(@Parent() p: Participation, @Ctx() ctx: Context) {
    return activityLoaders(ctx).activityById.load(p.activityId);
  }
}
