import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/core/config';
import { createLogger } from '../../../src/core/logger';
import type { Database } from '../../../src/db/database';
import { ImportRefusedError, importSeedBulk } from '../../../src/tools/seed/seed.bulk';
import { importSeed } from '../../../src/tools/seed/seed.importer';
import { mergeSeed } from '../../../src/record/record.merge';
import { SeedError } from '../../../src/record/record.problem';
import { readSeedDir } from '../../../src/tools/seed/seed.read';
import { graphCounts } from '../../../src/record/record.repository';
import { buildSeedRows } from '../../../src/record/record.rows';
import { generateSynth, SYNTH_FILES } from '../../../src/tools/synth/synth.generate';
import { readSynthReference } from '../../../src/tools/synth/synth.reference';
import { openTestDb } from '../../helpers/graph';

// Each import stages, then publishes: several transactions more than a plain write, slow on a busy machine.
jest.setTimeout(300_000);

const db = openTestDb();
const log = createLogger(process.env.BULK_TEST_LOG ?? 'silent');
const seedDir = loadConfig().seedDir;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bulk-'));
const synthDir = path.join(tmp, 'net');
let expected: { nodes: number; relationships: number };

const counts = async () => {
  const { nodes, relationships } = await graphCounts(db);
  return { nodes, relationships };
};

/** A copy of the synthetic folder with `line` appended to the organisations file; returns folder and line number. */
function brokenCopy(line: object): { dir: string; lineNo: number } {
  const dir = path.join(fs.mkdtempSync(path.join(tmp, 'broken-')), 'net');
  fs.cpSync(synthDir, dir, { recursive: true });
  const file = path.join(dir, SYNTH_FILES.organization);
  fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  return { dir, lineNo: fs.readFileSync(file, 'utf8').trimEnd().split('\n').length };
}

beforeAll(async () => {
  const summary = await generateSynth({ orgs: 500, links: 5000, seed: 7, outDir: synthDir }, readSynthReference(seedDir));
  expect(summary.parties + summary.participations).toBe(5000);
  // What the files hold, counted through the in-memory path (the synthetic ids are all new).
  const set = mergeSeed(readSeedDir(synthDir));
  const rows = buildSeedRows(set);
  expected = { nodes: set.nodes.size, relationships: Object.values(rows.rels).reduce((n, r) => n + r.length, 0) };
  expect(expected.nodes).toBe(1 + 500 + summary.agreements + summary.activities);
});

