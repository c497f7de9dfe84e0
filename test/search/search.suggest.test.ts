import { allowedEdits, buildSuggestQuery } from '../../src/search/search.suggest';

describe('the suggestion query', () => {
  test('longer words may be misspelt, short words must match', () => {
    expect([allowedEdits('ca'), allowedEdits('maw'), allowedEdits('trang'), allowedEdits('nguyen')]).toEqual([0, 1, 1, 2]);
    expect(buildSuggestQuery('Soc Trag')).toBe('+soc~1 +trag~1');
  });

  test('a known name form is required as any of its forms, and is not fuzzy', () => {
    expect(buildSuggestQuery('Ca Maw DOST')).toBe(
      '+ca +maw~1 +("dost" OR "so khoa hoc va cong nghe" OR "so kh\\&cn" OR "so khcn" OR "so kh va cn" OR "skhcn" OR "department of science and technology")',
    );
  });

  test('English stop words are left out, since a fuzzy term is not analysed', () => {
    expect(buildSuggestQuery('Bank of the Mekong')).toBe('+bank~1 +mekong~2');
    expect(buildSuggestQuery('of the')).toBeNull();
  });

  test('words with punctuation are matched as typed, escaped', () => {
    expect(buildSuggestQuery('VNU-HCM')).toBe('+vnu\\-hcm');
  });

  test('only as many fuzzy words as the clause budget allows; the others must match as typed', () => {
    const query = buildSuggestQuery('alpha bravo charlie delta echo foxtrot')!;
    expect((query.match(/~/g) ?? []).length).toBe(2);
    expect(query).toContain('+foxtrot');
  });
});
