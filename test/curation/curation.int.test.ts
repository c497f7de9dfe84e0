import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/core/logger';
import { Database } from '../../src/db/database';
import type { EmbeddedNeo4j } from '../../src/db/embedded/launcher';
import { retractNode, writeRecords, type Writer } from '../../src/curation/curation.service';
import { historyOf } from '../../src/curation/curation.history';
import { startSeededScratch } from '../helpers/scratch';
import { startTestNeo4j } from '../helpers/embedded';
import { graphState } from '../helpers/fingerprint';

// Writes go to a throwaway Neo4j of this file, loaded with the curated seed: the shared test graph stays as
// the other suites expect it.
jest.setTimeout(300_000);

const log = createLogger('silent');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-curation-'));
let embedded: EmbeddedNeo4j;
let db: Database;

const curator: Writer = { subject: 'u-1', name: 'Trần Thị B', role: 'curator' };
const other: Writer = { subject: 'u-2', name: 'Lê Văn C', role: 'curator' };

const TEXT = `SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BÌNH THUẬN
Ngày 12 tháng 3 năm 2025, Sở Khoa học và Công nghệ tỉnh Bình Thuận và Trường Đại học Phan Thiết đã ký kết
thỏa thuận hợp tác về chuyển giao công nghệ giai đoạn 2025-2027.`;

const source = {
  type: 'source',
  id: 'src-test-news',
  kind: 'NEWS',
  title: 'Ký kết hợp tác chuyển giao công nghệ',
  language: 'vi',
};
const signing = 'Sở Khoa học và Công nghệ tỉnh Bình Thuận và Trường Đại học Phan Thiết đã ký kết\n  thỏa thuận hợp tác';
const university = {
  type: 'organization',
  id: 'org-test-phan-thiet-university',
  kind: 'UNIVERSITY',
  name: 'Trường Đại học Phan Thiết',
  location: 'prov-binh-thuan',
  provenance: [{ source: 'src-test-news', quote: 'Trường Đại học Phan Thiết' }],
};
const agreement = {
  type: 'agreement',
  id: 'agr-test-binh-thuan-phan-thiet-2025',
  kind: 'AGREEMENT',
  title: 'Thỏa thuận hợp tác về chuyển giao công nghệ giai đoạn 2025-2027',
  signedOn: '2025-03-12',
  status: 'SIGNED',
  provenance: [{ source: 'src-test-news', quote: 'Ngày 12 tháng 3 năm 2025' }, { source: 'src-test-news', quote: signing }],
};
const parties = ['org-dost-binh-thuan', 'org-test-phan-thiet-university'].map((organization) => ({
  type: 'party',
  organization,
  agreement: agreement.id,
  role: 'SIGNATORY',
  provenance: [{ source: 'src-test-news', quote: signing }],
}));

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const [row] = await db.read(cypher, params);
  return Number(row.n);
}

beforeAll(async () => {
  ({ embedded, db } = await startSeededScratch(path.join(tmp, 'store'), log));
  await writeRecords(db, curator, { records: [source], message: 'A news item on a signing', texts: new Map([[source.id, TEXT]]) });
}, 300_000);

