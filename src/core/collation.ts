// A sort key for names in Vietnamese order, computed once when a node is written and stored beside its name, so
// that the database sorts (and range-indexes) the key by plain code points instead of running a collation per
// query. The key is built like a Unicode Collation Algorithm sort key for the CLDR Vietnamese tailoring: all
// primary weights (the alphabet a ă â b c d đ e ê … with punctuation and digits before letters), then a level
// separator, the secondary weights (tones: none, grave, hook, tilde, acute, dot below; other marks after), a
// separator, and the tertiary weights (lower case before upper case). Comparing two keys by code points then
// gives the order of `new Intl.Collator('vi').compare` for the characters the tables below cover; any other
// character (other scripts, rare Latin letters such as Ð or Ƀ) sorts after the letters, by code point.

// Primary groups in collation order: members of one group share a primary weight. Built from the CLDR root
// order of the common punctuation and symbols, then digits, then the Vietnamese alphabet.
const PUNCTUATION_GROUPS = [
  ' \u00a0\u2002\u2003\u2009\u3000', '_', '-', '\u2010\u2011', '\u2012', '–', '—', '―', ',', ';', ':', '!', '¡', '?', '¿',
  '.', '…', '·', '\'‘’‚‛', '‹', '›', '"“”„‟', '«', '»', '(', ')', '[', ']', '{', '}', '§', '¶', '@', '*', '/', '\\', '&', '#',
  '%', '‰', '†', '‡', '•', '`', '´', '^', '¯', '¨', '¸', '°', '©', '®', '+', '±', '÷', '×', '<', '=', '>', '¬', '|', '¦', '~',
  '¤', '¢', '$', '£', '¥', '₫', '€',
];
const DIGITS = '0123456789';
/** The Vietnamese alphabet, with the letters other languages add (f, j, w, z) in Latin order. */
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];

// Weights are single BMP characters above the level separator, so that UTF-16 order (JavaScript, Java) and code
// point order (Neo4j's index, UTF-8) agree, and printable, so that the key survives CSV files unchanged.
const LEVEL_SEPARATOR = ' ';
const PRIMARY_BASE = 0x100;
const UNKNOWN_PRIMARY = '\ue000';
const COMMON = '0';

/** Quote variants differ from the plain quote at the secondary level, in this order. */
const QUOTE_VARIANT: Readonly<Record<string, number>> = { '‘': 1, '’': 2, '‚': 3, '‛': 4, '“': 1, '”': 2, '„': 3, '‟': 4 };

/** Combining marks in secondary order: the five tones first (Vietnamese order), then the others CLDR ranks. */
const MARK_ORDER = [0x300, 0x309, 0x303, 0x301, 0x323, 0x306, 0x30c, 0x30a, 0x308, 0x30b, 0x307, 0x327, 0x328, 0x304, 0x30f, 0x311, 0x31b, 0x324, 0x325, 0x32d, 0x330, 0x331, 0x302];

const BREVE = 0x306;
const CIRCUMFLEX = 0x302;
const HORN = 0x31b;
/** Base letter and modifying mark → the Vietnamese letter they make (a letter of its own, not a variant). */
const VIETNAMESE_LETTER = new Map<string, string>(
  ([['a', BREVE, 'ă'], ['a', CIRCUMFLEX, 'â'], ['e', CIRCUMFLEX, 'ê'], ['o', CIRCUMFLEX, 'ô'], ['o', HORN, 'ơ'], ['u', HORN, 'ư']] as const).map(
    ([base, mark, letter]) => [base + String.fromCharCode(mark), letter.normalize('NFC')],
  ),
);

const PRIMARY = new Map<string, string>();
{
  let weight = 0;
  const add = (chars: Iterable<string>) => {
    const w = String.fromCharCode(PRIMARY_BASE + weight++);
    for (const ch of chars) PRIMARY.set(ch, w);
  };
  for (const group of PUNCTUATION_GROUPS) add(group);
  for (const digit of DIGITS) add([digit]);
  for (const letter of ALPHABET.map((l) => l.normalize('NFC'))) add([letter, letter.toUpperCase()]);
}

// Quote variants weigh '1' to '4', marks 'A' onwards: each above the common weight '0'.
const MARK_WEIGHT = new Map<number, string>(MARK_ORDER.map((mark, i) => [mark, String.fromCharCode(0x41 + i)]));

function markWeight(mark: number): string {
  // Marks outside the table sort after it, by code point (every combining block maps into the BMP above 'z').
  return MARK_WEIGHT.get(mark) ?? String.fromCharCode(0x100 + mark);
}

const isMark = (cp: number) => /\p{M}/u.test(String.fromCodePoint(cp));
// Characters a collator ignores: controls, format characters (zero-width joiners, soft hyphen).
const isIgnorable = (ch: string) => /[\p{Cc}\p{Cf}]/u.test(ch);

/**
 * Maps a name to a string whose plain code-point (and UTF-16) order is the order of `Intl.Collator('vi')`:
 * Vietnamese alphabet first (Đ after D, before E), then tones and other diacritics, then case (lower first).
 * Pure and deterministic (no locale data of the runtime); names equal for the collator may still get different
 * keys only where the collator ignores a difference the tables keep apart, which lists break by id anyway.
 */
export function vietnameseSortKey(name: string): string {
  const primary: string[] = [];
  const secondary: string[] = [];
  const tertiary: string[] = [];
  const chars = [...name.normalize('NFD')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (isIgnorable(ch)) continue;
    const marks: number[] = [];
    while (i + 1 < chars.length && isMark(chars[i + 1].codePointAt(0)!)) marks.push(chars[++i].codePointAt(0)!);
    if (isMark(ch.codePointAt(0)!)) {
      // A mark without a base letter weighs at the secondary level only.
      secondary.push(markWeight(ch.codePointAt(0)!));
      continue;
    }
    let letter = ch;
    const lower = ch.toLowerCase();
    const modifier = marks.findIndex((m) => VIETNAMESE_LETTER.has(lower + String.fromCharCode(m)));
    if (modifier >= 0) {
      letter = VIETNAMESE_LETTER.get(lower + String.fromCharCode(marks[modifier]))!;
      if (ch !== lower) letter = letter.toUpperCase();
      marks.splice(modifier, 1);
    }
    const weight = PRIMARY.get(letter);
    if (weight === undefined) {
      // Fixed width, ASCII digits: no surrogate pairs in keys, and unknown characters compare by code point.
      primary.push(UNKNOWN_PRIMARY + letter.codePointAt(0)!.toString(16).padStart(6, '0'));
    } else {
      primary.push(weight);
    }
    secondary.push(QUOTE_VARIANT[letter] === undefined ? COMMON : String(QUOTE_VARIANT[letter]));
    for (const mark of marks) secondary.push(markWeight(mark));
    tertiary.push(letter !== letter.toLowerCase() ? '1' : COMMON);
  }
  return primary.join('') + LEVEL_SEPARATOR + secondary.join('') + LEVEL_SEPARATOR + tertiary.join('');
}
