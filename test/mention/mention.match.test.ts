import { compileNames, findMatches, nameKey, sentenceAround, unknownNames, wordsOf, type NameEntry } from '../../src/mention/mention.match';

const dost = (province: string, id: string): NameEntry => ({ id, kind: 'ORGANIZATION', name: `Sở Khoa học và Công nghệ tỉnh ${province}`, form: `Sở Khoa học và Công nghệ tỉnh ${province}` });
const ENTRIES: NameEntry[] = [
  dost('Bình Thuận', 'org-dost-binh-thuan'),
  dost('Cà Mau', 'org-dost-ca-mau'),
  { id: 'org-most', kind: 'ORGANIZATION', name: 'Bộ Khoa học và Công nghệ', form: 'Bộ Khoa học và Công nghệ' },
  { id: 'org-most', kind: 'ORGANIZATION', name: 'Bộ Khoa học và Công nghệ', form: 'MOST', exactCase: true },
  { id: 'prov-can-tho', kind: 'ADMIN_UNIT', name: 'Cần Thơ', form: 'Cần Thơ' },
  { id: 'prov-can-tho-2025', kind: 'ADMIN_UNIT', name: 'Cần Thơ', form: 'Cần Thơ' },
  { id: 'src-000', kind: 'SOURCE', name: 'Công văn', form: '416/SKHCN-VP' },
  { id: 'org-short', kind: 'ORGANIZATION', name: 'Hội', form: 'ABC' },
];
const matcher = compileNames(ENTRIES);
const ids = (text: string) => findMatches(matcher, text).map((m) => [text.slice(m.start, m.end), m.entries.map((e) => e.id)]);

describe('finding known names in a text', () => {
  test('the usual forms of a department read as its full name, with or without "tỉnh", and keep the offsets of what is written', () => {
    expect(ids('Hôm qua, Sở KH&CN Bình Thuận đã làm việc.')).toEqual([['Sở KH&CN Bình Thuận', ['org-dost-binh-thuan']]]);
    expect(ids('DOST Ca Mau and others')).toEqual([['DOST Ca Mau', ['org-dost-ca-mau']]]);
    expect(ids('SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BÌNH THUẬN')).toEqual([['SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BÌNH THUẬN', ['org-dost-binh-thuan']]]);
    expect(ids('Sở KH & CN tỉnh Cà Mau')).toEqual([['Sở KH & CN tỉnh Cà Mau', ['org-dost-ca-mau']]]);
  });

  test('the longest name wins at a place, and a shared name lists every node that bears it', () => {
    expect(ids('thành phố Cần Thơ và Bộ KH&CN')).toEqual([
      ['Cần Thơ', ['prov-can-tho', 'prov-can-tho-2025']],
      ['Bộ KH&CN', ['org-most']],
    ]);
  });

  test('an acronym matches only with its case; a number matches whatever its punctuation', () => {
    expect(ids('the most important MOST office')).toEqual([['MOST', ['org-most']]]);
    expect(ids('Công văn số 416/SKHCN-VP ngày')).toEqual([['416/SKHCN-VP', ['src-000']]]);
  });

  test('a one-word name shorter than four letters matches nothing unless it is an exact-case acronym', () => {
    expect(compileNames([{ id: 'x', kind: 'ORGANIZATION', name: 'Hội', form: 'Hội' }]).byFirst.size).toBe(0);
  });

  test('names fold alike whatever form they are written in', () => {
    expect(nameKey('Sở KH&CN TP. Cần Thơ')).toBe(nameKey('Sở Khoa học và Công nghệ thành phố Cần Thơ'));
    expect(nameKey('UBND tỉnh Sóc Trăng')).toBe(nameKey('Ủy ban nhân dân tỉnh Sóc Trăng'));
    expect(nameKey('Trường ĐH Cần Thơ')).toBe(nameKey('Trường Đại học Cần Thơ'));
    expect(nameKey('Trường Đại học Cần Thơ')).not.toBe(nameKey('Trường Đại học Nam Cần Thơ'));
  });

  test('words keep their offsets in the text', () => {
    const text = 'Ở TP.HCM, KH & CN';
    expect(wordsOf(text).map((w) => text.slice(w.start, w.end))).toEqual(['Ở', 'TP.HCM', 'KH & CN']);
  });
});

describe('sentences and new names', () => {
  test('the sentence around a mention ends at . ! ? or a line break, not at a full stop inside a word', () => {
    const text = 'Tiêu đề\nNgày 5, Sở KH&CN TP.HCM đã ký. Câu sau.';
    const at = text.indexOf('Sở');
    expect(sentenceAround(text, at, at + 2)).toEqual({ sentence: 'Ngày 5, Sở KH&CN TP.HCM đã ký.', start: text.indexOf('Ngày') });
  });

  test('capitalised names of bodies that match no known node are listed as new', () => {
    const text = 'Sở KH&CN tỉnh Bình Thuận và Trường Đại học Phan Thiết đã ký kết. Công ty Cổ phần Ví Dụ tham dự.';
    const known = findMatches(matcher, text);
    expect(unknownNames(text, known).map((n) => n.name)).toEqual(['Trường Đại học Phan Thiết', 'Công ty Cổ phần Ví Dụ']);
  });
});
