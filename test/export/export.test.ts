import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseCsv } from 'csv-parse/sync';
import express from 'express';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { exportFixture } from '../../src/export/export.fixture';
import { hasParallelEdges } from '../../src/export/export.flat';
import { ExportFormat, exportNetwork, safeBaseName, toEdgesCsv, toGexf, toGraphML, toNodeLinkJson, toNodesCsv } from '../../src/export/export.format';
import { exportRouter, networkQuery, type ExportExecutor, type GraphQLOutcome } from '../../src/app/http/export.router';
import { renderExport } from '../../src/export/export.render';
import { ExportMode, isDirected, oneModeTable, strongestPart, type ExportEdge, type ExportTable } from '../../src/export/export.table';
import type { NetworkGraph } from '../../src/network/network.type';
import type { RequestScope } from '../../src/core/request-scope';
import { Prng } from '../../src/tools/synth/prng';
import { stringify } from 'csv-stringify/sync';
import { create } from 'xmlbuilder2';

const graph = exportFixture();
const tricky = graph.nodes[2];
const multigraphOf = (g: NetworkGraph) => hasParallelEdges(oneModeTable(g));

/** The fixture plus a PARTY_TO edge (directed) and a second edge between the same two organisations. */
function directedMultigraph(): NetworkGraph {
  const g = exportFixture();
  g.nodes.push({ id: 'act-iwna-8', type: 'Activity', kind: 'CONFERENCE', label: 'IWNA 2021', name: null, location: 'prov-binh-thuan', distance: 1 });
  g.edges.push({ source: 'org-dost-binh-thuan', target: 'act-iwna-8', type: 'PARTICIPATED_IN', weight: 1, evidence: ['act-iwna-8'] });
  g.edges.push({ source: 'org-dost-binh-thuan', target: 'act-iwna-8', type: 'PARTICIPATED_IN', weight: 1, evidence: ['act-iwna-8'] });
  return g;
}

/** What every one-mode format writes of the fixture's first edge (typed ties) and second (untyped). */
const TYPED_EDGE = {
  source: 'org-dost-binh-thuan',
  target: 'org-vnu-hcm-inst-nano',
  type: 'COOPERATES_WITH',
  weight: 1.25,
  count: 2,
  tieKind: 'COUNTERPARTIES',
  countsByKind: { COUNTERPARTIES: 1, ORGANISER_PARTICIPANT: 1 },
  firstDate: '2021',
  lastDate: '2024-03',
  evidence: ['act-iwna-8', 'agr-binh-thuan-vnu-hcm'],
};
const UNTYPED_EDGE = {
  source: 'org-vnu-hcm-inst-nano',
  target: 'org-fixture-quotes',
  type: 'COOPERATES_WITH',
  weight: 1.5,
  count: 1,
  tieKind: null,
  countsByKind: null,
  firstDate: null,
  lastDate: null,
  evidence: ['act-fixture'],
};

describe('node-link JSON', () => {
  test('round-trips every node field and every tie field, with networkx graph flags, the mode and the cut flag', () => {
    const parsed = JSON.parse(toNodeLinkJson(graph));
    expect(parsed).toEqual({ directed: false, multigraph: false, graph: { truncated: false, mode: 'ONE_MODE' }, nodes: graph.nodes, edges: [TYPED_EDGE, UNTYPED_EDGE] });
  });

  test('a graph with relationship edges is directed, and parallel edges get distinct keys', () => {
    const g = directedMultigraph();
    expect(isDirected(g)).toBe(true);
    expect(multigraphOf(g)).toBe(true);
    const parsed = JSON.parse(toNodeLinkJson(g));
    expect(parsed.directed).toBe(true);
    expect(parsed.multigraph).toBe(true);
    expect(parsed.edges.map((e: { key: number }) => e.key)).toEqual([0, 1, 2, 3]);
  });

  test('undirected edges given in both orders count as parallel', () => {
    const g = exportFixture();
    g.edges.push({ ...g.edges[0], source: g.edges[0].target, target: g.edges[0].source });
    expect(isDirected(g)).toBe(false);
    expect(multigraphOf(g)).toBe(true);
    expect(multigraphOf(exportFixture())).toBe(false);
  });
});