afterAll(async () => {
  try {
    await importSeed(db, seedDir, log, { reset: true });
  } finally {
    await db.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

describe('bulk seed import', () => {
  test('adds exactly the nodes and relationships the synthetic files hold, and is idempotent', async () => {
    const before = await counts();
    const result = await importSeedBulk(db, [synthDir], log, { curatedDir: seedDir, batchSize: 700 });
    const after = await counts();
    expect(after).toEqual({ nodes: before.nodes + expected.nodes, relationships: before.relationships + expected.relationships });
    expect(result).toMatchObject({ nodes: expected.nodes, relationships: expected.relationships, files: 6 });

    const [org] = await db.read(
      `MATCH (o:Organization {id: 'org-syn-1'})-[:LOCATED_IN]->(u:AdminUnit) RETURN o.kind AS kind, o.importRun AS run, labels(o) AS labels, u.id AS unit`,
    );
    expect(org.kind).toBe('GOVERNMENT');
    expect(org.labels).toEqual(expect.arrayContaining(['Organization', 'GovernmentBody']));
    expect(org.run).toBe(result.run);
    expect(String(org.unit)).toMatch(/^(prov|country)-/);

    const again = await importSeedBulk(db, [synthDir], log, { curatedDir: seedDir, batchSize: 10_000 });
    expect(await counts()).toEqual(after);
    // Nodes that existed keep the tag of the run that created them.
    const [still] = await db.read(`MATCH (o:Organization {id: 'org-syn-1'}) RETURN o.importRun AS run`);
    expect(still.run).toBe(result.run);
    expect(again.run).not.toBe(result.run);
  });

  test('a record with a bad field is refused with file, line and field, and nothing is written', async () => {
    const before = await counts();
    const { dir, lineNo } = brokenCopy({
      type: 'organization',
      id: 'org-syn-broken',
      kind: 'BANANA',
      name: 'Broken',
      location: 'prov-ha-noi',
      provenance: [{ source: 'ext-synthetic', note: 'test' }],
    });
    const error = await importSeedBulk(db, [dir], log, { curatedDir: seedDir }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).problems).toEqual([
      expect.objectContaining({ file: path.join('net', SYNTH_FILES.organization), line: lineNo, field: 'kind' }),
    ]);
    expect((error as Error).message).toContain(`${SYNTH_FILES.organization}:${lineNo} [kind]`);
    expect(await counts()).toEqual(before);
  });

  test('a repeated id is refused at its line, naming the first definition', async () => {
    const { dir, lineNo } = brokenCopy({
      type: 'organization',
      id: 'org-syn-3',
      kind: 'COMPANY',
      name: 'Again',
      location: 'prov-ha-noi',
      provenance: [{ source: 'ext-synthetic', note: 'test' }],
    });
    const error = await importSeedBulk(db, [dir], log, { curatedDir: seedDir }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    const file = path.join('net', SYNTH_FILES.organization);
    expect((error as SeedError).problems).toEqual([
      expect.objectContaining({ file, line: lineNo, field: 'id', message: expect.stringContaining(`already defined at ${file}:3`) }),
    ]);
  });

  test('a relationship given more than once is written once, with the provenance of every record', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(tmp, 'repeat-')), 'net');
    await generateSynth({ orgs: 40, links: 150, seed: 5, outDir: dir }, readSynthReference(seedDir));
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/-syn-/g, '-synr-'));
    }
    const first = JSON.parse(fs.readFileSync(path.join(dir, SYNTH_FILES.participation), 'utf8').split('\n')[0]);
    const again = { ...first, provenance: [{ source: 'ext-synthetic', note: 'reported again' }] };
    const related = { type: 'orgRelation', from: 'org-synr-1', to: 'org-synr-2', kind: 'PARTNER', provenance: first.provenance };
    // In a later file than the first record, and in one batch with it as well as in another (batch size 7).
    // The second copy spells its organisation id with a JSON escape: it must still be found as a copy.
    const escaped = JSON.stringify(again).replace(`"${first.organization}"`, `"${first.organization.replace(/-/g, '\\u002d')}"`);
    expect(escaped).toContain('\\u002d');
    fs.writeFileSync(path.join(dir, '6-more.jsonl'), [escaped, ...[first, related, related].map((r) => JSON.stringify(r))].join('\n') + '\n');
    const set = mergeSeed(readSeedDir(dir));
    const want = Object.values(buildSeedRows(set).rels).reduce((n, r) => n + r.length, 0);
    // The synthetic source node is there already (first test).
    const newNodes = [...set.nodes.keys()].filter((id) => id.includes('-synr-')).length;

    const before = await counts();
    const result = await importSeedBulk(db, [dir], log, { curatedDir: seedDir, batchSize: 7, writers: 3 });
    expect(result.relationships).toBe(want);
    expect(await counts()).toEqual({ nodes: before.nodes + newNodes, relationships: before.relationships + want });
    const rels = await db.read(
      `MATCH (:Organization {id: $org})-[r:PARTICIPATED_IN {key: $role}]->(:Activity {id: $activity}) RETURN r.provenance AS provenance, r.importRun AS run`,
      { org: first.organization, role: first.role, activity: first.activity },
    );
    expect(rels).toHaveLength(1);
    expect(JSON.parse(String(rels[0].provenance)).map((p: { note: string }) => p.note)).toEqual([first.provenance[0].note, 'reported again']);
    // Created with a new end node, which carries the run tag; the relationship goes with it on a rollback.
    expect(rels[0].run).toBeNull();
    const [partners] = await db.read(`MATCH (:Organization {id: 'org-synr-1'})-[r:RELATED_TO]->(:Organization {id: 'org-synr-2'}) RETURN count(r) AS n`);
    expect(partners.n).toBe(1);

    await importSeedBulk(db, [dir], log, { curatedDir: seedDir, batchSize: 7, writers: 1 });
    expect(await counts()).toEqual({ nodes: before.nodes + newNodes, relationships: before.relationships + want });
  });

  test('a relationship given twice with different values is refused at the second record', async () => {
    const before = await counts();
    const dir = path.join(fs.mkdtempSync(path.join(tmp, 'conflict-')), 'net');
    fs.cpSync(synthDir, dir, { recursive: true });
    const related = { type: 'orgRelation', from: 'org-syn-1', to: 'org-syn-2', kind: 'PARTNER', provenance: [{ source: 'ext-synthetic', note: 'test' }] };
    fs.writeFileSync(path.join(dir, '6-more.jsonl'), `${JSON.stringify(related)}\n${JSON.stringify({ ...related, validFrom: '2020' })}\n`);
    const error = await importSeedBulk(db, [dir], log, { curatedDir: seedDir }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).problems).toEqual([expect.objectContaining({ file: path.join('net', '6-more.jsonl'), line: 2 })]);
    expect(await counts()).toEqual(before);
  });

  test('an import larger than one publishing transaction may write is refused before anything is written', async () => {
    const before = await counts();
    const error = await importSeedBulk(db, [synthDir], log, { curatedDir: seedDir, maxPublish: 1000 }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefusedError);
    expect((error as Error).message).toMatch(/would publish \d+ nodes and relationships in one transaction, over the limit of 1000 .*; the graph was not changed/);
    expect(await counts()).toEqual(before);
  });

  test('a failure midway deletes what the run created and leaves the graph counts unchanged', async () => {
    const fresh = path.join(tmp, 'fresh');
    await generateSynth({ orgs: 60, links: 200, seed: 99, outDir: path.join(fresh, 'net') }, readSynthReference(seedDir));
    // Rename the ids so that every node of this run is new to the graph.
    for (const name of fs.readdirSync(path.join(fresh, 'net'))) {
      const file = path.join(fresh, 'net', name);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/-syn-/g, '-synx-'));
    }
    const before = await counts();
    // Bulk participation statements come last: nodes and party relationships are already staged (committed) by then.
    const failing = Object.create(db) as Database;
    let bulkStatements = 0;
    failing.runIn = (tx, cypher, params) => {
      const bulk = cypher.startsWith('UNWIND') && (cypher.includes('importRun') || cypher.includes('$shared'));
      if (bulk && cypher.includes(':PARTICIPATED_IN')) return Promise.reject(new Error('injected failure'));
      if (bulk) bulkStatements++;
      return db.runIn(tx, cypher, params);
    };
    await expect(importSeedBulk(failing, [path.join(fresh, 'net')], log, { curatedDir: seedDir, batchSize: 50 })).rejects.toThrow('injected failure');
    // Several batches (nodes, then party relationships) were staged before the failure.
    expect(bulkStatements).toBeGreaterThan(5);
    expect(await counts()).toEqual(before);
    const [left] = await db.read(`MATCH (o:Organization) WHERE o.id STARTS WITH 'org-synx-' RETURN count(o) AS n`);
    expect(left.n).toBe(0);
  });
});
