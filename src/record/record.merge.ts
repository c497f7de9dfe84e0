import type { ParsedSeed } from './record.parse';
import { REQUIRED_FIELDS, type EdgeRecord, type NodeRecord, type NodeType, type ProvenanceEntry } from './record.format';
import type { SeedProblem } from './record.problem';

const ARRAY_FIELDS = new Set(['aliases', 'acronyms', 'topics', 'regions', 'figures', 'actors']);

/** A node after all its records were merged, with the provenance of each field that makes a relationship. */
export interface MergedNode {
  type: NodeType;
  id: string;
  fields: Record<string, unknown>;
  provenance: ProvenanceEntry[];
  fieldProvenance: Record<string, ProvenanceEntry[]>;
  at: { file: string; line: number };
}

export interface MergedEdge {
  record: EdgeRecord;
  key: string;
  provenance: ProvenanceEntry[];
  at: { file: string; line: number };
}

export interface SeedSet {
  nodes: Map<string, MergedNode>;
  edges: MergedEdge[];
  problems: SeedProblem[];
  files: string[];
}

const provKey = (p: ProvenanceEntry) => `${p.source}\u0000${p.quote ?? ''}\u0000${p.note ?? ''}`;

function unionProvenance(into: ProvenanceEntry[], add: ProvenanceEntry[] | undefined): void {
  if (!add) return;
  // Most records bring one entry to an empty list: nothing to compare it with.
  if (into.length === 0 && add.length === 1) {
    into.push(add[0]);
    return;
  }
  const seen = new Set(into.map(provKey));
  for (const p of add) if (!seen.has(provKey(p))) (seen.add(provKey(p)), into.push(p));
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The identity of a relationship record (type, both ends, key): records with the same identity merge. */
export function edgeKey(e: EdgeRecord): string {
  switch (e.type) {
    case 'party':
      return `party|${e.organization}|${e.agreement}|${e.role}`;
    case 'participation':
      return `participation|${e.organization}|${e.activity}|${e.role}`;
    case 'position':
      return `position|${e.person}|${e.organization}|${e.title}`;
    case 'signature':
      return `signature|${e.person}|${e.agreement ?? e.document}`;
    case 'attendance':
      return `attendance|${e.person}|${e.activity}|${e.role}`;
    case 'orgRelation':
      return `orgRelation|${e.from}|${e.to}|${e.kind}`;
  }
}

/** Merges node records by id and edge records by their key, reporting conflicting values. */
export function mergeSeed(parsed: ParsedSeed): SeedSet {
  const problems: SeedProblem[] = [...parsed.problems];
  const nodes = new Map<string, MergedNode>();
  for (const { record, file, line } of parsed.nodes) {
    const { type, id, provenance, ...fields } = record as NodeRecord & { provenance?: ProvenanceEntry[] };
    let node = nodes.get(id);
    if (!node) {
      node = { type, id, fields: {}, provenance: [], fieldProvenance: {}, at: { file, line } };
      nodes.set(id, node);
    } else if (node.type !== type) {
      problems.push({ file, line, field: 'id', message: `id '${id}' is already a ${node.type} (${node.at.file}:${node.at.line})` });
      continue;
    }
    unionProvenance(node.provenance, provenance);
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const current = node.fields[field];
      if (ARRAY_FIELDS.has(field)) {
        const merged = [...((current as unknown[]) ?? [])];
        for (const v of value as unknown[]) if (!merged.some((m) => sameValue(m, v))) merged.push(v);
        node.fields[field] = merged;
      } else if (current === undefined) {
        node.fields[field] = value;
      } else if (!sameValue(current, value)) {
        problems.push({
          file,
          line,
          field,
          message: `conflicts with ${JSON.stringify(current)} given for '${id}' earlier (${node.at.file}:${node.at.line})`,
        });
        continue;
      }
      node.fieldProvenance[field] ??= [];
      unionProvenance(node.fieldProvenance[field], provenance);
    }
  }

  const edges = new Map<string, MergedEdge>();
  for (const { record, file, line } of parsed.edges) {
    const key = edgeKey(record);
    const existing = edges.get(key);
    if (existing) {
      const { provenance: _a, ...a } = existing.record;
      const { provenance: _b, ...b } = record;
      if (!sameValue(a, b)) {
        problems.push({ file, line, message: `conflicts with the same ${record.type} at ${existing.at.file}:${existing.at.line}` });
      }
      unionProvenance(existing.provenance, record.provenance);
    } else {
      edges.set(key, { record, key, provenance: [...record.provenance], at: { file, line } });
    }
  }
  return { nodes, edges: [...edges.values()], problems, files: parsed.files };
}

