import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Organization } from '../organization/organization.type';
import type { TieKind } from '../rules/tie';
import { LinkKind, TieKindEnum } from './link-filter';
import { LIMITS } from './network.limits';
import { EXPLAIN_MAX_HOPS } from './network.repository';

/** Why `paths` found no route (null when it found one). */
export enum NoPathReason {
  NOT_CONNECTED = 'NOT_CONNECTED',
  TOO_MANY_HOPS = 'TOO_MANY_HOPS',
  FILTERED_OUT = 'FILTERED_OUT',
}
registerEnumType(NoPathReason, {
  name: 'NoPathReason',
  description: 'Why there is no route between two organisations',
  valuesConfig: {
    NOT_CONNECTED: {
      description: `No chain of shared agreements or activities of any kind, role or status joins them (looked for up to ${EXPLAIN_MAX_HOPS} steps), whatever the filter`,
    },
    TOO_MANY_HOPS: {
      description: `Ties of the selection join them, but only by routes longer than maxHops; \`distance\` gives the length (null when farther than the check looks: ${EXPLAIN_MAX_HOPS} steps or ${LIMITS.searchCap} organisations)`,
    },
    FILTERED_OUT: {
      description:
        'They are joined only through ties the selection leaves out: by the filter, or by default co-attendance, a parent and its sub-unit, and proposed or planned instruments',
    },
  },
});



@ObjectType({ description: 'One step of a route: two organisations, the instrument that ties them and the kind of that tie.' })
export class PathStep {
  fromId!: string;
  toId!: string;

  @Field(() => ID, { name: 'instrumentId', description: 'Id of the agreement or activity the step goes through' })
  linkId!: string;

  @Field(() => LinkKind, { description: 'Whether the step goes through an agreement or an activity' })
  kind!: LinkKind;

  @Field(() => TieKindEnum, { description: 'The kind of tie the instrument makes between the two, from their roles in it (always one of the selection)' })
  tieKind!: TieKind;

  @Field(() => String, { description: 'The role of the step’s first organisation in the instrument (a PartyRole or ParticipationRole value)' })
  fromRole!: string;

  @Field(() => String, { description: 'The role of the step’s second organisation in the instrument (a PartyRole or ParticipationRole value)' })
  toRole!: string;
}

@ObjectType({ description: 'A route between two organisations over ties of the selection.' })
export class CooperationPath {
  organizationIds!: string[];
  /** The organisations along the route, when the path statement returned them. */
  organizationNodes?: Organization[];

  @Field(() => Int, { description: 'Number of steps' })
  length!: number;

  @Field(() => [PathStep], { description: 'The steps in order, from the start organisation to the end one' })
  steps!: PathStep[];
}

@ObjectType({ description: 'Shortest routes between two organisations. No route is an answer (found: false), not an error.' })
export class PathResult {
  @Field(() => ID, { description: 'Id of the organisation the routes start from' })
  from!: string;

  @Field(() => ID, { description: 'Id of the organisation the routes end at' })
  to!: string;

  @Field(() => Boolean, { description: 'Whether a route of at most maxHops steps exists; when false, `reason` says why' })
  found!: boolean;

  @Field(() => Int, { nullable: true, description: 'Steps of the shortest route; null when found is false' })
  length!: number | null;

  @Field(() => [CooperationPath], { description: 'The routes found, shortest first; empty when found is false' })
  paths!: CooperationPath[];

  /** The statement parameters of the routes' filter, so that their graph reads the same ties. */
  params?: Record<string, unknown>;

  /** The longest route looked for, so that a missing route can be explained. */
  maxHops?: number;
}
