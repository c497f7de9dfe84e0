import { data, gqlClient, openTestDb } from '../helpers/graph';

const db = openTestDb();
const gql = gqlClient(db);
afterAll(() => db.close());

interface Hit {
  kind: string;
  id: string;
  label: string;
  score: number;
  detail: string;
  detailVi: string;
  node: { __typename: string; number?: string };
}

const HIT_FIELDS = `kind id label score detail detailVi node { __typename ... on Agreement { number } ... on SourceDocument { number } }`;
const SEARCH = `query($text: String!, $kinds: [SearchKind!], $first: Int, $match: SearchMatch) {
  search(text: $text, kinds: $kinds, first: $first, match: $match) { ${HIT_FIELDS} }
}`;
const SUGGEST = `query($text: String!, $first: Int) { searchSuggestions(text: $text, first: $first) { ${HIT_FIELDS} } }`;

async function search(text: string, options: { kinds?: string[]; first?: number; match?: string } = {}): Promise<Hit[]> {
  return (await data<{ search: Hit[] }>(gql(SEARCH, { text, ...options }))).search;
}
async function suggest(text: string, first = 5): Promise<Hit[]> {
  return (await data<{ searchSuggestions: Hit[] }>(gql(SUGGEST, { text, first }))).searchSuggestions;
}
const ids = (hits: Hit[]) => hits.map((h) => h.id);

describe('document numbers are found exactly and first', () => {
  test('16/TTHT-UBND finds the Mekong key economic zone agreement first', async () => {
    const [first] = await search('16/TTHT-UBND');
    expect(first).toMatchObject({ kind: 'AGREEMENT', id: 'agr-mekong-kez-pc-16-ttht-ubnd-2018' });
    expect(first.node).toEqual({ __typename: 'Agreement', number: '16/TTHT-UBND' });
  });

  test.each(['16/ttht-ubnd', '16 / TTHT - UBND', 'Thỏa thuận 16/TTHT-UBND'])('%j finds it first too', async (text) => {
    expect((await search(text))[0].id).toBe('agr-mekong-kez-pc-16-ttht-ubnd-2018');
  });

  test('416/SKHCN-VP finds the Bình Thuận letter, a source', async () => {
    const [first] = await search('416/SKHCN-VP');
    expect(first).toMatchObject({ kind: 'SOURCE', id: 'src-000' });
    expect(first.node).toEqual({ __typename: 'SourceDocument', number: '416/SKHCN-VP' });
    expect(first.detail).toContain('official letter, no. 416/SKHCN-VP');
  });

  test('a number of a reference with Đ is found typed without it: 24/2014/ND-CP', async () => {
    expect((await search('24/2014/ND-CP'))[0]).toMatchObject({ kind: 'SOURCE', id: 'ext-decree-24-2014' });
  });

  test('only the whole number matches: 16/TTHT is a part of 16/TTHT-UBND, not its number', async () => {
    expect(ids(await search('16/TTHT', { kinds: ['AGREEMENT', 'SOURCE'] }))).not.toContain('agr-mekong-kez-pc-16-ttht-ubnd-2018');
  });

  test('number hits come first and scores still descend', async () => {
    const hits = await search('16/TTHT-UBND', { first: 20 });
    expect(hits.length).toBeGreaterThan(1);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(ids(hits)).size).toBe(hits.length);
  });

  test('kinds also filter number hits', async () => {
    expect(ids(await search('16/TTHT-UBND', { kinds: ['ORGANIZATION'] }))).not.toContain('agr-mekong-kez-pc-16-ttht-ubnd-2018');
  });

  test('a search for a number costs one statement', async () => {
    const before = db.statementCount;
    await data(gql(`query { search(text: "16/TTHT-UBND") { id } }`));
    expect(db.statementCount - before).toBe(1);
  });
});

