import { buildNumberQuery, MAX_NUMBER_KEYS, numberKey, numberKeys } from '../../src/search/search.numbers';

describe('document number keys', () => {
  test('case, diacritics and spaces around / and - do not matter', () => {
    const key = numberKey('16/TTHT-UBND');
    expect(key).toBe('16/ttht-ubnd');
    for (const typed of ['16/ttht-ubnd', ' 16 / TTHT - UBND ', '16/Ttht-Ubnd']) expect(numberKey(typed)).toBe(key);
    expect(numberKey('2667/QĐ-BKHCN')).toBe(numberKey('2667/QD-BKHCN'));
  });

  test('composed and decomposed Vietnamese letters give the same key', () => {
    expect(numberKey('24/2014/NĐ-CP'.normalize('NFD'))).toBe(numberKey('24/2014/NĐ-CP'.normalize('NFC')));
  });

  test('a different number is a different key', () => {
    expect(numberKey('116/TTHT-UBND')).not.toBe(numberKey('16/TTHT-UBND'));
  });

  test('a text that looks like a document number (a digit and a slash) is looked up whole and by its number-like words', () => {
    expect(numberKeys('16/TTHT-UBND')).toEqual(['16/ttht-ubnd']);
    expect(numberKeys('Thỏa thuận 16/TTHT-UBND')).toEqual(['thoa thuan 16/ttht-ubnd', '16/ttht-ubnd']);
    expect(numberKeys('Cần Thơ')).toEqual([]);
    // A digit without a '/' is no document number: the number index is not asked.
    expect(numberKeys('Viện Nghiên cứu Y sinh 18612')).toEqual([]);
    expect(numberKeys('16 / TTHT - UBND')).toEqual(['16/ttht-ubnd']);
    expect(numberKeys('1/A 2/B 3/C 4/D 5/E')).toHaveLength(MAX_NUMBER_KEYS);
  });

  test('the number query ORs escaped phrases', () => {
    expect(buildNumberQuery(['16/ttht-ubnd', 'a"b'])).toBe('"16\\/ttht\\-ubnd" OR "a\\"b"');
  });
});
