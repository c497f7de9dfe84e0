import { Arg, Ctx, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import type { Context } from '../graphql/context';
import { NotFoundError } from '../core/errors';
import { checkSearchInput, MAX_SEARCH_RESULTS, MAX_SEARCH_TEXT, SearchMatch } from './search.query';
import { searchNames } from './search.repository';
import { planSearch } from './search.plan';
import { buildSuggestQuery } from './search.suggest';
import { searchLoaders } from './search.loaders';
import { SearchHit, SearchKind, SearchResult, tagSearchNode } from './search.type';
// Nodes of every kind load through the node domain, which search and node(id) share.
import { loadNode } from '../node/node.kinds';

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      `Full-text search over names, English names, titles, aliases and acronyms of organisations, admin units, regions, ` +
      `agreements, activities, people and topics; ignores case and diacritics ("Can Tho" finds Cần Thơ), ranks the exact ` +
      `phrase first and treats the last word as a prefix (match: BEST), or keeps only names holding the phrase (PHRASE) ` +
      `or every word (ALL_WORDS). A document number in the text (16/TTHT-UBND, 416/SKHCN-VP) is looked up exactly ` +
      `(case, diacritics and spaces around / and - ignored) and the agreement or source carrying it comes first. The ` +
      `usual forms of public bodies stand for each other: DOST, Sở KH&CN, Sở Khoa học và Công nghệ and Department of ` +
      `Science and Technology; UBND and People's Committee; KHCN, KH&CN and khoa học và công nghệ; ĐH and Đại học; ` +
      `TP. and Thành phố; and more. When it finds nothing, searchSuggestions offers close names. ` +
      `text: 1 to ${MAX_SEARCH_TEXT} characters; first: 1 to ${MAX_SEARCH_RESULTS}. The hits are a plain list, not a paged ` +
      `connection: a relevance ranking for picking one thing, whose useful part is its top; at most ${MAX_SEARCH_RESULTS} hits, and a ` +
      `search that misses is asked again with more words rather than paged through.`,
  })
  search(
    @Arg('text', () => String, { description: `What to look for, as a person types it: 1 to ${MAX_SEARCH_TEXT} characters; case and diacritics are ignored` }) text: string,
    @Arg('kinds', () => [SearchKind], { nullable: true, description: 'Only these kinds (all when absent or empty)' }) kinds: SearchKind[] | null,
    @Arg('first', () => Int, { defaultValue: 20, description: `How many hits (1 to ${MAX_SEARCH_RESULTS})` }) first: number,
    @Arg('match', () => SearchMatch, { defaultValue: SearchMatch.BEST, description: 'How the words must appear in a name' })
    match: SearchMatch,
    @Ctx() ctx: Context,
  ): Promise<SearchHit[]> {
    return searchNames(ctx.db, planSearch(checkSearchInput(text, first), match), kinds ?? null, first);
  }

  @Query(() => [SearchHit], {
    description:
      `Close names for a text that search finds nothing for (a misspelt or half-remembered name): every word must be ` +
      `in the name, each within one or two typing errors (none for words under 3 letters), known name forms standing ` +
      `for each other as in search; best first. Ask it when search returns an empty list. text: 1 to ${MAX_SEARCH_TEXT} ` +
      `characters; first: 1 to ${MAX_SEARCH_RESULTS}.`,
  })
  async searchSuggestions(
    @Arg('text', () => String, { description: `The text that found nothing, as typed: 1 to ${MAX_SEARCH_TEXT} characters` }) text: string,
    @Arg('kinds', () => [SearchKind], { nullable: true, description: 'Only these kinds (all when absent or empty)' }) kinds: SearchKind[] | null,
    @Arg('first', () => Int, { defaultValue: 5, description: `How many suggestions (1 to ${MAX_SEARCH_RESULTS})` }) first: number,
    @Ctx() ctx: Context,
  ): Promise<SearchHit[]> {
    const query = buildSuggestQuery(checkSearchInput(text, first));
    if (query === null) return [];
    return searchNames(ctx.db, { query, numberQuery: null, numberKeys: [] }, kinds ?? null, first);
  }

  @FieldResolver(() => String, {
    description:
      'What tells this hit apart from others of the same label, in English: its kind, the province or country it is in ' +
      '(or was signed or held in), and for an admin unit its validity, e.g. "centrally run city, until 2025-06-30, code 92"',
  })
  async detail(@Parent() hit: SearchHit, @Ctx() ctx: Context): Promise<string> {
    return (await searchLoaders(ctx).hitDetail.load(hit.id))?.en ?? '';
  }

  @FieldResolver(() => String, {
    description: 'The same as detail, in Vietnamese, e.g. "thành phố trực thuộc trung ương, đến 2025-06-30, mã 92"',
  })
  async detailVi(@Parent() hit: SearchHit, @Ctx() ctx: Context): Promise<string> {
    return (await searchLoaders(ctx).hitDetail.load(hit.id))?.vi ?? '';
  }

  @FieldResolver(() => SearchResult, { description: 'The organisation, unit, region, agreement, activity, person or topic' })
  async node(@Parent() hit: SearchHit, @Ctx() ctx: Context): Promise<object> {
    const node = await loadNode(ctx, hit.kind, hit.id);
    if (!node) throw new NotFoundError(hit.kind, hit.id);
    return tagSearchNode(hit.kind, node);
  }
}
