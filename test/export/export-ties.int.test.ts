import 'reflect-metadata';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createLogger } from '../../src/core/logger';
import { startServer, type HubServer } from '../../src/app/server';
import { data, gqlClient, openTestDb } from '../helpers/graph';

// Exports of the real network answers on the seed graph: typed one-mode ties, the two-mode (actor–instrument)
// network, the strongest part of a cut export, and the fractional strength the issue asks networkx to rank by.

const db = openTestDb();
const gql = gqlClient(db);
let hub: HubServer;
let base: string;

beforeAll(async () => {
  // A loaded machine must not turn a slow answer into a failure: the deadline and client budgets are lifted.
  hub = await startServer({
    db,
    log: createLogger('silent'),
    host: '127.0.0.1',
    port: 0,
    maxQueryDepth: 12,
    limits: { requestTimeoutMs: 120_000, rateLimitPerMinute: 0, clientCostPerSecond: 0 },
  });
  base = hub.url.replace(/\/graphql$/, '') + '/export';
});
afterAll(async () => {
  await hub.stop();
  await db.close();
});

const HCMC_DOST = 'org-dost-ho-chi-minh';
const EMBASSIES = ['org-embassy-ch', 'org-embassy-it', 'org-embassy-br', 'org-embassy-fi', 'org-embassy-ca'];
const MEKONG_DOSTS = ['org-dost-an-giang', 'org-dost-ca-mau', 'org-dost-can-tho', 'org-dost-kien-giang'];
const WHOLE = '{ cooperationNetwork }';

interface JsonNode {
  id: string;
  [k: string]: unknown;
}
interface JsonEdge {
  source: string;
  target: string;
  weight: number;
  count: number;
  countsByKind: Record<string, number> | null;
  [k: string]: unknown;
}
interface NodeLink {
  directed: boolean;
  multigraph: boolean;
  graph: { truncated: boolean; mode: string };
  nodes: JsonNode[];
  edges: JsonEdge[];
}

async function download(query: string, params: Record<string, string>): Promise<Response> {
  const res = await fetch(`${base}?${new URLSearchParams({ query, ...params })}`);
  if (res.status !== 200) throw new Error(`GET /export answered ${res.status}: ${await res.text()}`);
  return res;
}

const json = async (query: string, params: Record<string, string> = {}) => (await (await download(query, { format: 'json', ...params })).json()) as NodeLink;
const csv = async (query: string, format: 'csv-nodes' | 'csv-edges', params: Record<string, string> = {}) =>
  parseCsv(await (await download(query, { format, ...params })).text(), { columns: true }) as Record<string, string>[];
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (n) => ['node', 'edge', 'data', 'key', 'attvalue', 'attribute', 'attributes'].includes(n) });
const dataOf = (el: { data?: Array<{ key: string; '#text'?: string }> }) => Object.fromEntries((el.data ?? []).map((d) => [d.key, d['#text'] ?? '']));

/** Weighted strength (sum of the weights of its edges) of every node, as networkx's degree(weight=...) gives it. */
function strength(g: NodeLink): Map<string, number> {
  const s = new Map<string, number>(g.nodes.map((n) => [n.id, 0]));
  for (const e of g.edges) for (const end of [e.source, e.target]) s.set(end, (s.get(end) ?? 0) + e.weight);
  return s;
}

/** Heaviest first: by weight, then number of instruments, then the ids of the two ends. */
const byStrength = (a: JsonEdge, b: JsonEdge) => b.weight - a.weight || b.count - a.count || a.source.localeCompare(b.source) || a.target.localeCompare(b.target);

