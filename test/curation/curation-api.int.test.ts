import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/core/config';
import { createLogger } from '../../src/core/logger';
import { Database } from '../../src/db/database';
import type { EmbeddedNeo4j } from '../../src/db/embedded/launcher';
import { signToken } from '../../src/app/auth/jwt';
import { startServer, type HubServer } from '../../src/app/server';
import { exportSeed } from '../../src/tools/seed/seed.export';
import { startSeededScratch } from '../helpers/scratch';
import { contains } from '../helpers/contains';

// The curation API over HTTP, as curators and editors use it, on a throwaway Neo4j of this file loaded with the
// curated seed (the shared test graph stays as the other suites expect it). docs/curation.md runs first, in
// order, on the fresh graph: its change numbers start at 1.
jest.setTimeout(300_000);

const log = createLogger('silent');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-curation-api-'));
const SECRET = 'the-curation-test-secret-of-32-bytes-or-more';
let embedded: EmbeddedNeo4j;
let db: Database;
let hub: HubServer;
let readOnly: HubServer;
const tokens: Record<string, string> = {};

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, any> }> };

async function post(server: HubServer, query: string, token?: string): Promise<{ status: number; body: Answer }> {
  const authorization: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as Answer };
}

beforeAll(async () => {
  ({ embedded, db } = await startSeededScratch(path.join(tmp, 'store'), log));
  const limits = { rateLimitPerMinute: 0, clientCostPerSecond: 0 };
  hub = await startServer({ db, log, host: '127.0.0.1', port: 0, maxQueryDepth: 12, limits, auth: { jwtSecret: SECRET, readsRequireToken: false } });
  readOnly = await startServer({ db, log, host: '127.0.0.1', port: 0, maxQueryDepth: 12, limits, auth: { readsRequireToken: false } });
  tokens.curator = await signToken(SECRET, { name: 'Trần Thị B', role: 'curator', subject: 'tran-thi-b', days: 1 });
  tokens.editor = await signToken(SECRET, { name: 'Lê Văn C', role: 'editor', subject: 'le-van-c', days: 1 });
}, 300_000);

