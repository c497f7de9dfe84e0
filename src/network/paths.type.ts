import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Organization } from '../organization/organization.type';
import type { TieKind } from '../rules/tie';
import { LinkKind, TieKindEnum } from './link-filter';



@ObjectType({ description: 'One step of a route: two organisations, the instrument that ties them and the kind of that tie.' })
export class PathStep {
  fromId!: string;
  toId!: string;

  @Field(() => ID, { name: 'instrumentId', description: 'Id of the agreement or activity the step goes through' })
  linkId!: string;

  @Field(() => LinkKind)
  kind!: LinkKind;

  @Field(() => TieKindEnum, { description: 'The kind of tie the instrument makes between the two, from their roles in it (always one of the selection)' })
  tieKind!: TieKind;

  @Field(() => String)
  fromRole!: string;

  @Field(() => String)
  toRole!: string;
}

@ObjectType({ description: 'A route between two organisations over ties of the selection.' })
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

  /** The statement parameters of the routes' filter, so that their graph reads the same ties. */
  params?: Record<string, unknown>;
}
