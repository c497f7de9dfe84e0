import { GraphQLError } from 'graphql';
import { NotFoundError, formatError } from '../../src/core/errors';

describe('error formatting', () => {
  test('the hub’s own errors keep their message and code', () => {
    const original = new GraphQLError('wrapped', { originalError: new NotFoundError('Organization', 'org-x') });
    const out = formatError({ message: 'wrapped', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, original);
    expect(out.message).toBe("Organization 'org-x' does not exist");
    expect(out.extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'Organization', id: 'org-x' });
  });

  test('unexpected errors become INTERNAL_SERVER_ERROR without internals', () => {
    const original = new GraphQLError('boom', { originalError: new Error('Neo.ClientError.Statement.SyntaxError at MATCH (n:Secret)') });
    const out = formatError({ message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } }, original);
    expect(out).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, locations: undefined, path: undefined });
  });

  test('request errors raised by GraphQL itself pass through', () => {
    const original = new GraphQLError('Cannot query field "nope" on type "Query".');
    const out = formatError({ message: original.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, original);
    expect(out.message).toContain('nope');
    expect(out.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