describe('the default one-mode export', () => {
  let whole: NodeLink;
  beforeAll(async () => {
    whole = await json(WHOLE);
  });

  test('gives every tie its fractional weight, instrument count, counts by kind (cooperation only) and dates as written', () => {
    expect(whole.graph).toEqual({ truncated: false, mode: 'ONE_MODE' });
    expect(whole.edges.length).toBeGreaterThan(10);
    for (const e of whole.edges) {
      expect(e.count).toBe((e.evidence as string[]).length);
      expect(Object.values(e.countsByKind ?? {}).reduce((a, b) => a + b, 0)).toBe(e.count);
      expect(Object.keys(e.countsByKind ?? {}).every((k) => ['COUNTERPARTIES', 'CO_PARTIES', 'CO_ORGANISERS', 'ORGANISER_PARTICIPANT'].includes(k))).toBe(true);
      expect(e.weight).toBeGreaterThan(0);
      expect(e.weight).toBeLessThanOrEqual(e.count);
      for (const d of [e.firstDate, e.lastDate]) if (d !== null) expect(d).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  test('ranks HCMC DOST above every embassy and every Mekong DOST by weighted strength', () => {
    const s = strength(whole);
    const hcmc = s.get(HCMC_DOST) ?? 0;
    for (const other of [...EMBASSIES, ...MEKONG_DOSTS]) expect([other, hcmc > (s.get(other) ?? 0)]).toEqual([other, true]);
  });

  test('CSV edges and GraphML carry the same ties as the JSON', async () => {
    const rows = await csv(WHOLE, 'csv-edges');
    expect(rows).toHaveLength(whole.edges.length);
    const first = whole.edges[0];
    const row = rows.find((r) => r.source === first.source && r.target === first.target)!;
    expect(Number(row.weight)).toBeCloseTo(first.weight, 12);
    expect(Number(row.count)).toBe(first.count);
    expect(row.countsByKind).toBe(Object.entries(first.countsByKind ?? {}).map(([k, n]) => `${k}:${n}`).join(';'));
    const graphml = xml.parse(await (await download(WHOLE, { format: 'graphml' })).text()).graphml.graph;
    expect(graphml.edge).toHaveLength(whole.edges.length);
    expect(Number(dataOf(graphml.edge[0]).e_weight)).toBeCloseTo(whole.edges[0].weight, 12);
  });
});

describe('the two-mode export', () => {
  const bipartiteEdges = (nodes: Map<string, number>, edges: ReadonlyArray<Record<string, unknown>>) =>
    edges.every((e) => nodes.get(String(e.source)) === 0 && nodes.get(String(e.target)) === 1);

  test('node-link JSON is bipartite: every edge joins an organisation (0) to an instrument (1), with its roles', async () => {
    const g = await json(WHOLE, { mode: 'two-mode' });
    expect(g.graph).toEqual({ truncated: false, mode: 'TWO_MODE' });
    const side = new Map(g.nodes.map((n) => [n.id, n.bipartite as number]));
    expect(new Set(side.values())).toEqual(new Set([0, 1]));
    expect(g.edges.length).toBeGreaterThan(0);
    expect(bipartiteEdges(side, g.edges)).toBe(true);
    for (const e of g.edges) expect((e.role as string[]).length).toBeGreaterThan(0);
    // Every instrument behind a one-mode tie is there, and every organisation of the one-mode network.
    const one = await json(WHOLE);
    const instruments = new Set(one.edges.flatMap((e) => e.evidence as string[]));
    expect(new Set(g.nodes.filter((n) => n.bipartite === 1).map((n) => n.id))).toEqual(instruments);
    expect(g.nodes.filter((n) => n.bipartite === 0).map((n) => n.id)).toEqual(one.nodes.map((n) => n.id));
    for (const n of g.nodes.filter((x) => x.bipartite === 1)) {
      expect(['Agreement', 'Activity']).toContain(n.type);
      if (n.startDate !== null) expect(n.startDate).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  test('CSV, GraphML and GEXF are bipartite too', async () => {
    const nodes = await csv(WHOLE, 'csv-nodes', { mode: 'two-mode' });
    const edges = await csv(WHOLE, 'csv-edges', { mode: 'two-mode' });
    const side = new Map(nodes.map((n) => [n.id, Number(n.bipartite)]));
    expect(edges.length).toBeGreaterThan(0);
    expect(bipartiteEdges(side, edges)).toBe(true);

    const graphmlText = await (await download(WHOLE, { format: 'graphml', mode: 'two-mode' })).text();
    expect(XMLValidator.validate(graphmlText)).toBe(true);
    const graphml = xml.parse(graphmlText).graphml.graph;
    const gSide = new Map((graphml.node as Array<{ id: string; data: Array<{ key: string; '#text'?: string }> }>).map((n) => [n.id, Number(dataOf(n).n_bipartite)]));
    expect(bipartiteEdges(gSide, graphml.edge)).toBe(true);
    expect(graphml.edge).toHaveLength(edges.length);

    const gexfText = await (await download(WHOLE, { format: 'gexf', mode: 'two-mode' })).text();
    expect(XMLValidator.validate(gexfText)).toBe(true);
    const gexf = xml.parse(gexfText).gexf.graph;
    const valuesOf = (n: { attvalues?: { attvalue: Array<{ for: string; value: string }> } }) => Object.fromEntries((n.attvalues?.attvalue ?? []).map((v) => [v.for, v.value]));
    const xSide = new Map((gexf.nodes.node as Array<{ id: string; attvalues?: { attvalue: Array<{ for: string; value: string }> } }>).map((n) => [n.id, Number(valuesOf(n).bipartite)]));
    expect(bipartiteEdges(xSide, gexf.edges.edge)).toBe(true);
  });

  test('with sub-units rolled up, the roles of a sub-unit go to its top parent, named in `via`', async () => {
    const rolled = '{ cooperationNetwork(filter: { rollUpSubUnits: true }) }';
    const one = await json(rolled);
    const two = await json(rolled, { mode: 'two-mode' });
    const side = new Map(two.nodes.map((n) => [n.id, n.bipartite as number]));
    expect(bipartiteEdges(side, two.edges)).toBe(true);
    // Every tie of the rolled-up network stands on instruments both of its ends take part in.
    const roles = new Set(two.edges.map((e) => `${e.source}|${e.target}`));
    for (const e of one.edges) for (const x of e.evidence as string[]) expect([roles.has(`${e.source}|${x}`), roles.has(`${e.target}|${x}`)]).toEqual([true, true]);
    const via = two.edges.filter((e) => e.via !== null);
    expect(via.length).toBeGreaterThan(0);
    const [row] = await db.read('UNWIND $pairs AS p MATCH (s:Organization {id: p.via})-[:PART_OF*1..4]->(t:Organization {id: p.actor}) RETURN count(*) AS n', {
      pairs: via.map((e) => ({ via: e.via, actor: e.source })),
    });
    expect(Number(row.n)).toBe(via.length);
  });

  test('costs two statements whatever the size of the network, and a one-mode export none', async () => {
    const count = async (selection: string) => {
      const before = db.statementCount;
      await data(gql(`{ cooperationNetwork { ${selection} } }`));
      return db.statementCount - before;
    };
    const plain = await count('truncated');
    expect(await count('truncated export(format: JSON) { content }')).toBe(plain);
    expect(await count('truncated export(format: JSON, mode: TWO_MODE) { content }')).toBe(plain + 2);
  });

  test('the export field gives the same two-mode file as /export, and the routes of paths export too', async () => {
    const field = await data(gql(`{ cooperationNetwork { export(format: CSV_EDGES, mode: TWO_MODE) { mode truncated content } } }`));
    expect(field.cooperationNetwork.export.mode).toBe('TWO_MODE');
    expect(parseCsv(field.cooperationNetwork.export.content, { columns: true })).toEqual(await csv(WHOLE, 'csv-edges', { mode: 'two-mode' }));

    const one = await json(WHOLE);
    const tie = [...one.edges].sort(byStrength)[0];
    const route = `{ paths(from: "${tie.source}", to: "${tie.target}") { found } }`;
    const g = await json(route, { mode: 'two-mode' });
    const side = new Map(g.nodes.map((n) => [n.id, n.bipartite as number]));
    expect(side.get(tie.source)).toBe(0);
    expect(side.get(tie.target)).toBe(0);
    expect(bipartiteEdges(side, g.edges)).toBe(true);
    // Both ends take part in an instrument of the route.
    const shared = g.edges.filter((e) => e.source === tie.source).map((e) => e.target);
    expect(g.edges.some((e) => e.source === tie.target && shared.includes(e.target))).toBe(true);
    const res = await download(route, { format: 'graphml' });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="paths.graphml"');
  });
});

describe('an export cut at its cap', () => {
  const CAP = '5';

  test('keeps the heaviest ties and says it was cut, in every format', async () => {
    const whole = await json(WHOLE);
    expect(whole.edges.length).toBeGreaterThan(5);
    const heaviest = [...whole.edges].sort(byStrength).slice(0, 5).map((e) => `${e.source}|${e.target}`);
    const cut = await json(WHOLE, { maxEdges: CAP });
    expect(cut.graph.truncated).toBe(true);
    expect(cut.edges.map((e) => `${e.source}|${e.target}`).sort()).toEqual([...heaviest].sort());
    const ends = new Set(cut.edges.flatMap((e) => [e.source, e.target]));
    expect(new Set(cut.nodes.map((n) => n.id))).toEqual(ends);

    const res = await download(WHOLE, { format: 'csv-edges', maxEdges: CAP });
    expect(res.headers.get('x-network-truncated')).toBe('true');
    const edgeRows = parseCsv(await res.text(), { columns: true }) as Record<string, string>[];
    expect(edgeRows.map((r) => `${r.source}|${r.target}`).sort()).toEqual([...heaviest].sort());
    expect(edgeRows.every((r) => r.truncated === 'true')).toBe(true);
    expect((await csv(WHOLE, 'csv-nodes', { maxEdges: CAP })).every((r) => r.truncated === 'true')).toBe(true);
    const graphml = xml.parse(await (await download(WHOLE, { format: 'graphml', maxEdges: CAP })).text()).graphml.graph;
    expect(dataOf(graphml).g_truncated).toBe('true');
    expect(await (await download(WHOLE, { format: 'gexf', maxEdges: CAP })).text()).toContain('<keywords>mode=ONE_MODE, truncated=true</keywords>');
    // The two-mode file of a cut network holds the instruments of the kept ties only, and says it was cut.
    const two = await json(WHOLE, { mode: 'two-mode', maxEdges: CAP });
    expect(two.graph).toEqual({ truncated: true, mode: 'TWO_MODE' });
    expect(new Set(two.nodes.filter((n) => n.bipartite === 1).map((n) => n.id))).toEqual(new Set(cut.edges.flatMap((e) => e.evidence as string[])));
  });

  test('an export within its cap is complete', async () => {
    const whole = await json(WHOLE);
    const within = await json(WHOLE, { maxEdges: String(whole.edges.length) });
    expect(within).toEqual(whole);
  });
});
