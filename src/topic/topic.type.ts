import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A subject of cooperation (innovation, startups, nanotechnology, ...).' })
export class Topic {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn!: string | null;
}
