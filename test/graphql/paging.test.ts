import { pagedLoader } from '../../src/db/loader';
import { pagedQuery } from '../../src/graphql/nested-page';
import { MAX_NESTED_PAGE_SIZE, MAX_OFFSET, checkInt, checkNestedPage, pageOf } from '../../src/graphql/paging';
import type { Database, Params } from '../../src/db/database';

function errorOf(run: () => unknown): { code: unknown; message: string; field: unknown } | undefined {
  try {
    run();
  } catch (e) {
    const error = e as { message: string; extensions: Record<string, unknown> };
    return { code: error.extensions.code, message: error.message, field: error.extensions.field };
  }
  return undefined;
}

describe('integer arguments', () => {
  test('a value within its bounds passes, bounds included', () => {
    expect(checkInt(1, 1, 10, 'first')).toBe(1);
    expect(checkInt(10, 1, 10, 'first')).toBe(10);
  });

  test.each([0, 11, 2.5, Number.NaN, 2147483647, -2147483648])('%s outside 1 to 10 is BAD_USER_INPUT naming the argument and both bounds', (value) => {
    expect(errorOf(() => checkInt(value, 1, 10, 'hops'))).toEqual({ code: 'BAD_USER_INPUT', message: `hops must be between 1 and 10 (got ${value})`, field: 'hops' });
  });

  test('a nested page is 1 to 1000 items from offset 0 to 100000', () => {
    expect(checkNestedPage({ first: MAX_NESTED_PAGE_SIZE, offset: MAX_OFFSET })).toEqual({ first: MAX_NESTED_PAGE_SIZE, offset: MAX_OFFSET });
    expect(errorOf(() => checkNestedPage({ first: MAX_NESTED_PAGE_SIZE + 1, offset: 0 }))?.message).toBe(`first must be between 1 and ${MAX_NESTED_PAGE_SIZE} (got 1001)`);
    expect(errorOf(() => checkNestedPage({ first: 1, offset: MAX_OFFSET + 1 }))?.message).toBe(`offset must be between 0 and ${MAX_OFFSET} (got 100001)`);
  });
});

describe('pages cut in memory', () => {
  test('two pages in a row are the larger page', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect([...pageOf(items, { first: 2, offset: 0 }), ...pageOf(items, { first: 2, offset: 2 })]).toEqual(pageOf(items, { first: 4, offset: 0 }));
    expect(pageOf(items, { first: 10, offset: 4 })).toEqual(['e']);
    expect(pageOf(items, { first: 10, offset: 5 })).toEqual([]);
  });

  test('the arguments are checked even when the list is empty', () => {
    expect(errorOf(() => pageOf([], { first: 0, offset: 0 }))?.code).toBe('BAD_USER_INPUT');
  });
});

describe('paged loaders', () => {
  // A stand-in that records the statements' parameters and answers every key with its page of three items.
  function recordingDb() {
    const calls: Params[] = [];
    const db = {
      read: async (_cypher: string, params: Params) => {
        calls.push(params);
        return (params.keys as string[]).flatMap((key) => [0, 1, 2].map((i) => ({ key, i })));
      },
    } as unknown as Database;
    return { db, calls };
  }

  test('parents asking for the same page share one statement; another page gets its own', async () => {
    const { db, calls } = recordingDb();
    const loader = pagedLoader(db, pagedQuery('MATCH (n) WHERE n.id = key', 'n', 'n.id'), (row) => `${row.key}:${row.i}`);
    const [a, b, c] = await Promise.all([
      loader.load('x', { first: 3, offset: 0 }),
      loader.load('y', { first: 3, offset: 0 }),
      loader.load('x', { first: 3, offset: 3 }),
    ]);
    expect(a).toEqual(['x:0', 'x:1', 'x:2']);
    expect(b).toEqual(['y:0', 'y:1', 'y:2']);
    expect(c).toEqual(['x:0', 'x:1', 'x:2']);
    expect(calls.map((p) => [p.keys, Number(p.first), Number(p.offset)])).toEqual([
      [['x', 'y'], 3, 0],
      [['x'], 3, 3],
    ]);
  });

  test('an out-of-range page reaches no database', () => {
    const { db, calls } = recordingDb();
    const loader = pagedLoader(db, 'UNWIND $keys AS key RETURN key', (row) => row);
    expect(errorOf(() => loader.load('x', { first: 1, offset: -1 }))?.code).toBe('BAD_USER_INPUT');
    expect(calls).toEqual([]);
  });

  test('the page travels as parameters, never in the statement text', () => {
    const cypher = pagedQuery('MATCH (n:Topic {id: key})', 'n', 'n.name, n.id');
    expect(cypher).toContain('SKIP $offset LIMIT $first');
    expect(cypher).not.toMatch(/SKIP \d|LIMIT \d/);
  });
});
