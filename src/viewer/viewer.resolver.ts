import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context';
import { Viewer } from './viewer.type';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, {
    nullable: true,
    description:
      'Who the hub takes the request to come from, by its bearer token (Authorization: Bearer <token>): a way to check a token before writing. Null without a token, or when the hub verifies none (writes off); a token that is not valid here gets UNAUTHENTICATED (HTTP 401).',
  })
  viewer(@Ctx() ctx: Context): Viewer | null {
    return ctx.viewer;
  }
}
