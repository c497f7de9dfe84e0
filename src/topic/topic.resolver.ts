import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { NotFoundError } from '../errors';
import { NestedPageArgs } from '../graphql/nested-page';
import { defineConnection, type ConnectionArgs } from '../graphql/connection';
import { Activity } from '../activity/activity.type';
import { Agreement } from '../agreement/agreement.type';
import { TOPIC_SORTS, listTopics } from './topic.repository';
import { Topic } from './topic.type';

const TopicList = defineConnection(Topic, 'Topic', TOPIC_SORTS, 'NAME');
export const TopicConnection = TopicList.Connection;

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => Topic, { description: 'A topic by id; NOT_FOUND when there is none.' })
  async topic(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Topic> {
    const topic = await ctx.loaders.topicById.load(id);
    if (!topic) throw new NotFoundError('Topic', id);
    return topic;
  }

  @Query(() => TopicList.Connection, { description: 'Topics, a page at a time, by name.' })
  topics(@Args(() => TopicList.Args) page: ConnectionArgs<keyof typeof TOPIC_SORTS>, @Ctx() ctx: Context) {
    return listTopics(ctx.db, TopicList.request(page));
  }

  @FieldResolver(() => [Agreement], { description: 'Agreements about it, by signing date (undated last), then id' })
  agreements(@Root() t: Topic, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return ctx.loaders.topicAgreements.load(t.id, page);
  }

  @FieldResolver(() => [Activity], { description: 'Activities about it, by start date (undated last), then id' })
  activities(@Root() t: Topic, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return ctx.loaders.topicActivities.load(t.id, page);
  }
}
