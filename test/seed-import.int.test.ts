import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { importSeed, loadSeedSet, writeSeedSet } from '../src/seed/seed.importer';
import { SeedError } from '../src/seed/seed.problem';
import { graphState } from './helpers/fingerprint';
import { openTestDb } from './helpers/graph';

const db = openTestDb();
const log = createLogger('silent');
const seedDir = loadConfig().seedDir;
afterAll(() => db.close());

function copyOfSeeds(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-seed-copy-'));
  fs.cpSync(seedDir, dir, { recursive: true });
  return dir;
}

describe('seed import', () => {
  test('running the import twice leaves the graph identical', async () => {
    const before = await graphState(db);
    expect(before.nodes).toBeGreaterThan(200);
    await importSeed(db, seedDir, log);
    const after = await graphState(db);
    expect(after).toEqual(before);
  });

  test('a broken seed file stops the import naming file, record and field, and changes nothing', async () => {
    const before = await graphState(db);
    const dir = copyOfSeeds();
    const file = path.join(dir, 'documents', '001-mekong-kez-dost-programme.jsonl');
    const bad = { type: 'agreement', id: 'agr-broken', kind: 'PROGRAMME', title: 'Broken', signedOn: '26/10/2018', provenance: [{ source: 'src-001', quote: 'Chương trình' }] };
    const good = { type: 'organization', id: 'org-new-and-valid', kind: 'COMPANY', name: 'Valid', provenance: [{ source: 'src-001', quote: 'Chương trình' }] };
    fs.appendFileSync(file, `${JSON.stringify(good)}\n${JSON.stringify(bad)}\n`);
    const lineOfBad = fs.readFileSync(file, 'utf8').trimEnd().split('\n').length;

    const error = await importSeed(db, dir, log).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).problems).toContainEqual(
      expect.objectContaining({ file: path.join('documents', '001-mekong-kez-dost-programme.jsonl'), line: lineOfBad, field: 'signedOn' }),
    );
    expect((error as Error).message).toContain(`001-mekong-kez-dost-programme.jsonl:${lineOfBad} [signedOn]`);
    expect(await graphState(db)).toEqual(before);
  });

  test('a failure inside the write transaction rolls the whole import back', async () => {
    const before = await graphState(db);
    const set = loadSeedSet(seedDir);
    // Neo4j refuses a map as a property value; this node is written after other batches succeeded.
    const person = [...set.nodes.values()].find((n) => n.type === 'person')!;
    person.fields.name = { not: 'a primitive' };
    const extra = { ...set.nodes.get('org-most')!, id: 'org-extra-before-failure' };
    set.nodes.set(extra.id, extra);
    await expect(writeSeedSet(db, set, log)).rejects.toThrow();
    expect(await graphState(db)).toEqual(before);
  });
});