describe('CSV', () => {
  test('the node list parses back with Vietnamese text, commas, quotes and newlines intact', () => {
    const rows = parseCsv(toNodesCsv(graph), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0])).toEqual(['id', 'type', 'kind', 'label', 'name', 'location', 'distance', 'truncated']);
    expect(rows[0]).toEqual({
      id: 'org-dost-binh-thuan',
      type: 'Organization',
      kind: 'GOVERNMENT',
      label: 'Binh Thuan Department of Science and Technology',
      name: 'Sở Khoa học và Công nghệ tỉnh Bình Thuận',
      location: 'prov-binh-thuan',
      distance: '0',
      truncated: 'false',
    });
    expect(rows[2].label).toBe('Công ty "Sao Việt", chi nhánh <Hà Nội> & Co.');
    expect(rows[2].name).toBe(tricky.name);
    expect(rows[2].location).toBe('');
    expect(rows[2].distance).toBe('');
  });

  test('the edge list parses back with weights, counts by tie kind, dates as written and the evidence ids', () => {
    const rows = parseCsv(toEdgesCsv(graph), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        source: 'org-dost-binh-thuan',
        target: 'org-vnu-hcm-inst-nano',
        type: 'COOPERATES_WITH',
        weight: '1.25',
        count: '2',
        tieKind: 'COUNTERPARTIES',
        countsByKind: 'COUNTERPARTIES:1;ORGANISER_PARTICIPANT:1',
        firstDate: '2021',
        lastDate: '2024-03',
        evidence: 'act-iwna-8;agr-binh-thuan-vnu-hcm',
        truncated: 'false',
      },
      {
        source: 'org-vnu-hcm-inst-nano',
        target: 'org-fixture-quotes',
        type: 'COOPERATES_WITH',
        weight: '1.5',
        count: '1',
        tieKind: '',
        countsByKind: '',
        firstDate: '',
        lastDate: '',
        evidence: 'act-fixture',
        truncated: 'false',
      },
    ]);
  });

  test('an empty network is a header row only', () => {
    const empty: NetworkGraph = { nodes: [], edges: [], truncated: true };
    expect(toNodesCsv(empty)).toBe('id,type,kind,label,name,location,distance,truncated\n');
    expect(toEdgesCsv(empty)).toBe('source,target,type,weight,count,tieKind,countsByKind,firstDate,lastDate,evidence,truncated\n');
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

  test('declares a typed key for every attribute, with weight as double and count as int', () => {
    const keys = parser.parse(toGraphML(graph)).graphml.key as Array<Record<string, string>>;
    const declared = keys.map((k) => `${k.for}:${k['attr.name']}:${k['attr.type']}`);
    expect(declared).toEqual([
      'graph:truncated:boolean',
      'graph:mode:string',
      'node:type:string',
      'node:kind:string',
      'node:label:string',
      'node:name:string',
      'node:location:string',
      'node:distance:int',
      'edge:type:string',
      'edge:weight:double',
      'edge:count:int',
      'edge:tieKind:string',
      'edge:countsByKind:string',
      'edge:firstDate:string',
      'edge:lastDate:string',
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

  test('edges carry the ties, an untyped edge only what it has; a graph with relationship edges is directed', () => {
    const doc = parser.parse(toGraphML(directedMultigraph()));
    expect(doc.graphml.graph.edgedefault).toBe('directed');
    expect(dataOf(doc.graphml.graph.edge[0])).toEqual({
      e_type: 'COOPERATES_WITH',
      e_weight: '1.25',
      e_count: '2',
      e_tieKind: 'COUNTERPARTIES',
      e_countsByKind: 'COUNTERPARTIES:1;ORGANISER_PARTICIPANT:1',
      e_firstDate: '2021',
      e_lastDate: '2024-03',
      e_evidence: 'act-iwna-8;agr-binh-thuan-vnu-hcm',
    });
    expect(dataOf(doc.graphml.graph.edge[1])).toEqual({ e_type: 'COOPERATES_WITH', e_weight: '1.5', e_count: '1', e_evidence: 'act-fixture' });
    expect(dataOf(doc.graphml.graph)).toEqual({ g_truncated: 'false', g_mode: 'ONE_MODE' });
  });

  test('characters XML cannot hold are replaced instead of breaking the document', () => {
    const g = exportFixture();
    g.nodes[0].label = 'bad\u0001char\u0000';
    const xml = toGraphML(g);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('bad\uFFFDchar\uFFFD');
  });
});

describe('GEXF', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (name) => ['attributes', 'attribute', 'node', 'edge', 'attvalue'].includes(name) });
  type Element = { id: string; label?: string; source?: string; target?: string; weight?: string; attvalues?: { attvalue: Array<{ for: string; value: string }> } };
  const valuesOf = (el: Element) => Object.fromEntries((el.attvalues?.attvalue ?? []).map((v) => [v.for, v.value]));

  test('is well-formed GEXF 1.2 with declared attributes, labels, edge weights and the ties', () => {
    const xml = toGexf(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml).gexf;
    expect(doc).toMatchObject({ xmlns: 'http://www.gexf.net/1.2draft', version: '1.2' });
    expect(doc.graph.defaultedgetype).toBe('undirected');
    const declared = doc.graph.attributes.map((a: { class: string; attribute: Array<{ title: string; type: string }> }) => [a.class, a.attribute.map((x) => `${x.title}:${x.type}`)]);
    expect(declared).toEqual([
      ['node', ['type:string', 'kind:string', 'label:string', 'name:string', 'location:string', 'distance:integer']],
      ['edge', ['type:string', 'count:integer', 'tieKind:string', 'countsByKind:string', 'firstDate:string', 'lastDate:string', 'evidence:string']],
    ]);
    const nodes = doc.graph.nodes.node as Element[];
    expect(nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
    expect(nodes[2].label).toBe(tricky.label);
    expect(valuesOf(nodes[2]).name).toBe(tricky.name);
    const edges = doc.graph.edges.edge as Element[];
    expect(edges[0]).toMatchObject({ id: '0', source: 'org-dost-binh-thuan', target: 'org-vnu-hcm-inst-nano', weight: '1.25' });
    expect(valuesOf(edges[0])).toMatchObject({ count: '2', countsByKind: 'COUNTERPARTIES:1;ORGANISER_PARTICIPANT:1', firstDate: '2021', lastDate: '2024-03' });
    expect(doc.meta.keywords).toBe('mode=ONE_MODE, truncated=false');
  });
});

/** A network of `n` organisations in a row, edge i joining i and i+1 with the given weights. */
function chain(weights: number[], counts: number[] = weights.map(() => 1)): NetworkGraph {
  const id = (i: number) => `org-${String(i).padStart(2, '0')}`;
  return {
    truncated: false,
    nodes: Array.from({ length: weights.length + 1 }, (_, i) => ({ id: id(i), type: 'Organization', kind: 'COMPANY', label: id(i), name: null, location: null, distance: i === 0 ? 0 : null })),
    edges: weights.map((weight, i): ExportEdge => ({ source: id(i), target: id(i + 1), type: 'COOPERATES_WITH', weight, evidence: [`agr-${i}`], count: counts[i] })),
  };
}

describe('a network cut at its cap', () => {
  const full = chain([0.5, 3, 1, 3, 0.25, 2], [1, 2, 1, 1, 1, 1]);
  const cut = strongestPart(full, 3);

  test('keeps the heaviest edges (by weight, then number of instruments, then ids) and the organisations at their ends', () => {
    expect(cut.edges.map((e) => [e.source, e.target])).toEqual([
      ['org-01', 'org-02'],
      ['org-03', 'org-04'],
      ['org-05', 'org-06'],
    ]);
    // The centre (distance 0) stays although its only edge is light.
    expect(cut.nodes.map((n) => n.id)).toEqual(['org-00', 'org-01', 'org-02', 'org-03', 'org-04', 'org-05', 'org-06']);
    expect(cut.truncated).toBe(true);
    // Between equal weights the one with more instruments comes first.
    expect(strongestPart(full, 1).edges.map((e) => e.source)).toEqual(['org-01']);
  });

  test('a network within its cap is left as it is', () => {
    expect(strongestPart(full, 6)).toBe(full);
  });

  test('every format says it was cut', () => {
    expect(JSON.parse(toNodeLinkJson(cut)).graph).toEqual({ truncated: true, mode: 'ONE_MODE' });
    for (const csv of [toNodesCsv(cut), toEdgesCsv(cut)]) {
      const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.truncated === 'true')).toBe(true);
    }
    expect(toGraphML(cut)).toContain('<data key="g_truncated">true</data>');
    expect(toGexf(cut)).toContain('<keywords>mode=ONE_MODE, truncated=true</keywords>');
  });
});

