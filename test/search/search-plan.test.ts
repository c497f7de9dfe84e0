import { planSearch } from '../../src/search/search.plan';
import { buildNumberQuery, numberKeys } from '../../src/search/search.numbers';
import { buildSearchQuery, SearchMatch } from '../../src/search/search.query';

describe('planSearch', () => {
  it('gives the queries the builders give, for names and for document numbers', () => {
    for (const [text, match] of [['Sở KH&CN Bình Thuận', SearchMatch.BEST], ['Đại học Cần Thơ', SearchMatch.PHRASE], ['416/SKHCN-VP', SearchMatch.ALL_WORDS]] as const) {
      const keys = numberKeys(text);
      expect(planSearch(text, match)).toEqual({
        query: buildSearchQuery(text, match),
        numberQuery: keys.length > 0 ? buildNumberQuery(keys) : null,
        numberKeys: keys,
      });
    }
  });

  it('remembers a plan per text and match, never mixing matches', () => {
    const first = planSearch('Trung tâm Ứng dụng', SearchMatch.PHRASE);
    expect(planSearch('Trung tâm Ứng dụng', SearchMatch.PHRASE)).toBe(first);
    expect(planSearch('Trung tâm Ứng dụng', SearchMatch.BEST)).not.toBe(first);
    expect(planSearch('Trung tâm Ứng dụng', SearchMatch.BEST).query).toBe(buildSearchQuery('Trung tâm Ứng dụng', SearchMatch.BEST));
  });
});
