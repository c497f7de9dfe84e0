import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig, projectRoot } from '../../../src/core/config';
import type { EmbeddedNeo4j } from '../../../src/db/embedded/launcher';
import { StoreInUseError } from '../../../src/db/embedded/store-import';
import { embeddedDatabase, type GraphConnection } from '../../../src/db/connect';
import { createLogger } from '../../../src/core/logger';
import { Database } from '../../../src/db/database';
import { mergeSeed } from '../../../src/record/record.merge';
import { SeedError } from '../../../src/record/record.problem';
import { readSeedDir } from '../../../src/tools/seed/seed.read';
import { NODE_LABEL, ORG_KIND_LABEL, REL_TYPE, UNIT_LEVEL_LABEL, graphCounts, type RelSpec } from '../../../src/record/record.repository';
import { buildSeedRows } from '../../../src/record/record.rows';
import { attachDocumentTexts } from '../../../src/tools/seed/seed.texts';
import { importSeedStore } from '../../../src/tools/seed/seed.store';
import { generateSynth, SYNTH_FILES } from '../../../src/tools/synth/synth.generate';
import { readSynthReference } from '../../../src/tools/synth/synth.reference';

const config = loadConfig();
const log = createLogger(process.env.BULK_TEST_LOG ?? 'silent');
const seedDir = config.seedDir;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-store-'));
const synthDir = path.join(tmp, 'net');
const dataDir = path.join(tmp, 'store');
let running: { embedded: EmbeddedNeo4j; db: Database } | undefined;

/** Connects to the database serving the new store; the connection's close leaves it running for the checks. */
async function open(embedded: EmbeddedNeo4j): Promise<GraphConnection> {
  const db = embeddedDatabase(embedded);
  await db.waitUntilReady();
  running = { embedded, db };
  return { db, embedded, close: async () => undefined };
}

const settings = { projectRoot, dataDir, java: config.java, maven: config.maven, serve: { port: 0, pageCacheMb: 64, heap: '512m', txLogRetention: '1 files' }, open };

/** A value as both sides print it: dates as ISO text, integers as numbers. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value)) return value.toString();
  return value;
}

function canonical(props: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.keys(props).sort().map((k) => [k, plain(props[k])])));
}

/** What the in-memory merge of the curated and synthetic folders says the graph must hold. */
function expectedGraph(): { nodes: string[]; relationships: string[] } {
  const curated = readSeedDir(seedDir);
  const synth = readSeedDir(synthDir);
  const set = mergeSeed({ ...curated, nodes: [...curated.nodes, ...synth.nodes], edges: [...curated.edges, ...synth.edges] });
  // The importer stores each document's text on its source.
  attachDocumentTexts(set, seedDir);
  const rows = buildSeedRows(set);
  const nodes: string[] = [];
  for (const [type, list] of Object.entries(rows.nodes)) for (const r of list) nodes.push(`${NODE_LABEL[type as keyof typeof NODE_LABEL]} ${canonical(r.props as Record<string, unknown>)}`);
  for (const [level, list] of Object.entries(rows.unitsByLevel)) {
    for (const r of list) nodes.push(`AdminUnit,${UNIT_LEVEL_LABEL[level as keyof typeof UNIT_LEVEL_LABEL]} ${canonical(r.props as Record<string, unknown>)}`);
  }
  for (const [kind, list] of Object.entries(rows.organizationsByKind)) {
    for (const r of list) nodes.push(`Organization,${ORG_KIND_LABEL[kind as keyof typeof ORG_KIND_LABEL]} ${canonical(r.props as Record<string, unknown>)}`);
  }
  const relationships = (Object.entries(rows.rels) as Array<[RelSpec, Array<{ from: string; to: string; props: Record<string, unknown> }>]>).flatMap(
    ([spec, list]) => list.map((r) => `${REL_TYPE[spec]} ${r.from}->${r.to} ${canonical(r.props)}`),
  );
  return { nodes: nodes.sort(), relationships: relationships.sort() };
}

/** What the store holds, printed like expectedGraph (the first label is the seed type's). */
async function storedGraph(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodeRows = await db.read('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
  const relRows = await db.read('MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props');
  const primary = new Set(Object.values(NODE_LABEL) as string[]);
  return {
    nodes: nodeRows
      .map(({ labels, props }) => {
        const list = labels as string[];
        const first = list.find((l) => primary.has(l))!;
        return `${[first, ...list.filter((l) => l !== first).sort()].join(',')} ${canonical(props as Record<string, unknown>)}`;
      })
      .sort(),
    relationships: relRows.map(({ type, from, to, props }) => `${type} ${from}->${to} ${canonical(props as Record<string, unknown>)}`).sort(),
  };
}

beforeAll(async () => {
  await generateSynth({ orgs: 300, links: 3000, seed: 11, outDir: synthDir }, readSynthReference(seedDir));
  // The same participation reported twice, by two notes: the store must hold it once, with both.
  const file = path.join(synthDir, SYNTH_FILES.participation);
  const first = JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0]) as { provenance: Array<{ source: string; note: string }> };
  fs.appendFileSync(file, `${JSON.stringify({ ...first, provenance: [{ source: first.provenance[0].source, note: 'reported again' }] })}\n`);
});

afterAll(async () => {
  try {
    await running?.db.close();
    await running?.embedded.stop();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

describe('bulk import through the offline store importer', () => {
  test('builds a store holding exactly what the in-memory merge of the curated and synthetic records holds', async () => {
    const result = await importSeedStore([synthDir], log, seedDir, settings);
    const want = expectedGraph();
    expect(result.nodes).toBe(want.nodes.length);
    expect(result.relationships).toBe(want.relationships.length);
    const got = await storedGraph(running!.db);
    expect(got.nodes).toEqual(want.nodes);
    expect(got.relationships).toEqual(want.relationships);
    // The schema is in place: organisations are found through the full-text index.
    const [hit] = await running!.db.read(`CALL db.index.fulltext.queryNodes('name_search', 'university') YIELD node RETURN count(node) AS n`);
    expect(Number(hit.n)).toBeGreaterThan(0);
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('import-'))).toEqual([]);
  }, 240_000);

  test('refuses a record with a problem before touching the store, naming file and line', async () => {
    const before = await graphCounts(running!.db);
    const broken = path.join(tmp, 'broken');
    fs.cpSync(synthDir, broken, { recursive: true });
    fs.appendFileSync(path.join(broken, SYNTH_FILES.organization), `${JSON.stringify({ type: 'organization', id: 'org-bad', kind: 'COMPANY', name: 'X', location: 'prov-nowhere', provenance: [{ source: 'ext-synthetic', note: 'test' }] })}\n`);
    const error = await importSeedStore([broken], log, seedDir, settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).message).toMatch(new RegExp(`${SYNTH_FILES.organization}:\\d+.*prov-nowhere`));
    expect(await graphCounts(running!.db)).toEqual(before);
  }, 120_000);

  test('refuses to replace the store of a running database and leaves its graph as it was', async () => {
    const before = await graphCounts(running!.db);
    await expect(importSeedStore([synthDir], log, seedDir, settings)).rejects.toBeInstanceOf(StoreInUseError);
    expect(await graphCounts(running!.db)).toEqual(before);
    expect(fs.readdirSync(path.join(dataDir, 'data', 'databases')).sort()).toEqual(['neo4j', 'store_lock', 'system']);
  }, 120_000);
});
