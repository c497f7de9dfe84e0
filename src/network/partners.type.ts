import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { Organization } from '../organization/organization.type';
import { LinkKind } from './link-filter';

@ObjectType({ description: 'An agreement or activity that links the actor to a partner, with both roles.' })
export class CooperationLink {
  @Field(() => LinkKind)
  kind!: LinkKind;

  @Field(() => ID, { description: 'Id of the agreement or activity' })
  id!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Signing date, start of validity, or start of the activity' })
  date!: string | null;

  @Field(() => ID, { description: 'The actor’s organisation on this link (for a province or region: which of its organisations)' })
  actorOrganizationId!: string;

  @Field(() => String, { description: 'The actor organisation’s role' })
  actorRole!: string;

  @Field(() => String, { description: 'The partner’s role' })
  partnerRole!: string;
}

@ObjectType({ description: 'An organisation that cooperates with the actor, directly or through intermediaries.' })
export class Partner {
  organizationId!: string;
  /** The partner itself when the statement that found it returned it (saves a lookup). */
  organizationNode?: Organization;
  viaId!: string | null;

  @Field(() => Int, { description: '1 for direct partners; n when the nearest route passes n-1 intermediaries' })
  distance!: number;

  @Field(() => Int, { description: 'Number of distinct agreements and activities shared (direct partners; 0 otherwise)' })
  strength!: number;

  /** Served by PartnerResolver.evidence, which pages it; in the order that field states. */
  evidence!: CooperationLink[];
}

@ObjectType({ description: 'The partners of an actor.' })
export class PartnerList {
  @Field(() => ID)
  actor!: string;

  @Field(() => String, { description: 'Organization, AdminUnit or Region' })
  actorKind!: string;

  @Field(() => Int, { description: 'Organisations the actor stands for' })
  actorOrganizations!: number;

  @Field(() => Int, { description: 'All partners found (before paging)' })
  totalCount!: number;

  @Field(() => [Partner])
  partners!: Partner[];

  @Field(() => Boolean, { description: 'True when the search stopped at its size cap' })
  truncated!: boolean;
}

@ObjectType({ description: 'One step of a route: two organisations and what links them.' })
export class PathStep {
  fromId!: string;
  toId!: string;
  linkId!: string;

  @Field(() => LinkKind)
  kind!: LinkKind;

  @Field(() => String)
  fromRole!: string;

  @Field(() => String)
  toRole!: string;
}

@ObjectType({ description: 'A route between two organisations over cooperation links.' })
export class CooperationPath {
  organizationIds!: string[];
  /** The organisations along the route, when the path statement returned them. */
  organizationNodes?: Organization[];

  @Field(() => Int, { description: 'Number of steps' })
  length!: number;

  @Field(() => [PathStep])
  steps!: PathStep[];
}

@ObjectType({ description: 'Shortest routes between two organisations. No route is an answer (found: false), not an error.' })
export class PathResult {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => Boolean)
  found!: boolean;

  @Field(() => Int, { nullable: true, description: 'Steps of the shortest route' })
  length!: number | null;

  @Field(() => [CooperationPath])
  paths!: CooperationPath[];
}
