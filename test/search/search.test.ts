import { buildSearchQuery, checkSearchInput, escapeLucene, foldText, MAX_SEARCH_WORDS, SearchMatch } from '../../src/search/search.query';

describe('Lucene escaping', () => {
  test('every special character of the query syntax gets a backslash', () => {
    expect(escapeLucene('+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\ /')).toBe(
      '\\+ \\- \\&\\& \\|\\| \\! \\( \\) \\{ \\} \\[ \\] \\^ \\" \\~ \\* \\? \\: \\\\ \\/',
    );
  });

  test('letters, digits, dots and Vietnamese text stay as they are', () => {
    expect(escapeLucene('TP.HCM Cần Thơ 2025')).toBe('TP.HCM Cần Thơ 2025');
  });
});

describe('folding', () => {
  test('strips Vietnamese diacritics, đ included, and lower-cases', () => {
    expect(foldText('Trường Đại học Quốc tế')).toBe('truong dai hoc quoc te');
    expect(foldText('Cần Thơ, Sóc Trăng, Hậu Giang')).toBe('can tho, soc trang, hau giang');
  });
});

describe('the search query', () => {
  test('ranks the exact phrase first, then all words, then all words with the last as a prefix', () => {
    expect(buildSearchQuery('truong quoc t')).toBe('"truong quoc t"^4 OR (+truong +quoc +t)^2 OR (+truong +quoc +t*)');
  });

  test('PHRASE is the quoted phrase alone and ALL_WORDS the required words alone, with no prefix', () => {
    expect(buildSearchQuery('Trường Quốc t', SearchMatch.PHRASE)).toBe('"truong quoc t"');
    expect(buildSearchQuery('Trường Quốc t', SearchMatch.ALL_WORDS)).toBe('+truong +quoc +t');
    expect(buildSearchQuery('VNU-HCM (x)', SearchMatch.PHRASE)).toBe('"vnu\\-hcm \\(x\\)"');
  });

  test('the prefix term is folded, since Lucene does not analyse prefix terms', () => {
    expect(buildSearchQuery('Trường Quốc tế')).toBe('"truong quoc te"^4 OR (+truong +quoc +te)^2 OR (+truong +quoc +te*)');
  });

  test('a known name form is required as any of its forms, and each form variant is a phrase of its own', () => {
    expect(buildSearchQuery('Đại học Quốc tế')).toBe(
      '"dai hoc quoc te"^4 OR (+("dai hoc" OR "dh" OR "university") +quoc +te)^2 OR (+dai +hoc +quoc +te*)' +
        ' OR "dh quoc te"^4 OR "university quoc te"^4',
    );
    expect(buildSearchQuery('ĐH Quốc tế', SearchMatch.PHRASE)).toBe('"dh quoc te" OR "dai hoc quoc te" OR "university quoc te"');
    expect(buildSearchQuery('ĐH Quốc tế', SearchMatch.ALL_WORDS)).toBe('+("dh" OR "dai hoc" OR "university") +quoc +te');
  });

  test('an acronym with a hyphen is escaped, and its last part is the prefix', () => {
    expect(buildSearchQuery('VNU-HCM')).toBe('"vnu\\-hcm"^4 OR (+vnu\\-hcm)^2 OR (+vnu\\- +hcm*)');
  });

  test('operators typed as words are lower-cased into plain words', () => {
    expect(buildSearchQuery('AND OR NOT')).toBe('"and or not"^4 OR (+and +or +not)^2 OR (+and +or +not*)');
  });

  test('text without a trailing letter or digit has no prefix clause', () => {
    expect(buildSearchQuery('|| "')).toBe('"\\|\\| \\""^4 OR (+\\|\\| +\\")^2');
  });

  test('spaces around & are dropped, so "KH & CN" is the form KH&CN', () => {
    expect(buildSearchQuery('KH & CN', SearchMatch.PHRASE)).toBe(buildSearchQuery('KH&CN', SearchMatch.PHRASE));
  });

  test(`only the first ${MAX_SEARCH_WORDS} words become term clauses, so Lucene's clause limit cannot be reached`, () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const query = buildSearchQuery(words.join(' '));
    expect(query).toBe(`"${words.join(' ')}"^4 OR (${words.slice(0, MAX_SEARCH_WORDS).map((w) => `+${w}`).join(' ')})^2`);
  });
});

describe('search input', () => {
  test('is trimmed', () => {
    expect(checkSearchInput('  Can Tho \n', 20)).toBe('Can Tho');
  });

  test.each([
    ['', 20, 'text must not be empty'],
    [' \t\n ', 20, 'text must not be empty'],
    ['x'.repeat(201), 20, 'text must be at most 200 characters (got 201)'],
    ['Can Tho', 0, 'first must be between 1 and 100 (got 0)'],
    ['Can Tho', 101, 'first must be between 1 and 100 (got 101)'],
  ])('refuses %j with first %i: %s', (text, first, message) => {
    expect(() => checkSearchInput(text, first)).toThrow(message);
  });
});
