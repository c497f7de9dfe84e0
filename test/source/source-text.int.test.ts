import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/core/config';
import type { Database } from '../../src/db/database';
import { data, gqlClient, openTestDb } from '../helpers/graph';

let db: Database;
let gql: ReturnType<typeof gqlClient>;
const q = <T = any>(query: string, variables: Record<string, unknown> = {}) => data<T>(gql<T>(query, variables));
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(() => {
  db = openTestDb();
  gql = gqlClient(db);
});
afterAll(() => db.close());

describe('SourceDocument.text', () => {
  test('is the document file as imported, NFC-normalised', async () => {
    const { source } = await q(`{ source(id: "src-000") { file text } }`);
    const file = fs.readFileSync(path.join(loadConfig().seedDir, source.file), 'utf8');
    expect(source.text).toBe(file.normalize('NFC'));
    expect(source.text.normalize('NFC')).toBe(source.text);
  });

  test('holds the quotes its facts cite', async () => {
    const { source } = await q(`{ source(id: "src-000") { text } }`);
    expect(collapse(source.text)).toContain('Bình Thuận, ngày 04 tháng 4 năm 2024');
    const { organization } = await q(`{ organization(id: "org-dost-binh-thuan") { provenance { sourceId quote } } }`);
    const cited = organization.provenance.filter((p: { sourceId: string; quote: string | null }) => p.sourceId === 'src-000' && p.quote);
    expect(cited.length).toBeGreaterThan(0);
    for (const p of cited) expect(collapse(source.text)).toContain(collapse(p.quote));
  });

  test('is null for an external reference, which has no document file', async () => {
    const { source } = await q(`{ source(id: "ext-resolution-202-2025") { file text } }`);
    expect(source).toEqual({ file: null, text: null });
  });
});