describe('abbreviations and usual forms of public bodies', () => {
  test.each(['DOST Ca Mau', 'So KH&CN Ca Mau', 'Sở KH&CN Cà Mau', 'Ca Mau Department of Science and Technology', 'Sở KHCN Cà Mau', 'Sở Khoa học và Công nghệ Cà Mau'])(
    '%j finds the Cà Mau department of science and technology first',
    async (text) => {
      expect((await search(text))[0].id).toBe('org-dost-ca-mau');
    },
  );

  test('"Hai Phong DOST" finds the Hải Phòng department first', async () => {
    expect((await search('Hai Phong DOST'))[0].id).toBe('org-dost-hai-phong');
  });

  test('a word left out still finds it: "Sở Khoa học Cà Mau"', async () => {
    expect((await search('Sở Khoa học Cà Mau'))[0].id).toBe('org-dost-ca-mau');
  });

  test('"KHCN" matches names holding "khoa học và công nghệ"', async () => {
    const hits = await search('KHCN', { first: 50 });
    const spelledOut = hits.filter((h) => h.label.toLowerCase().includes('khoa học và công nghệ'));
    expect(spelledOut.length).toBeGreaterThanOrEqual(5);
    expect(ids(hits)).toEqual(expect.arrayContaining(['org-dost-ca-mau', 'org-most']));
  });

  test('"KH&CN" in a name is found by the spelled-out words', async () => {
    const hits = await search('chương trình phối hợp khoa học và công nghệ Ninh Thuận', { kinds: ['AGREEMENT'] });
    expect(ids(hits)[0]).toBe('agr-002-most-ninh-thuan-sti-programme-2023-2030');
  });

  test.each([
    ["People's Committee Can Tho", 'org-pc-can-tho'],
    ['UBND Cần Thơ', 'org-pc-can-tho'],
    ['Ủy ban nhân dân TP.HCM', 'org-pc-ho-chi-minh'],
    ['MOST', 'org-most'],
    ['Ministry of Science and Technology', 'org-most'],
    ['Bộ KH&CN', 'org-most'],
  ])('%j finds %s first', async (text, id) => {
    expect((await search(text))[0].id).toBe(id);
  });

  test('PHRASE and ALL_WORDS understand the forms too', async () => {
    expect(ids(await search('DOST Ca Mau', { match: 'PHRASE' }))).toContain('org-dost-ca-mau');
    expect(ids(await search('DOST Ca Mau', { match: 'ALL_WORDS' }))[0]).toBe('org-dost-ca-mau');
  });

  test('a text full of forms runs within the clause limit', async () => {
    const text = 'UBND TP DOST ĐH KHCN ĐMST tỉnh MOST DPI KCNC ĐBSCL Viện Trung tâm UBND TP DOST ĐH KHCN';
    for (const match of ['BEST', 'PHRASE', 'ALL_WORDS']) {
      const r = await gql(SEARCH, { text, match });
      expect(r.errors).toBeUndefined();
    }
    expect((await gql(SUGGEST, { text })).errors).toBeUndefined();
  });
});

describe('hits that share a label say what tells them apart', () => {
  test('the two Cần Thơ units: before and after the 2025 merger', async () => {
    const units = (await search('Cần Thơ', { kinds: ['ADMIN_UNIT'] })).filter((h) => h.label === 'Cần Thơ');
    expect(units.map((h) => [h.id, h.detail, h.detailVi])).toEqual([
      ['prov-can-tho', 'centrally run city, until 2025-06-30, code 92', 'thành phố trực thuộc trung ương, đến 2025-06-30, mã 92'],
      ['prov-can-tho-2025', 'centrally run city, since 2025-07-01, code 92', 'thành phố trực thuộc trung ương, từ 2025-07-01, mã 92'],
    ]);
  });

  test('the two Hồ Chí Minh City units', async () => {
    const units = (await search('TP.HCM', { kinds: ['ADMIN_UNIT'] })).filter((h) => h.id.startsWith('prov-ho-chi-minh'));
    expect(units).toHaveLength(2);
    expect(units[0].label).toBe(units[1].label);
    expect(units[0].detail).not.toBe(units[1].detail);
    expect(units.map((h) => h.detail)).toEqual(expect.arrayContaining([expect.stringContaining('until 2025-06-30'), expect.stringContaining('since 2025-07-01')]));
  });

  test('an organisation names its kind and province', async () => {
    const [first] = await search('DOST Ca Mau');
    expect(first.detail).toBe('government body, Ca Mau Province');
    expect(first.detailVi).toBe('cơ quan nhà nước, Cà Mau');
  });

  test('the details of all hits come in one statement, whatever their number', async () => {
    const count = async (first: number) => {
      const before = db.statementCount;
      const d = await data<{ search: Hit[] }>(gql(`query($first: Int) { search(text: "Thành phố", first: $first) { id detail detailVi } }`, { first }));
      return { statements: db.statementCount - before, hits: d.search.length };
    };
    const small = await count(2);
    const large = await count(60);
    expect(large.hits).toBeGreaterThan(20);
    expect(small.statements).toBe(2);
    expect(large.statements).toBe(2);
  });
});

describe('close suggestions when search finds nothing', () => {
  test('"Ca Maw DOST" finds nothing, and suggests the Cà Mau department first', async () => {
    expect(await search('Ca Maw DOST')).toEqual([]);
    const [first] = await suggest('Ca Maw DOST');
    expect(first).toMatchObject({ kind: 'ORGANIZATION', id: 'org-dost-ca-mau', label: 'Sở Khoa học và Công nghệ tỉnh Cà Mau' });
  });

  test('"Soc Trag" suggests Sóc Trăng and its department', async () => {
    expect(await search('Soc Trag')).toEqual([]);
    expect(ids(await suggest('Soc Trag'))).toEqual(expect.arrayContaining(['prov-soc-trang', 'org-dost-soc-trang']));
  });

  test('a misspelt English name: "Department of Sciance and Technology Ca Mau"', async () => {
    expect((await suggest('Department of Sciance and Technology Ca Mau'))[0].id).toBe('org-dost-ca-mau');
  });

  test('suggestions say what tells them apart too', async () => {
    const units = (await suggest('Hai Phog', 10)).filter((h) => h.kind === 'ADMIN_UNIT');
    expect(units.map((h) => h.detail)).toEqual(expect.arrayContaining([expect.stringContaining('until 2025-06-30'), expect.stringContaining('since 2025-07-01')]));
  });

  test('stop words alone suggest nothing, and input is checked like search', async () => {
    expect(await suggest('of the')).toEqual([]);
    const r = await gql(SUGGEST, { text: ' ' });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
