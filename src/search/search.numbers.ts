import { foldText } from './search.forms';
import { escapeLucene } from './search.query';

/** Document numbers one search looks up at most (the whole text and number-like words in it). */
export const MAX_NUMBER_KEYS = 4;

/**
 * The form two document numbers are compared in: NFC, case and diacritics folded ("QĐ" is "qd", as people
 * often type it), no spaces around '/' and '-', runs of spaces as one. "16 / TTHT - UBND" and "16/ttht-ubnd"
 * are the same number.
 */
export function numberKey(text: string): string {
  return foldText(text.normalize('NFC'))
    .replace(/\s*([/-])\s*/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

// A document number holds a digit and a '/' (16/TTHT-UBND, 202/2025/QH15, 14-NQ/TU): a Vietnamese document's
// number and symbol are always written with one.
const looksLikeNumber = (word: string) => /\p{N}/u.test(word) && word.includes('/');

/**
 * The number keys a search text may mean: the whole text and each of its words, those that look like a
 * document number (a digit and a '/'); none when the whole text does not, so a name that merely holds a digit
 * ("Viện Nghiên cứu 18") asks nothing of the number index. At most MAX_NUMBER_KEYS, no repeats.
 */
export function numberKeys(text: string): string[] {
  const whole = numberKey(text);
  if (!looksLikeNumber(whole)) return [];
  return [...new Set([whole, ...whole.split(' ').filter(looksLikeNumber)])].slice(0, MAX_NUMBER_KEYS);
}

/**
 * The Lucene query over the number index for some keys: each key as an escaped phrase, ORed. The index
 * matches the key's words in order anywhere in a number, so each hit is then checked with numberKey.
 */
export function buildNumberQuery(keys: string[]): string {
  return keys.map((key) => `"${escapeLucene(key)}"`).join(' OR ');
}
