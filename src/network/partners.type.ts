import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PartialDateScalar } from '../graphql/partial-date';
import type { Organization } from '../organization/organization.type';
import type { TieKind } from '../rules/tie';
import { LinkKind, TieKindEnum } from './link-filter';
import { TieKindCount } from './network.type';
import { PageInfo } from '../graphql/connection';


@ObjectType({ description: 'An agreement or activity that ties the actor to a partner, with both roles and the kind of tie it makes.' })
export class CooperationLink {
  @Field(() => LinkKind, { description: 'Whether the instrument is an agreement or an activity' })
  kind!: LinkKind;

  @Field(() => ID, { description: 'Id of the agreement or activity' })
  id!: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Start of its span as precise as written: start of validity or signing date, or start of the activity; null when undated' })
  date!: string | null;

  @Field(() => TieKindEnum, { description: 'The kind of tie this instrument makes between the two (the strongest over their role pairs in it)' })
  tieKind!: TieKind;

  @Field(() => ID, { description: 'The actor’s organisation on this link (for a province or region: which of its organisations)' })
  actorOrganizationId!: string;

  @Field(() => String, { description: 'The actor organisation’s role' })
  actorRole!: string;

  @Field(() => String, { description: 'The partner’s role' })
  partnerRole!: string;

  /** The partner's organisation on this link: the partner itself, or under roll-up one of its sub-units. */
  partnerOrganizationId!: string;
}

@ObjectType({ description: 'An organisation that cooperates with the actor, directly or through intermediaries.' })
export class Partner {
  organizationId!: string;
  /** The partner itself when the statement that found it returned it (saves a lookup). */
  organizationNode?: Organization;
  viaId!: string | null;

  @Field(() => Int, { description: '1 for direct partners; n when the nearest route passes n-1 intermediaries' })
  distance!: number;

  @Field(() => Int, {
    description: 'Number of distinct instruments tied through (direct partners; 0 otherwise)',
    deprecationReason: 'Use `count` (the same number) or the fractional `weight`',
  })
  strength!: number;

  @Field(() => Int, { description: 'Number of distinct agreements and activities tying the two under the selection (direct partners; 0 otherwise)' })
  count!: number;

  @Field(() => Float, {
    description:
      'Fractional weight of the tie: the sum over its instruments of 1/(k-1), k the organisations on each (direct partners; 0 otherwise)',
  })
  weight!: number;

  @Field(() => [TieKindCount], { description: 'Instruments of the tie by tie kind, strongest kind first (direct partners; empty otherwise)' })
  countsByKind!: TieKindCount[];

  @Field(() => PartialDateScalar, { nullable: true, description: 'Earliest start of the instruments of the tie, as precise as written (direct partners); null for indirect partners or when none is dated' })
  firstDate!: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'Latest end of the instruments of the tie, as precise as written; an open-ended one counts by its start (direct partners)',
  })
  lastDate!: string | null;

  /** Served by PartnerResolver.evidence, which pages it; in the order that field states. */
  evidence!: CooperationLink[];
}

@ObjectType({ description: 'The partners of an actor.' })
export class PartnerList {
  @Field(() => ID, { description: 'The id asked about (organisation, admin unit or region)' })
  actor!: string;

  @Field(() => String, { description: 'Organization, AdminUnit or Region' })
  actorKind!: string;

  @Field(() => Int, { description: 'Organisations the actor stands for' })
  actorOrganizations!: number;

  @Field(() => Int, { description: 'All partners found (before paging)' })
  totalCount!: number;

  @Field(() => [Partner], { description: 'This page of partners (first, from after or offset): nearest first, direct ones by weight' })
  partners!: Partner[];

  @Field(() => PageInfo, { description: 'Whether more partners follow this page, and the cursor (endCursor) to pass as after for the next page' })
  pageInfo!: PageInfo;

  @Field(() => Boolean, { description: 'True when the search stopped at its size cap' })
  truncated!: boolean;
}

