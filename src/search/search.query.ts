import { BadUserInputError } from '../core/errors';
import { checkInt } from '../graphql/paging';

export const MAX_SEARCH_TEXT = 200;
export const MAX_SEARCH_RESULTS = 100;
// Words beyond this count only in the phrase clause: each word costs one Lucene clause per indexed field
// (six) in two clauses, and Lucene refuses a query of more than 1024 clauses.
export const MAX_SEARCH_WORDS = 16;

// Lucene's classic query parser gives these characters a meaning; `&&` and `||` are covered by & and |.
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every character the Lucene query parser treats as syntax, so the text is matched literally. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, '\\$&');
}

/** Lower-cases and strips diacritics (đ -> d), as the index's 'standard-folding' analyzer does. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Checks the search text and first; throws BAD_USER_INPUT naming the limit. Returns the trimmed text. */
export function checkSearchInput(text: string, first: number): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new BadUserInputError('text must not be empty', 'text');
  if (text.length > MAX_SEARCH_TEXT) {
    throw new BadUserInputError(`text must be at most ${MAX_SEARCH_TEXT} characters (got ${text.length})`, 'text');
  }
  checkInt(first, 1, MAX_SEARCH_RESULTS, 'first');
  return trimmed;
}

/** How the words of a search text must appear in a name. */
export enum SearchMatch {
  /** Ranked: the exact phrase first, then all words, then all words with the last as a prefix (typeahead). */
  BEST = 'BEST',
  /** Only names holding the words in this order, next to each other. */
  PHRASE = 'PHRASE',
  /** Only names holding every word, in any order. */
  ALL_WORDS = 'ALL_WORDS',
}

/**
 * Builds the Lucene query for a search text. BEST ORs the exact phrase (boosted most), all words, and all
 * words with the last one as a prefix (so a half-typed word already matches); PHRASE and ALL_WORDS are its
 * first and second clause alone. Words are lower-cased (so AND, OR, NOT stay words) and escaped; the index
 * analyzer folds diacritics of analysed clauses, and the prefix term, which Lucene does not analyse, is
 * folded here.
 */
export function buildSearchQuery(text: string, match: SearchMatch = SearchMatch.BEST): string {
  const words = foldText(text).split(/\s+/u).filter((w) => w !== '');
  const phrase = `"${words.map(escapeLucene).join(' ')}"`;
  const allWords = words
    .slice(0, MAX_SEARCH_WORDS)
    .map((w) => `+${escapeLucene(w)}`)
    .join(' ');
  if (match === SearchMatch.PHRASE) return phrase;
  if (match === SearchMatch.ALL_WORDS) return allWords;
  const clauses = [`${phrase}^4`, `(${allWords})^2`];
  if (words.length <= MAX_SEARCH_WORDS) {
    const last = words[words.length - 1];
    const stem = /[\p{L}\p{N}]+$/u.exec(last)?.[0];
    if (stem) {
      const head = [...words.slice(0, -1), last.slice(0, -stem.length)].filter((w) => w !== '');
      clauses.push(`(${[...head.map((w) => `+${escapeLucene(w)}`), `+${escapeLucene(stem)}*`].join(' ')})`);
    }
  }
  return clauses.join(' OR ');
}
