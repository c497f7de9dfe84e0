import { serverAudits, type AuditResult } from 'graphql-http';
import { createLogger } from '../../src/core/logger';
import { startServer, type HubServer } from '../../src/app/server';
import { openTestDb } from '../helpers/graph';

// The GraphQL-over-HTTP conformance audits of the graphql-http library, run against the hub's real HTTP server.
// MUST audits are requirements of the spec; SHOULD and MAY ones may answer with a notice or a warning, never an error.
const db = openTestDb();
let server: HubServer;

beforeAll(async () => {
  server = await startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12 });
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

const audits = serverAudits({ url: () => server.url, fetchFn: fetch });

/** The reason and the start of the body of a failed audit, so that a failure says what the hub answered. */
async function explain(result: AuditResult): Promise<string> {
  if (result.status === 'ok') return 'ok';
  const body = await result.response.text().catch(() => '(body unreadable)');
  return `${result.status}: ${result.reason}; HTTP ${result.response.status} ${body.slice(0, 300)}`;
}

describe('GraphQL over HTTP conformance (graphql-http audits)', () => {
  test('the audit list is the full one', () => {
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThanOrEqual(13);
  });

  test.each(audits.map((a) => ({ name: a.name, audit: a })))('$name', async ({ audit }) => {
    const result = await audit.fn();
    const summary = await explain(result);
    if (audit.name.startsWith('MUST')) expect(summary).toBe('ok');
    else expect(summary).not.toMatch(/^error/);
  });
});