/** A small two-mode table: two organisations, one agreement, one activity. */
function twoMode(): ExportTable {
  const actor = (id: string) => ({ id, values: { bipartite: 0, type: 'Organization', kind: 'GOVERNMENT', label: id, name: null, location: 'prov-x', status: null, startDate: null, endDate: null, distance: null } });
  const instrument = (id: string, type: string, startDate: string) => ({
    id,
    values: { bipartite: 1, type, kind: 'MEMORANDUM', label: id, name: id, location: null, status: 'SIGNED', startDate, endDate: null, distance: null },
  });
  return {
    mode: ExportMode.TWO_MODE,
    directed: false,
    truncated: false,
    nodeAttrs: [
      { name: 'bipartite', type: 'int' },
      { name: 'type', type: 'string' },
      { name: 'startDate', type: 'string' },
    ],
    edgeAttrs: [
      { name: 'type', type: 'string' },
      { name: 'role', type: 'string' },
    ],
    nodes: [actor('org-a'), actor('org-b'), instrument('agr-1', 'Agreement', '2019'), instrument('act-1', 'Activity', '2023-06-09')],
    edges: [
      { source: 'org-a', target: 'agr-1', values: { type: 'PARTY_TO', role: ['COORDINATOR', 'SIGNATORY'] } },
      { source: 'org-b', target: 'agr-1', values: { type: 'PARTY_TO', role: ['SIGNATORY'] } },
      { source: 'org-b', target: 'act-1', values: { type: 'PARTICIPATED_IN', role: ['PARTICIPANT'] } },
    ],
  };
}

