import { GraphQLError } from 'graphql';
import { formatError } from '../../src/core/errors';

describe('errors in the request before execution', () => {
  test("graphql-js's code-less 'too many errors' in variable coercion reaches the client as BAD_USER_INPUT", () => {
    const original = new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.');
    const formatted = formatError({ message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, original);
    expect(formatted.extensions?.code).toBe('BAD_USER_INPUT');
    expect(formatted.message).toBe(original.message);
  });

  test('a code-less error raised while executing a field stays INTERNAL_SERVER_ERROR', () => {
    const original = new GraphQLError('Cannot return null for non-nullable field Query.organization.', { path: ['organization'] });
    const formatted = formatError({ message: original.message, path: ['organization'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, original);
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
