import { decodeCursor, encodeCursor } from '../../src/db/cursor';
import { MAX_OFFSET, decodePositionCursor, encodePositionCursor, pageStart, positionConnection, positionPageInfo } from '../../src/graphql/paging';

function errorOf(run: () => unknown): { code: unknown; field: unknown; message: string } | undefined {
  try {
    run();
  } catch (e) {
    const error = e as { message: string; extensions: Record<string, unknown> };
    return { code: error.extensions.code, field: error.extensions.field, message: error.message };
  }
  return undefined;
}

describe('position cursors', () => {
  test.each([0, 1, 41, MAX_OFFSET])('position %s comes back from its cursor', (position) => {
    expect(decodePositionCursor(encodePositionCursor('ranking', position), 'ranking')).toBe(position);
  });

  test('a cursor is opaque url-safe text that does not show the position as a bare number', () => {
    const cursor = encodePositionCursor('partners', 7);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toBe('7');
  });

  test.each([
    ['made-up text', 'hello'],
    ['an empty string', ''],
    ['characters outside base64url', 'abc+/='],
    ['a bare number', '7'],
    ['an edited position', Buffer.from('pos:ranking:-3').toString('base64url')],
    ['a position with leading zeros', Buffer.from('pos:ranking:007').toString('base64url')],
    ['a keyset cursor of a connection', encodeCursor({ list: 'Topic', field: 'NAME', direction: 'ASC', value: 'a', id: 't1' })],
  ])('%s is BAD_USER_INPUT on after', (_what, raw) => {
    expect(errorOf(() => decodePositionCursor(raw, 'ranking'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  test('a cursor of another list is BAD_USER_INPUT naming both lists', () => {
    const error = errorOf(() => decodePositionCursor(encodePositionCursor('partners', 3), 'ranking'));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(error?.message).toContain('partners');
    expect(error?.message).toContain('ranking');
  });

  test('a position cursor given to a keyset connection is refused there too', () => {
    expect(errorOf(() => decodeCursor(encodePositionCursor('Topic', 3)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('where a page starts', () => {
  test('without after a page starts at offset, and after a cursor right after its item', () => {
    expect(pageStart('ranking', 0, null)).toBe(0);
    expect(pageStart('ranking', 40, undefined)).toBe(40);
    expect(pageStart('ranking', 0, encodePositionCursor('ranking', 19))).toBe(20);
  });

  test('an offset other than 0 beside after is BAD_USER_INPUT', () => {
    expect(errorOf(() => pageStart('ranking', 5, encodePositionCursor('ranking', 19)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
  });

  test('a cursor at the deepest position leaves no page to start', () => {
    expect(errorOf(() => pageStart('ranking', 0, encodePositionCursor('ranking', MAX_OFFSET)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  test('an offset out of bounds is refused as before', () => {
    expect(errorOf(() => pageStart('ranking', -1, null))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
  });
});

describe('page info and connections of position-paged lists', () => {
  test('the end cursor of a page starts the next page right after its last item', () => {
    const info = positionPageInfo('ranking', 20, 10, true);
    expect(info).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(pageStart('ranking', 0, info.endCursor)).toBe(30);
    expect(decodePositionCursor(info.startCursor!, 'ranking')).toBe(20);
  });

  test('an empty page has no cursors', () => {
    expect(positionPageInfo('ranking', 0, 0, false)).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  test('one item past the page says that more follow and is not served', async () => {
    const c = positionConnection('timeline', ['a', 'b', 'c'], 4, 2, () => Promise.resolve(7));
    expect(c.nodes).toEqual(['a', 'b']);
    expect(c.edges.map((e) => decodePositionCursor(e.cursor, 'timeline'))).toEqual([4, 5]);
    expect(c.pageInfo.hasNextPage).toBe(true);
    expect(c.pageInfo.endCursor).toBe(c.edges[1].cursor);
    expect(await c.count()).toBe(7);
    expect(positionConnection('timeline', ['a', 'b'], 4, 2, () => Promise.resolve(6)).pageInfo.hasNextPage).toBe(false);
  });
});
