import type { Database, Row } from '../db/database';
import { str, writtenDate } from '../db/values';
import type { NetworkGraph, NetworkNode } from '../network/network.type';
import { spanEndCypher, spanEndPrecisionCypher, spanStartCypher, spanStartPrecisionCypher } from '../rules/period';
import { ExportMode, type Attr, type ExportTable, type TableEdge, type TableNode } from './export.table';

/**
 * The two-mode (actor–instrument) form of a network answer: its organisations and the agreements and
 * activities behind its edges, joined by who took part in what and in which role. networkx reads it as a
 * bipartite graph: every node has `bipartite` 0 (organisation) or 1 (instrument), every edge joins the two.
 */

export const TWO_MODE_NODE_ATTRS: readonly Attr[] = [
  { name: 'bipartite', type: 'int' },
  { name: 'type', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'location', type: 'string' },
  { name: 'status', type: 'string' },
  { name: 'startDate', type: 'string' },
  { name: 'endDate', type: 'string' },
  { name: 'distance', type: 'int' },
];

export const TWO_MODE_EDGE_ATTRS: readonly Attr[] = [
  { name: 'type', type: 'string' },
  { name: 'role', type: 'string' },
  { name: 'via', type: 'string' },
];

const INSTRUMENT_TYPES = new Set(['Agreement', 'Activity']);

/**
 * Display data of agreements and activities: the first and last day of their span (src/rules/period.ts) as
 * precise as the text gives them, and the place signed or held.
 */
export const TWO_MODE_INSTRUMENTS = `UNWIND $instrumentIds AS iid
CALL (iid) {
  MATCH (x:Agreement {id: iid}) RETURN x
  UNION
  MATCH (x:Activity {id: iid}) RETURN x
}
RETURN x.id AS id, CASE WHEN x:Agreement THEN 'Agreement' ELSE 'Activity' END AS type, x.kind AS kind,
  x.title AS title, x.titleEn AS titleEn, x.status AS status,
  ${spanStartCypher('x')} AS start, ${spanStartPrecisionCypher('x')} AS startPrecision,
  ${spanEndCypher('x')} AS end, ${spanEndPrecisionCypher('x')} AS endPrecision,
  head([(x)-[:SIGNED_AT|HELD_IN]->(u:AdminUnit) | u.id]) AS place`;

/**
 * Every role an organisation of `$orgIds`, or one of its sub-units (`depth` levels below it), holds in an
 * instrument of `$instrumentIds`. Expanded from the organisations, so the cost follows their degrees, not the
 * size of the instruments (a national programme has thousands of parties).
 */
export const TWO_MODE_MEMBERSHIPS = `UNWIND $orgIds AS oid
MATCH p = (a:Organization {id: oid})<-[:PART_OF*0..4]-(o:Organization)
MATCH (o)-[r:PARTY_TO|PARTICIPATED_IN]->(x)
WHERE x.id IN $instrumentIds
RETURN a.id AS actor, o.id AS member, length(p) AS depth, r.role AS role, type(r) AS rel, x.id AS instrument`;

interface Membership {
  actor: string;
  member: string;
  depth: number;
  role: string | null;
  rel: string;
  instrument: string;
}

/** The organisation–instrument pairs the answer's edges stand on: each organisation end with each instrument. */
function pairsBehindEdges(graph: NetworkGraph, actors: Set<string>, instruments: Set<string>): Set<string> {
  const pairs = new Set<string>();
  for (const e of graph.edges) {
    const through = instruments.has(e.target) ? [...e.evidence, e.target] : instruments.has(e.source) ? [...e.evidence, e.source] : e.evidence;
    for (const end of [e.source, e.target]) if (actors.has(end)) for (const x of through) pairs.add(`${end}\u0000${x}`);
  }
  return pairs;
}

/**
 * Chooses the roles of each actor in each instrument: its own when it holds one; otherwise, for a pair an edge
 * of the answer stands on (an answer that rolled sub-units up into their parent), those of its nearest
 * sub-unit that is not itself in the answer, named in `via`.
 */
