import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { NotFoundError } from '../errors';
import { Activity } from '../activity/activity.type';
import { Agreement } from '../agreement/agreement.type';
import { listTopics } from './topic.repository';
import { Topic } from './topic.type';

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => Topic, { description: 'A topic by id; NOT_FOUND when there is none.' })
  async topic(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Topic> {
    const topic = await ctx.loaders.topicById.load(id);
    if (!topic) throw new NotFoundError('Topic', id);
    return topic;
  }

  @Query(() => [Topic], { description: 'All topics.' })
  topics(@Ctx() ctx: Context) {
    return listTopics(ctx.db);
  }

  @FieldResolver(() => [Agreement])
  agreements(@Root() t: Topic, @Ctx() ctx: Context) {
    return ctx.loaders.topicAgreements.load(t.id);
  }

  @FieldResolver(() => [Activity])
  activities(@Root() t: Topic, @Ctx() ctx: Context) {
    return ctx.loaders.topicActivities.load(t.id);
  }
}
