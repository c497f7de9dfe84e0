import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, projectRoot } from '../../../src/core/config';
import { applyGraphSchema } from '../../../src/db/constraints';
import { createLogger } from '../../../src/core/logger';
import { Database } from '../../../src/db/database';
import type { EmbeddedNeo4j } from '../../../src/db/embedded/launcher';
import { importSeed } from '../../../src/tools/seed/seed.importer';
import { ExportRefusedError, exportSeed } from '../../../src/tools/seed/seed.export';
import { startTestNeo4j } from '../../helpers/embedded';
import { openTestDb } from '../../helpers/graph';
import { dumpGraph } from '../../helpers/graph-dump';

// The seed graph of the global setup exported, compared with the committed seed files, and loaded into a
// throwaway Neo4j of this file (never the shared test graph, which other files read) to compare the graphs.

// A second JVM starts here: slow on a busy machine.
jest.setTimeout(600_000);

const log = createLogger('silent');
const seedDir = loadConfig().seedDir;
const db = openTestDb();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-export-'));
const exported = path.join(tmp, 'export');
let embedded: EmbeddedNeo4j | undefined;
let scratch: Database;

/** Every file below `dir`, relative, in code-unit order. */
function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** For each file of `a` whose bytes differ from `b`'s, the first line that differs. */
function differences(a: string, b: string, files: string[]): Array<{ file: string; line: number; a?: string; b?: string }> {
  const out: Array<{ file: string; line: number; a?: string; b?: string }> = [];
  for (const file of files) {
    const x = fs.readFileSync(path.join(a, file));
    const y = fs.existsSync(path.join(b, file)) ? fs.readFileSync(path.join(b, file)) : Buffer.alloc(0);
    if (x.equals(y)) continue;
    const xs = x.toString('utf8').split('\n');
    const ys = y.toString('utf8').split('\n');
    const line = xs.findIndex((l, i) => l !== ys[i]);
    out.push({ file, line: line + 1, a: xs[line]?.slice(0, 300), b: ys[line]?.slice(0, 300) });
  }
  return out;
}

beforeAll(async () => {
  await exportSeed(db, exported, log);
  embedded = await startTestNeo4j(path.join(tmp, 'store'), log);
  scratch = new Database({ uri: embedded.uri, username: embedded.credentials.username, password: embedded.credentials.password });
  await scratch.waitUntilReady();
  await applyGraphSchema(scratch);
});

