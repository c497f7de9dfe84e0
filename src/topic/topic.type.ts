import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'A subject of cooperation (innovation, startups, nanotechnology, ...).' })
export class Topic {
  @Field(() => ID, { description: 'Stable id, e.g. topic-innovation' })
  id!: string;

  @Field(() => String, { description: 'Vietnamese name, e.g. Đổi mới sáng tạo' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'English name, e.g. Innovation; null when none was recorded' })
  nameEn!: string | null;
}
