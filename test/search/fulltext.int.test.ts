import { openTestDb } from '../helpers/graph';

const db = openTestDb();
afterAll(() => db.close());

// Test-only statement: the hub's search API comes later; this checks the index it will use.
const SEARCH = `CALL db.index.fulltext.queryNodes('name_search', $q) YIELD node, score RETURN node.id AS id ORDER BY score DESC LIMIT 10`;
const search = async (q: string) => (await db.read(SEARCH, { q })).map((r) => String(r.id));

describe('the name index folds diacritics and case', () => {
  test('"Can Tho" finds Cần Thơ', async () => {
    expect(await search('"can tho"')).toContain('prov-can-tho');
  });

  test('"Binh Thuan" without diacritics finds the province and its department', async () => {
    const hits = await search('"binh thuan"');
    expect(hits).toEqual(expect.arrayContaining(['prov-binh-thuan', 'org-dost-binh-thuan']));
  });

  test('acronyms are indexed', async () => {
    expect(await search('"VNU-HCM"')).toContain('org-vnu-hcm');
  });

  test('English names are indexed', async () => {
    expect(await search('"International University"')).toContain('org-vnu-hcm-iu');
  });
});
