import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { NotFoundError } from '../errors';
import { SourceKind } from '../graphql/enums';
import { PageArgs, checkPage } from '../graphql/paging';
import { Organization } from '../organization/organization.type';
import { Signature } from '../person/person.type';
import { listSources } from './source.repository';
import { Provenance, SourceDocument } from './source.type';

@Resolver(() => SourceDocument)
export class SourceResolver {
  @Query(() => SourceDocument, { description: 'A source by id; NOT_FOUND when there is none.' })
  async source(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SourceDocument> {
    const source = await ctx.loaders.sourceById.load(id);
    if (!source) throw new NotFoundError('Source', id);
    return source;
  }

  @Query(() => [SourceDocument], { description: 'Sources, by id.' })
  async sources(
    @Arg('kind', () => SourceKind, { nullable: true }) kind: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<SourceDocument[]> {
    const { limit, offset } = checkPage(page);
    return listSources(ctx.db, kind ?? null, limit, offset);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organisation that issued it' })
  publisher(@Root() s: SourceDocument, @Ctx() ctx: Context) {
    return ctx.loaders.sourcePublisher.load(s.id);
  }

  @FieldResolver(() => [Signature], { description: 'Who signed the document' })
  signatures(@Root() s: SourceDocument, @Ctx() ctx: Context) {
    return ctx.loaders.documentSignatures.load(s.id);
  }
}

@Resolver(() => Provenance)
export class ProvenanceResolver {
  @FieldResolver(() => SourceDocument, { nullable: true })
  source(@Root() p: Provenance, @Ctx() ctx: Context) {
    return ctx.loaders.sourceById.load(p.sourceId);
  }
}