function actorRoles(rows: Membership[], actors: Set<string>, behind: Set<string>): Map<string, { rel: string; roles: Set<string>; via: string | null }> {
  const byPair = new Map<string, Membership[]>();
  for (const r of rows) {
    const key = `${r.actor}\u0000${r.instrument}`;
    const list = byPair.get(key);
    if (list) list.push(r);
    else byPair.set(key, [r]);
  }
  const chosen = new Map<string, { rel: string; roles: Set<string>; via: string | null }>();
  for (const [key, all] of byPair) {
    const own = all.filter((r) => r.depth === 0);
    let use = own;
    if (own.length === 0) {
      if (!behind.has(key)) continue;
      const below = all.filter((r) => !actors.has(r.member));
      const nearest = Math.min(...below.map((r) => r.depth));
      const via = below.filter((r) => r.depth === nearest).map((r) => r.member).sort()[0];
      use = below.filter((r) => r.member === via);
    }
    if (use.length === 0) continue;
    const roles = new Set(use.map((r) => r.role).filter((r): r is string => r !== null));
    chosen.set(key, { rel: use[0].rel, roles, via: own.length ? null : use[0].member });
  }
  return chosen;
}

function actorNode(n: NetworkNode): TableNode {
  return {
    id: n.id,
    values: { bipartite: 0, type: n.type, kind: n.kind, label: n.label, name: n.name, location: n.location, status: null, startDate: null, endDate: null, distance: n.distance },
  };
}

function instrumentNode(r: Row): TableNode {
  return {
    id: String(r.id),
    values: {
      bipartite: 1,
      type: String(r.type),
      kind: str(r.kind),
      label: String(r.titleEn ?? r.title ?? r.id),
      name: str(r.title),
      location: str(r.place),
      status: str(r.status),
      startDate: writtenDate(r.start, r.startPrecision),
      endDate: writtenDate(r.end, r.endPrecision),
      distance: null,
    },
  };
}

/**
 * The actor–instrument table of a network answer (two statements): the answer's organisations (`bipartite`
 * 0, in the answer's order), the agreements and activities behind its edges (`bipartite` 1, by id) and one
 * edge per organisation and instrument with its roles joined by ';'. The instruments are those of the edges'
 * evidence, so the tie selection, period and cap of the answer carry over.
 */
export async function twoModeTable(db: Database, graph: NetworkGraph): Promise<ExportTable> {
  const actorNodes = graph.nodes.filter((n) => n.type === 'Organization');
  const actors = new Set(actorNodes.map((n) => n.id));
  const instrumentIds = new Set([...graph.edges.flatMap((e) => e.evidence), ...graph.nodes.filter((n) => INSTRUMENT_TYPES.has(n.type)).map((n) => n.id)]);
  const ids = [...instrumentIds].sort();
  const table: ExportTable = { mode: ExportMode.TWO_MODE, directed: false, truncated: graph.truncated, nodeAttrs: TWO_MODE_NODE_ATTRS, edgeAttrs: TWO_MODE_EDGE_ATTRS, nodes: [], edges: [] };
  if (actors.size === 0 || ids.length === 0) {
    table.nodes = actorNodes.map(actorNode);
    return table;
  }
  const [instrumentRows, memberRows] = await Promise.all([
    db.read(TWO_MODE_INSTRUMENTS, { instrumentIds: ids }),
    db.read(TWO_MODE_MEMBERSHIPS, { orgIds: [...actors], instrumentIds: ids }),
  ]);
  const rows: Membership[] = memberRows.map((r) => ({
    actor: String(r.actor),
    member: String(r.member),
    depth: Number(r.depth),
    role: str(r.role),
    rel: String(r.rel),
    instrument: String(r.instrument),
  }));
  const found = new Set(instrumentRows.map((r) => String(r.id)));
  const roles = actorRoles(rows, actors, pairsBehindEdges(graph, actors, found));
  const byInstrument = [...instrumentRows].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  table.nodes = [...actorNodes.map(actorNode), ...byInstrument.map(instrumentNode)];
  const order = new Map(actorNodes.map((n, i) => [n.id, i]));
  const entries = [...roles].map(([key, r]) => {
    const [source, target] = key.split('\u0000');
    return { source, target, r };
  });
  entries.sort((a, b) => order.get(a.source)! - order.get(b.source)! || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  table.edges = entries
    .filter((e) => found.has(e.target))
    .map((e): TableEdge => ({ source: e.source, target: e.target, values: { type: e.r.rel, role: [...e.r.roles].sort(), via: e.r.via } }));
  return table;
}