afterAll(async () => {
  await db?.close();
  await embedded?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('writing records through the curation service', () => {
  it('writes an organisation, an agreement and its parties with quotes checked against the stored text, and records the change', async () => {
    const change = await writeRecords(db, curator, { records: [university, agreement, ...parties], message: 'The signing of 12 March 2025' });
    expect(change).toEqual(expect.objectContaining({ kind: 'WRITE', author: 'Trần Thị B', message: 'The signing of 12 March 2025' }));
    expect(await count('MATCH (o:Organization)-[:PARTY_TO {role: "SIGNATORY"}]->(:Agreement {id: $id}) RETURN count(o) AS n', { id: agreement.id })).toBe(2);
    const [row] = await db.read('MATCH (a:Agreement {id: $id}) RETURN a.signedOnPrecision AS p, a.version AS v', { id: agreement.id });
    expect(row).toEqual({ p: 'DAY', v: 1 });
    const history = await historyOf(db, 'org-test-phan-thiet-university', 10);
    expect(history.map((c) => c.id)).toEqual([change.id]);
    expect(JSON.parse(String(history[0].after)).map((n: { id: string }) => n.id)).toContain('org-test-phan-thiet-university');
  });

  it('refuses a quote that is not in the document, naming the quote and the document, and writes nothing', async () => {
    const before = await graphState(db);
    const forged = { ...university, id: 'org-test-forged', provenance: [{ source: 'src-test-news', quote: 'Trường Đại học Bình Thuận' }] };
    await expect(writeRecords(db, curator, { records: [forged], message: 'forged' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/records\[0\]\.provenance\.0\.quote: quote not found in src-test-news: "Trường Đại học Bình Thuận"/),
    });
    expect(await graphState(db)).toEqual(before);
  });

  it('asks for the current version of a node that exists, and gives CONFLICT to the second of two writers of one version', async () => {
    const rename = (nameEn: string) => ({ type: 'organization', id: university.id, nameEn, provenance: university.provenance });
    await expect(writeRecords(db, curator, { records: [rename('Phan Thiet University')], message: 'no version' })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    const [{ v }] = await db.read('MATCH (o:Organization {id: $id}) RETURN o.version AS v', { id: university.id });
    const results = await Promise.allSettled(
      [curator, other].map((who, i) =>
        writeRecords(db, who, { records: [rename(`Phan Thiet University ${i}`)], message: 'English name', expectedVersions: [{ id: university.id, version: Number(v) }] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(failed[0].reason.extensions.code).toBe('CONFLICT');
    const [after] = await db.read('MATCH (o:Organization {id: $id}) RETURN o.version AS v, o.name AS name, o.kind AS kind', { id: university.id });
    // The change kept the fields it did not give.
    expect(after).toEqual({ v: Number(v) + 1, name: 'Trường Đại học Phan Thiết', kind: 'UNIVERSITY' });
  });

  it('writes once for a request retried with the same idempotency key, and refuses the key for another request', async () => {
    const person = {
      type: 'person',
      id: 'per-test-signer',
      name: 'Nguyễn Văn Thử',
      provenance: [{ source: 'src-test-news', quote: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BÌNH THUẬN' }],
    };
    const request = { records: [person], message: 'a person', idempotencyKey: 'req-42' };
    const first = await writeRecords(db, curator, request);
    const again = await writeRecords(db, curator, request);
    expect(again.id).toBe(first.id);
    expect(await count('MATCH (c:Change {id: $id}) RETURN count(c) AS n', { id: first.id })).toBe(1);
    await expect(writeRecords(db, curator, { ...request, message: 'another' })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('retracts a node: it leaves the graph with its ties and stays in history', async () => {
    const [{ v }] = await db.read('MATCH (a:Agreement {id: $id}) RETURN a.version AS v', { id: agreement.id });
    const change = await retractNode(db, { ...curator, role: 'editor' }, agreement.id, Number(v), 'Duplicate of an existing agreement');
    expect(await count('MATCH (a:Agreement {id: $id}) RETURN count(a) AS n', { id: agreement.id })).toBe(0);
    const [latest] = await historyOf(db, agreement.id, 5);
    expect(latest.id).toBe(change.id);
    const before = JSON.parse(String(latest.before)) as Array<{ id: string; rels: Array<{ type: string }> }>;
    expect(before[0].id).toBe(agreement.id);
    expect(before[0].rels.filter((r) => r.type === 'PARTY_TO')).toHaveLength(2);
  });

  it('leaves no part of a change in the graph when the database is killed during the write', async () => {
    const before = await graphState(db);
    const orgs = Array.from({ length: 200 }, (_, i) => ({ ...university, id: `org-test-killed-${i}`, name: `Trường Đại học Phan Thiết ${i}` }));
    // The database dies right after the transaction's first write statement (the new organisations) ran.
    const runIn = db.runIn.bind(db);
    let writes = 0;
    db.runIn = (async (...args: Parameters<typeof db.runIn>) => {
      const rows = await runIn(...args);
      if (/\bMERGE\b/.test(args[1]) && ++writes === 1) process.kill(embedded.pid, 'SIGKILL');
      return rows;
    }) as typeof db.runIn;
    const write = writeRecords(db, curator, { records: orgs, message: 'many' }).then(
      () => 'written',
      () => 'failed',
    );
    await embedded.exited;
    await db.close();
    expect(await write).toBe('failed');
    expect(writes).toBeGreaterThanOrEqual(1);

    embedded = await startTestNeo4j(path.join(tmp, 'store'), log);
    db = new Database({ uri: embedded.uri, username: embedded.credentials.username, password: embedded.credentials.password });
    await db.waitUntilReady();
    expect(await graphState(db)).toEqual(before);
  });
});