describe('a two-mode table', () => {
  test('is written in every format with its bipartite attribute, roles and mode', () => {
    const t = twoMode();
    const json = JSON.parse(toNodeLinkJson(t));
    expect(json.graph).toEqual({ truncated: false, mode: 'TWO_MODE' });
    expect(json.nodes[2]).toEqual({ id: 'agr-1', bipartite: 1, type: 'Agreement', kind: 'MEMORANDUM', label: 'agr-1', name: 'agr-1', location: null, status: 'SIGNED', startDate: '2019', endDate: null, distance: null });
    expect(json.edges[0]).toEqual({ source: 'org-a', target: 'agr-1', type: 'PARTY_TO', role: ['COORDINATOR', 'SIGNATORY'] });
    expect(parseCsv(toEdgesCsv(t), { columns: true })).toContainEqual({ source: 'org-a', target: 'agr-1', type: 'PARTY_TO', role: 'COORDINATOR;SIGNATORY', truncated: 'false' });
    expect(parseCsv(toNodesCsv(t), { columns: true })).toContainEqual({ id: 'act-1', bipartite: '1', type: 'Activity', startDate: '2023-06-09', truncated: 'false' });
    expect(toGraphML(t)).toContain('<key id="n_bipartite" for="node" attr.name="bipartite" attr.type="int"/>');
    expect(toGraphML(t)).toContain('<data key="g_mode">TWO_MODE</data>');
    expect(XMLValidator.validate(toGexf(t))).toBe(true);
    expect(toGexf(t)).toContain('<attvalue for="role" value="COORDINATOR;SIGNATORY"/>');
  });
});