afterAll(async () => {
  try {
    await scratch?.close();
    await embedded?.stop();
    await db.close();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

describe('seed export', () => {
  test('exporting the seed graph writes the committed seed files byte for byte', () => {
    // The committed folder's data: every file but the Markdown notes and the format's description.
    const committed = filesBelow(seedDir).filter((f) => !f.endsWith('.md'));
    expect(filesBelow(exported)).toEqual(committed);
    expect(committed).toEqual(expect.arrayContaining(['organizations.jsonl', 'topics.jsonl', 'documents/src-000.jsonl', 'sources/000_a0b3963a142c2ffd.txt']));
    expect(differences(exported, seedDir, committed)).toEqual([]);
  });

  test('loading the export into an empty graph gives the same nodes, labels, properties and relationships', async () => {
    const report = await importSeed(scratch, exported, log, { reset: true });
    expect(report.nodes).toBeGreaterThan(300);
    const original = await dumpGraph(db);
    const reloaded = await dumpGraph(scratch);
    expect(original.length).toBeGreaterThan(1000);
    expect(reloaded).toEqual(original);
  });

  test('a reference field whose provenance is not its node’s comes back with its own provenance', async () => {
    const statement = `MATCH (o:Organization {id: $id})-[r:LOCATED_IN]->(u) RETURN o.provenance AS node, r.provenance AS rel, u.id AS unit`;
    const [row] = await scratch.read(statement, { id: 'org-pc-ho-chi-minh' });
    expect(row.unit).toBe('prov-ho-chi-minh');
    expect(JSON.parse(String(row.rel))).toEqual([expect.objectContaining({ source: 'ext-decree-24-2014' })]);
    expect(JSON.parse(String(row.node)).map((p: { source: string }) => p.source)).toEqual(expect.arrayContaining(['src-000', 'src-002', 'ext-decree-24-2014']));
    expect(await scratch.read(statement, { id: 'org-pc-ho-chi-minh' })).toEqual(await db.read(statement, { id: 'org-pc-ho-chi-minh' }));
  });

  test('exporting the reloaded graph gives the same files again', async () => {
    const again = path.join(tmp, 'again');
    await exportSeed(scratch, again, log);
    expect(filesBelow(again)).toEqual(filesBelow(exported));
    expect(differences(again, exported, filesBelow(exported))).toEqual([]);
  });

  test('the graph comparison sees a changed property, a relationship’s provenance and a label', async () => {
    const before = await dumpGraph(scratch);
    const changed = async (statement: string) => {
      await scratch.write(statement);
      const after = await dumpGraph(scratch);
      return { gone: before.filter((l) => !after.includes(l)), added: after.filter((l) => !before.includes(l)) };
    };
    const precision = await changed(`MATCH (a:Agreement {id: 'agr-mekong-kez-dost-programme-2018'}) SET a.validToPrecision = 'MONTH'`);
    expect(precision.gone).toHaveLength(1);
    expect(precision.added).toEqual([expect.stringContaining('"validToPrecision","STRING NOT NULL","MONTH"')]);
    const located = await changed(`MATCH (:Organization {id: 'org-pc-ho-chi-minh'})-[r:LOCATED_IN]->() SET r.provenance = '[]'`);
    expect(located.added).toEqual(expect.arrayContaining([expect.stringMatching(/^R \["org-pc-ho-chi-minh",.*"LOCATED_IN","prov-ho-chi-minh"/)]));
    const label = await changed(`MATCH (o:Organization {id: 'org-most'}) REMOVE o:GovernmentBody`);
    expect(label.added).toEqual(expect.arrayContaining([expect.stringMatching(/^N \["org-most",\["Organization"\]/)]));
    // An integer stored as a float with the same value is another graph too.
    const ordinal = await changed(`MATCH (p:Part) WHERE p.ordinal IS NOT NULL WITH p LIMIT 1 SET p.ordinal = toFloat(p.ordinal)`);
    expect(ordinal.added).toEqual(expect.arrayContaining([expect.stringContaining('"ordinal","FLOAT NOT NULL"')]));
  });

  test('npm run seed:export writes the folder, and refuses one that holds seed files unless told to replace them', async () => {
    const target = path.join(tmp, 'cli');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['-r', path.join(projectRoot, 'test', 'helpers', 'ts-register.js'), path.join(projectRoot, 'src', 'tools', 'cli', 'seed-export.ts'), ...args], {
        cwd: projectRoot,
        env: { ...process.env, NEO4J_URI: embedded!.uri, NEO4J_USERNAME: embedded!.credentials.username, NEO4J_PASSWORD: embedded!.credentials.password, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      });
    // The scratch graph is the export's again (the test above changed it).
    await importSeed(scratch, exported, log, { reset: true });
    const first = run(target);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Exported \d+ nodes and \d+ relationships as \d+ records in 16 files/);
    expect(differences(target, exported, filesBelow(exported))).toEqual([]);

    fs.writeFileSync(path.join(target, 'documents', 'stale.jsonl'), '{"type":"topic","id":"topic-stale","name":"Stale"}\n');
    fs.writeFileSync(path.join(target, 'NOTES.md'), 'kept\n');
    const refused = run(target);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already holds \d+ seed file\(s\); give --replace/);
    await expect(exportSeed(scratch, target, log)).rejects.toThrow(ExportRefusedError);

    const replaced = run(target, '--replace');
    expect(replaced.status).toBe(0);
    expect(filesBelow(target)).toEqual([...filesBelow(exported), 'NOTES.md'].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});
