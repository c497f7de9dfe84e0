import { BadUserInputError } from '../core/errors';
import { checkInt } from '../graphql/paging';
import { findFormSpans, formVariants, searchWords, type FormSpan } from './search.forms';

export { foldText } from './search.forms';

export const MAX_SEARCH_TEXT = 200;
export const MAX_SEARCH_RESULTS = 100;
// Words beyond this count only in the phrase clause: each word costs one Lucene clause per indexed field
// (six) in two clauses, and Lucene refuses a query of more than 1024 clauses.
export const MAX_SEARCH_WORDS = 16;
/** Fields of the name index: an unfielded term or phrase becomes one Lucene clause per field. */
export const INDEXED_FIELDS = 6;
/**
 * Clauses one built query may hold at most, counted generously (a prefix term as the 16 terms Lucene may
 * rewrite it into), well under Lucene's limit of 1024; the form variants that do not fit are left out.
 */
export const MAX_QUERY_CLAUSES = 700;
/** Texts rewritten with other name forms that one query tries at most, the typed text included. */
export const MAX_FORM_VARIANTS = 8;


// Lucene's classic query parser gives these characters a meaning; `&&` and `||` are covered by & and |.
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every character the Lucene query parser treats as syntax, so the text is matched literally. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, '\\$&');
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
 * Builds the Lucene query for a search text. Known name forms (name-forms.json: "DOST", "Sở KH&CN",
 * "Department of Science and Technology"...) stand for each other. BEST ORs the exact phrase of the typed
 * text and of its form variants (boosted most), all words with each form run matching any of its forms,
 * and all typed words with the last one as a prefix (so a half-typed word already matches); PHRASE is the
 * phrases alone and ALL_WORDS the all-words clause alone. Words are lower-cased (so AND, OR, NOT stay
 * words) and escaped; the index analyzer folds diacritics of analysed clauses, and the prefix term, which
 * Lucene does not analyse, is folded here. The query holds at most MAX_QUERY_CLAUSES clauses.
 */
export function buildSearchQuery(text: string, match: SearchMatch = SearchMatch.BEST): string {
  const words = searchWords(text);
  const spans = findFormSpans(words.slice(0, MAX_SEARCH_WORDS));
  let budget = MAX_QUERY_CLAUSES;
  const take = (clause: string, cost: number): string | null => {
    if (cost > budget) return null;
    budget -= cost;
    return clause;
  };
  const phrases = formVariants(words, spans, MAX_FORM_VARIANTS).map((variant) => `"${variant.map(escapeLucene).join(' ')}"`);
  // Alternatives of very many form runs would not fit: then the typed words alone.
  const withForms = allWordsClause(words, spans);
  const allWords = withForms.cost <= budget / 2 ? withForms : allWordsClause(words, []);
  if (match === SearchMatch.PHRASE) {
    return keep(phrases.map((p) => take(p, INDEXED_FIELDS))).join(' OR ');
  }
  if (match === SearchMatch.ALL_WORDS) return allWords.clause;
  const clauses = [take(`${phrases[0]}^4`, INDEXED_FIELDS), take(`(${allWords.clause})^2`, allWords.cost)];
  if (words.length <= MAX_SEARCH_WORDS) {
    const last = words[words.length - 1];
    const stem = /[\p{L}\p{N}]+$/u.exec(last)?.[0];
    if (stem) {
      const head = [...words.slice(0, -1), last.slice(0, -stem.length)].filter((w) => w !== '');
      const prefix = `(${[...head.map((w) => `+${escapeLucene(w)}`), `+${escapeLucene(stem)}*`].join(' ')})`;
      clauses.push(take(prefix, (head.length + 16) * INDEXED_FIELDS));
    }
  }
  for (const phrase of phrases.slice(1)) clauses.push(take(`${phrase}^4`, INDEXED_FIELDS));
  return keep(clauses).join(' OR ');
}

const keep = (clauses: (string | null)[]) => clauses.filter((c): c is string => c !== null);

/**
 * Every word required, the first MAX_SEARCH_WORDS only; a run of words that is a name form is required as
 * any of its forms, each form a phrase. Returns the clause and its cost in Lucene clauses.
 */
function allWordsClause(words: string[], spans: FormSpan[]): { clause: string; cost: number } {
  const parts: string[] = [];
  let cost = 0;
  let at = 0;
  for (const span of spans) {
    for (const w of words.slice(at, span.start)) parts.push(`+${escapeLucene(w)}`);
    cost += (span.start - at) * INDEXED_FIELDS + (span.forms.length + 1) * INDEXED_FIELDS;
    parts.push(`+(${span.forms.map((f) => `"${f.map(escapeLucene).join(' ')}"`).join(' OR ')})`);
    at = span.end;
  }
  const rest = words.slice(at, Math.max(at, MAX_SEARCH_WORDS));
  for (const w of rest) parts.push(`+${escapeLucene(w)}`);
  cost += rest.length * INDEXED_FIELDS;
  return { clause: parts.join(' '), cost };
}
