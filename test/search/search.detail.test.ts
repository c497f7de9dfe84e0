import { describeHit } from '../../src/search/search.detail';

// Rows as HIT_FACTS returns them: the node as a map of properties (dates as written strings work too).
const unit = (props: Record<string, unknown>) => ({ kind: 'ADMIN_UNIT', n: { properties: props }, place: null });

describe('hit details', () => {
  test('two units of one name differ by their validity', () => {
    const before = describeHit(unit({ id: 'prov-can-tho', level: 'CITY', validTo: '2025-06-30', statCode: '92' }));
    const after = describeHit(unit({ id: 'prov-can-tho-2025', level: 'CITY', validFrom: '2025-07-01', statCode: '92' }));
    expect(before).toEqual({ en: 'centrally run city, until 2025-06-30, code 92', vi: 'thành phố trực thuộc trung ương, đến 2025-06-30, mã 92' });
    expect(after).toEqual({ en: 'centrally run city, since 2025-07-01, code 92', vi: 'thành phố trực thuộc trung ương, từ 2025-07-01, mã 92' });
  });

  test('an organisation is described by its kind and the province it is in', () => {
    const row = { kind: 'ORGANIZATION', n: { properties: { kind: 'GOVERNMENT' } }, place: { properties: { name: 'Cà Mau', nameEn: 'Ca Mau Province' } } };
    expect(describeHit(row)).toEqual({ en: 'government body, Ca Mau Province', vi: 'cơ quan nhà nước, Cà Mau' });
  });

  test('a source by its kind and number', () => {
    const row = { kind: 'SOURCE', n: { properties: { kind: 'OFFICIAL_LETTER', number: '416/SKHCN-VP' } }, place: null };
    expect(describeHit(row)).toEqual({ en: 'official letter, no. 416/SKHCN-VP', vi: 'công văn, số 416/SKHCN-VP' });
  });
});
