import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

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

@ObjectType({ description: 'An edge of a network answer. Cooperation edges join two organisations that share agreements or activities.' })
export class NetworkEdge {
  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => String, { description: 'COOPERATES_WITH, or a graph relationship type such as PARTY_TO' })
  type!: string;

  @Field(() => Float, { description: 'Number of distinct agreements and activities behind the edge (1 for graph relationships)' })
  weight!: number;

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
