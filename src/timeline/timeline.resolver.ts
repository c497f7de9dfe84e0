import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../graphql/context';
import { checkRange } from '../db/dates';
import { NestedPageArgs } from '../graphql/nested-page';
import { checkNestedPage, pageOf } from '../graphql/paging';
import { resolveActor } from '../network/actor.repository';
import { Activity } from '../activity/activity.type';
import { Agreement } from '../agreement/agreement.type';
import { Organization } from '../organization/organization.type';
import { inForceActivities, inForceAgreements, timelineEvents } from './timeline.repository';
import { periodOf, type Period } from './timeline.period';
import { InForce, TimelineEvent, TimelineEventConnection } from './timeline.type';
import { MAX_TIMELINE_PAGE_SIZE, TIMELINE_PAGE_SIZE, timelinePage } from './timeline.page';
import type { ConnectionShape } from '../db/keyset';
import { organizationLoaders } from '../organization/organization.loaders';

const TIMELINE_DESCRIPTION =
  'The dated events (signing, validity start and end, activities held or planned) of the agreements and activities of an ' +
  'organisation, an admin unit (its organisations and those of the units that became part of it) or a region (those located ' +
  'in its members), by date, as precise as written; undated ones are left out. from and to are inclusive days, and a date ' +
  'written as a year or month is in the window when its period meets it (BAD_USER_INPUT when from is after to); with from, ' +
  'each item in force (held or ongoing) at some time in the window also gets an IN_FORCE event, by the rule of inForce; ' +
  'NOT_FOUND for an unknown actor.';
const FROM_DESCRIPTION = 'First day of the window (YYYY-MM-DD, inclusive); no lower bound when null, and then no IN_FORCE events';
const TO_DESCRIPTION = 'Last day of the window (YYYY-MM-DD, inclusive); no upper bound when null';
const FIRST_DESCRIPTION = `How many events (1 to ${MAX_TIMELINE_PAGE_SIZE}; ${TIMELINE_PAGE_SIZE} by default)`;
const AFTER_DESCRIPTION = 'Start after this cursor: pass an edge cursor or pageInfo.endCursor of timelinePage unchanged (BAD_USER_INPUT for any other string)';

@Resolver()
export class TimelineResolver {
  @Query(() => InForce, {
    description:
      'What was in force, held or ongoing on a day (on) or in a calendar year (year): give exactly one, else BAD_USER_INPUT. ' +
      'Each list costs one statement, and only when selected.',
  })
  inForce(
    @Arg('on', () => LocalDateResolver, { nullable: true, description: 'A day (YYYY-MM-DD); give either on or year' }) on: string | null,
    @Arg('year', () => Int, { nullable: true, description: 'A calendar year, 1000 to 9999' }) year: number | null,
  ): Period {
    return periodOf(on, year);
  }

  @Query(() => [TimelineEvent], {
    description:
      `${TIMELINE_DESCRIPTION} The first ${TIMELINE_PAGE_SIZE} events unless first says otherwise; timelinePage gives the same ` +
      'events as a connection, with totalCount and the cursors to page on.',
  })
  async timeline(
    @Arg('actor', () => ID, { description: 'Organisation, admin unit or region id' }) actor: string,
    @Arg('from', () => LocalDateResolver, { nullable: true, description: FROM_DESCRIPTION }) from: string | null,
    @Arg('to', () => LocalDateResolver, { nullable: true, description: TO_DESCRIPTION }) to: string | null,
    @Arg('first', () => Int, { defaultValue: TIMELINE_PAGE_SIZE, description: FIRST_DESCRIPTION }) first: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<TimelineEvent[]> {
    return timelinePage(await actorEvents(ctx, actor, from, to), first, after).nodes;
  }

  @Query(() => TimelineEventConnection, {
    description: `${TIMELINE_DESCRIPTION} One page of them, as a connection: page on with after and pageInfo.endCursor; totalCount counts every event.`,
  })
  async timelinePage(
    @Arg('actor', () => ID, { description: 'Organisation, admin unit or region id' }) actor: string,
    @Arg('from', () => LocalDateResolver, { nullable: true, description: FROM_DESCRIPTION }) from: string | null,
    @Arg('to', () => LocalDateResolver, { nullable: true, description: TO_DESCRIPTION }) to: string | null,
    @Arg('first', () => Int, { defaultValue: TIMELINE_PAGE_SIZE, description: FIRST_DESCRIPTION }) first: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<TimelineEvent>> {
    return timelinePage(await actorEvents(ctx, actor, from, to), first, after);
  }
}

/** The whole timeline of an actor within from..to; BAD_USER_INPUT when from is after to, NOT_FOUND for an unknown actor. */
async function actorEvents(ctx: Context, actor: string, from: string | null, to: string | null): Promise<TimelineEvent[]> {
  checkRange(from, to, 'from', 'to');
  const { orgIds } = await resolveActor(ctx.db, actor);
  return timelineEvents(ctx.db, orgIds, from ?? null, to ?? null);
}

@Resolver(() => InForce)
export class InForceResolver {
  @FieldResolver(() => [Agreement])
  agreements(@Parent() period: Period, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return inForceAgreements(ctx.db, period, checkNestedPage(page));
  }

  @FieldResolver(() => [Activity])
  activities(@Parent() period: Period, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return inForceActivities(ctx.db, period, checkNestedPage(page));
  }
}

@Resolver(() => TimelineEvent)
export class TimelineEventResolver {
  // The ids come with the event (the actor's own organisations in one item), so the page is cut from them.
  @FieldResolver(() => [Organization])
  async organizations(@Parent() event: TimelineEvent, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    const orgs = await organizationLoaders(ctx).orgById.loadMany(pageOf(event.organizationIds, page));
    return orgs.filter((o): o is Organization => o !== null && !(o instanceof Error));
  }
}
