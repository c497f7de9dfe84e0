import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { NotFoundError } from '../core/errors';
import { SourceKind } from '../graphql/enums';
import { NestedPageArgs } from '../graphql/nested-page';
import { defineConnection, type ConnectionArgs } from '../graphql/connection';
import { Organization } from '../organization/organization.type';
import { Signature } from '../person/person.type';
import { SOURCE_SORTS, listSources } from './source.repository';
import { Provenance } from '../graphql/provenance.type';
import { SourceDocument } from './source.type';
import { personLoaders } from '../person/person.loaders';
import { sourceLoaders } from './source.loaders';

const SourceList = defineConnection(SourceDocument, 'SourceDocument', SOURCE_SORTS, 'ID');
export const SourceDocumentConnection = SourceList.Connection;

@Resolver(() => SourceDocument)
export class SourceResolver {
  @Query(() => SourceDocument, { description: 'A source by id; NOT_FOUND when there is none.' })
  async source(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SourceDocument> {
    const source = await sourceLoaders(ctx).sourceById.load(id);
    if (!source) throw new NotFoundError('Source', id);
    return source;
  }

  @Query(() => SourceList.Connection, { description: 'Sources (of one kind when given), a page at a time, by id.' })
  sources(
    @Arg('kind', () => SourceKind, { nullable: true }) kind: string | null,
    @Args(() => SourceList.Args) page: ConnectionArgs<keyof typeof SOURCE_SORTS>,
    @Ctx() ctx: Context,
  ) {
    return listSources(ctx.db, kind ?? null, SourceList.request(page));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organisation that issued it' })
  publisher(@Root() s: SourceDocument, @Ctx() ctx: Context) {
    return sourceLoaders(ctx).sourcePublisher.load(s.id);
  }

  @FieldResolver(() => [Signature], { description: 'Who signed the document, by name then person id' })
  signatures(@Root() s: SourceDocument, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return personLoaders(ctx).documentSignatures.load(s.id, page);
  }
}

@Resolver(() => Provenance)
export class ProvenanceResolver {
  @FieldResolver(() => SourceDocument, { nullable: true })
  source(@Root() p: Provenance, @Ctx() ctx: Context) {
    return sourceLoaders(ctx).sourceById.load(p.sourceId);
  }
}
