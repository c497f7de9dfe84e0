import { foldText } from '../search/search.forms';
import NAME_FORMS from '../search/name-forms.json';

/*
 * Finding known names in a text. Text and names are reduced to the same canonical words: folded (case and
 * diacritics), punctuation inside a word dropped ("TP.HCM" is "tphcm", "16/TTHT-UBND" is "16ttthtubnd"), every
 * known name form (search/name-forms.json: "Sở KH&CN" ⇄ "Sở Khoa học và Công nghệ" ⇄ "DOST", "UBND" ⇄ "Ủy ban
 * nhân dân", ...) replaced by the first form of its group, and the words that only say a unit is a province or
 * city ("tỉnh", "thành phố", "TP") left out, so "Sở KH&CN Bình Thuận" and "Sở Khoa học và Công nghệ tỉnh Bình
 * Thuận" read alike. Each canonical word keeps the characters of the text it came from.
 */

/** A word of a text with where it stands in the text (UTF-16 offsets, end exclusive). */
export interface Word {
  key: string;
  start: number;
  end: number;
  /** The word as written. */
  raw: string;
}

// A word: letters and digits, joined by &, and by . ' ’ - / when no space follows ("KH & CN", "TP.HCM", "16/TTHT-UBND").
const WORD = /[\p{L}\p{N}]+(?:\s*&\s*[\p{L}\p{N}]+|[.'’\-/][\p{L}\p{N}]+)*/gu;

const keyOf = (word: string) => foldText(word).replace(/[^\p{L}\p{N}&]/gu, '');

/** The words of a text with their offsets. */
export function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ key: keyOf(m[0]), start: m.index!, end: m.index! + m[0].length, raw: m[0] }));
}

// An all-capital form (DOST, MOST, UBND, KH&CN) stands for its group only where the text writes it in capitals:
// "most" and "sct" are also ordinary words.
const isAllCaps = (form: string) => /\p{L}/u.test(form) && form === form.toUpperCase();
const compact = (raw: string) => raw.replace(/\s+/gu, '');

/** Name forms as canonical word keys: each form of a group, longest first, with the group's first form. */
const FORMS: ReadonlyArray<{ key: string[]; raw: string[]; exactCase: boolean; canonical: string[] }> = NAME_FORMS.groups
  .flatMap((group) => {
    const canonical = wordsOf(group[0]).map((w) => w.key);
    return group.map((form) => {
      const words = wordsOf(form);
      return { key: words.map((w) => w.key), raw: words.map((w) => compact(w.raw)), exactCase: isAllCaps(form), canonical };
    });
  })
  .filter((f) => f.key.length > 0 && f.key.every(Boolean))
  .sort((a, b) => b.key.length - a.key.length);

const FORMS_BY_FIRST = new Map<string, typeof FORMS>();
for (const form of FORMS) FORMS_BY_FIRST.set(form.key[0], [...(FORMS_BY_FIRST.get(form.key[0]) ?? []), form]);

const formAt = (words: readonly Word[], at: number) =>
  FORMS_BY_FIRST.get(words[at].key)?.find(
    (f) => f.key.every((k, i) => words[at + i]?.key === k) && (!f.exactCase || f.raw.every((r, i) => compact(words[at + i].raw) === r)),
  );

/** Words that only say what kind of unit follows; left out on both sides. */
const UNIT_WORDS = new Set(['tinh']);
const UNIT_PAIRS: ReadonlyArray<[string, string]> = [['thanh', 'pho']];

/** A text's words in canonical form (see above); each keeps the offsets of the text it stands for. */
export function canonicalWords(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  let at = 0;
  while (at < words.length) {
    const form = formAt(words, at);
    if (form) {
      const start = words[at].start;
      const end = words[at + form.key.length - 1].end;
      const raw = words.slice(at, at + form.key.length).map((w) => w.raw).join(' ');
      for (const key of form.canonical) out.push({ key, start, end, raw });
      at += form.key.length;
    } else {
      out.push(words[at]);
      at += 1;
    }
  }
  return out.filter((w, i) => {
    if (UNIT_WORDS.has(w.key)) return false;
    return !UNIT_PAIRS.some(([a, b]) => (w.key === a && out[i + 1]?.key === b) || (w.key === b && out[i - 1]?.key === a));
  });
}

/** A name's canonical key: its canonical words joined by spaces ('' for a name with no words). */
export function nameKey(name: string): string {
  return canonicalWords(wordsOf(name.normalize('NFC')))
    .map((w) => w.key)
    .join(' ');
}

/** One way a known node is named. */
export interface NameEntry {
  id: string;
  kind: string;
  name: string;
  /** The written form this entry matches (a name, an alias, an acronym, a number). */
  form: string;
  /** Whether it must match with this exact case (acronyms, which are also ordinary words: "MOST", "SCT"). */
  exactCase?: boolean;
  /** Its canonical words, when not those of `form` (a name with its province left out). */
  key?: string;
  /**
   * For a name with its province left out ("Sở Khoa học và Công nghệ" for Bình Thuận's department), the unit
   * it sits in: such a name stands for it only where the text is about that unit.
   */
  place?: string;
}

/** A place in a text where known nodes are named. */
export interface Match {
  start: number;
  end: number;
  /** The nodes the words name (more than one where names are shared, e.g. a unit before and after a merger). */
  entries: NameEntry[];
}

/** Names compiled for matching: by the first canonical word, each with its words. */
export interface Matcher {
  byFirst: Map<string, Array<{ words: string[]; entry: NameEntry }>>;
}

