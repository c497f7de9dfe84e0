import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/core/config';
import type { Database } from '../../src/db/database';
import { data, gqlClient, openTestDb } from '../helpers/graph';

// Every fact drawn from one of the five documents must quote it verbatim: the quote has to occur in the document's
// text once runs of whitespace are collapsed (nothing else is normalised). Checked through the API for every node and
// relationship it exposes with provenance, and with a read query for the rest of the graph (field relationships such
// as LOCATED_IN or PART_OF, and source nodes), which also proves that the API leaves no cited fact out.

const DOCS = ['src-000', 'src-001', 'src-002', 'src-003', 'src-004'];

let db: Database;
let gql: ReturnType<typeof gqlClient>;
const texts = new Map<string, string>();

const q = <T = any>(query: string, variables: Record<string, unknown> = {}) => data<T>(gql<T>(query, variables));
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  db = openTestDb();
  gql = gqlClient(db);
  for (const id of DOCS) {
    const { source } = await q(`query($id: ID!) { source(id: $id) { id file } }`, { id });
    expect(source.file).toMatch(/^sources\/\d{3}_[0-9a-f]{16}\.txt$/);
    texts.set(id, collapse(fs.readFileSync(path.join(loadConfig().seedDir, source.file), 'utf8')));
  }
});
afterAll(() => db.close());

type Prov = { sourceId: string; quote: string | null; note: string | null };
/** One thing that carries provenance: a node or a relationship, with a stable key. */
type Cited = { key: string; provenance: Prov[] };

const PROV = 'provenance { sourceId quote note }';

/** The nodes of a connection, checked to be the whole list (no further page). */
function all(connection: { pageInfo: { hasNextPage: boolean }; nodes: any[] }): any[] {
  expect(connection.pageInfo.hasNextPage).toBe(false);
  return connection.nodes;
}

