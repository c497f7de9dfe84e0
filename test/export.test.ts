import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseCsv } from 'csv-parse/sync';
import express from 'express';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { exportFixture } from '../src/export/export.fixture';
import {
  ExportFormat,
  exportNetwork,
  isDirected,
  isMultigraph,
  safeBaseName,
  toEdgesCsv,
  toGraphML,
  toNodeLinkJson,
  toNodesCsv,
} from '../src/export/export.format';
import { exportRouter, networkQuery, type ExportExecutor, type GraphQLOutcome } from '../src/export/export.router';
import { renderExport } from '../src/export/export.render';
import type { NetworkGraph } from '../src/network/network.type';
import { runInScope, type RequestScope } from '../src/request-scope';
import { Prng } from '../src/synth/prng';
import { stringify } from 'csv-stringify/sync';
import { create } from 'xmlbuilder2';

const graph = exportFixture();
const tricky = graph.nodes[2];

/** The fixture plus a PARTY_TO edge (directed) and a second edge between the same two organisations. */
function directedMultigraph(): NetworkGraph {
  const g = exportFixture();
  g.nodes.push({ id: 'act-iwna-8', type: 'Activity', kind: 'CONFERENCE', label: 'IWNA 2021', name: null, location: 'prov-binh-thuan', distance: 1 });
  g.edges.push({ source: 'org-dost-binh-thuan', target: 'act-iwna-8', type: 'PARTICIPATED_IN', weight: 1, evidence: ['act-iwna-8'] });
  g.edges.push({ source: 'org-dost-binh-thuan', target: 'act-iwna-8', type: 'PARTICIPATED_IN', weight: 1, evidence: ['act-iwna-8'] });
  return g;
}

describe('node-link JSON', () => {
  test('round-trips every node and edge field, with networkx graph flags', () => {
    const parsed = JSON.parse(toNodeLinkJson(graph));
    expect(parsed).toEqual({ directed: false, multigraph: false, graph: { truncated: false }, nodes: graph.nodes, edges: graph.edges });
  });

  test('a graph with relationship edges is directed, and parallel edges get distinct keys', () => {
    const g = directedMultigraph();
    expect(isDirected(g)).toBe(true);
    expect(isMultigraph(g)).toBe(true);
    const parsed = JSON.parse(toNodeLinkJson(g));
    expect(parsed.directed).toBe(true);
    expect(parsed.multigraph).toBe(true);
    expect(parsed.edges.map((e: { key: number }) => e.key)).toEqual([0, 1, 2, 3]);
  });

  test('undirected edges given in both orders count as parallel', () => {
    const g = exportFixture();
    g.edges.push({ ...g.edges[0], source: g.edges[0].target, target: g.edges[0].source });
    expect(isDirected(g)).toBe(false);
    expect(isMultigraph(g)).toBe(true);
    expect(isMultigraph(exportFixture())).toBe(false);
  });
});

describe('CSV', () => {
  test('the node list parses back with Vietnamese text, commas, quotes and newlines intact', () => {
    const rows = parseCsv(toNodesCsv(graph), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0])).toEqual(['id', 'type', 'kind', 'label', 'name', 'location', 'distance']);
    expect(rows[0]).toEqual({
      id: 'org-dost-binh-thuan',
      type: 'Organization',
      kind: 'GOVERNMENT',
      label: 'Binh Thuan Department of Science and Technology',
      name: 'Sở Khoa học và Công nghệ tỉnh Bình Thuận',
      location: 'prov-binh-thuan',
      distance: '0',
    });
    expect(rows[2].label).toBe('Công ty "Sao Việt", chi nhánh <Hà Nội> & Co.');
    expect(rows[2].name).toBe(tricky.name);
    expect(rows[2].location).toBe('');
    expect(rows[2].distance).toBe('');
  });

  test('the edge list parses back with weights and the evidence ids', () => {
    const rows = parseCsv(toEdgesCsv(graph), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { source: 'org-dost-binh-thuan', target: 'org-vnu-hcm-inst-nano', type: 'COOPERATES_WITH', weight: '2', evidence: 'act-iwna-8;agr-binh-thuan-vnu-hcm' },
      { source: 'org-vnu-hcm-inst-nano', target: 'org-fixture-quotes', type: 'COOPERATES_WITH', weight: '1.5', evidence: 'act-fixture' },
    ]);
  });

  test('an empty network is a header row only', () => {
    const empty: NetworkGraph = { nodes: [], edges: [], truncated: true };
    expect(toNodesCsv(empty)).toBe('id,type,kind,label,name,location,distance\n');
    expect(toEdgesCsv(empty)).toBe('source,target,type,weight,evidence\n');
  });
});

