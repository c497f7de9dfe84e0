import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import type { Context } from '../graphql/context';
import { NotFoundError } from '../core/errors';
import { NestedPageArgs } from '../graphql/nested-page';
import { defineConnection, type ConnectionArgs } from '../graphql/connection';
import { BOTH_APPLY, MAX_FILTER_VALUES, useListForm } from '../graphql/filter-lists';
import { Activity } from '../activity/activity.type';
import { Agreement } from '../agreement/agreement.type';
import { Organization } from '../organization/organization.type';
import { SourceDocument } from '../source/source.type';
import { PERSON_SORTS, listPeople } from './person.repository';
import { Attendance, Person, Position, Signature } from './person.type';
import { activityLoaders } from '../activity/activity.loaders';
import { agreementLoaders } from '../agreement/agreement.loaders';
import { organizationLoaders } from '../organization/organization.loaders';
import { personLoaders } from './person.loaders';
import { sourceLoaders } from '../source/source.loaders';

const PersonList = defineConnection(Person, 'Person', PERSON_SORTS, 'NAME');
export const PersonConnection = PersonList.Connection;

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { description: 'A person by id; NOT_FOUND when there is none.' })
  async person(@Arg('id', () => ID, { description: 'The person’s id, e.g. per-bui-the-duy' }) id: string, @Ctx() ctx: Context): Promise<Person> {
    const person = await personLoaders(ctx).personById.load(id);
    if (!person) throw new NotFoundError('Person', id);
    return person;
  }

  @Query(() => PersonList.Connection, { description: 'People, a page at a time, by name.' })
  people(
    @Arg('organization', () => ID, { nullable: true, description: `Only people holding a post there. ${BOTH_APPLY}`, deprecationReason: useListForm('organizations') })
    organization: string | null,
    @Arg('organizations', () => [ID], { nullable: true, description: `Organisation ids (up to ${MAX_FILTER_VALUES}): only people holding a post in any of them` })
    organizations: string[] | null,
    @Args(() => PersonList.Args) page: ConnectionArgs<keyof typeof PERSON_SORTS>,
    @Ctx() ctx: Context,
  ) {
    return listPeople(ctx.db, { organization, organizations }, PersonList.request(page));
  }

  @FieldResolver(() => [Position], { description: 'Posts held, by date (undated last), organisation id, then title' })
  positions(@Parent() p: Person, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return personLoaders(ctx).personPositions.load(p.id, page);
  }

  @FieldResolver(() => [Signature], { description: 'Agreements and documents signed, by their id' })
  signatures(@Parent() p: Person, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return personLoaders(ctx).personSignatures.load(p.id, page);
  }

  @FieldResolver(() => [Attendance], { description: 'Activities attended, by start date (undated last), activity id, then role' })
  attendances(@Parent() p: Person, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return personLoaders(ctx).personAttendances.load(p.id, page);
  }
}

@Resolver(() => Position)
export class PositionResolver {
  @FieldResolver(() => Person, { description: 'Who holds the post' })
  person(@Parent() p: Position, @Ctx() ctx: Context) {
    return personLoaders(ctx).personById.load(p.personId);
  }

  @FieldResolver(() => Organization, { description: 'Where the post is' })
  organization(@Parent() p: Position, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgById.load(p.organizationId);
  }
}

@Resolver(() => Signature)
export class SignatureResolver {
  @FieldResolver(() => Person, { description: 'Who signed' })
  person(@Parent() s: Signature, @Ctx() ctx: Context) {
    return personLoaders(ctx).personById.load(s.personId);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement signed, when it is one' })
  agreement(@Parent() s: Signature, @Ctx() ctx: Context) {
    return s.agreementId ? agreementLoaders(ctx).agreementById.load(s.agreementId) : null;
  }

  @FieldResolver(() => SourceDocument, { nullable: true, description: 'The document signed, when it is one' })
  document(@Parent() s: Signature, @Ctx() ctx: Context) {
    return s.documentId ? sourceLoaders(ctx).sourceById.load(s.documentId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organisation the person signed for; null when the source does not say' })
  onBehalfOf(@Parent() s: Signature, @Ctx() ctx: Context) {
    return s.onBehalfOfId ? organizationLoaders(ctx).orgById.load(s.onBehalfOfId) : null;
  }
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => Person, { description: 'Who took part' })
  person(@Parent() a: Attendance, @Ctx() ctx: Context) {
    return personLoaders(ctx).personById.load(a.personId);
  }

  @FieldResolver(() => Activity, { description: 'The activity taken part in' })
  activity(@Parent() a: Attendance, @Ctx() ctx: Context) {
    return activityLoaders(ctx).activityById.load(a.activityId);
  }
}
