import { createLogger } from '../../../src/core/logger';
import { startServer, type HubServer } from '../../../src/app/server';
import { openTestDb } from '../../helpers/graph';

const db = openTestDb();
let server: HubServer;

beforeAll(async () => {
  server = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12 });
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

const SMALL = '{ totals { organizations agreements } }';
// Over the compression threshold, so the tag of each content coding is checked too.
const LARGE = '{ counts(of: ORGANIZATIONS, groupBy: PROVINCE) { key label count } }';

// Apollo's CSRF protection serves a GET only with a header a plain HTML form cannot send.
const GET_HEADERS = { accept: 'application/json', 'apollo-require-preflight': 'true' };

function getUrl(query: string): string {
  return `${server.url}?query=${encodeURIComponent(query)}`;
}

describe('HTTP caching of GET queries', () => {
  test.each([
    ['a small answer', SMALL, 'identity'],
    ['a compressed answer', LARGE, 'gzip'],
  ])('%s carries a strong ETag and no-cache, and comes back 304 without a body when unchanged', async (_name, query, encoding) => {
    const headers = { ...GET_HEADERS, 'accept-encoding': encoding };
    const first = await fetch(getUrl(query), { headers });
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const body = await first.text();
    expect(JSON.parse(body).data).toBeDefined();

    const again = await fetch(getUrl(query), { headers: { ...headers, 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);

    const stale = await fetch(getUrl(query), { headers: { ...headers, 'if-none-match': '"something-else"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(body);
  });

  test('POST answers and answers with errors carry no ETag', async () => {
    const post = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SMALL }) });
    expect(post.status).toBe(200);
    expect(post.headers.get('etag')).toBeNull();
    const failing = await fetch(getUrl('{ ranking(by: PARTNERS, first: 0) { totalCount } }'), { headers: GET_HEADERS });
    const text = await failing.text();
    expect(text).toContain('"errors"');
    expect(failing.headers.get('etag')).toBeNull();
  });
});
