import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PartialDateScalar } from '../graphql/partial-date';
import type { TieKind } from '../rules/tie';
import { TieKindEnum } from './link-filter';

@ObjectType({ description: 'How many instruments behind a tie are of one tie kind.' })
export class TieKindCount {
  @Field(() => TieKindEnum)
  kind!: TieKind;

  @Field(() => Int, { description: 'Instruments whose tie for the pair is of this kind (the strongest of their role pairs)' })
  count!: number;
}


@ObjectType({ description: 'A node of a network answer, in a shape a dashboard can draw.' })
export class NetworkNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Graph label: Organization, Agreement, Activity, AdminUnit or Region' })
  type!: string;

  @Field(() => String, { description: 'Organisation kind, agreement kind, activity kind or unit level' })
  kind!: string;

  @Field(() => String, { description: 'Display name (the English name when there is one)' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'Name as the sources write it' })
  name!: string | null;

  @Field(() => ID, { nullable: true, description: 'Province (or country) it is located in' })
  location!: string | null;

  @Field(() => Int, { nullable: true, description: 'Hops from the centre (ego networks and partners)' })
  distance!: number | null;
}

@ObjectType({
  description:
    'An edge of a network answer. A cooperation edge (COOPERATES_WITH) is a tie: two organisations and the instruments (agreements and activities) they share under the tie selection, each counted once with the kind of tie it makes between them (see TieKind).',
})
export class NetworkEdge {
  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => String, { description: 'COOPERATES_WITH, or a graph relationship type such as PARTY_TO' })
  type!: string;

  @Field(() => Float, {
    description:
      'Fractional weight of a tie: the sum over its instruments of 1/(k-1), k the organisations on each (co-authorship counting: one instrument adds at most 1 to an organisation); 1 for graph relationships',
  })
  weight!: number;

  @Field(() => Int, { nullable: true, description: 'Number of distinct instruments behind a tie (null for graph relationships)' })
  count?: number | null;

  @Field(() => [TieKindCount], { nullable: true, description: 'Instruments behind a tie by tie kind, strongest kind first (null for graph relationships)' })
  countsByKind?: TieKindCount[] | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Earliest start of the instruments behind a tie, as precise as written' })
  firstDate?: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'Latest end of the instruments behind a tie, as precise as written (an open-ended one counts by its start)',
  })
  lastDate?: string | null;

  @Field(() => [ID], { description: 'Ids of the agreements and activities behind the edge' })
  evidence!: string[];
}

@ObjectType({ description: 'Nodes and edges, with a flag that says when a size cap cut the answer.' })
export class NetworkGraph {
  @Field(() => [NetworkNode])
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge])
  edges!: NetworkEdge[];

  @Field(() => Boolean, { description: 'True when the answer was cut at the size cap' })
  truncated!: boolean;
}
