import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../graphql/context';
import { NotFoundError } from '../core/errors';
import { AdminUnit } from '../geography/geography.type';
import { checkRange } from '../db/dates';
import { AgreementKind, AgreementStatus } from '../graphql/enums';
import { NestedPageArgs } from '../graphql/nested-page';
import { defineConnection, type ConnectionArgs } from '../graphql/connection';
import { BOTH_APPLY, MAX_FILTER_VALUES, useListForm } from '../graphql/filter-lists';
import { Activity } from '../activity/activity.type';
import { Organization } from '../organization/organization.type';
import { Signature } from '../person/person.type';
import { Topic } from '../topic/topic.type';
import { AGREEMENT_SORTS, listAgreements } from './agreement.repository';
import { Agreement, AgreementParty } from './agreement.type';
import { statusAsOf, today } from '../rules/period';
import { activityLoaders } from '../activity/activity.loaders';
import { agreementLoaders } from './agreement.loaders';
import { personLoaders } from '../person/person.loaders';
import { organizationLoaders } from '../organization/organization.loaders';

@InputType({ description: 'Filters for agreements; all given filters must match.' })
export class AgreementFilter {
  @Field(() => AgreementKind, { nullable: true, description: `Only agreements of this kind; any kind when null. ${BOTH_APPLY}`, deprecationReason: useListForm('kinds') })
  kind?: string | null;

  @Field(() => [AgreementKind], { nullable: true, description: `Only agreements of any of these kinds (up to ${MAX_FILTER_VALUES}); any kind when null or empty` })
  kinds?: string[] | null;

  @Field(() => AgreementStatus, { nullable: true, description: `Its status as of asOf (see Agreement.status). ${BOTH_APPLY}`, deprecationReason: useListForm('statuses') })
  status?: string | null;

  @Field(() => [AgreementStatus], { nullable: true, description: `Its status as of asOf is any of these (see Agreement.status; up to ${MAX_FILTER_VALUES})` })
  statuses?: string[] | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Signed on or after this day; a signing date written as a year or month matches when that period reaches the day',
  })
  from?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Signed on or before this day; a signing date written as a year or month matches when that period starts by the day',
  })
  to?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the status filter is read at; default today (UTC)' })
  asOf?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Signed on or after this day (the same as from; when both are given, both apply)',
    deprecationReason: 'Use from, the name every list gives its start date.',
  })
  signedFrom?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Signed on or before this day (the same as to; when both are given, both apply)',
    deprecationReason: 'Use to, the name every list gives its end date.',
  })
  signedTo?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      'In force on this day, the rule of inForce: from validFrom (else the signing date) to validTo, a year-only date covering its ' +
      'year; undated but stated IN_FORCE, from the publication date of its source; proposals and plans never',
  })
  inForceOn?: string | null;

  @Field(() => ID, { nullable: true, description: `Organisation id of a party. ${BOTH_APPLY}`, deprecationReason: useListForm('parties') })
  party?: string | null;

  @Field(() => [ID], { nullable: true, description: `Organisation ids (up to ${MAX_FILTER_VALUES}): agreements any of them is party to` })
  parties?: string[] | null;

  @Field(() => ID, { nullable: true, description: `Topic id, e.g. topic-innovation: only agreements about that topic. ${BOTH_APPLY}`, deprecationReason: useListForm('topics') })
  topic?: string | null;

  @Field(() => [ID], { nullable: true, description: `Topic ids (up to ${MAX_FILTER_VALUES}): agreements about any of them` })
  topics?: string[] | null;
}

const AgreementList = defineConnection(Agreement, 'Agreement', AGREEMENT_SORTS, 'SIGNED_ON');
export const AgreementConnection = AgreementList.Connection;

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => Agreement, { description: 'An agreement by id; NOT_FOUND when there is none.' })
  async agreement(@Arg('id', () => ID, { description: 'The agreement’s id, e.g. agr-mekong-kez-dost-programme-2018' }) id: string, @Ctx() ctx: Context): Promise<Agreement> {
    const agreement = await agreementLoaders(ctx).agreementById.load(id);
    if (!agreement) throw new NotFoundError('Agreement', id);
    return agreement;
  }

  @Query(() => AgreementList.Connection, { description: 'Agreements matching the filter, a page at a time (by signing date unless orderBy says otherwise).' })
  agreements(
    @Arg('filter', () => AgreementFilter, { nullable: true, description: 'Which agreements; all of them when null' }) filter: AgreementFilter | null,
    @Args(() => AgreementList.Args) page: ConnectionArgs<keyof typeof AGREEMENT_SORTS>,
    @Ctx() ctx: Context,
  ) {
    const request = AgreementList.request(page);
    checkRange(filter?.signedFrom, filter?.signedTo, 'signedFrom', 'signedTo');
    checkRange(filter?.from, filter?.to, 'from', 'to');
    return listAgreements(ctx.db, filter ?? {}, request);
  }

  @FieldResolver(() => AgreementStatus, {
    nullable: true,
    description:
      'Where it stands as of asOf (default today, UTC): a signed or in-force agreement whose validTo has passed is ENDED; ' +
      'otherwise the status its source states (statedStatus)',
  })
  status(
    @Parent() a: Agreement,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'The day to read the status at; default today (UTC)' }) asOf: string | null,
  ): string | null {
    return statusAsOf('AGREEMENT', a.statedStatus, a.validToDay, asOf ?? today());
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: 'Where it was signed (province, city, country or state); null when not stated' })
  signedAt(@Parent() a: Agreement, @Ctx() ctx: Context) {
    return agreementLoaders(ctx).agreementSignedAt.load(a.id);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The framework agreement it implements; null when it implements none' })
  implements(@Parent() a: Agreement, @Ctx() ctx: Context) {
    return agreementLoaders(ctx).agreementImplements.load(a.id);
  }

  @FieldResolver(() => [Agreement], { description: 'Agreements that implement it, by signing date (undated last), then id' })
  implementations(@Parent() a: Agreement, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return agreementLoaders(ctx).agreementImplementations.load(a.id, page);
  }

  @FieldResolver(() => [AgreementParty], { description: 'Its parties, with their roles, by role then organisation id' })
  parties(@Parent() a: Agreement, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return agreementLoaders(ctx).agreementParties.load(a.id, page);
  }

  @FieldResolver(() => [Signature], { description: 'Who signed it, by name then person id' })
  signatures(@Parent() a: Agreement, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return personLoaders(ctx).agreementSignatures.load(a.id, page);
  }

  @FieldResolver(() => [Activity], { description: 'Activities carried out under it, by start date (undated last), then id' })
  activities(@Parent() a: Agreement, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return activityLoaders(ctx).agreementActivities.load(a.id, page);
  }

  @FieldResolver(() => [Topic], { description: 'Its topics, by id' })
  topics(@Parent() a: Agreement, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return agreementLoaders(ctx).agreementTopics.load(a.id, page);
  }
}

@Resolver(() => AgreementParty)
export class AgreementPartyResolver {
  @FieldResolver(() => Organization, { description: 'The organisation that is party' })
  async organization(@Parent() party: AgreementParty, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgById.load(party.organizationId);
  }

  @FieldResolver(() => Agreement, { description: 'The agreement it is party to' })
  async agreement(@Parent() party: AgreementParty, @Ctx() ctx: Context) {
    return agreementLoaders(ctx).agreementById.load(party.agreementId);
  }
}
