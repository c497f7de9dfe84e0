import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../graphql/context';
import { NotFoundError } from '../core/errors';
import { Activity } from '../activity/activity.type';
import { Agreement } from '../agreement/agreement.type';
import { AgreementStatus } from '../graphql/enums';
import { NestedPageArgs } from '../graphql/nested-page';
import { pageOf } from '../graphql/paging';
import { Organization } from '../organization/organization.type';
import { Provenance } from '../graphql/provenance.type';
import { Topic } from '../topic/topic.type';
import { statusAsOf, today } from '../rules/period';
import { Instrument, Part, PartActor } from './part.type';
import { partLoaders } from './part.loaders';
import { organizationLoaders } from '../organization/organization.loaders';

@Resolver(() => Part)
export class PartResolver {
  @Query(() => Part, { description: 'A part of an instrument by id; NOT_FOUND when there is none.' })
  async part(@Arg('id', () => ID, { description: 'The part’s id (part-…)' }) id: string, @Ctx() ctx: Context): Promise<Part> {
    const part = await partLoaders(ctx).partById.load(id);
    if (!part) throw new NotFoundError('Part', id);
    return part;
  }

  // A part follows dates as its instrument does: one signed or in force whose end has passed is ENDED.
  @FieldResolver(() => AgreementStatus, {
    nullable: true,
    description: 'Where this part stands as of asOf (default today, UTC): ENDED once a signed or in-force part’s endDate has passed; otherwise statedStatus',
  })
  status(
    @Parent() p: Part,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'The day to read the status at; default today (UTC)' }) asOf: string | null,
  ): string | null {
    return statusAsOf('AGREEMENT', p.statedStatus, p.endDay, asOf ?? today());
  }

  @FieldResolver(() => Instrument, { nullable: true, description: 'The agreement or activity it is a part of (null only if that record is missing)' })
  instrument(@Parent() p: Part, @Ctx() ctx: Context) {
    return partLoaders(ctx).partInstrument.load(p.id);
  }

  @FieldResolver(() => [PartActor], {
    description: 'Organisations the text names for this part only (each also a party or participant of the instrument), with their roles, by role then organisation id',
  })
  actors(@Parent() p: Part, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return partLoaders(ctx).partActors.load(p.id, page);
  }

  @FieldResolver(() => [Activity], { description: 'Activities carried out for this part, by start date (undated last), then id' })
  activities(@Parent() p: Part, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return partLoaders(ctx).partActivities.load(p.id, page);
  }

  @FieldResolver(() => [Topic], { description: 'Its topics, by id' })
  topics(@Parent() p: Part, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return partLoaders(ctx).partTopics.load(p.id, page);
  }

  // The quotes are stored on the part itself, so the page is cut from what it holds.
  @FieldResolver(() => [Provenance], { description: 'The sources that state it, with their quotes, in the order recorded' })
  provenance(@Parent() p: Part, @Args(() => NestedPageArgs) page: NestedPageArgs): Provenance[] {
    return pageOf(p.provenance, page);
  }
}

@Resolver(() => PartActor)
export class PartActorResolver {
  @FieldResolver(() => Organization, { description: 'The organisation named for the part' })
  organization(@Parent() a: PartActor, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgById.load(a.organizationId);
  }

  @FieldResolver(() => Part, { description: 'The part it is named for' })
  part(@Parent() a: PartActor, @Ctx() ctx: Context) {
    return partLoaders(ctx).partById.load(a.partId);
  }

  @FieldResolver(() => [Provenance], { description: 'The sources that state it, with their quotes, in the order recorded' })
  provenance(@Parent() a: PartActor, @Args(() => NestedPageArgs) page: NestedPageArgs): Provenance[] {
    return pageOf(a.provenance, page);
  }
}

/** The parts of an agreement (its planned contents, proposed directions, ...). */
@Resolver(() => Agreement)
export class AgreementPartsResolver {
  @FieldResolver(() => [Part], {
    description: 'Its parts (planned contents, proposed directions, rounds, components), counted with it and never alone, by ordinal (unnumbered last), then id',
  })
  parts(@Parent() a: Agreement, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return partLoaders(ctx).agreementParts.load(a.id, page);
  }
}

/** The parts of an activity (rounds of a competition, ...) and the part an activity carries out. */
@Resolver(() => Activity)
export class ActivityPartsResolver {
  @FieldResolver(() => [Part], {
    description: 'Its parts (rounds, components, directions raised), counted with it and never alone, by ordinal (unnumbered last), then id; events of their own within it are subEvents',
  })
  parts(@Parent() a: Activity, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return partLoaders(ctx).activityInstrumentParts.load(a.id, page);
  }

  @FieldResolver(() => Part, { nullable: true, description: 'The part of its agreement or event that it carries out, if any' })
  part(@Parent() a: Activity, @Ctx() ctx: Context) {
    return partLoaders(ctx).activityPart.load(a.id);
  }
}

export const PART_RESOLVERS = [PartResolver, PartActorResolver, AgreementPartsResolver, ActivityPartsResolver] as const;
