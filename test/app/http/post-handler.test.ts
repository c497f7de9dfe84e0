import type { IncomingMessage } from 'node:http';
import { isPlainGraphqlPost, MAX_GRAPHQL_BODY } from '../../../src/app/http/post-handler';

function request(method: string, url: string, headers: Record<string, string>): IncomingMessage {
  return { method, url, headers } as unknown as IncomingMessage;
}

const JSON_POST = { 'content-type': 'application/json', 'content-length': '40' };

describe('which requests take the lean GraphQL path', () => {
  test.each([
    ['a JSON POST', 'POST', '/graphql', JSON_POST],
    ['with a query string', 'POST', '/graphql?x=1', JSON_POST],
    ['UTF-8 named', 'POST', '/graphql', { ...JSON_POST, 'content-type': 'application/json; charset=UTF-8' }],
    ['identity encoding', 'POST', '/graphql', { ...JSON_POST, 'content-encoding': 'identity' }],
  ])('%s does', (_what, method, url, headers) => {
    expect(isPlainGraphqlPost(request(method, url, headers), '/graphql')).toBe(true);
  });

  test.each([
    ['a GET', 'GET', '/graphql', JSON_POST],
    ['another path', 'POST', '/graphql/ide', JSON_POST],
    ['no length (chunked)', 'POST', '/graphql', { 'content-type': 'application/json' }],
    ['an empty body', 'POST', '/graphql', { ...JSON_POST, 'content-length': '0' }],
    ['a body over the limit', 'POST', '/graphql', { ...JSON_POST, 'content-length': String(MAX_GRAPHQL_BODY + 1) }],
    ['a compressed body', 'POST', '/graphql', { ...JSON_POST, 'content-encoding': 'gzip' }],
    ['another charset', 'POST', '/graphql', { ...JSON_POST, 'content-type': 'application/json; charset=latin1' }],
    ['another type', 'POST', '/graphql', { ...JSON_POST, 'content-type': 'text/plain' }],
  ])('%s goes through Express', (_what, method, url, headers) => {
    expect(isPlainGraphqlPost(request(method, url, headers), '/graphql')).toBe(false);
  });
});
