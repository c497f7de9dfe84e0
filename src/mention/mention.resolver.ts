import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context';
import { MentionReport } from './mention.type';
import { MAX_MENTION_TEXT, MAX_MENTIONS, mentionsIn } from './mention.service';

@Resolver()
export class MentionResolver {
  @Query(() => MentionReport, {
    description:
      'The known organisations, admin units, numbered instruments and people a text names, with offsets and sentences, and the names of bodies it gives that the graph lacks: what a curator checks before writing facts. Case, diacritics and the usual forms of public bodies are folded (Sở KH&CN ⇄ Sở Khoa học và Công nghệ ⇄ DOST; UBND ⇄ Ủy ban nhân dân; tỉnh and thành phố may be left out).',
  })
  async mentions(
    @Arg('source', () => ID, { nullable: true, description: 'A stored source document whose text to read' }) source: string | null,
    @Arg('text', () => String, { nullable: true, description: `A text to read instead (at most ${MAX_MENTION_TEXT} characters)` }) text: string | null,
    @Arg('first', () => Int, { defaultValue: 200, description: `How many mentions to list (1 to ${MAX_MENTIONS})` }) first: number,
    @Ctx() ctx: Context,
  ): Promise<MentionReport> {
    return mentionsIn(ctx.db, { sourceId: source, text, first });
  }
}
