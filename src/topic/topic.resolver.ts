import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import type { Context } from '../graphql/context';
import { NotFoundError } from '../core/errors';
import { NestedPageArgs } from '../graphql/nested-page';
import { defineConnection, type ConnectionArgs } from '../graphql/connection';
import { Activity } from '../activity/activity.type';
import { Agreement } from '../agreement/agreement.type';
import { TOPIC_SORTS, listTopics } from './topic.repository';
import { Topic } from './topic.type';
import { activityLoaders } from '../activity/activity.loaders';
import { agreementLoaders } from '../agreement/agreement.loaders';
import { topicLoaders } from './topic.loaders';

const TopicList = defineConnection(Topic, 'Topic', TOPIC_SORTS, 'NAME');
export const TopicConnection = TopicList.Connection;

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => Topic, { description: 'A topic by id; NOT_FOUND when there is none.' })
  async topic(@Arg('id', () => ID, { description: 'The topic’s id, e.g. topic-innovation' }) id: string, @Ctx() ctx: Context): Promise<Topic> {
    const topic = await topicLoaders(ctx).topicById.load(id);
    if (!topic) throw new NotFoundError('Topic', id);
    return topic;
  }

  @Query(() => TopicList.Connection, { description: 'Topics, a page at a time, by name.' })
  topics(@Args(() => TopicList.Args) page: ConnectionArgs<keyof typeof TOPIC_SORTS>, @Ctx() ctx: Context) {
    return listTopics(ctx.db, TopicList.request(page));
  }

  @FieldResolver(() => [Agreement], { description: 'Agreements about it, by signing date (undated last), then id' })
  agreements(@Parent() t: Topic, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return agreementLoaders(ctx).topicAgreements.load(t.id, page);
  }

  @FieldResolver(() => [Activity], { description: 'Activities about it, by start date (undated last), then id' })
  activities(@Parent() t: Topic, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return activityLoaders(ctx).topicActivities.load(t.id, page);
  }
}