describe('exportNetwork', () => {
  test.each([
    [ExportFormat.JSON, 'application/json; charset=utf-8', 'egoNetwork.json'],
    [ExportFormat.CSV_NODES, 'text/csv; charset=utf-8', 'egoNetwork-nodes.csv'],
    [ExportFormat.CSV_EDGES, 'text/csv; charset=utf-8', 'egoNetwork-edges.csv'],
    [ExportFormat.GRAPHML, 'application/graphml+xml; charset=utf-8', 'egoNetwork.graphml'],
    [ExportFormat.GEXF, 'application/gexf+xml; charset=utf-8', 'egoNetwork.gexf'],
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

const ONE_MODE_JSON = { format: ExportFormat.JSON, mode: ExportMode.ONE_MODE };
const EXPORT_SELECTION = 'format mode truncated contentType filename content';

describe('networkQuery', () => {
  test('replaces the selection of the single top-level field with its export in the chosen format and mode', () => {
    const { query, key, path } = networkQuery('query Q($id: ID!) { net: egoNetwork(center: $id) { nodes { id } } }', { format: ExportFormat.GEXF, mode: ExportMode.TWO_MODE, maxEdges: 40 });
    expect(key).toBe('net');
    expect(path).toEqual(['net', 'export']);
    expect(query.replace(/\s+/g, ' ')).toBe(`query Q($id: ID!) { net: egoNetwork(center: $id) { export(format: GEXF, mode: TWO_MODE, maxEdges: 40) { ${EXPORT_SELECTION} } } }`);
  });

  test('accepts a bare field without a selection', () => {
    expect(networkQuery('{ subgraph(ids: ["a"]) }', ONE_MODE_JSON).key).toBe('subgraph');
  });

  test('exports the routes of paths through their graph', () => {
    const { query, path } = networkQuery('{ route: paths(from: "a", to: "b") { found } }', ONE_MODE_JSON);
    expect(path).toEqual(['route', 'graph', 'export']);
    expect(query.replace(/\s+/g, ' ')).toBe(`{ route: paths(from: "a", to: "b") { graph { export(format: JSON, mode: ONE_MODE) { ${EXPORT_SELECTION} } } } }`);
  });

  test.each([
    ['{ a { x } b { x } }', 'exactly one top-level field'],
    ['{ ... on Query { a } }', 'exactly one top-level field'],
    ['mutation { a }', 'must be a query operation (got mutation)'],
    ['query A { a } query B { b }', 'exactly one operation'],
    ['{ a { ...F } } fragment F on X { y }', 'no fragment definitions'],
    ['{ a(', 'query is not valid GraphQL'],
  ])('refuses %s', (query, message) => {
    expect(() => networkQuery(query, ONE_MODE_JSON)).toThrow(message);
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
    const file = exportNetwork(exportFixture(), ExportFormat.GRAPHML, 'net');
    outcome = { data: { net: { export: { ...file, mode: 'ONE_MODE', truncated: false } } } };
  });

  const get = (params: Record<string, string>) => fetch(`${base}?${new URLSearchParams(params)}`);

  test('answers GraphML as an attachment named after the field, with the variables passed on', async () => {
    const res = await get({ query: 'query($id: ID!) { net: egoNetwork(center: $id) }', variables: '{"id":"org-x"}', format: 'graphml' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="net.graphml"');
    expect(res.headers.get('x-network-truncated')).toBe('false');
    expect(XMLValidator.validate(await res.text())).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0].variables).toEqual({ id: 'org-x' });
    expect(calls[0].query.replace(/\s+/g, ' ')).toContain(`export(format: GRAPHML, mode: ONE_MODE) { ${EXPORT_SELECTION} }`);
  });

  test('passes the mode and the edge cap on, and answers the CSV node list as UTF-8 that parses back', async () => {
    const file = exportNetwork(exportFixture(), ExportFormat.CSV_NODES, 'net');
    outcome = { data: { net: { export: { ...file, mode: 'TWO_MODE', truncated: true } } } };
    const res = await get({ query: '{ net }', format: 'csv-nodes', mode: 'two-mode', maxEdges: '25' });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="net-nodes.csv"');
    expect(res.headers.get('x-network-truncated')).toBe('true');
    expect(calls[0].query.replace(/\s+/g, ' ')).toContain('export(format: CSV_NODES, mode: TWO_MODE, maxEdges: 25)');
    const rows = parseCsv(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.name)).toEqual(graph.nodes.map((n) => n.name));
  });

  test.each([
    [{ query: '{ net }' }, "the 'format' parameter is required"],
    [{ format: 'json' }, "the 'query' parameter is required"],
    [{ query: '{ net }', format: 'pajek' }, "format must be one of json, csv-nodes, csv-edges, graphml, gexf (got 'pajek')"],
    [{ query: '{ net }', format: 'json', mode: 'three-mode' }, "mode must be one of one-mode, two-mode (got 'three-mode')"],
    [{ query: '{ net }', format: 'json', maxEdges: '0' }, "maxEdges must be a positive integer (got '0')"],
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
    outcome = { errors: [{ message: 'Cannot query field "export" on type "Organization".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
    const res = await get({ query: '{ organization(id: "org-csiro") }', format: 'json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'BAD_USER_INPUT', message: "the top-level field 'organization' does not return a NetworkGraph" },
    });
  });

  test('an answer that is not a network is refused', async () => {
    outcome = { data: { net: [{ export: null }] } };
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
    const typed = rng.next() < 0.7;
    const edge: ExportEdge = {
      source: graph.nodes[rng.int(nodes)].id,
      target: graph.nodes[rng.int(nodes)].id,
      type: rng.next() < 0.9 ? 'COOPERATES_WITH' : 'PARTY_TO',
      weight: rng.next() < 0.5 ? rng.between(1, 9) : rng.next() * 10,
      evidence: Array.from({ length: rng.int(4) }, () => `agr-${rng.int(1000)}`),
      ...(typed
        ? {
            count: rng.between(1, 5),
            countsByKind: [{ kind: rng.pick(['CO_PARTIES', 'CO_ORGANISERS']), count: rng.between(1, 3) }],
            firstDate: rng.next() < 0.3 ? null : rng.pick(['2018', '2019-05', '2023-06-09']),
            lastDate: rng.pick(['2020', '2024-10-24', text[3]]),
          }
        : {}),
    };
    graph.edges.push(edge);
  }
  return graph;
}

/** A value as the flat formats write it, computed independently of the writers. */
function flatReference(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'object') return Object.entries(v as Record<string, number>).map(([k, n]) => `${k}:${n}`).join(';');
  return String(v);
}

/** GraphML as xmlbuilder2 writes it from a whole document tree: the reference for the piecewise writer. */
function graphMLByDocumentTree(t: ExportTable): string {
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' }).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
  });
  root.ele('key', { id: 'g_truncated', for: 'graph', 'attr.name': 'truncated', 'attr.type': 'boolean' });
  root.ele('key', { id: 'g_mode', for: 'graph', 'attr.name': 'mode', 'attr.type': 'string' });
  for (const a of t.nodeAttrs) root.ele('key', { id: `n_${a.name}`, for: 'node', 'attr.name': a.name, 'attr.type': a.type });
  for (const a of t.edgeAttrs) root.ele('key', { id: `e_${a.name}`, for: 'edge', 'attr.name': a.name, 'attr.type': a.type });
  const g = root.ele('graph', { id: 'G', edgedefault: t.directed ? 'directed' : 'undirected' });
  g.ele('data', { key: 'g_truncated' }).txt(String(t.truncated));
  g.ele('data', { key: 'g_mode' }).txt(t.mode);
  for (const n of t.nodes) {
    const node = g.ele('node', { id: n.id });
    for (const a of t.nodeAttrs) {
      const v = flatReference(n.values[a.name]);
      if (v !== null) node.ele('data', { key: `n_${a.name}` }).txt(v);
    }
  }
  t.edges.forEach((e, i) => {
    const edge = g.ele('edge', { id: `e${i}`, source: e.source, target: e.target });
    for (const a of t.edgeAttrs) {
      const v = flatReference(e.values[a.name]);
      if (v !== null) edge.ele('data', { key: `e_${a.name}` }).txt(v);
    }
  });
  return root.end({ prettyPrint: true }) + '\n';
}

describe('files written a node or an edge at a time', () => {
  // Large enough for every kind of text, node and edge; the reference writer is slow on bigger ones.
  const big = bigNetwork(300);
  const empty: NetworkGraph = { nodes: [], edges: [], truncated: true };

  test('GraphML is byte-identical to xmlbuilder2 pretty-printing the whole document', () => {
    for (const g of [graph, directedMultigraph(), big, empty]) expect(toGraphML(g)).toBe(graphMLByDocumentTree(oneModeTable(g)));
    expect(toGraphML(twoMode())).toBe(graphMLByDocumentTree(twoMode()));
  });

  test('node-link JSON is byte-identical to JSON.stringify of the whole object', () => {
    const whole = (t: ExportTable, multigraph = hasParallelEdges(t)) =>
      JSON.stringify({
        directed: t.directed,
        multigraph,
        graph: { truncated: t.truncated, mode: t.mode },
        nodes: t.nodes.map((n) => ({ id: n.id, ...n.values })),
        edges: t.edges.map((e, i) => ({ source: e.source, target: e.target, ...(multigraph ? { key: i } : {}), ...e.values })),
      });
    for (const g of [graph, directedMultigraph(), big]) expect(toNodeLinkJson(g)).toBe(whole(oneModeTable(g)));
    expect(toNodeLinkJson(twoMode())).toBe(whole(twoMode()));
  });

  test('CSV is byte-identical to csv-stringify writing every row in one call', () => {
    const t = oneModeTable(big);
    const nodeColumns = t.nodeAttrs.map((a) => a.name);
    const edgeColumns = t.edgeAttrs.map((a) => a.name);
    const nodes = stringify(
      t.nodes.map((n) => [n.id, ...nodeColumns.map((c) => flatReference(n.values[c]) ?? ''), String(t.truncated)]),
      { header: true, columns: ['id', ...nodeColumns, 'truncated'] },
    );
    const edges = stringify(
      t.edges.map((e) => [e.source, e.target, ...edgeColumns.map((c) => flatReference(e.values[c]) ?? ''), String(t.truncated)]),
      { header: true, columns: ['source', 'target', ...edgeColumns, 'truncated'] },
    );
    expect(toNodesCsv(big)).toBe(nodes);
    expect(toEdgesCsv(big)).toBe(edges);
  });

  test('GEXF of a large network with every kind of text is well-formed', () => {
    expect(XMLValidator.validate(toGexf(big))).toBe(true);
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
    const outcome = renderExport(big, ExportFormat.JSON, 'network', { scope: late });
    await expect(outcome).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED', timeoutMs: 250 } });
  });

  test('stops between slices once the request is abandoned', async () => {
    const abandon = new AbortController();
    let aborts = 0;
    const outcome = renderExport(big, ExportFormat.GRAPHML, 'net', { sliceMs: 0, scope: scope({ signal: abandon.signal }) });
    setImmediate(() => {
      aborts++;
      abandon.abort();
    });
    await expect(outcome).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED' } });
    expect(aborts).toBe(1);
  });
});
