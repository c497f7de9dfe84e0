import NAME_FORMS from './name-forms.json';

/** A typed text split for searching: its folded words, and the runs of words that are a known name form. */
export interface FormSpan {
  /** Index of the first word of the run. */
  start: number;
  /** Index after the last word of the run. */
  end: number;
  /** Every form of the group as folded words, the typed one first; no two alike. */
  forms: string[][];
}

/** Lower-cases and strips diacritics (đ -> d), as the index's 'standard-folding' analyzer does. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/**
 * Folds a text and splits it into words on white space. Spaces around `&` are dropped first, so that
 * "KH & CN" is the one word "kh&cn" as in "KH&CN".
 */
export function searchWords(text: string): string[] {
  return foldText(text)
    .replace(/\s*&\s*/gu, '&')
    .split(/\s+/u)
    .filter((w) => w !== '');
}

// Words compare without their punctuation: "tp." is "tp", "tp.hcm" is "tphcm", "people's" is "peoples".
const wordKey = (word: string) => word.replace(/[^\p{L}\p{N}&]/gu, '');

interface Group {
  forms: string[][];
  keys: string[][];
}

/** The groups of name-forms.json, folded and split; forms alike once folded are kept once. */
export const NAME_FORM_GROUPS: readonly Group[] = NAME_FORMS.groups.map((group) => {
  const forms: string[][] = [];
  const keys: string[][] = [];
  for (const form of group) {
    const words = searchWords(form);
    const key = words.map(wordKey);
    if (key.some((k) => k === '') || keys.some((k) => k.join(' ') === key.join(' '))) continue;
    forms.push(words);
    keys.push(key);
  }
  return { forms, keys };
});

const matchesAt = (keys: string[], key: string[], at: number) => key.every((k, i) => keys[at + i] === k);

/**
 * Finds the runs of words that are a form of a group in name-forms.json, left to right, the longest form
 * at each place. Each span lists the typed form first, then the group's other forms.
 */
export function findFormSpans(words: string[]): FormSpan[] {
  const keys = words.map(wordKey);
  const spans: FormSpan[] = [];
  let at = 0;
  while (at < words.length) {
    let best: { group: Group; length: number; index: number } | null = null;
    for (const group of NAME_FORM_GROUPS) {
      group.keys.forEach((key, index) => {
        if ((!best || key.length > best.length) && at + key.length <= keys.length && matchesAt(keys, key, at)) {
          best = { group, length: key.length, index };
        }
      });
    }
    if (!best) {
      at += 1;
      continue;
    }
    const { group, length, index } = best as { group: Group; length: number; index: number };
    const typed = words.slice(at, at + length);
    spans.push({ start: at, end: at + length, forms: [typed, ...group.forms.filter((_, i) => i !== index)] });
    at += length;
  }
  return spans;
}

/**
 * The typed words rewritten with other forms of their spans, at most `max` texts (the typed one first, then
 * every span in its first listed form, then each span alone in each of its forms, then the other
 * combinations), without repeats.
 */
export function formVariants(words: string[], spans: FormSpan[], max: number): string[][] {
  const render = (choice: number[]) => {
    const out: string[] = [];
    let at = 0;
    spans.forEach((span, s) => {
      out.push(...words.slice(at, span.start), ...span.forms[choice[s]]);
      at = span.end;
    });
    return [...out, ...words.slice(at)];
  };
  const choices: number[][] = [spans.map(() => 0), spans.map((span) => (span.forms.length > 1 ? 1 : 0))];
  spans.forEach((span, s) => {
    for (let f = 1; f < span.forms.length; f += 1) choices.push(spans.map((_, i) => (i === s ? f : 0)));
  });
  const seen = new Set<string>();
  const variants: string[][] = [];
  const add = (choice: number[]) => {
    const text = render(choice);
    const id = text.join(' ');
    if (variants.length < max && !seen.has(id)) {
      seen.add(id);
      variants.push(text);
    }
  };
  choices.forEach(add);
  // The remaining combinations, odometer order, only while room is left.
  const choice = spans.map(() => 0);
  while (variants.length < max && spans.length > 1) {
    let s = spans.length - 1;
    while (s >= 0 && choice[s] === spans[s].forms.length - 1) choice[s--] = 0;
    if (s < 0) break;
    choice[s] += 1;
    add(choice);
  }
  return variants;
}