/** Every node and relationship the API exposes with provenance, keyed like the graph stores them. */
async function citedThroughApi(): Promise<{ nodes: Cited[]; rels: Cited[] }> {
  const nodes = new Map<string, Cited>();
  const rels = new Map<string, Cited>();
  const node = (label: string, id: string, provenance: Prov[]) => nodes.set(`${label}|${id}`, { key: `${label}|${id}`, provenance });
  const rel = (type: string, from: string, to: string, k: string, provenance: Prov[]) => {
    const key = `${type}|${from}|${to}|${k}`;
    rels.set(key, { key, provenance });
  };

  const organizations = all((await q(`{ organizations(first: 500) { pageInfo { hasNextPage } nodes { id ${PROV}
    agreements { role agreement { id } ${PROV} }
    activities { role activity { id } ${PROV} }
    positions { title person { id } ${PROV} }
    relations { direction kind organization { id } ${PROV} } } } }`)).organizations);
  for (const o of organizations) {
    node('Organization', o.id, o.provenance);
    for (const p of o.agreements) rel('PARTY_TO', o.id, p.agreement.id, p.role, p.provenance);
    for (const p of o.activities) rel('PARTICIPATED_IN', o.id, p.activity.id, p.role, p.provenance);
    for (const p of o.positions) rel('HOLDS_POSITION', p.person.id, o.id, p.title, p.provenance);
    for (const r of o.relations) {
      const [from, to] = r.direction === 'OUT' ? [o.id, r.organization.id] : [r.organization.id, o.id];
      rel('RELATED_TO', from, to, r.kind, r.provenance);
    }
  }

  const agreements = all((await q(`{ agreements(first: 500) { pageInfo { hasNextPage } nodes { id ${PROV}
    parties { role organization { id } ${PROV} }
    signatures { person { id } ${PROV} } parts { id ${PROV} } } } }`)).agreements);
  for (const a of agreements) {
    node('Agreement', a.id, a.provenance);
    for (const part of a.parts) node('Part', part.id, part.provenance);
    for (const p of a.parties) rel('PARTY_TO', p.organization.id, a.id, p.role, p.provenance);
    for (const s of a.signatures) rel('SIGNED', s.person.id, a.id, 'signed', s.provenance);
  }

  const activities = all((await q(`{ activities(first: 500) { pageInfo { hasNextPage } nodes { id ${PROV}
    participants { role organization { id } ${PROV} }
    attendances { role person { id } ${PROV} } parts { id ${PROV} } } } }`)).activities);
  for (const a of activities) {
    node('Activity', a.id, a.provenance);
    for (const part of a.parts) node('Part', part.id, part.provenance);
    for (const p of a.participants) rel('PARTICIPATED_IN', p.organization.id, a.id, p.role, p.provenance);
    for (const x of a.attendances) rel('ATTENDED', x.person.id, a.id, x.role, x.provenance);
  }

  const people = all((await q(`{ people(first: 500) { pageInfo { hasNextPage } nodes { id ${PROV}
    positions { title organization { id } ${PROV} }
    signatures { agreement { id } document { id } ${PROV} }
    attendances { role activity { id } ${PROV} } } } }`)).people);
  for (const p of people) {
    node('Person', p.id, p.provenance);
    for (const x of p.positions) rel('HOLDS_POSITION', p.id, x.organization.id, x.title, x.provenance);
    for (const s of p.signatures) rel('SIGNED', p.id, (s.agreement ?? s.document).id, 'signed', s.provenance);
    for (const x of p.attendances) rel('ATTENDED', p.id, x.activity.id, x.role, x.provenance);
  }

  const sources = all((await q(`{ sources(first: 500) { pageInfo { hasNextPage } nodes { id signatures { person { id } ${PROV} } } } }`)).sources);
  for (const s of sources) for (const x of s.signatures) rel('SIGNED', x.person.id, s.id, 'signed', x.provenance);

  const units = await q(`{ adminUnits(first: 500) { pageInfo { hasNextPage } nodes { id ${PROV} } }
    regions(first: 500) { pageInfo { hasNextPage } nodes { id ${PROV} } } }`);
  for (const u of all(units.adminUnits)) node('AdminUnit', u.id, u.provenance);
  for (const r of all(units.regions)) node('Region', r.id, r.provenance);

  const citesDoc = (c: Cited) => c.provenance.some((p) => DOCS.includes(p.sourceId));
  return { nodes: [...nodes.values()].filter(citesDoc), rels: [...rels.values()].filter(citesDoc) };
}

/** Every node and relationship of the graph that cites a document, read straight from the database. */
async function citedInGraph(): Promise<{ nodes: Array<Cited & { label: string }>; rels: Array<Cited & { type: string }> }> {
  const parse = (json: string): Prov[] =>
    (JSON.parse(json) as Array<{ source: string; quote?: string; note?: string }>).map((p) => ({
      sourceId: p.source,
      quote: p.quote ?? null,
      note: p.note ?? null,
    }));
  const nodeRows = await db.read(
    `MATCH (n) WHERE any(s IN coalesce(n.sources, []) WHERE s IN $docs)
     RETURN [l IN labels(n) WHERE l IN ['Organization', 'Agreement', 'Activity', 'Part', 'Person', 'AdminUnit', 'Region', 'Source', 'Topic']][0] AS label,
            n.id AS id, n.provenance AS provenance`,
    { docs: DOCS },
  );
  const relRows = await db.read(
    `MATCH (a)-[r]->(b) WHERE any(s IN coalesce(r.sources, []) WHERE s IN $docs)
     RETURN type(r) AS type, a.id AS from, b.id AS to, r.key AS k, r.provenance AS provenance`,
    { docs: DOCS },
  );
  return {
    nodes: nodeRows.map((r) => ({ label: String(r.label), key: `${r.label}|${r.id}`, provenance: parse(String(r.provenance)) })),
    rels: relRows.map((r) => ({ type: String(r.type), key: `${r.type}|${r.from}|${r.to}|${r.k}`, provenance: parse(String(r.provenance)) })),
  };
}

