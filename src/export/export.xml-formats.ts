import { flat } from './export.flat';
import type { Attr, ExportTable } from './export.table';
import { xmlAttributes, xmlElement, xmlTextElement } from './export.xml';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** `<data>` children of a node or an edge: one per attribute with a value (absent values have none). */
function graphMLData(prefix: string, attrs: readonly Attr[], values: Record<string, unknown>): string[] {
  const data: string[] = [];
  for (const a of attrs) {
    const value = flat(values[a.name] as never);
    if (value !== null) data.push(xmlTextElement('data', { key: `${prefix}_${a.name}` }, value, 3));
  }
  return data;
}

/**
 * GraphML that Gephi and networkx open: a typed <key> for every node and edge attribute and for the graph's
 * `truncated` flag and `mode`, one <node> per node and one <edge> per edge. An absent value has no <data>.
 * Text is XML-escaped and characters XML cannot hold become U+FFFD. Written a node or edge at a time, laid out
 * as xmlbuilder2 pretty-prints it (two spaces per level).
 */
export function* graphMLParts(table: ExportTable): Generator<string> {
  const keys = [
    { id: 'g_truncated', for: 'graph', 'attr.name': 'truncated', 'attr.type': 'boolean' },
    { id: 'g_mode', for: 'graph', 'attr.name': 'mode', 'attr.type': 'string' },
    ...table.nodeAttrs.map((k) => ({ id: `n_${k.name}`, for: 'node', 'attr.name': k.name, 'attr.type': k.type })),
    ...table.edgeAttrs.map((k) => ({ id: `e_${k.name}`, for: 'edge', 'attr.name': k.name, 'attr.type': k.type })),
  ];
  yield XML_DECLARATION +
    '<graphml' +
    xmlAttributes({
      xmlns: 'http://graphml.graphdrawing.org/xmlns',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
    }) +
    '>' +
    keys.map((k) => `\n  <key${xmlAttributes(k)}/>`).join('') +
    `\n  <graph${xmlAttributes({ id: 'G', edgedefault: table.directed ? 'directed' : 'undirected' })}>` +
    xmlTextElement('data', { key: 'g_truncated' }, String(table.truncated), 2) +
    xmlTextElement('data', { key: 'g_mode' }, table.mode, 2);
  for (const n of table.nodes) yield xmlElement('node', { id: n.id }, graphMLData('n', table.nodeAttrs, n.values), 2);
  for (let i = 0; i < table.edges.length; i++) {
    const e = table.edges[i];
    yield xmlElement('edge', { id: `e${i}`, source: e.source, target: e.target }, graphMLData('e', table.edgeAttrs, e.values), 2);
  }
  yield '\n  </graph>\n</graphml>\n';
}

const GEXF_TYPE: Record<Attr['type'], string> = { string: 'string', int: 'integer', double: 'double', boolean: 'boolean' };

/** `<attvalues>` of a node or an edge, one per attribute with a value; `skip` names attributes written elsewhere. */
function gexfValues(attrs: readonly Attr[], values: Record<string, unknown>, skip: string): string[] {
  const items: string[] = [];
  for (const a of attrs) {
    if (a.name === skip) continue;
    const value = flat(values[a.name] as never);
    if (value !== null) items.push(`\n${'  '.repeat(5)}<attvalue${xmlAttributes({ for: a.name, value })}/>`);
  }
  return items.length ? [xmlElement('attvalues', {}, items, 4)] : [];
}

function gexfDeclarations(cls: 'node' | 'edge', attrs: readonly Attr[], skip: string): string {
  const items = attrs.filter((a) => a.name !== skip).map((a) => `\n      <attribute${xmlAttributes({ id: a.name, title: a.name, type: GEXF_TYPE[a.type] })}/>`);
  return xmlElement('attributes', { class: cls }, items, 2);
}

/**
 * GEXF 1.2 for Gephi (and networkx `read_gexf`): declared node and edge attributes, node labels, the edge
 * weight as GEXF's own `weight`. GEXF has no graph attributes, so the mode and whether a cap cut the network
 * are in <meta>: keywords `mode=ONE_MODE|TWO_MODE` and `truncated=true|false`, repeated in the description.
 */
export function* gexfParts(table: ExportTable): Generator<string> {
  const keywords = `mode=${table.mode}, truncated=${table.truncated}`;
  const description = `${table.mode === 'TWO_MODE' ? 'Actor-instrument' : 'Cooperation'} network; ${table.truncated ? 'cut at its cap: the strongest part only' : 'complete'} (${keywords})`;
  yield XML_DECLARATION +
    `<gexf${xmlAttributes({ xmlns: 'http://www.gexf.net/1.2draft', version: '1.2' })}>` +
    xmlElement('meta', {}, [xmlTextElement('creator', {}, 'coop-hub', 2), xmlTextElement('keywords', {}, keywords, 2), xmlTextElement('description', {}, description, 2)], 1) +
    `\n  <graph${xmlAttributes({ mode: 'static', defaultedgetype: table.directed ? 'directed' : 'undirected' })}>` +
    gexfDeclarations('node', table.nodeAttrs, '') +
    gexfDeclarations('edge', table.edgeAttrs, 'weight') +
    '\n    <nodes>';
  for (const n of table.nodes) {
    const label = typeof n.values.label === 'string' ? n.values.label : n.id;
    yield xmlElement('node', { id: n.id, label }, gexfValues(table.nodeAttrs, n.values, ''), 3);
  }
  yield '\n    </nodes>\n    <edges>';
  for (let i = 0; i < table.edges.length; i++) {
    const e = table.edges[i];
    const weight: Record<string, string> = typeof e.values.weight === 'number' ? { weight: String(e.values.weight) } : {};
    yield xmlElement('edge', { id: String(i), source: e.source, target: e.target, ...weight }, gexfValues(table.edgeAttrs, e.values, 'weight'), 3);
  }
  yield '\n    </edges>\n  </graph>\n</gexf>\n';
}
