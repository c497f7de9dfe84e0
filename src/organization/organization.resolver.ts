import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import { selectsField } from '../graphql/lookahead';
import type { Context } from '../graphql/context';
import { NotFoundError } from '../core/errors';
import { AdminUnit } from '../geography/geography.type';
import { defineConnection, type ConnectionArgs } from '../graphql/connection';
import { BOTH_APPLY, MAX_FILTER_VALUES, useListForm } from '../graphql/filter-lists';
import { NestedPageArgs } from '../graphql/nested-page';
import { AgreementParty } from '../agreement/agreement.type';
import { Participation } from '../activity/activity.type';
import { Position } from '../person/person.type';
import { ORG_SORTS, listOrganizations, organizationWithLocation } from './organization.repository';
import { OrganizationRelation } from './organization-relation.type';
import { Organization, OrganizationKind } from './organization.type';
import { activityLoaders } from '../activity/activity.loaders';
import { agreementLoaders } from '../agreement/agreement.loaders';
import { organizationLoaders } from './organization.loaders';
import { personLoaders } from '../person/person.loaders';

@InputType({ description: 'Filters for organisations; all given filters must match.' })
export class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true, description: `Only organisations of this kind; any kind when null. ${BOTH_APPLY}`, deprecationReason: useListForm('kinds') })
  kind?: OrganizationKind | null;

  @Field(() => [OrganizationKind], { nullable: true, description: `Only organisations of any of these kinds (up to ${MAX_FILTER_VALUES}); any kind when null or empty` })
  kinds?: OrganizationKind[] | null;

  @Field(() => ID, {
    nullable: true,
    description: `Admin unit id: organisations located there or in a unit that became part of it. ${BOTH_APPLY}`,
    deprecationReason: useListForm('locations'),
  })
  location?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      `Admin unit ids (provinces, countries, states; up to ${MAX_FILTER_VALUES}): organisations located in any of them or in a unit ` +
      'that became part of one of them (a province merged in 2025 counts for the province it joined)',
  })
  locations?: string[] | null;

  @Field(() => ID, { nullable: true, description: `Region id: organisations located in a member unit. ${BOTH_APPLY}`, deprecationReason: useListForm('regions') })
  region?: string | null;

  @Field(() => [ID], { nullable: true, description: `Region ids (up to ${MAX_FILTER_VALUES}): organisations located in a member unit of any of them` })
  regions?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Parent organisation id' })
  parent?: string | null;

  @Field(() => String, { nullable: true, description: 'ROR id, e.g. 00waaqh38' })
  ror?: string | null;
}

const OrganizationList = defineConnection(Organization, 'Organization', ORG_SORTS, 'NAME');
export const OrganizationConnection = OrganizationList.Connection;

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { description: 'An organisation by id; NOT_FOUND when there is none.' })
  async organization(@Arg('id', () => ID, { description: 'The organisation’s id, e.g. org-dost-ca-mau' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Organization> {
    const org = selectsField(info, 'location') ? await organizationWithLocation(ctx.db, id) : await organizationLoaders(ctx).orgById.load(id);
    if (!org) throw new NotFoundError('Organization', id);
    return org;
  }

  @Query(() => OrganizationList.Connection, { description: 'Organisations matching the filter, a page at a time (by name unless orderBy says otherwise).' })
  organizations(
    @Arg('filter', () => OrganizationFilter, { nullable: true, description: 'Which organisations; all of them when null' }) filter: OrganizationFilter | null,
    @Args(() => OrganizationList.Args) page: ConnectionArgs<keyof typeof ORG_SORTS>,
    @Ctx() ctx: Context,
  ) {
    return listOrganizations(ctx.db, filter ?? {}, OrganizationList.request(page));
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: 'The province, city, country or state it sits in; null when not recorded' })
  location(@Parent() org: Organization, @Ctx() ctx: Context) {
    return org.locationNode !== undefined ? org.locationNode : organizationLoaders(ctx).orgLocation.load(org.id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organisation it belongs to (a school’s university, a department’s People’s Committee); null for a top-level organisation' })
  parent(@Parent() org: Organization, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgParent.load(org.id);
  }

  @FieldResolver(() => [Organization], { description: 'Organisations that belong to it, by name then id' })
  children(@Parent() org: Organization, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgChildren.load(org.id, page);
  }

  @FieldResolver(() => [AgreementParty], { description: 'The agreements it is party to, with its role, by signing date (undated last), agreement id, then role' })
  agreements(@Parent() org: Organization, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return agreementLoaders(ctx).orgAgreements.load(org.id, page);
  }

  @FieldResolver(() => [Participation], { description: 'The activities it took part in, with its role, by start date (undated last), activity id, then role' })
  activities(@Parent() org: Organization, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return activityLoaders(ctx).orgActivities.load(org.id, page);
  }

  @FieldResolver(() => [Position], { description: 'People holding posts in it, by date (undated last), name, then person id' })
  positions(@Parent() org: Organization, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return personLoaders(ctx).orgPositions.load(org.id, page);
  }

  @FieldResolver(() => [OrganizationRelation], {
    description: 'Related, predecessor and successor organisations: those it states first, then those stated of it, each by the other organisation’s id',
  })
  relations(@Parent() org: Organization, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context): Promise<OrganizationRelation[]> {
    return organizationLoaders(ctx).orgRelations.load(org.id, page);
  }
}