/** Problems with the document citations of `items`: a missing quote, or a quote the document does not contain. */
function badQuotes(items: Cited[]): string[] {
  const bad: string[] = [];
  for (const item of items) {
    for (const p of item.provenance) {
      if (!DOCS.includes(p.sourceId)) continue;
      if (!p.quote || !collapse(p.quote)) bad.push(`${item.key}: citation of ${p.sourceId} has no quote`);
      else if (!texts.get(p.sourceId)!.includes(collapse(p.quote))) bad.push(`${item.key}: quote not in ${p.sourceId}: "${p.quote}"`);
    }
  }
  return bad;
}

/** Relationship types the API shows with their provenance. */
const API_RELS = ['PARTY_TO', 'PARTICIPATED_IN', 'HOLDS_POSITION', 'SIGNED', 'ATTENDED', 'RELATED_TO'];

describe('Provenance: every fact drawn from the five documents quotes its document verbatim', () => {
  test('the API shows a verbatim quote for every cited node and relationship', async () => {
    const { nodes, rels } = await citedThroughApi();
    expect(badQuotes(nodes)).toEqual([]);
    expect(badQuotes(rels)).toEqual([]);
  });

  test('every document is cited by its own instruments (agreements or their parts), activities and organisations', async () => {
    const { nodes, rels } = await citedThroughApi();
    for (const doc of DOCS) {
      const byLabel = (label: string) => nodes.filter((n) => n.key.startsWith(`${label}|`) && n.provenance.some((p) => p.sourceId === doc)).length;
      // The Victoria visit signed nothing: its directions are parts of the visit, not agreements.
      const instruments = byLabel('Agreement') + byLabel('Part');
      expect({ doc, organizations: byLabel('Organization') > 0, activities: byLabel('Activity') > 0, instruments: instruments > 0 }).toEqual({
        doc,
        organizations: true,
        activities: true,
        instruments: true,
      });
      expect(rels.filter((r) => r.provenance.some((p) => p.sourceId === doc)).length).toBeGreaterThan(4);
    }
  });

  test('a document citation never comes as a bare note: documents are quoted', async () => {
    const { nodes, rels } = await citedThroughApi();
    const noteOnly = [...nodes, ...rels].filter((c) => c.provenance.some((p) => DOCS.includes(p.sourceId) && p.note && !p.quote));
    expect(noteOnly.map((c) => c.key)).toEqual([]);
  });

  test('every node and relationship of the graph that cites a document has a quote that occurs in it', async () => {
    const { nodes, rels } = await citedInGraph();
    expect(nodes.length).toBeGreaterThan(100);
    expect(rels.length).toBeGreaterThan(300);
    expect(badQuotes(nodes)).toEqual([]);
    expect(badQuotes(rels)).toEqual([]);
  });

  test('the API exposes every cited organisation, agreement, activity, part, person, admin unit and region, with the same citations as the graph', async () => {
    const api = await citedThroughApi();
    const graph = await citedInGraph();
    const shown = ['Organization', 'Agreement', 'Activity', 'Part', 'Person', 'AdminUnit', 'Region'];
    const norm = (list: Cited[]) =>
      Object.fromEntries(list.map((c) => [c.key, c.provenance.map((p) => `${p.sourceId}|${p.quote ?? ''}|${p.note ?? ''}`).sort()]));
    expect(norm(api.nodes)).toEqual(norm(graph.nodes.filter((n) => shown.includes(n.label))));
  });

  test('the API exposes every cited party, participation, position, signature, attendance and relation, with the same citations as the graph', async () => {
    const api = await citedThroughApi();
    const graph = await citedInGraph();
    const norm = (list: Cited[]) =>
      Object.fromEntries(list.map((c) => [c.key, c.provenance.map((p) => `${p.sourceId}|${p.quote ?? ''}|${p.note ?? ''}`).sort()]));
    expect(norm(api.rels)).toEqual(norm(graph.rels.filter((r) => API_RELS.includes(r.type))));
  });
});