afterAll(async () => {
  for (const server of [hub, readOnly]) {
    await server?.stop();
    server?.httpServer.close();
  }
  await db?.close();
  await embedded?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Each ```graphql block of the doc, the role whose token sends it (a `<!-- token: role -->` line before it; curator by default), and the ```json answer after it. */
function walkthrough(file: string): Array<{ title: string; role: string; query: string; expected: unknown }> {
  const text = fs.readFileSync(file, 'utf8');
  const blocks = [...text.matchAll(/^## (.+)$|^<!-- token: (\w+) -->$|```(graphql|json)\n([\s\S]*?)```/gm)];
  const out: Array<{ title: string; role: string; query: string; expected: unknown }> = [];
  let title = '';
  let role = 'curator';
  for (let i = 0; i < blocks.length; i++) {
    const [, heading, marker, lang, body] = blocks[i];
    if (heading) title = heading;
    if (marker) role = marker;
    if (lang !== 'graphql') continue;
    const next = blocks[i + 1];
    if (!next || next[3] !== 'json') throw new Error(`${file}: the block under "${title}" has no expected answer after it`);
    out.push({ title: `${title} #${out.filter((e) => e.title.startsWith(title)).length + 1}`, role, query: body, expected: JSON.parse(next[4]) });
    role = 'curator';
  }
  return out;
}

const steps = walkthrough(path.join(projectRoot, 'docs', 'curation.md'));

describe('docs/curation.md, run in order on a fresh graph', () => {
  test('the walk-through registers, writes, fixes, reverts and reads history', () => {
    expect(steps.length).toBeGreaterThanOrEqual(10);
    expect(steps.map((s) => s.query)).toEqual(expect.arrayContaining([expect.stringContaining('registerSource'), expect.stringContaining('revert(')]));
  });

  test.each(steps.map((s) => [s.title, s] as const))('%s', async (_title, step) => {
    const { body } = await post(hub, step.query, tokens[step.role]);
    const problem = contains(body, step.expected);
    if (problem) throw new Error(`${problem}\nanswer: ${JSON.stringify(body, null, 1).slice(0, 3000)}`);
  });

  test('the export writes the new document, its records and its text as seed files', async () => {
    const dir = path.join(tmp, 'export');
    await exportSeed(db, dir, log);
    const records = fs.readFileSync(path.join(dir, 'documents', 'src-example-binh-thuan-signing.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const source = records.find((r) => r.type === 'source');
    expect(source).toMatchObject({ id: 'src-example-binh-thuan-signing', kind: 'NEWS' });
    expect(fs.readFileSync(path.join(dir, source.file), 'utf8')).toContain('Trường Đại học Phan Thiết đã ký kết');
    expect(records.find((r) => r.type === 'agreement')).toMatchObject({ id: 'agr-example-binh-thuan-phan-thiet-2025', status: 'SIGNED', signedOn: '2025-03-12' });
    // The reverted party is gone; the two signatories remain.
    expect(records.filter((r) => r.type === 'party').map((r) => r.organization).sort()).toEqual(['org-dost-binh-thuan', 'org-example-phan-thiet-university']);
    expect(fs.readFileSync(path.join(dir, 'organizations.jsonl'), 'utf8')).toContain('"id":"org-example-phan-thiet-university"');
  });
});

describe('everything downstream sees a write at once', () => {
  test('search, totals and the organisation list change with a write and back with its revert', async () => {
    const read = `{ search(text: "Đại học Nha Trang Ví dụ") { id } totals { organizations agreements } }`;
    const before = (await post(hub, read)).body.data!;
    const write = await post(
      hub,
      `mutation { writeRecords(message: "A second university", records: [{ type: "organization", id: "org-example-nha-trang-vi-du", kind: "UNIVERSITY", name: "Trường Đại học Nha Trang Ví dụ", location: "prov-binh-thuan", provenance: [{ source: "src-example-binh-thuan-signing", quote: "Trường Đại học" }] }]) { id } }`,
      tokens.curator,
    );
    expect(write.body.errors).toBeUndefined();
    const after = (await post(hub, read)).body.data!;
    expect(after.search[0]).toEqual({ id: 'org-example-nha-trang-vi-du' });
    expect(after.totals.organizations).toBe(before.totals.organizations + 1);
    const reverted = await post(hub, `mutation { revert(change: "${write.body.data!.writeRecords.id}", message: "Not in the text") { kind } }`, tokens.editor);
    expect(reverted.body).toEqual({ data: { revert: { kind: 'REVERT' } } });
    const back = (await post(hub, read)).body.data!;
    expect(back.totals).toEqual(before.totals);
    expect(back.search.map((h: { id: string }) => h.id)).not.toContain('org-example-nha-trang-vi-du');
  });

  test('a retracted agreement leaves every answer, stays in history, and comes back with its ties when the retraction is reverted', async () => {
    const id = 'agr-example-binh-thuan-phan-thiet-2025';
    const read = `{ partners(actor: "org-example-phan-thiet-university") { totalCount } totals { agreements } versions(ids: ["${id}"]) { version } }`;
    const before = (await post(hub, read)).body.data!;
    expect(before.partners.totalCount).toBe(1);
    const retract = await post(hub, `mutation { retract(id: "${id}", expectedVersion: ${before.versions[0].version}, message: "Retracted for the test") { id kind } }`, tokens.editor);
    expect(retract.body.data!.retract.kind).toBe('RETRACT');
    const gone = (await post(hub, `{ agreement(id: "${id}") { id } partners(actor: "org-example-phan-thiet-university") { totalCount } totals { agreements } }`)).body;
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const counts = (await post(hub, read)).body.data!;
    expect(counts.partners.totalCount).toBe(0);
    expect(counts.totals.agreements).toBe(before.totals.agreements - 1);
    const history = (await post(hub, `{ history(id: "${id}", first: 1) { kind } }`)).body.data!;
    expect(history.history).toEqual([{ kind: 'RETRACT' }]);
    const revert = await post(hub, `mutation { revert(change: "${retract.body.data!.retract.id}", message: "Back") { kind } }`, tokens.editor);
    expect(revert.body.errors).toBeUndefined();
    const back = (await post(hub, read)).body.data!;
    expect(back.partners.totalCount).toBe(1);
    expect(back.totals).toEqual(before.totals);
  });

  test('an expected version out of bounds is BAD_USER_INPUT stating the bounds', async () => {
    const { body } = await post(hub, `mutation { retract(id: "org-most", expectedVersion: -1, message: "m") { id } }`, tokens.editor);
    expect(body.errors?.[0]).toMatchObject({ message: 'expectedVersion must be between 0 and 1000000000 (got -1)', extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('a tie from the seed is retracted by its key: the network loses it at once, history keeps it, a revert restores it', async () => {
    // The seed's Ho Chi Minh City department and Victoria's government share one delegation visit.
    const read = `{ partners(actor: "org-dost-ho-chi-minh", filter: { linkKinds: [ACTIVITY], from: "2024-10-01", to: "2024-10-31" }) { totalCount partners { organization { id } evidence { id } } } }`;
    const before = (await post(hub, read)).body.data!.partners;
    const victoria = before.partners.find((p: { organization: { id: string } }) => p.organization.id === 'org-gov-au-vic');
    expect(victoria).toBeDefined();
    const activity = victoria.evidence[0].id as string;
    const roles = (await post(hub, `{ activity(id: "${activity}") { participants { organization { id } role } } versions(ids: ["${activity}"]) { version } }`)).body.data!;
    const role = roles.activity.participants.find((p: { organization: { id: string } }) => p.organization.id === 'org-gov-au-vic').role as string;
    const key = `participation:org-gov-au-vic:${activity}:${role}`;
    const retract = (v: number) => `mutation { retractTie(tie: "${key}", expectedVersion: ${v}, message: "Test") { id kind entities } }`;
    expect((await post(hub, retract(roles.versions[0].version + 1), tokens.editor)).body.errors?.[0].extensions?.code).toBe('CONFLICT');
    const change = (await post(hub, retract(roles.versions[0].version), tokens.editor)).body;
    expect(change.data?.retractTie).toMatchObject({ kind: 'RETRACT', entities: expect.arrayContaining([key]) });
    const after = (await post(hub, read)).body.data!.partners;
    expect(after.partners.map((p: { organization: { id: string } }) => p.organization.id)).not.toContain('org-gov-au-vic');
    expect((await post(hub, `{ history(id: "${key}") { kind } }`)).body.data!.history[0]).toEqual({ kind: 'RETRACT' });
    expect((await post(hub, retract(roles.versions[0].version + 1), tokens.editor)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const reverted = (await post(hub, `mutation { revert(change: "${change.data!.retractTie.id}", message: "Back") { kind } }`, tokens.editor)).body;
    expect(reverted.errors).toBeUndefined();
    expect((await post(hub, read)).body.data!.partners).toEqual(before);
  });

  test('a malformed tie key is BAD_USER_INPUT naming the forms', async () => {
    const { body } = await post(hub, `mutation { retractTie(tie: "party:org-most", expectedVersion: 0, message: "m") { id } }`, tokens.editor);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toContain('party:…');
  });

  test('a change the graph has moved on from cannot be reverted', async () => {
    // chg-3 set the status; chg-4 and later changed the agreement again.
    const res = await post(hub, `mutation { revert(change: "chg-3", message: "Too late") { id } }`, tokens.editor);
    expect(res.body.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(res.body.errors?.[0].message).toContain('agr-example-binh-thuan-phan-thiet-2025');
  });
});

describe('duplicates', () => {
  const write = (confirm: string) =>
    `mutation { writeRecords(message: "A department", ${confirm} records: [{ type: "organization", id: "org-example-dost-binh-thuan", kind: "GOVERNMENT", name: "Sở KH&CN Bình Thuận", provenance: [{ source: "src-example-binh-thuan-signing", quote: "Sở Khoa học và Công nghệ tỉnh Bình Thuận" }] }]) { id } }`;

  test('a new organisation whose name folds to an existing one gets CONFLICT with the look-alikes, unless confirmed', async () => {
    const refused = (await post(hub, write(''), tokens.curator)).body;
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      duplicates: [{ id: 'org-example-dost-binh-thuan', candidates: ['org-dost-binh-thuan'] }],
    });
    expect((await post(hub, `{ versions(ids: ["org-example-dost-binh-thuan"]) { id } }`)).body.data).toEqual({ versions: [] });
    const confirmed = (await post(hub, write('confirmNew: ["org-example-dost-binh-thuan"],'), tokens.curator)).body;
    expect(confirmed.errors).toBeUndefined();
  });

  test('an editor merges the duplicate into the department: its ties and names move over, and a revert brings it back', async () => {
    const agr = 'agr-example-binh-thuan-phan-thiet-2025';
    const party = await post(
      hub,
      `mutation { writeRecords(message: "A witness", records: [{ type: "party", organization: "org-example-dost-binh-thuan", agreement: "${agr}", role: "WITNESS", provenance: [{ source: "src-example-binh-thuan-signing", quote: "Sở Khoa học và Công nghệ tỉnh Bình Thuận" }] }]) { id } }`,
      tokens.curator,
    );
    expect(party.body.errors).toBeUndefined();
    const versions = (await post(hub, `{ versions(ids: ["org-example-dost-binh-thuan", "org-dost-binh-thuan"]) { id version } }`)).body.data!.versions;
    const [fromVersion, intoVersion] = versions.map((v: { version: number }) => v.version);
    const parties = `{ agreement(id: "${agr}") { parties { organization { id } role } } organization(id: "org-dost-binh-thuan") { aliases } }`;
    const mutation = `mutation { mergeOrganizations(from: "org-example-dost-binh-thuan", into: "org-dost-binh-thuan", fromVersion: ${fromVersion}, intoVersion: ${intoVersion}, message: "The same department") { id kind entities } }`;
    expect((await post(hub, mutation, tokens.curator)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const merged = (await post(hub, mutation, tokens.editor)).body;
    expect(merged.data?.mergeOrganizations).toMatchObject({ kind: 'MERGE', entities: ['org-example-dost-binh-thuan', 'org-dost-binh-thuan'] });
    const after = (await post(hub, parties)).body.data!;
    const roles = (a: Record<string, any>) => (a.agreement.parties as Array<{ organization: { id: string }; role: string }>).map((p) => `${p.organization.id} ${p.role}`).sort();
    expect(roles(after)).toEqual(['org-dost-binh-thuan SIGNATORY', 'org-dost-binh-thuan WITNESS', 'org-example-phan-thiet-university SIGNATORY']);
    expect(after.organization.aliases).toContain('Sở KH&CN Bình Thuận');
    expect((await post(hub, `{ versions(ids: ["org-example-dost-binh-thuan"]) { id } }`)).body.data).toEqual({ versions: [] });
    // Sent again, the merge finds nothing to merge.
    expect((await post(hub, mutation, tokens.editor)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const reverted = (await post(hub, `mutation { revert(change: "${merged.data!.mergeOrganizations.id}", message: "Not the same after all") { kind } }`, tokens.editor)).body;
    expect(reverted.errors).toBeUndefined();
    const back = (await post(hub, parties)).body.data!;
    expect(roles(back)).toEqual(['org-dost-binh-thuan SIGNATORY', 'org-example-dost-binh-thuan WITNESS', 'org-example-phan-thiet-university SIGNATORY']);
    expect(back.organization.aliases ?? []).not.toContain('Sở KH&CN Bình Thuận');
  });
});

describe('who may write', () => {
  const WRITE = `mutation { writeRecords(message: "m", records: [{ type: "topic", id: "topic-example", name: "Ví dụ" }]) { id } }`;

  test('a write without a token is refused with UNAUTHENTICATED and writes nothing', async () => {
    const { status, body } = await post(hub, WRITE);
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await post(hub, `{ versions(ids: ["topic-example"]) { id } }`)).body.data).toEqual({ versions: [] });
  });

  test('a forged token is refused before anything runs', async () => {
    const forged = await signToken('another-secret-of-32-bytes-or-more-here', { name: 'X', role: 'editor', subject: 'x', days: 1 });
    const { status, body } = await post(hub, WRITE, forged);
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a curator may not retract or revert: FORBIDDEN', async () => {
    for (const mutation of [`mutation { retract(id: "org-most", expectedVersion: 0, message: "m") { id } }`, `mutation { revert(change: "chg-1", message: "m") { id } }`]) {
      const { status, body } = await post(hub, mutation, tokens.curator);
      expect(status).toBe(403);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
    }
  });

  test('a hub without a key has writes off and says so', async () => {
    const { body } = await post(readOnly, WRITE, tokens.editor);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'WRITES_OFF' });
  });
});