describe('GraphML', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name) });
  type Data = { key: string; '#text': string | number | boolean };
  const dataOf = (el: { data?: Data[] }) => Object.fromEntries((el.data ?? []).map((d) => [d.key, String(d['#text'])]));

  test('is well-formed XML with one node and one edge element per node and edge', () => {
    const xml = toGraphML(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.graphml.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(doc.graphml.graph.node).toHaveLength(3);
    expect(doc.graphml.graph.edge).toHaveLength(2);
    expect(doc.graphml.graph.edgedefault).toBe('undirected');
    expect(doc.graphml.graph.edge[0]).toMatchObject({ source: 'org-dost-binh-thuan', target: 'org-vnu-hcm-inst-nano' });
  });

  test('declares a typed key for every attribute, with weight as double', () => {
    const keys = parser.parse(toGraphML(graph)).graphml.key as Array<Record<string, string>>;
    const declared = keys.map((k) => `${k.for}:${k['attr.name']}:${k['attr.type']}`);
    expect(declared).toEqual([
      'graph:truncated:boolean',
      'node:type:string',
      'node:kind:string',
      'node:label:string',
      'node:name:string',
      'node:location:string',
      'node:distance:int',
      'edge:type:string',
      'edge:weight:double',
      'edge:evidence:string',
    ]);
  });

  test('escapes text so that names and labels read back unchanged, and leaves absent values out', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: false, isArray: (name) => ['node', 'edge', 'data'].includes(name) });
    const nodes = parsed.parse(toGraphML(graph)).graphml.graph.node as Array<{ id: string; data: Data[] }>;
    const quoted = dataOf(nodes.find((n) => n.id === 'org-fixture-quotes')!);
    expect(quoted).toEqual({ n_type: 'Organization', n_kind: 'COMPANY', n_label: tricky.label, n_name: tricky.name });
    expect(dataOf(nodes[0])).toMatchObject({ n_name: 'Sở Khoa học và Công nghệ tỉnh Bình Thuận', n_distance: '0' });
  });

  test('edges carry weight and evidence; a graph with relationship edges is directed', () => {
    const doc = parser.parse(toGraphML(directedMultigraph()));
    expect(doc.graphml.graph.edgedefault).toBe('directed');
    expect(dataOf(doc.graphml.graph.edge[1])).toEqual({ e_type: 'COOPERATES_WITH', e_weight: '1.5', e_evidence: 'act-fixture' });
    expect(dataOf(doc.graphml.graph)).toEqual({ g_truncated: 'false' });
  });

  test('characters XML cannot hold are replaced instead of breaking the document', () => {
    const g = exportFixture();
    g.nodes[0].label = 'bad\u0001char\u0000';
    const xml = toGraphML(g);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('bad\uFFFDchar\uFFFD');
  });
});

describe('exportNetwork', () => {
  test.each([
    [ExportFormat.JSON, 'application/json; charset=utf-8', 'egoNetwork.json'],
    [ExportFormat.CSV_NODES, 'text/csv; charset=utf-8', 'egoNetwork-nodes.csv'],
    [ExportFormat.CSV_EDGES, 'text/csv; charset=utf-8', 'egoNetwork-edges.csv'],
    [ExportFormat.GRAPHML, 'application/graphml+xml; charset=utf-8', 'egoNetwork.graphml'],
  ])('%s has content type %s and file name %s', (format, contentType, filename) => {
    const file = exportNetwork(graph, format, 'egoNetwork');
    expect(file).toMatchObject({ format, contentType, filename });
    expect(file.content.length).toBeGreaterThan(100);
  });

  test('file names keep only letters, digits, - and _', () => {
    expect(safeBaseName('a"b/c\\d\r\n;e')).toBe('a-b-c-d-e');
    expect(safeBaseName('"";')).toBe('network');
  });
});

