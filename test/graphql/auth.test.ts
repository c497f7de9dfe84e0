import { requireRole, roleIncludes, type Viewer } from '../../src/graphql/auth';
import { createContext } from '../../src/graphql/context';
import type { Database } from '../../src/db/database';
import { ForbiddenError, UnauthenticatedError } from '../../src/core/errors';

const db = {} as Database;
const curator: Viewer = { name: 'Trần Thị B', role: 'curator', subject: 'tran-thi-b' };
const editor: Viewer = { name: 'Lê Văn C', role: 'editor', subject: 'le-van-c' };

/** What requireRole throws, or undefined when it returns. */
function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('requireRole: who may write', () => {
  test('a curator may do what needs a curator, and gets the viewer back to record as the writer', () => {
    expect(requireRole(createContext(db, { viewer: curator, writesEnabled: true }), 'curator')).toBe(curator);
  });

  test('an editor may do all a curator may, and more', () => {
    const ctx = createContext(db, { viewer: editor, writesEnabled: true });
    expect(requireRole(ctx, 'curator')).toBe(editor);
    expect(requireRole(ctx, 'editor')).toBe(editor);
    expect(roleIncludes('curator', 'editor')).toBe(false);
  });

  test('a curator asking for what needs an editor is FORBIDDEN (403), naming both roles', () => {
    const error = thrown(() => requireRole(createContext(db, { viewer: curator, writesEnabled: true }), 'editor'));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE', required: 'editor', role: 'curator', http: { status: 403 } });
  });

  test('a request without a token is UNAUTHENTICATED (401)', () => {
    const error = thrown(() => requireRole(createContext(db, { viewer: null, writesEnabled: true }), 'curator'));
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect((error as UnauthenticatedError).extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  });

  test('on a hub without a key writes are off, and say how to turn them on, even for a viewer', () => {
    for (const viewer of [null, editor]) {
      const error = thrown(() => requireRole(createContext(db, { viewer, writesEnabled: false }), 'curator'));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).message).toBe('writes are off on this hub: set AUTH_JWT_SECRET or AUTH_JWKS_URL');
      expect((error as ForbiddenError).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'WRITES_OFF' });
    }
  });

  test('a context made without auth is anonymous on a hub with writes off', () => {
    expect(createContext(db)).toMatchObject({ viewer: null, writesEnabled: false });
  });
});
