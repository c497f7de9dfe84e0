import { LRUCache } from 'lru-cache';
import { buildNumberQuery, numberKeys } from './search.numbers';
import { buildSearchQuery, type SearchMatch } from './search.query';
import type { SearchRequest } from './search.repository';

// Building a search's Lucene queries folds the text and finds the name forms in it, which costs more than the
// rest of the request in the hub; a typeahead and a dashboard ask the same texts again and again.
const PLANS = 2_000;
const plans = new LRUCache<string, SearchRequest>({ max: PLANS });

/**
 * What one search sends to the indexes for a checked text (see checkSearchInput) and match: the Lucene query
 * over names, and the document-number query and keys when the text holds a number. A pure function of its
 * arguments, remembered for the last few thousand texts.
 */
export function planSearch(text: string, match: SearchMatch): SearchRequest {
  const key = `${match}\u0000${text}`;
  const known = plans.get(key);
  if (known) return known;
  const keys = numberKeys(text);
  const plan: SearchRequest = { query: buildSearchQuery(text, match), numberQuery: keys.length > 0 ? buildNumberQuery(keys) : null, numberKeys: keys };
  plans.set(key, plan);
  return plan;
}
