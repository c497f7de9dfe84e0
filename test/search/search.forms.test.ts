import { findFormSpans, formVariants, NAME_FORM_GROUPS, searchWords } from '../../src/search/search.forms';
import { buildSearchQuery, INDEXED_FIELDS, MAX_FORM_VARIANTS, SearchMatch } from '../../src/search/search.query';

const variantsOf = (text: string, max = MAX_FORM_VARIANTS) => {
  const words = searchWords(text);
  return formVariants(words, findFormSpans(words), max).map((v) => v.join(' '));
};

/**
 * Counts the Lucene clauses a built query may become, as generously as the builder does: each term or
 * phrase once per indexed field, a prefix term as 16 terms.
 */
function clauseCount(query: string): number {
  const phrases = query.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
  const rest = query.replace(/"(?:[^"\\]|\\.)*"/g, ' ');
  const terms = (rest.match(/\+(?:[^\s()\\]|\\.)+/g) ?? []).filter((t) => t !== '+');
  const prefixes = terms.filter((t) => t.endsWith('*')).length;
  return (phrases.length + terms.length + 15 * prefixes) * INDEXED_FIELDS;
}

describe('the name forms data', () => {
  test('every group has at least two forms, each with words', () => {
    expect(NAME_FORM_GROUPS.length).toBeGreaterThanOrEqual(10);
    for (const group of NAME_FORM_GROUPS) {
      expect(group.forms.length).toBeGreaterThanOrEqual(2);
      for (const form of group.forms) expect(form.length).toBeGreaterThan(0);
    }
  });
});

describe('name form variants', () => {
  test('DOST stands for Sở Khoa học và Công nghệ, Sở KH&CN and Department of Science and Technology', () => {
    expect(variantsOf('DOST Ca Mau')).toEqual(
      expect.arrayContaining(['dost ca mau', 'so khoa hoc va cong nghe ca mau', 'so kh&cn ca mau', 'department of science and technology ca mau']),
    );
    expect(variantsOf('DOST Ca Mau')[0]).toBe('dost ca mau');
  });

  test('the forms are understood both ways: the full name and the English name stand for DOST', () => {
    expect(variantsOf('Sở Khoa học và Công nghệ Cà Mau')).toContain('dost ca mau');
    expect(variantsOf('Department of Science and Technology')).toContain('so kh&cn');
    expect(variantsOf("People's Committee Can Tho")).toEqual(expect.arrayContaining(['ubnd can tho', 'uy ban nhan dan can tho']));
    expect(variantsOf('Ủy ban nhân dân Cần Thơ')).toContain("people's committee can tho");
  });

  test('case, diacritics, spaces around & and punctuation of abbreviations do not matter', () => {
    for (const typed of ['kh&cn', 'KH & CN', 'KHCN', 'KH và CN', 'Khoa học và công nghệ']) {
      expect(variantsOf(typed)).toEqual(expect.arrayContaining(['khoa hoc va cong nghe', 'kh&cn', 'khcn']));
    }
    expect(variantsOf('TP. Cần Thơ')).toContain('thanh pho can tho');
    expect(variantsOf('Thành phố Cần Thơ')).toEqual(expect.arrayContaining(['tp. can tho', 'city can tho']));
    expect(variantsOf('ĐH Cần Thơ')).toEqual(expect.arrayContaining(['dai hoc can tho', 'university can tho']));
    expect(variantsOf('ĐMST')).toContain('doi moi sang tao');
    expect(variantsOf('tỉnh Cà Mau')).toContain('province ca mau');
  });

  test('the longest form wins: "Sở KH&CN" is the department, not "Sở" followed by KH&CN', () => {
    const spans = findFormSpans(searchWords('Sở KH&CN Cần Thơ'));
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ start: 0, end: 2 });
    expect(spans[0].forms.map((f) => f.join(' '))).toContain('dost');
  });

  test('a text with no known form has itself as its only variant', () => {
    expect(variantsOf('Cần Thơ')).toEqual(['can tho']);
  });

  test(`variants are capped at ${MAX_FORM_VARIANTS}, the typed text first, without repeats`, () => {
    const variants = variantsOf('UBND TP DOST ĐH KHCN');
    expect(variants).toHaveLength(MAX_FORM_VARIANTS);
    expect(variants[0]).toBe('ubnd tp dost dh khcn');
    expect(new Set(variants).size).toBe(variants.length);
  });
});

describe('the search query stays under Lucene clause limit', () => {
  test.each([
    'DOST '.repeat(40).trim(),
    'Sở Khoa học và Công nghệ '.repeat(8).trim(),
    'UBND TP DOST ĐH KHCN ĐMST tỉnh MOST DPI KCNC ĐBSCL Viện Trung tâm UBND TP DOST ĐH KHCN',
    Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '),
  ])('%j', (text) => {
    for (const match of [SearchMatch.BEST, SearchMatch.PHRASE, SearchMatch.ALL_WORDS]) {
      const query = buildSearchQuery(text, match);
      expect(query.length).toBeGreaterThan(0);
      expect(clauseCount(query)).toBeLessThan(1024);
    }
  });
});
