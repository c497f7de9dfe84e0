import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/core/config';
import { createLogger } from '../../../src/core/logger';
import { importSeed, loadSeedSet, writeSeedSet } from '../../../src/tools/seed/seed.importer';
import { SeedError } from '../../../src/record/record.problem';
import { graphState } from '../../helpers/fingerprint';
import { openTestDb } from '../../helpers/graph';

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

  test('parts land as Part nodes hanging from their instrument, with their actors, topics and the activities that carry them out', async () => {
    const [row] = await db.read(
      `MATCH (p:Part {id: $id})
       OPTIONAL MATCH (i)-[:HAS_PART]->(p)
       OPTIONAL MATCH (o:Organization)-[a:PART_ACTOR]->(p)
       OPTIONAL MATCH (p)-[:ABOUT]->(t:Topic)
       RETURN p.kind AS kind, p.ordinal AS ordinal, p.status AS status, labels(i) AS instrumentLabels, i.id AS instrument,
              collect(DISTINCT o.id + ':' + a.role) AS actors, collect(DISTINCT t.id) AS topics`,
      { id: 'part-ho-chi-minh-binh-thuan-2024-2025-bme10' },
    );
    expect(row).toMatchObject({ kind: 'PROPOSED_DIRECTION', status: 'PROPOSED', instrumentLabels: ['Agreement'], instrument: 'agr-ho-chi-minh-binh-thuan-2024-2025' });
    expect(Number(row.ordinal)).toBe(1);
    expect(row.actors).toEqual(['org-dost-binh-thuan:PROPOSER']);
    expect(row.topics).toEqual(expect.arrayContaining(['topic-biomedical-engineering']));
    const [round] = await db.read('MATCH (c:Activity)-[:HAS_PART]->(p:Part {id: $id}) RETURN c.id AS competition', {
      id: 'part-binh-thuan-startup-competition-2022-2024-final',
    });
    expect(round).toEqual({ competition: 'act-binh-thuan-startup-competition-2022-2024' });
    const carried = await db.read('MATCH (a:Activity)-[:UNDER_PART]->(:Part {id: $id}) RETURN a.id AS id ORDER BY id', {
      id: 'part-dost-hcm-soc-trang-2019-2020-research-idea-scouting',
    });
    expect(carried.map((r) => r.id)).toEqual(['act-soc-trang-startup-idea-competition', 'act-soc-trang-stem-day', 'act-techfest-soctrang']);
  });

  test('a broken seed file stops the import naming file, record and field, and changes nothing', async () => {
    const before = await graphState(db);
    const dir = copyOfSeeds();
    const file = path.join(dir, 'documents', 'src-001.jsonl');
    const bad = { type: 'agreement', id: 'agr-broken', kind: 'PROGRAMME', title: 'Broken', signedOn: '26/10/2018', provenance: [{ source: 'src-001', quote: 'Chương trình' }] };
    const good = { type: 'organization', id: 'org-new-and-valid', kind: 'COMPANY', name: 'Valid', provenance: [{ source: 'src-001', quote: 'Chương trình' }] };
    fs.appendFileSync(file, `${JSON.stringify(good)}\n${JSON.stringify(bad)}\n`);
    const lineOfBad = fs.readFileSync(file, 'utf8').trimEnd().split('\n').length;

    const error = await importSeed(db, dir, log).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).problems).toContainEqual(
      expect.objectContaining({ file: path.join('documents', 'src-001.jsonl'), line: lineOfBad, field: 'signedOn' }),
    );
    expect((error as Error).message).toContain(`src-001.jsonl:${lineOfBad} [signedOn]`);
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
