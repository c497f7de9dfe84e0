import { vietnameseSortKey } from '../../src/core/collation';
import { fillSortKeys } from '../../src/db/sort-keys';
import { openTestDb } from '../helpers/graph';

// A store written before the sort keys existed gets them at start. The probe nodes carry a label of their own,
// so the shared test graph's lists never see them.

const db = openTestDb();
const PROBE = { label: 'SortKeyProbe', text: 'name', key: 'nameKey' } as const;
const NAMES = ['Đà Nẵng', 'Dak Lak', 'Ea Súp', 'Ủy ban'];

afterAll(async () => {
  await db.write('MATCH (n:SortKeyProbe) DETACH DELETE n');
  await db.close();
});

test('nodes without a sort key get the key of their name, in batches, and a second run finds nothing to do', async () => {
  await db.write('MATCH (n:SortKeyProbe) DETACH DELETE n');
  await db.write('UNWIND $names AS name CREATE (:SortKeyProbe {id: name, name: name})', { names: NAMES });
  await db.write("CREATE (:SortKeyProbe {id: 'kept', name: 'B', nameKey: 'stale but present'})");
  await db.write("CREATE (:SortKeyProbe {id: 'nameless'})");

  expect(await fillSortKeys(db, 3, [PROBE])).toBe(NAMES.length);

  const rows = await db.read('MATCH (n:SortKeyProbe) RETURN n.id AS id, n.name AS name, n.nameKey AS key ORDER BY n.nameKey, n.id');
  const byId = Object.fromEntries(rows.map((r) => [r.id, r.key]));
  for (const name of NAMES) expect(byId[name]).toBe(vietnameseSortKey(name));
  expect(byId.kept).toBe('stale but present');
  expect(byId.nameless).toBeNull();
  expect(rows.filter((r) => NAMES.includes(String(r.id))).map((r) => r.id)).toEqual(['Dak Lak', 'Đà Nẵng', 'Ea Súp', 'Ủy ban']);
  expect(await fillSortKeys(db, 3, [PROBE])).toBe(0);
});