describe('networkQuery', () => {
  test('replaces the selection of the single top-level field with every NetworkGraph field', () => {
    const { query, key } = networkQuery('query Q($id: ID!) { net: egoNetwork(center: $id) { nodes { id } } }');
    expect(key).toBe('net');
    expect(query.replace(/\s+/g, ' ')).toBe(
      'query Q($id: ID!) { net: egoNetwork(center: $id) { nodes { id type kind label name location distance } edges { source target type weight evidence } truncated } }',
    );
  });

  test('accepts a bare field without a selection', () => {
    expect(networkQuery('{ subgraph(ids: ["a"]) }').key).toBe('subgraph');
  });

  test.each([
    ['{ a { x } b { x } }', 'exactly one top-level field'],
    ['{ ... on Query { a } }', 'exactly one top-level field'],
    ['mutation { a }', 'must be a query operation (got mutation)'],
    ['query A { a } query B { b }', 'exactly one operation'],
    ['{ a { ...F } } fragment F on X { y }', 'no fragment definitions'],
    ['{ a(', 'query is not valid GraphQL'],
  ])('refuses %s', (query, message) => {
    expect(() => networkQuery(query)).toThrow(message);
  });
});

describe('the /export router with an injected executor', () => {
  let server: http.Server;
  let base: string;
  let outcome: GraphQLOutcome;
  const calls: Array<{ query: string; variables: Record<string, unknown> }> = [];
  const execute: ExportExecutor = async (query, variables) => {
    calls.push({ query, variables });
    return outcome;
  };

  beforeAll(async () => {
    const app = express();
    app.use('/export', exportRouter(execute));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/export`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    calls.length = 0;
    outcome = { data: { net: exportFixture() } };
  });

  const get = (params: Record<string, string>) => fetch(`${base}?${new URLSearchParams(params)}`);

  test('answers GraphML as an attachment named after the field, with the variables passed on', async () => {
    const res = await get({ query: 'query($id: ID!) { net: egoNetwork(center: $id) }', variables: '{"id":"org-x"}', format: 'graphml' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="net.graphml"');
    expect(XMLValidator.validate(await res.text())).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0].variables).toEqual({ id: 'org-x' });
    expect(calls[0].query.replace(/\s+/g, ' ')).toContain('edges { source target type weight evidence }');
  });

  test('answers the CSV node list as UTF-8 that parses back', async () => {
    const res = await get({ query: '{ net }', format: 'csv-nodes' });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="net-nodes.csv"');
    const rows = parseCsv(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.name)).toEqual(graph.nodes.map((n) => n.name));
  });

  test.each([
    [{ query: '{ net }' }, "the 'format' parameter is required"],
    [{ format: 'json' }, "the 'query' parameter is required"],
    [{ query: '{ net }', format: 'gexf' }, "format must be one of json, csv-nodes, csv-edges, graphml (got 'gexf')"],
    [{ query: '{ net }', format: 'json', variables: '[1]' }, 'variables must be a JSON object'],
    [{ query: '{ net }', format: 'json', variables: '{oops' }, 'variables must be a JSON object'],
    [{ query: '{ a b }', format: 'json' }, 'query must have exactly one top-level field, one that returns a NetworkGraph'],
  ])('refuses %j with 400: %s', async (params, message) => {
    const res = await get(params);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message } });
    expect(calls).toHaveLength(0);
  });

  test('a repeated parameter is refused', async () => {
    const res = await fetch(`${base}?query=%7Bnet%7D&format=json&format=graphml`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe("the 'format' parameter must be given once");
  });

  test('a GraphQL error reaches the client with its code; NOT_FOUND is 404', async () => {
    outcome = { data: null, errors: [{ message: "Organization 'nope' does not exist", extensions: { code: 'NOT_FOUND' } }] };
    const res = await get({ query: '{ net }', format: 'json' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: "Organization 'nope' does not exist" } });
  });

  test('a field of another type is named as not returning a NetworkGraph', async () => {
    outcome = { errors: [{ message: 'Cannot query field "nodes" on type "Organization".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
    const res = await get({ query: '{ organization(id: "org-csiro") }', format: 'json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'BAD_USER_INPUT', message: "the top-level field 'organization' does not return a NetworkGraph" },
    });
  });

  test('an answer that is not a network is refused', async () => {
    outcome = { data: { net: [exportFixture()] } };
    const res = await get({ query: '{ net }', format: 'json' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe("the top-level field 'net' did not return a NetworkGraph");
  });
});

/** A network of `nodes` nodes and four times as many edges, with text that CSV, JSON and XML must escape. */
function bigNetwork(nodes: number, seed = 7): NetworkGraph {
  const rng = new Prng(seed);
  const text = ['Sở Khoa học và Công nghệ', 'a "quoted", name', "l'apostrophe", '<tag> & more', 'line\nbreak\r\n', 'tab\there', 'ctl\u0001\u0000', '\uD800 lone', 'emoji \u{1F600}', ''];
  const graph: NetworkGraph = { truncated: rng.next() < 0.5, nodes: [], edges: [] };
  for (let i = 0; i < nodes; i++) {
    graph.nodes.push({
      id: `org-${i}-${rng.pick(text)}`,
      type: rng.pick(['Organization', 'Agreement']),
      kind: rng.pick(['UNIVERSITY', 'COMPANY', '']),
      label: rng.pick(text),
      name: rng.next() < 0.3 ? null : rng.pick(text),
      location: rng.next() < 0.3 ? null : `prov-${rng.int(63)}`,
      distance: rng.next() < 0.3 ? null : rng.int(4),
    });
  }
  for (let i = 0; i < nodes * 4; i++) {
    graph.edges.push({
      source: graph.nodes[rng.int(nodes)].id,
      target: graph.nodes[rng.int(nodes)].id,
      type: rng.next() < 0.9 ? 'COOPERATES_WITH' : 'PARTY_TO',
      weight: rng.next() < 0.5 ? rng.between(1, 9) : rng.next() * 10,
      evidence: Array.from({ length: rng.int(4) }, () => `agr-${rng.int(1000)}`),
    });
  }
  return graph;
}

/** GraphML as xmlbuilder2 writes it from a whole document tree: the reference for the piecewise writer. */
function graphMLByDocumentTree(graph: NetworkGraph): string {
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' }).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
  });
  root.ele('key', { id: 'g_truncated', for: 'graph', 'attr.name': 'truncated', 'attr.type': 'boolean' });
  const nodeKeys = [['type', 'string'], ['kind', 'string'], ['label', 'string'], ['name', 'string'], ['location', 'string'], ['distance', 'int']] as const;
  const edgeKeys = [['type', 'string'], ['weight', 'double'], ['evidence', 'string']] as const;
  for (const [name, type] of nodeKeys) root.ele('key', { id: `n_${name}`, for: 'node', 'attr.name': name, 'attr.type': type });
  for (const [name, type] of edgeKeys) root.ele('key', { id: `e_${name}`, for: 'edge', 'attr.name': name, 'attr.type': type });
  const g = root.ele('graph', { id: 'G', edgedefault: isDirected(graph) ? 'directed' : 'undirected' });
  g.ele('data', { key: 'g_truncated' }).txt(String(graph.truncated));
  for (const n of graph.nodes) {
    const node = g.ele('node', { id: n.id });
    for (const [name] of nodeKeys) if (n[name] !== null && n[name] !== undefined) node.ele('data', { key: `n_${name}` }).txt(String(n[name]));
  }
  graph.edges.forEach((e, i) => {
    const edge = g.ele('edge', { id: `e${i}`, source: e.source, target: e.target });
    edge.ele('data', { key: 'e_type' }).txt(e.type);
    edge.ele('data', { key: 'e_weight' }).txt(String(e.weight));
    edge.ele('data', { key: 'e_evidence' }).txt(e.evidence.join(';'));
  });
  return root.end({ prettyPrint: true }) + '\n';
}

describe('files written a node or an edge at a time', () => {
  // Large enough for every kind of text, node and edge; the reference writer is slow on bigger ones.
  const big = bigNetwork(300);

  test('GraphML is byte-identical to xmlbuilder2 pretty-printing the whole document', () => {
    for (const g of [graph, directedMultigraph(), big, { nodes: [], edges: [], truncated: true }]) expect(toGraphML(g)).toBe(graphMLByDocumentTree(g));
  });

  test('node-link JSON is byte-identical to JSON.stringify of the whole object', () => {
    const whole = (g: NetworkGraph, multigraph = isMultigraph(g)) =>
      JSON.stringify({
        directed: isDirected(g),
        multigraph,
        graph: { truncated: g.truncated },
        nodes: g.nodes.map((n) => ({ id: n.id, type: n.type, kind: n.kind, label: n.label, name: n.name, location: n.location, distance: n.distance })),
        edges: g.edges.map((e, i) => ({ source: e.source, target: e.target, ...(multigraph ? { key: i } : {}), type: e.type, weight: e.weight, evidence: e.evidence })),
      });
    for (const g of [graph, directedMultigraph(), big]) expect(toNodeLinkJson(g)).toBe(whole(g));
  });

  test('CSV is byte-identical to csv-stringify writing every row in one call', () => {
    const nodeColumns = ['id', 'type', 'kind', 'label', 'name', 'location', 'distance'] as const;
    const nodes = stringify(big.nodes.map((n) => nodeColumns.map((c) => n[c] ?? '')), { header: true, columns: [...nodeColumns] });
    const edges = stringify(big.edges.map((e) => [e.source, e.target, e.type, e.weight, e.evidence.join(';')]), {
      header: true,
      columns: ['source', 'target', 'type', 'weight', 'evidence'],
    });
    expect(toNodesCsv(big)).toBe(nodes);
    expect(toEdgesCsv(big)).toBe(edges);
  });

  test('an ampersand that looks like an entity reference is escaped too, so the GraphML stays well-formed', () => {
    const g = exportFixture();
    g.nodes[0].label = 'R&D; &amp; &#38;';
    const xml = toGraphML(g);
    expect(xml).toContain('R&amp;D; &amp;amp; &amp;#38;');
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});

describe('renderExport', () => {
  const big = bigNetwork(2000);
  const scope = (over: Partial<RequestScope> = {}): RequestScope => ({
    id: 'r1',
    deadline: Date.now() + 60_000,
    timeoutMs: 60_000,
    signal: new AbortController().signal,
    statements: 0,
    databaseMs: 0,
    ...over,
  });

  test.each(Object.values(ExportFormat))('%s gives the same file as exportNetwork', async (format) => {
    expect(await renderExport(big, format, 'net', { sliceMs: 0 })).toEqual(exportNetwork(big, format, 'net'));
  });

  test('lets other work run while it renders a 2,000-node network', async () => {
    let rendering = true;
    let ranDuring = 0;
    const tick = () => {
      if (!rendering) return;
      ranDuring++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await renderExport(big, ExportFormat.GRAPHML, 'net', { sliceMs: 0 });
    rendering = false;
    expect(ranDuring).toBeGreaterThan(10);
  });

  test('stops with DEADLINE_EXCEEDED when the request deadline has passed', async () => {
    const late = scope({ deadline: Date.now() - 1, timeoutMs: 250 });
    const outcome = runInScope(late, () => renderExport(big, ExportFormat.JSON));
    await expect(outcome).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED', timeoutMs: 250 } });
  });

  test('stops between slices once the request is abandoned', async () => {
    const abandon = new AbortController();
    let aborts = 0;
    const outcome = runInScope(scope({ signal: abandon.signal }), () => renderExport(big, ExportFormat.GRAPHML, 'net', { sliceMs: 0 }));
    setImmediate(() => {
      aborts++;
      abandon.abort();
    });
    await expect(outcome).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED' } });
    expect(aborts).toBe(1);
  });
});
