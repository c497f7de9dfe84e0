import { Field, InputType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { checkRange, dateParam } from '../graphql/dates';
import { OrganizationKind } from '../organization/organization.type';

export enum LinkKind {
  AGREEMENT = 'AGREEMENT',
  ACTIVITY = 'ACTIVITY',
}
registerEnumType(LinkKind, { name: 'LinkKind', description: 'What joins two organisations: a shared agreement or a shared activity' });

@InputType({ description: 'Which cooperation links count. A link is an agreement or activity two organisations share.' })
export class LinkFilter {
  @Field(() => LocalDateResolver, { nullable: true, description: 'Links in force or held on or after this date (undated links are left out)' })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Links signed, starting or held on or before this date (undated links are left out)' })
  to?: string | null;

  @Field(() => [LinkKind], { nullable: true, description: 'Only these kinds of link' })
  linkKinds?: LinkKind[] | null;

  @Field(() => [OrganizationKind], { nullable: true, description: 'Only partners of these kinds (intermediaries on longer routes may be of any kind)' })
  partnerKinds?: OrganizationKind[] | null;

  @Field(() => String, { nullable: true, description: 'Only links about this topic id' })
  topic?: string | null;
}

/** The Cypher parameters of a link filter; throws BAD_USER_INPUT for malformed or inverted dates. */
export function linkFilterParams(filter: LinkFilter | null | undefined): Record<string, unknown> {
  checkRange(filter?.from, filter?.to, 'from', 'to');
  return {
    periodFrom: dateParam(filter?.from, 'from'),
    periodTo: dateParam(filter?.to, 'to'),
    linkKinds: filter?.linkKinds?.length ? filter.linkKinds : null,
    partnerKinds: filter?.partnerKinds?.length ? filter.partnerKinds : null,
    topic: filter?.topic ?? null,
  };
}
