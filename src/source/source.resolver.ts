import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import type { Context } from '../graphql/context';
import { NotFoundError } from '../core/errors';
import { SourceKind } from '../graphql/enums';
import { NestedPageArgs } from '../graphql/nested-page';
import { defineConnection, type ConnectionArgs } from '../graphql/connection';
import { BOTH_APPLY, MAX_FILTER_VALUES, useListForm } from '../graphql/filter-lists';
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
  async source(@Arg('id', () => ID, { description: 'The source’s id, e.g. src-000 or ext-resolution-202-2025' }) id: string, @Ctx() ctx: Context): Promise<SourceDocument> {
    const source = await sourceLoaders(ctx).sourceById.load(id);
    if (!source) throw new NotFoundError('Source', id);
    return source;
  }

  @Query(() => SourceList.Connection, { description: 'Sources (of the kinds given), a page at a time, by id unless orderBy says otherwise (TITLE: in Vietnamese order).' })
  sources(
    @Arg('kind', () => SourceKind, { nullable: true, description: `Only sources of this kind; all kinds when null. ${BOTH_APPLY}`, deprecationReason: useListForm('kinds') })
    kind: string | null,
    @Arg('kinds', () => [SourceKind], { nullable: true, description: `Only sources of any of these kinds (up to ${MAX_FILTER_VALUES}); all kinds when null or empty` })
    kinds: string[] | null,
    @Args(() => SourceList.Args) page: ConnectionArgs<keyof typeof SOURCE_SORTS>,
    @Ctx() ctx: Context,
  ) {
    return listSources(ctx.db, { kind, kinds }, SourceList.request(page));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organisation that issued it; null when not recorded' })
  publisher(@Parent() s: SourceDocument, @Ctx() ctx: Context) {
    return sourceLoaders(ctx).sourcePublisher.load(s.id);
  }

  @FieldResolver(() => [Signature], { description: 'Who signed the document, by name then person id' })
  signatures(@Parent() s: SourceDocument, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: Context) {
    return personLoaders(ctx).documentSignatures.load(s.id, page);
  }
}

@Resolver(() => Provenance)
export class ProvenanceResolver {
  @FieldResolver(() => SourceDocument, { nullable: true, description: 'The source itself (title, kind, date, number); null only if the id names no stored source' })
  source(@Parent() p: Provenance, @Ctx() ctx: Context) {
    return sourceLoaders(ctx).sourceById.load(p.sourceId);
  }
}
