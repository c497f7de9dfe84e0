import { data, gqlClient, openTestDb } from '../helpers/graph';

const db = openTestDb();
const gql = gqlClient(db);
afterAll(() => db.close());

interface Hit {
  kind: string;
  id: string;
  label: string;
  score: number;
  node: Record<string, any>;
}

const SEARCH = `query($text: String!, $kinds: [SearchKind!], $first: Int, $match: SearchMatch) {
  search(text: $text, kinds: $kinds, first: $first, match: $match) {
    kind id label score
    node {
      __typename
      ... on Organization { id name nameEn acronyms }
      ... on AdminUnit { id name level }
      ... on Region { id name }
      ... on Agreement { id title }
      ... on Activity { id title kind }
      ... on Person { id name }
      ... on Topic { id name nameEn }
    }
  }
}`;

async function search(text: string, options: { kinds?: string[]; first?: number; match?: string } = {}): Promise<Hit[]> {
  return (await data<{ search: Hit[] }>(gql(SEARCH, { text, ...options }))).search;
}
const ids = (hits: Hit[]) => hits.map((h) => h.id);

describe('search match modes', () => {
  test('PHRASE keeps only names holding the words next to each other; BEST and ALL_WORDS also find them apart', async () => {
    // "Can Tho" is a phrase in "Cần Thơ"; "Tho Can" holds both words, but not in this order.
    const best = ids(await search('Tho Can', { first: 50 }));
    const allWords = ids(await search('Tho Can', { first: 50, match: 'ALL_WORDS' }));
    const phrase = ids(await search('Tho Can', { first: 50, match: 'PHRASE' }));
    expect(allWords).toEqual(expect.arrayContaining(['prov-can-tho', 'org-dost-can-tho']));
    expect(best).toEqual(expect.arrayContaining(allWords));
    expect(phrase).not.toContain('prov-can-tho');
    expect(ids(await search('Can Tho', { first: 50, match: 'PHRASE' }))).toEqual(expect.arrayContaining(['prov-can-tho', 'org-dost-can-tho']));
  });

  test('PHRASE and ALL_WORDS do not treat the last word as a prefix', async () => {
    expect(ids(await search('dai hoc quoc t', { match: 'BEST' }))).toContain('org-vnu-hcm-iu');
    expect(ids(await search('dai hoc quoc t', { match: 'PHRASE' }))).not.toContain('org-vnu-hcm-iu');
    expect(ids(await search('dai hoc quoc t', { match: 'ALL_WORDS' }))).not.toContain('org-vnu-hcm-iu');
  });

  test('an unknown match mode is refused before the database is asked', async () => {
    const result = await gql(SEARCH, { text: 'Can Tho', match: 'FUZZY' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('search ignores diacritics and case', () => {
  test('"Can Tho" finds the two Cần Thơ units first, then the organisations named after the city', async () => {
    const hits = await search('Can Tho');
    expect(hits.slice(0, 2).map((h) => [h.kind, h.id, h.label, h.node.__typename, h.node.level])).toEqual([
      ['ADMIN_UNIT', 'prov-can-tho', 'Cần Thơ', 'AdminUnit', 'CITY'],
      ['ADMIN_UNIT', 'prov-can-tho-2025', 'Cần Thơ', 'AdminUnit', 'CITY'],
    ]);
    expect(ids(hits)).toEqual(expect.arrayContaining(['org-dost-can-tho', 'org-pc-can-tho']));
    expect(hits[0].score).toBeGreaterThan(hits[2].score);
  });

  test('"dai hoc quoc te" finds Trường Đại học Quốc tế first', async () => {
    const [first] = await search('dai hoc quoc te');
    expect(first).toMatchObject({ kind: 'ORGANIZATION', id: 'org-vnu-hcm-iu', label: 'Trường Đại học Quốc tế' });
    expect(first.node).toMatchObject({ __typename: 'University', nameEn: 'International University' });
  });

  test('a half-typed last word already matches: "dai hoc quoc t"', async () => {
    expect(ids(await search('dai hoc quoc t'))).toContain('org-vnu-hcm-iu');
  });

  test('"Nguyen Viet Dung" finds the person', async () => {
    const [first] = await search('Nguyen Viet Dung');
    expect(first).toMatchObject({ kind: 'PERSON', id: 'per-nguyen-viet-dung', label: 'Nguyễn Việt Dũng' });
    expect(first.node).toEqual({ __typename: 'Person', id: 'per-nguyen-viet-dung', name: 'Nguyễn Việt Dũng' });
  });

  test('typed with diacritics and in capitals it finds the same', async () => {
    expect(ids(await search('CẦN THƠ')).slice(0, 2)).toEqual(['prov-can-tho', 'prov-can-tho-2025']);
  });
});

describe('search matches acronyms, English names and aliases', () => {
  test('"VNU-HCM" finds Đại học Quốc gia Thành phố Hồ Chí Minh first', async () => {
    const [first] = await search('VNU-HCM');
    expect(first).toMatchObject({ kind: 'ORGANIZATION', id: 'org-vnu-hcm', label: 'Đại học Quốc gia Thành phố Hồ Chí Minh' });
    expect(first.node.acronyms).toContain('VNU-HCM');
  });

  test('"CSIRO" finds the Australian research organisation', async () => {
    const [first] = await search('CSIRO');
    expect(first).toMatchObject({ kind: 'ORGANIZATION', id: 'org-csiro' });
    expect(first.node).toMatchObject({ __typename: 'ResearchInstitute', nameEn: 'Commonwealth Scientific and Industrial Research Organisation' });
  });

  test('"nanotechnology" finds the topic, the Institute for Nanotechnology and the IWNA conference', async () => {
    const hits = await search('nanotechnology');
    expect(ids(hits).slice(0, 3).sort()).toEqual(['act-iwna-8', 'org-vnu-hcm-inst-nano', 'topic-nanotechnology']);
    expect(hits.find((h) => h.id === 'topic-nanotechnology')?.node).toEqual({
      __typename: 'Topic',
      id: 'topic-nanotechnology',
      name: 'Công nghệ nano',
      nameEn: 'Nanotechnology',
    });
  });

  test('"Nano" finds the institute and the conference, and by prefix the nanocomposite research task', async () => {
    const found = ids(await search('Nano'));
    expect(found).toEqual(expect.arrayContaining(['org-vnu-hcm-inst-nano', 'act-iwna-8', 'act-shtp-rdc-csiro-gold-nanocomposite']));
  });

  test('an English name: "International University"', async () => {
    expect(ids(await search('International University'))[0]).toBe('org-vnu-hcm-iu');
  });

  test('an alias: "KHCN Soc Trang" (Sở KHCN Sóc Trăng) finds the Sóc Trăng department', async () => {
    expect(ids(await search('KHCN Soc Trang'))[0]).toBe('org-dost-soc-trang');
  });
});

describe('search filters and limits', () => {
  test('kinds keeps only those kinds', async () => {
    const hits = await search('Can Tho', { kinds: ['ORGANIZATION'] });
    expect(hits.length).toBeGreaterThanOrEqual(3);
    expect(new Set(hits.map((h) => h.kind))).toEqual(new Set(['ORGANIZATION']));
    expect(hits[0].id).toBe('org-dost-can-tho');
  });

  test('several kinds: activities and topics about nano', async () => {
    const hits = await search('nano', { kinds: ['ACTIVITY', 'TOPIC'] });
    expect(ids(hits).sort()).toEqual(['act-iwna-8', 'act-shtp-rdc-csiro-gold-nanocomposite', 'topic-nanotechnology']);
  });

  test('first caps the number of hits, best first', async () => {
    const all = await search('Can Tho');
    const two = await search('Can Tho', { first: 2 });
    expect(ids(two)).toEqual(ids(all).slice(0, 2));
  });

  test('hits are sorted by descending score', async () => {
    const scores = (await search('Sở Khoa học và Công nghệ')).map((h) => h.score);
    expect(scores.length).toBeGreaterThanOrEqual(10);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  test.each([
    ['', 'text must not be empty'],
    ['   \t ', 'text must not be empty'],
    ['a'.repeat(201), 'text must be at most 200 characters (got 201)'],
  ])('text %j gives BAD_USER_INPUT', async (text, message) => {
    const r = await gql(SEARCH, { text });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toBe(message);
  });

  test.each([0, 101])('first %i gives BAD_USER_INPUT stating the limit', async (first) => {
    const r = await gql(SEARCH, { text: 'Can Tho', first });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toBe(`first must be between 1 and 100 (got ${first})`);
  });
});

describe('no input can break the query', () => {
  test.each([
    'VNU-HCM && (IU || HCMUT)',
    'Sở KH&CN',
    '"unbalanced',
    '\\',
    'a:b title:x',
    '*',
    '?',
    'can~2 tho^3',
    '[a TO z] {a TO z}',
    '/regex.*/',
    'AND',
    'OR NOT',
    '!-+',
    '\u0000\u0001',
    'b '.repeat(100).trim(),
    '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40',
  ])('%j runs and answers a list', async (text) => {
    const r = await gql(SEARCH, { text });
    expect(r.errors).toBeUndefined();
    expect(Array.isArray(r.data?.search)).toBe(true);
  });

  test('special characters are matched literally: "Sở KH&CN" finds the Cần Thơ department by its acronym', async () => {
    expect(ids(await search('Sở KH&CN Cần Thơ'))[0]).toBe('org-dost-can-tho');
  });
});

describe('search round trips', () => {
  async function statementsFor(query: string, variables: Record<string, unknown>): Promise<{ statements: number; hits: Hit[] }> {
    const before = db.statementCount;
    const d = await data<{ search: Hit[] }>(gql(query, variables));
    return { statements: db.statementCount - before, hits: d.search };
  }

  test('one statement per search', async () => {
    const { statements, hits } = await statementsFor(`query($text: String!) { search(text: $text, first: 50) { kind id label score } }`, { text: 'Thành phố' });
    expect(hits.length).toBeGreaterThan(10);
    expect(statements).toBe(1);
  });

  test('nodes load in one batch per kind, whatever the number of hits', async () => {
    const small = await statementsFor(SEARCH, { text: 'Thành phố', first: 3 });
    const large = await statementsFor(SEARCH, { text: 'Thành phố', first: 60 });
    const kinds = new Set(large.hits.map((h) => h.kind)).size;
    expect(large.hits.length).toBeGreaterThan(3 * kinds);
    expect(large.statements).toBe(1 + kinds);
    expect(small.statements).toBeLessThanOrEqual(1 + kinds);
  });
});
