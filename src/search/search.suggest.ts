import { findFormSpans, searchWords } from './search.forms';
import { escapeLucene, INDEXED_FIELDS, MAX_QUERY_CLAUSES, MAX_SEARCH_WORDS } from './search.query';

/** Lucene rewrites a fuzzy term into at most this many terms, each one clause per indexed field. */
const FUZZY_EXPANSIONS = 50;
const FUZZY_COST = FUZZY_EXPANSIONS * INDEXED_FIELDS;

// The index analyzer drops these English words; a fuzzy term is not analysed, so it must not hold them.
const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);

/** Edits a word may be away from a name's word: none under 3 letters, 1 up to 5, 2 beyond. */
export function allowedEdits(word: string): number {
  return word.length < 3 ? 0 : word.length <= 5 ? 1 : 2;
}

/**
 * Builds the Lucene query for close names: every word required, a word of letters and digits within
 * allowedEdits of a name's word (`maw~1` finds "Mau"), a run that is a known name form as any of its forms.
 * English stop words are left out. At most as many fuzzy words as fit in MAX_QUERY_CLAUSES; the later
 * words must then match as typed. Returns null when nothing is left to look for.
 */
export function buildSuggestQuery(text: string): string | null {
  const words = searchWords(text).slice(0, MAX_SEARCH_WORDS);
  const spans = findFormSpans(words);
  // Form runs and exact words are paid first; fuzzy words take what is left.
  const spanned = spans.reduce((n, span) => n + span.end - span.start, 0);
  let budget = MAX_QUERY_CLAUSES - spans.reduce((n, span) => n + span.forms.length, words.length - spanned) * INDEXED_FIELDS;
  const parts: string[] = [];
  const plain = (w: string) => {
    if (STOP_WORDS.has(w)) return;
    const edits = /^[\p{L}\p{N}]+$/u.test(w) ? allowedEdits(w) : 0;
    if (edits > 0 && budget >= FUZZY_COST) {
      budget -= FUZZY_COST;
      parts.push(`+${escapeLucene(w)}~${edits}`);
    } else parts.push(`+${escapeLucene(w)}`);
  };
  let at = 0;
  for (const span of spans) {
    words.slice(at, span.start).forEach(plain);
    parts.push(`+(${span.forms.map((f) => `"${f.map(escapeLucene).join(' ')}"`).join(' OR ')})`);
    at = span.end;
  }
  words.slice(at).forEach(plain);
  return parts.length > 0 ? parts.join(' ') : null;
}
