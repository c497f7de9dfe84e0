import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { NotFoundError } from '../core/errors';
import { buildSearchQuery, checkSearchInput, MAX_SEARCH_RESULTS, MAX_SEARCH_TEXT, SearchMatch } from './search.query';
import { searchNames } from './search.repository';
import { SearchHit, SearchKind, SearchResult, tagSearchNode } from './search.type';
import { activityLoaders } from '../activity/activity.loaders';
import { agreementLoaders } from '../agreement/agreement.loaders';
import { organizationLoaders } from '../organization/organization.loaders';
import { personLoaders } from '../person/person.loaders';
import { geographyLoaders } from '../geography/geography.loaders';
import { topicLoaders } from '../topic/topic.loaders';

/** The per-request loader by id of each kind, so that the nodes of all hits load in one batch per kind. */
function loadNode(ctx: Context, kind: SearchKind, id: string): Promise<object | null> {
  switch (kind) {
    case SearchKind.ORGANIZATION:
      return organizationLoaders(ctx).orgById.load(id);
    case SearchKind.ADMIN_UNIT:
      return geographyLoaders(ctx).unitById.load(id);
    case SearchKind.REGION:
      return geographyLoaders(ctx).regionById.load(id);
    case SearchKind.AGREEMENT:
      return agreementLoaders(ctx).agreementById.load(id);
    case SearchKind.ACTIVITY:
      return activityLoaders(ctx).activityById.load(id);
    case SearchKind.PERSON:
      return personLoaders(ctx).personById.load(id);
    case SearchKind.TOPIC:
      return topicLoaders(ctx).topicById.load(id);
  }
}

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      `Full-text search over names, English names, titles, aliases and acronyms of organisations, admin units, regions, ` +
      `agreements, activities, people and topics; ignores case and diacritics ("Can Tho" finds Cần Thơ), ranks the exact ` +
      `phrase first and treats the last word as a prefix (match: BEST), or keeps only names holding the phrase (PHRASE) ` +
      `or every word (ALL_WORDS). text: 1 to ${MAX_SEARCH_TEXT} characters; first: 1 to ${MAX_SEARCH_RESULTS}.`,
  })
  search(
    @Arg('text', () => String) text: string,
    @Arg('kinds', () => [SearchKind], { nullable: true, description: 'Only these kinds (all when absent or empty)' }) kinds: SearchKind[] | null,
    @Arg('first', () => Int, { defaultValue: 20, description: `How many hits (1 to ${MAX_SEARCH_RESULTS})` }) first: number,
    @Arg('match', () => SearchMatch, { defaultValue: SearchMatch.BEST, description: 'How the words must appear in a name' })
    match: SearchMatch,
    @Ctx() ctx: Context,
  ): Promise<SearchHit[]> {
    const trimmed = checkSearchInput(text, first);
    return searchNames(ctx.db, buildSearchQuery(trimmed, match), kinds ?? null, first);
  }

  @FieldResolver(() => SearchResult, { description: 'The organisation, unit, region, agreement, activity, person or topic' })
  async node(@Root() hit: SearchHit, @Ctx() ctx: Context): Promise<object> {
    const node = await loadNode(ctx, hit.kind, hit.id);
    if (!node) throw new NotFoundError(hit.kind, hit.id);
    return tagSearchNode(hit.kind, node);
  }
}
