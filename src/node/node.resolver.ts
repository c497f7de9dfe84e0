import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../core/errors';
import type { Context } from '../graphql/context';
import { nodeLoaders } from './node.loaders';
import { Node } from './node.type';

/** Most ids one `nodes` call takes. */
export const MAX_NODE_IDS = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Anything with an id (organisation, admin unit, region, agreement, activity, part, person, source, topic), ' +
      'whatever its kind; null when nothing has that id. Ask for fields of its type with `... on Type { }`.',
  })
  node(@Arg('id', () => ID, { description: 'The id, e.g. org-dost-ca-mau or agr-mekong-kez-dost-programme-2018' }) id: string, @Ctx() ctx: Context) {
    return nodeLoaders(ctx).nodeById.load(id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      `Several nodes of any kinds by id in one call, e.g. the evidence ids of an answer: the same order as \`ids\`, ` +
      `null where nothing has an id (a repeated id comes back each time). At most ${MAX_NODE_IDS} ids.`,
  })
  async nodes(@Arg('ids', () => [ID], { description: `The ids (at most ${MAX_NODE_IDS})` }) ids: string[], @Ctx() ctx: Context) {
    if (ids.length > MAX_NODE_IDS) throw new BadUserInputError(`ids holds ${ids.length} ids; at most ${MAX_NODE_IDS} are allowed`, 'ids');
    if (!ids.length) return [];
    const loaded = await nodeLoaders(ctx).nodeById.loadMany(ids);
    return loaded.map((n) => {
      if (n instanceof Error) throw n;
      return n;
    });
  }
}