/** Organisations tied to each agreement (as parties) and activity (as participants). */
function membersByInstrument(edges: MergedEdge[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { record: e } of edges) {
    if (e.type !== 'party' && e.type !== 'participation') continue;
    const instrument = e.type === 'party' ? e.agreement : e.activity;
    (out.get(instrument) ?? out.set(instrument, new Set()).get(instrument)!).add(e.organization);
  }
  return out;
}

/**
 * A part's actors must be organisations that are also parties (participants) of its instrument, and an
 * activity that implements a part of an agreement must be under that agreement.
 */
function checkParts(
  set: SeedSet,
  refCheck: (value: unknown, want: NodeType, at: { file: string; line: number }, field: string) => void,
  context: RecordContext,
): void {
  const members = membersByInstrument(set.edges);
  const isMember = (instrument: string, org: string) => members.get(instrument)?.has(org) || context.known?.get(instrument)?.members?.has(org);
  for (const node of set.nodes.values()) {
    if (node.type === 'part') {
      const of = String(node.fields.of);
      const actors = (node.fields.actors as Array<{ organization: string }> | undefined) ?? [];
      actors.forEach((actor, i) => {
        refCheck(actor.organization, 'organization', node.at, `actors.${i}.organization`);
        const exists = set.nodes.has(actor.organization) || context.known?.has(actor.organization);
        if (exists && !isMember(of, actor.organization)) {
          set.problems.push({ ...node.at, field: `actors.${i}.organization`, message: `'${actor.organization}' is no party or participant of '${of}'` });
        }
      });
    }
    // A part of an agreement is implemented under that agreement; a direction raised at a meeting may be taken
    // up by any activity.
    if (node.type === 'activity' && node.fields.part !== undefined) {
      const part = set.nodes.get(String(node.fields.part));
      const of = part?.type === 'part' ? String(part.fields.of) : undefined;
      if (of !== undefined && set.nodes.get(of)?.type === 'agreement' && of !== node.fields.agreement) {
        set.problems.push({ ...node.at, field: 'part', message: `part '${part!.id}' belongs to '${of}', not to this activity's agreement` });
      }
    }
  }
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Reference fields of each node type and the node type they must point at. */
export const NODE_REFS: Record<NodeType, Record<string, NodeType | NodeType[]>> = {
  source: { publisher: 'organization' },
  region: {},
  adminUnit: { parent: 'adminUnit', successor: 'adminUnit', regions: 'region' },
  organization: { location: 'adminUnit', parent: 'organization' },
  topic: {},
  agreement: { signedAt: 'adminUnit', implements: 'agreement', topics: 'topic' },
  activity: { place: 'adminUnit', agreement: 'agreement', part: 'part', partOf: 'activity', topics: 'topic' },
  part: { of: ['agreement', 'activity'], topics: 'topic' },
  person: {},
};

/** Reference fields of each relationship record and the node type they must point at. */
export const EDGE_REFS: Record<EdgeRecord['type'], Record<string, NodeType>> = {
  party: { organization: 'organization', agreement: 'agreement' },
  participation: { organization: 'organization', activity: 'activity' },
  position: { person: 'person', organization: 'organization' },
  signature: { person: 'person', agreement: 'agreement', document: 'source', onBehalfOf: 'organization' },
  attendance: { person: 'person', activity: 'activity' },
  orgRelation: { from: 'organization', to: 'organization' },
};

/** Start and end fields that must be in order. */
export const DATE_PAIRS: Array<[string, string]> = [
  ['validFrom', 'validTo'],
  ['startDate', 'endDate'],
];

/** What validation needs from outside the records it checks. */
export interface RecordContext {
  /**
   * A document source's text (whitespace as it comes), null for a source without one (an external
   * reference), or a problem with the source's `file` field.
   */
  textOf: (source: MergedNode) => string | null | { problem: string };
  /** Nodes already in the graph, by id, for records that refer to them (the curation API writes into a graph). */
  known?: ReadonlyMap<string, { type: NodeType; text?: string | null; members?: ReadonlySet<string> }>;
}

/**
 * Checks a merged record set: required fields, dangling references, date order, provenance on every node,
 * and that each quote occurs (whitespace-normalised) in the document its source names. One definition for
 * the seed importer and the curation API. Appends to `set.problems` and returns it.
 */
export function validateRecords(set: SeedSet, context: RecordContext): SeedProblem[] {
  const { nodes, problems } = set;
  const typeOf = (id: string): NodeType | undefined => nodes.get(id)?.type ?? context.known?.get(id)?.type;
  const refCheck = (value: unknown, want: NodeType | NodeType[], at: { file: string; line: number }, field: string) => {
    const wanted = Array.isArray(want) ? want : [want];
    for (const id of Array.isArray(value) ? value : [value]) {
      const type = typeOf(String(id));
      if (!type) problems.push({ ...at, field, message: `refers to '${id}', which no record defines` });
      else if (!wanted.includes(type)) problems.push({ ...at, field, message: `'${id}' is a ${type}, expected ${wanted.join(' or ')}` });
    }
  };

  for (const node of nodes.values()) {
    // A record for a node already in the graph changes some of its fields; the rest are there.
    const known = context.known?.has(node.id) ?? false;
    for (const field of known ? [] : REQUIRED_FIELDS[node.type]) {
      if (node.fields[field] === undefined) problems.push({ ...node.at, field, message: `${node.type} '${node.id}' has no ${field} in any record` });
    }
    // A source is its own provenance; a topic is vocabulary, not a fact.
    if (node.type !== 'topic' && node.type !== 'source' && node.provenance.length === 0) {
      problems.push({ ...node.at, field: 'provenance', message: `${node.type} '${node.id}' has no provenance in any record` });
    }
    for (const [field, want] of Object.entries(NODE_REFS[node.type])) {
      if (node.fields[field] !== undefined) refCheck(node.fields[field], want, node.at, field);
    }
    // A centre names its source; that source must back the node, so the fact says where it comes from.
    const centre = node.fields.centre as { source?: string } | undefined;
    if (centre?.source !== undefined && !node.provenance.some((p) => p.source === centre.source)) {
      problems.push({ ...node.at, field: 'centre.source', message: `source '${centre.source}' is not in the provenance of '${node.id}'` });
    }
    for (const [from, to] of DATE_PAIRS) {
      const a = node.fields[from] as string | undefined;
      const b = node.fields[to] as string | undefined;
      if (a && b && a.slice(0, b.length) > b.slice(0, a.length)) {
        problems.push({ ...node.at, field: to, message: `${to} ${b} is before ${from} ${a}` });
      }
    }
  }
  for (const edge of set.edges) {
    for (const [field, want] of Object.entries(EDGE_REFS[edge.record.type])) {
      const value = (edge.record as unknown as Record<string, unknown>)[field];
      if (value !== undefined) refCheck(value, want, edge.at, field);
    }
  }
  checkParts(set, refCheck, context);

  const texts = new Map<string, string | null>();
  const documentText = (sourceId: string): string | null | undefined => {
    if (texts.has(sourceId)) return texts.get(sourceId);
    const source = nodes.get(sourceId);
    let text: string | null;
    if (source?.type === 'source') {
      const found = context.textOf(source);
      if (found !== null && typeof found === 'object') {
        problems.push({ ...source.at, field: 'file', message: found.problem });
        text = null;
      } else text = found === null ? null : collapse(found.normalize('NFC'));
    } else {
      const known = context.known?.get(sourceId);
      if (known?.type !== 'source') return undefined;
      text = known.text ? collapse(known.text.normalize('NFC')) : null;
    }
    texts.set(sourceId, text);
    return text;
  };
  const checkProvenance = (list: ProvenanceEntry[], at: { file: string; line: number }) => {
    list.forEach((p, i) => {
      const text = documentText(p.source);
      if (text === undefined) {
        problems.push({ ...at, field: `provenance.${i}.source`, message: `source '${p.source}' is not defined` });
      } else if (text !== null) {
        if (p.quote === undefined) problems.push({ ...at, field: `provenance.${i}.quote`, message: `a document source needs a verbatim quote` });
        else if (!text.includes(collapse(p.quote.normalize('NFC')))) {
          problems.push({ ...at, field: `provenance.${i}.quote`, message: `quote not found in ${p.source}: "${p.quote.slice(0, 80)}"` });
        }
      }
    });
  };
  for (const node of nodes.values()) checkProvenance(node.provenance, node.at);
  for (const edge of set.edges) checkProvenance(edge.provenance, edge.at);
  return problems;
}