// A one-word name shorter than this matches nothing on its own unless it is an exact-case acronym or a number.
const MIN_SINGLE_WORD = 4;

/** Compiles name entries for `findMatches`. Entries that reduce to no words, or to one short word, are left out. */
export function compileNames(entries: readonly NameEntry[]): Matcher {
  const byFirst: Matcher['byFirst'] = new Map();
  for (const entry of entries) {
    const words = (entry.key ?? nameKey(entry.form)).split(' ').filter(Boolean);
    if (!words.length) continue;
    if (words.length === 1 && words[0].length < MIN_SINGLE_WORD && !entry.exactCase && !/\d/.test(words[0])) continue;
    const list = byFirst.get(words[0]) ?? [];
    list.push({ words, entry });
    byFirst.set(words[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst };
}

/**
 * The places in `text` that name known nodes: left to right, the longest name at each place, places never
 * overlapping. An exact-case entry matches only where the text has its form with that case.
 */
export function findMatches(matcher: Matcher, text: string): Match[] {
  const words = canonicalWords(wordsOf(text));
  const out: Match[] = [];
  let at = 0;
  while (at < words.length) {
    const candidates = matcher.byFirst.get(words[at].key) ?? [];
    let best: { length: number; entries: NameEntry[] } | null = null;
    for (const { words: name, entry } of candidates) {
      if (best && name.length < best.length) break;
      if (!name.every((k, i) => words[at + i]?.key === k)) continue;
      const start = words[at].start;
      const end = words[at + name.length - 1].end;
      if (entry.exactCase && text.slice(start, end).replace(/\s+/gu, ' ') !== entry.form.replace(/\s+/gu, ' ')) continue;
      if (!best) best = { length: name.length, entries: [] };
      if (!best.entries.some((e) => e.id === entry.id)) best.entries.push(entry);
    }
    if (!best) {
      at += 1;
      continue;
    }
    out.push({ start: words[at].start, end: words[at + best.length - 1].end, entries: best.entries });
    // Canonical words of one form share offsets: skip every word the match covers.
    const end = words[at + best.length - 1].end;
    while (at < words.length && words[at].start < end) at += 1;
  }
  return out;
}

/** Whether the character at `i` ends a sentence: a line break, or . ! ? ; before white space or the end. */
function endsSentence(text: string, i: number): boolean {
  return text[i] === '\n' || (/[.!?;]/u.test(text[i]!) && (i + 1 >= text.length || /\s/u.test(text[i + 1]!)));
}

/** The sentence around a place, trimmed, with where it starts in the text. */
export function sentenceAround(text: string, start: number, end: number): { sentence: string; start: number } {
  let from = start;
  while (from > 0 && !endsSentence(text, from - 1)) from -= 1;
  let to = end;
  while (to < text.length && !endsSentence(text, to)) to += 1;
  if (to < text.length && text[to] !== '\n') to += 1;
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  return { sentence: raw.trim(), start: from + lead };
}

// Words that begin the name of a body (folded): a capitalised run starting with one is probably a name.
const HEADS = [
  'so', 'bo', 'truong', 'dai hoc', 'vien', 'trung tam', 'cong ty', 'tap doan', 'hiep hoi', 'hoi', 'uy ban', 'ubnd', 'benh vien', 'ngan hang',
  'quy', 'ban quan ly', 'khu cong nghe', 'cuc', 'tong cong ty', 'hoc vien',
].map((h) => h.split(' '));
const isCapital = (raw: string) => /^[\p{Lu}\p{N}]/u.test(raw);
const headAt = (words: readonly Word[], at: number) => (isCapital(words[at]?.raw ?? '') ? HEADS.find((h) => h.every((k, i) => words[at + i]?.key === k)) : undefined);
// Lower-case words a name may hold before its next capitalised word ("Đại học Phan Thiết", "tỉnh Bình Thuận").
const MAX_LOWER_RUN = 2;

/**
 * Runs of words that look like the name of a body and overlap no known match: names the graph may not have
 * yet. A run starts at a capitalised head word (Sở, Trường, Viện, Công ty, ...) and goes on over capitalised
 * words and short runs of lower-case ones followed by a capitalised word; it stops at a sentence end, and at
 * "và" or a comma before another head word.
 */
export function unknownNames(text: string, known: readonly Match[]): Array<{ start: number; end: number; name: string }> {
  const words = wordsOf(text);
  const out: Array<{ start: number; end: number; name: string }> = [];
  const brokenBefore = (i: number) => /[.!?;,\n()]/u.test(text.slice(words[i - 1].end, words[i].start));
  let at = 0;
  while (at < words.length) {
    const head = headAt(words, at);
    if (!head) {
      at += 1;
      continue;
    }
    let end = at + head.length;
    while (end < words.length && !brokenBefore(end)) {
      if (isCapital(words[end].raw)) {
        end += 1;
        continue;
      }
      let next = end;
      while (next < words.length && next - end < MAX_LOWER_RUN && !isCapital(words[next].raw) && !brokenBefore(next)) next += 1;
      if (next >= words.length || isCapital(words[next].raw) === false || brokenBefore(next) || headAt(words, next)) break;
      end = next;
    }
    const start = words[at].start;
    const stop = words[end - 1].end;
    if (end - at > head.length && !known.some((m) => m.start < stop && start < m.end)) out.push({ start, end: stop, name: text.slice(start, stop) });
    at = end;
  }
  return out;
}
