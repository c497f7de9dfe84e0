import { openTestDb } from '../helpers/graph';

const db = openTestDb();
const other = openTestDb();
afterAll(async () => {
  await other.write('MATCH (n:GraphStampProbe) DELETE n');
  await db.close();
  await other.close();
});

// A change that stays: Neo4j gives a transaction with no net change (create and delete one node) no new id.
const CHANGE = 'CREATE (:GraphStampProbe)';

describe('graph stamp (real Neo4j)', () => {
  test('two stamps with no commit between are equal, on one connection or two', async () => {
    const first = await db.graphStamp();
    expect(await db.graphStamp()).toBe(first);
    // Another connection has its own epoch, but names the same transaction.
    expect((await other.graphStamp()).split('|')[1]).toBe(first.split('|')[1]);
  });

  test('a commit through another connection changes the stamp', async () => {
    const before = await db.graphStamp();
    await other.write(CHANGE);
    const after = await db.graphStamp();
    expect(after).not.toBe(before);
    expect(await db.graphStamp()).toBe(after);
  });

  test('a transaction that changes nothing leaves the stamp as it was', async () => {
    const before = await db.graphStamp();
    await other.write('CREATE (n:GraphStampProbe) DELETE n');
    expect(await db.graphStamp()).toBe(before);
  });

  test('a read reports the stamp as it stood when it ended', async () => {
    const before = await db.graphStamp();
    const { value, stampAfter } = await db.captureStamp((view) => view.read('RETURN 42 AS n'), before);
    expect(value).toEqual([{ n: 42 }]);
    expect(stampAfter).toBe(before);
    const changed = await db.captureStamp(async (view) => {
      await other.write(CHANGE);
      return view.readTx((tx) => view.runIn(tx, 'RETURN 1 AS n'));
    }, before);
    expect(changed.stampAfter).toBe(await db.graphStamp());
    expect(changed.stampAfter).not.toBe(before);
  });

  test('only reads through the view given to the work are captured', async () => {
    const before = await db.graphStamp();
    const outside = await db.captureStamp(() => db.read('RETURN 1 AS n'), before);
    expect(outside.value).toEqual([{ n: 1 }]);
    expect(outside.stampAfter).toBeUndefined();
  });
});
