import { data, gqlClient, openTestDb } from '../helpers/graph';

// Lists sorted by name or title follow Vietnamese alphabetical order (the order of Intl.Collator('vi')), through
// the sort keys stored at import, also across pages.

const db = openTestDb();
const gql = gqlClient(db);
afterAll(() => db.close());

const collator = new Intl.Collator('vi');
type Named = { id: string; text: string };

/** Collator order, ties (names the collator sees as equal) by id as the lists break them. */
const vietnamese = (a: Named, b: Named) => collator.compare(a.text, b.text) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function list(field: string, sort: string, text: string, direction = 'ASC'): Promise<Named[]> {
  const d = await data(gql(`{ ${field}(first: 500, orderBy: { field: ${sort}, direction: ${direction} }) { nodes { id text: ${text} } } }`));
  return d[field].nodes;
}

const first = (name: string) => name.normalize('NFC')[0].toLocaleLowerCase('vi');

describe('lists sorted by name or title', () => {
  test('organizations by NAME put names starting with Đ after those starting with A to D and before those starting with E to Z', async () => {
    const names = (await list('organizations', 'NAME', 'name')).map((n) => n.text);
    const firstĐ = names.findIndex((n) => first(n) === 'đ');
    const lastĐ = names.map(first).lastIndexOf('đ');
    expect(firstĐ).toBeGreaterThan(0);
    expect(names.slice(firstĐ, lastĐ + 1).every((n) => first(n) === 'đ')).toBe(true);
    expect(names.slice(0, firstĐ).every((n) => /^[a-d]/.test(first(n)) || /^[ăâ]/.test(first(n)))).toBe(true);
    expect(names.slice(lastĐ + 1).every((n) => !/^[a-dđ]/.test(first(n)))).toBe(true);
    // Code-point order would have put them after every name starting with V ("Viện ...").
    expect(names.findIndex((n) => n.startsWith('Viện'))).toBeGreaterThan(lastĐ);
  });

  test('regions by NAME put Duyên hải before Đông Nam Bộ and the Đồng bằng regions', async () => {
    const names = (await list('regions', 'NAME', 'name')).map((n) => n.text);
    const d = names.indexOf('Duyên hải Nam Trung Bộ');
    expect(d).toBeGreaterThanOrEqual(0);
    for (const đ of names.filter((n) => first(n) === 'đ')) expect(names.indexOf(đ)).toBeGreaterThan(d);
  });

  test.each([
    ['organizations', 'NAME', 'name'],
    ['adminUnits', 'NAME', 'name'],
    ['regions', 'NAME', 'name'],
    ['people', 'NAME', 'name'],
    ['topics', 'NAME', 'name'],
    ['agreements', 'TITLE', 'title'],
    ['activities', 'TITLE', 'title'],
    ['sources', 'TITLE', 'title'],
  ])('%s by %s follow Intl.Collator("vi") in both directions', async (field, sort, text) => {
    const ascending = await list(field, sort, text);
    expect(ascending.length).toBeGreaterThan(1);
    expect(ascending).toEqual([...ascending].sort(vietnamese));
    expect(await list(field, sort, text, 'DESC')).toEqual([...ascending].reverse());
  });

  test('nested lists by name follow Intl.Collator("vi") too: a region\'s members, a country\'s units', async () => {
    const d = await data(gql(`{ region(id: "region-southeast") { members { id text: name } } adminUnit(id: "country-vn") { children(first: 1000) { id text: name } } }`));
    for (const items of [d.region.members as Named[], d.adminUnit.children as Named[]]) {
      expect(items.some((n) => first(n.text) === 'đ')).toBe(true);
      expect(items).toEqual([...items].sort(vietnamese));
    }
  });

  test('a page boundary inside the Đ names goes on in Vietnamese order', async () => {
    const all = await list('adminUnits', 'NAME', 'name');
    const cut = all.findIndex((n) => first(n.text) === 'đ') + 1;
    const head = await data(gql(`{ adminUnits(first: ${cut}) { pageInfo { endCursor } } }`));
    const rest = await data(gql(`query($after: String) { adminUnits(first: 500, after: $after) { nodes { id text: name } } }`, { after: head.adminUnits.pageInfo.endCursor }));
    expect(rest.adminUnits.nodes).toEqual(all.slice(cut));
  });
});
