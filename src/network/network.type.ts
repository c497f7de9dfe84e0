import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PartialDateScalar } from '../graphql/partial-date';
import type { TieKind } from '../rules/tie';
import { TieKindEnum } from './link-filter';

@ObjectType({ description: 'How many instruments behind a tie are of one tie kind.' })
export class TieKindCount {
  @Field(() => TieKindEnum, { description: 'The tie kind counted' })
  kind!: TieKind;

  @Field(() => Int, { description: 'Instruments whose tie for the pair is of this kind (the strongest of their role pairs)' })
  count!: number;
}


@ObjectType({ description: 'A node of a network answer, in a shape a dashboard can draw.' })
export class NetworkNode {
  @Field(() => ID, { description: 'Id of the organisation, agreement, activity, unit or region; edges name nodes by it' })
  id!: string;

  @Field(() => String, { description: 'Graph label: Organization, Agreement, Activity, AdminUnit or Region' })
  type!: string;

  @Field(() => String, { description: 'Organisation kind, agreement kind, activity kind or unit level' })
  kind!: string;

  @Field(() => String, { description: 'Display name (the English name when there is one)' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'Name or title as the sources write it; null when the node has none' })
  name!: string | null;

  @Field(() => ID, { nullable: true, description: 'Id of the province (or country) it is located in; null when unknown or not an organisation' })
  location!: string | null;

  @Field(() => Int, { nullable: true, description: 'Hops from the centre (ego networks and partners); null in answers without a centre' })
  distance!: number | null;
}

@ObjectType({
  description:
    'An edge of a network answer. A cooperation edge (COOPERATES_WITH) is a tie: two organisations and the instruments (agreements and activities) they share under the tie selection, each counted once with the kind of tie it makes between them (see TieKind).',
})
export class NetworkEdge {
  @Field(() => ID, { description: 'Id of one end (a node of the same answer); for a tie, which is undirected, the smaller of the two ids' })
  source!: string;

  @Field(() => ID, { description: 'Id of the other end (a node of the same answer); for a tie, the larger of the two ids' })
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

  @Field(() => PartialDateScalar, { nullable: true, description: 'Earliest start of the instruments behind a tie, as precise as written; null for graph relationships or when none is dated' })
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
  @Field(() => [NetworkNode], { description: 'The nodes, each once' })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge], { description: 'The edges between those nodes' })
  edges!: NetworkEdge[];

  @Field(() => Boolean, { description: 'True when the answer was cut at the size cap' })
  truncated!: boolean;
}
