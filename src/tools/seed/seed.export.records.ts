import path from 'node:path';
import { writtenDate } from '../../db/values';
import { NODE_LABEL } from '../../db/vocabulary';
import { EDGE_SCHEMAS, NODE_SCHEMAS, type EdgeType, type NodeType, type ProvenanceEntry } from '../../record/record.format';
import { edgeKey } from '../../record/record.merge';
import { DATE_FIELDS, DERIVED_NODE_PROPS, FIELD_RELS, JSON_FIELDS } from '../../record/record.rows';
import { REL_SPECS, REL_TYPE, type RelSpec } from '../../record/record.repository';

// From the graph's nodes and relationships back to seed records, in the canonical form of seeds/FORMAT.md
// ("Canonical form"): pure functions, no database. The importer (record.merge, record.rows) is the inverse
// this file follows: what it derives is left out, what it stores as a relationship becomes a field again.

/** A relationship as read with its start node. */
export interface DumpedRel {
  type: string;
  to: string;
  toLabels: string[];
  props: Record<string, unknown>;
}

/** A seed node as read from the graph: its properties and the relationships that leave it. */
export interface DumpedNode {
  type: NodeType;
  id: string;
  props: Record<string, unknown>;
  out: DumpedRel[];
}

/** The files of an export, by path relative to the export folder, in path order, with their content. */
export interface SeedExport {
  files: Map<string, string>;
  /** What the seed format cannot say as the graph holds it, or what loading the export will change. */
  warnings: string[];
  records: number;
}

/** The graph holds something the export cannot write as a valid record or file; every problem is listed. */
export class SeedExportError extends Error {
  constructor(readonly problems: string[]) {
    super(`The graph cannot be exported as seed files:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'SeedExportError';
  }
}

/** Node properties the curation API keeps for itself (version counter, write lock): not seed data. */
const BOOKKEEPING_PROPS: ReadonlySet<string> = new Set(['version', 'lockedBy']);

/** List-valued reference fields: the graph keeps no order for them, so they are written sorted. */
const LIST_FIELDS: ReadonlySet<string> = new Set(['topics', 'regions', 'actors']);

const TYPE_RANK = new Map<string, number>([...Object.keys(NODE_SCHEMAS), ...Object.keys(EDGE_SCHEMAS)].map((t, i) => [t, i]));

/** Code-unit order: the same on every machine and locale. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every string in `value` in Unicode NFC. */
function nfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(nfc) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfc(v)])) as T;
  return value;
}

function parseProvenance(raw: unknown): ProvenanceEntry[] {
  if (raw === undefined || raw === null) return [];
  return JSON.parse(String(raw)) as ProvenanceEntry[];
}

/** The spec of a relationship from its start label, type and end labels (each triple names one spec). */
const SPEC_BY_ENDS = new Map<string, RelSpec>(
  (Object.keys(REL_SPECS) as RelSpec[]).map((spec) => [`${REL_SPECS[spec][0]}|${REL_TYPE[spec]}|${REL_SPECS[spec][1]}`, spec]),
);

function specOf(fromLabel: string, rel: DumpedRel): RelSpec | undefined {
  for (const label of rel.toLabels) {
    const spec = SPEC_BY_ENDS.get(`${fromLabel}|${rel.type}|${label}`);
    if (spec) return spec;
  }
  return undefined;
}

/** Relationship properties besides key, provenance and sources, per spec; a date's precision goes with it. */
const REL_PROPS: Partial<Record<RelSpec, string[]>> = {
  PARTY_TO: ['role'],
  PARTICIPATED_IN: ['role'],
  ATTENDED: ['role'],
  PART_ACTOR: ['role'],
  HOLDS_POSITION: ['title', 'titleEn', 'asOf', 'asOfPrecision'],
  SIGNED_AGREEMENT: ['onBehalfOf'],
  SIGNED_DOCUMENT: ['onBehalfOf'],
  RELATED_TO: ['kind', 'validFrom', 'validFromPrecision', 'validTo', 'validToPrecision'],
  // The date of a succession repeats the unit's succeededOn.
  SUCCEEDED_BY: ['on', 'onPrecision'],
};

/** The key the importer gives a relationship (record.rows): one that differs would change on the way back. */
function expectedKey(spec: RelSpec, props: Record<string, unknown>): unknown {
  switch (spec) {
    case 'PARTY_TO':
    case 'PARTICIPATED_IN':
    case 'ATTENDED':
    case 'PART_ACTOR':
      return props.role;
    case 'HOLDS_POSITION':
      return props.title;
    case 'RELATED_TO':
      return props.kind;
    case 'SIGNED_AGREEMENT':
    case 'SIGNED_DOCUMENT':
      return 'signed';
    default:
      return spec;
  }
}

const relDate = (props: Record<string, unknown>, field: string) => writtenDate(props[field], props[`${field}Precision`]) ?? undefined;

/** The relationship record a relationship spec stands for, or undefined for a spec that is a node's field. */
function edgeRecord(spec: RelSpec, from: string, to: string, p: Record<string, unknown>): Record<string, unknown> | undefined {
  switch (spec) {
    case 'PARTY_TO':
      return { type: 'party', organization: from, agreement: to, role: p.role };
    case 'PARTICIPATED_IN':
      return { type: 'participation', organization: from, activity: to, role: p.role };
    case 'HOLDS_POSITION':
      return { type: 'position', person: from, organization: to, title: p.title, titleEn: p.titleEn ?? undefined, asOf: relDate(p, 'asOf') };
    case 'SIGNED_AGREEMENT':
      return { type: 'signature', person: from, agreement: to, onBehalfOf: p.onBehalfOf ?? undefined };
    case 'SIGNED_DOCUMENT':
      return { type: 'signature', person: from, document: to, onBehalfOf: p.onBehalfOf ?? undefined };
    case 'ATTENDED':
      return { type: 'attendance', person: from, activity: to, role: p.role };
    case 'RELATED_TO':
      return { type: 'orgRelation', from, to, kind: p.kind, validFrom: relDate(p, 'validFrom'), validTo: relDate(p, 'validTo') };
    default:
      return undefined;
  }
}

/** A reference field's value as one relationship stores it, with that relationship's provenance. */
interface Ref {
  field: string;
  value: unknown;
  provenance: ProvenanceEntry[];
}

interface Draft {
  type: NodeType;
  id: string;
  fields: Record<string, unknown>;
  provenance: ProvenanceEntry[];
  refs: Ref[];
  text?: string;
}

interface Placed {
  file: string;
  rank: number;
  sortKey: string;
  sub: string;
  record: Record<string, unknown>;
}

const withoutUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/** The record fields of a node's properties; what the importer derives, and bookkeeping, left out. */
function nodeFields(node: DumpedNode, warn: (message: string) => void): { fields: Record<string, unknown>; text?: string } {
  const shape = NODE_SCHEMAS[node.type].shape as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  let text: string | undefined;
  for (const key of Object.keys(node.props).sort(cmp)) {
    const value = node.props[key];
    if (key === 'id' || key === 'provenance' || value === null || value === undefined) continue;
    if (DERIVED_NODE_PROPS.has(key) || BOOKKEEPING_PROPS.has(key)) continue;
    if (key.endsWith('Precision') && key.slice(0, -'Precision'.length) in DATE_FIELDS) continue;
    if (node.type === 'source' && key === 'text') text = String(value);
    else if (key in DATE_FIELDS && key in shape) fields[key] = writtenDate(value, node.props[`${key}Precision`]);
    else if (JSON_FIELDS.has(key) && key in shape) fields[key] = JSON.parse(String(value));
    else if (key in shape && key !== 'type') fields[key] = value;
    else warn(`${node.type} '${node.id}': property '${key}' is not a field of the seed format; left out`);
  }
  return { fields, text };
}

/** Whether every entry of `part` is in `whole` (the importer unites a node's provenance over its records). */
function included(part: ProvenanceEntry[], whole: ProvenanceEntry[]): boolean {
  const have = new Set(whole.map((p) => JSON.stringify(p)));
  return part.every((p) => have.has(JSON.stringify(p)));
}

function sortedValues(field: string, values: unknown[]): unknown[] {
  if (field !== 'actors') return [...values].sort((a, b) => cmp(String(a), String(b)));
  const key = (a: unknown) => `${(a as { organization: string }).organization}\u0000${(a as { role: string }).role}`;
  return [...values].sort((a, b) => cmp(key(a), key(b)));
}

/**
 * A node's records: one with every property and each reference field whose relationship carries the node's own
 * provenance, then one per other provenance with the fields that carry it (so that merging them gives each
 * relationship its provenance back, see mergeSeed's fieldProvenance).
 */
function nodeRecords(draft: Draft, warn: (message: string) => void): Array<Record<string, unknown>> {
  const own = JSON.stringify(draft.provenance);
  const groups = new Map<string, { provenance: ProvenanceEntry[]; fields: Map<string, unknown[]> }>([[own, { provenance: draft.provenance, fields: new Map() }]]);
  for (const ref of draft.refs) {
    const key = JSON.stringify(ref.provenance);
    const group = groups.get(key) ?? groups.set(key, { provenance: ref.provenance, fields: new Map() }).get(key)!;
    (group.fields.get(ref.field) ?? group.fields.set(ref.field, []).get(ref.field)!).push(ref.value);
  }
  const where = `${draft.type} '${draft.id}'`;
  const seen = new Map<string, number>();
  for (const group of groups.values()) for (const field of group.fields.keys()) seen.set(field, (seen.get(field) ?? 0) + 1);
  for (const [field, n] of seen) {
    if (n > 1) warn(`${where}: the relationships of '${field}' carry ${n} different provenances; the importer gives all of them the union`);
    else if (!LIST_FIELDS.has(field) && [...groups.values()].some((g) => (g.fields.get(field)?.length ?? 0) > 1)) {
      warn(`${where}: '${field}' holds one value but the graph has several relationships for it; all are written`);
    }
  }
  const fieldsOf = (group: { fields: Map<string, unknown[]> }) =>
    Object.fromEntries([...group.fields].map(([field, values]) => [field, LIST_FIELDS.has(field) ? sortedValues(field, values) : values[0]]));

  const main = groups.get(own)!;
  const records: Array<Record<string, unknown>> = [
    { type: draft.type, id: draft.id, ...draft.fields, ...fieldsOf(main), provenance: draft.provenance.length ? draft.provenance : undefined },
  ];
  for (const [key, group] of groups) {
    if (key === own) continue;
    const fields = [...group.fields.keys()].join(', ');
    if (!group.provenance.length) warn(`${where}: '${fields}' has no provenance of its own; loaded, it gets the node's`);
    else if (!included(group.provenance, draft.provenance)) {
      warn(`${where}: the provenance of '${fields}' is not part of the node's; loaded, the node's gains it`);
    }
    records.push({ type: draft.type, id: draft.id, ...fieldsOf(group), provenance: group.provenance.length ? group.provenance : undefined });
  }
  return records;
}

/** Checks a document text's path: below the export folder, normalised, never a seed file itself. */
function checkTextPath(file: string): string | undefined {
  if (path.posix.isAbsolute(file) || path.win32.isAbsolute(file) || file.includes('\\')) return 'is not a relative path with forward slashes';
  if (path.posix.normalize(file) !== file || file.startsWith('../') || file === '..') return 'leaves the seed folder or is not normalised';
  if (file.endsWith('.jsonl')) return 'would be read as a seed file';
  return undefined;
}

/**
 * Turns the graph's seed nodes and their relationships into the seed files that, loaded into an empty graph,
 * give the same nodes, properties and relationships, written in the canonical form (seeds/FORMAT.md): records
 * in each file by type, then id (or a relationship's ends and key); keys in the order of their schema; one JSON
 * object per line; UTF-8 in NFC. Document sources get their text written to their `file`.
 * @throws SeedExportError listing whatever cannot be written as a valid record or file.
 */
export function buildSeedExport(nodes: DumpedNode[]): SeedExport {
  const warnings: string[] = [];
  const problems: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const drafts = new Map<string, Draft>();
  for (const node of nodes) {
    const { fields, text } = nodeFields(node, warn);
    let provenance: ProvenanceEntry[] = [];
    try {
      provenance = parseProvenance(node.props.provenance);
    } catch {
      problems.push(`${node.type} '${node.id}': its provenance is not JSON`);
    }
    drafts.set(node.id, { type: node.type, id: node.id, fields, provenance, refs: [], text });
  }

  const edges: Array<Record<string, unknown>> = [];
  const fieldOfSpec = new Map<string, string>();
  for (const [type, fields] of Object.entries(FIELD_RELS)) for (const [field, spec] of Object.entries(fields)) fieldOfSpec.set(`${type}|${spec}`, field);
  for (const node of nodes) {
    const fromLabel = NODE_LABEL[node.type];
    for (const rel of node.out) {
      const spec = specOf(fromLabel, rel);
      const what = `${rel.type} from '${node.id}' to '${rel.to}'`;
      if (!spec) {
        warn(`${what}: not a relationship of the seed format; left out`);
        continue;
      }
      const allowed = new Set(['key', 'provenance', 'sources', ...(REL_PROPS[spec] ?? [])]);
      for (const key of Object.keys(rel.props)) if (!allowed.has(key)) warn(`${what}: property '${key}' is not in the seed format; left out`);
      if (rel.props.key !== expectedKey(spec, rel.props)) warn(`${what}: its key ${JSON.stringify(rel.props.key)} is not the one loading gives it`);
      let provenance: ProvenanceEntry[];
      try {
        provenance = parseProvenance(rel.props.provenance);
      } catch {
        problems.push(`${what}: its provenance is not JSON`);
        continue;
      }
      const field = fieldOfSpec.get(`${node.type}|${spec}`);
      if (field) {
        drafts.get(node.id)!.refs.push({ field, value: rel.to, provenance });
      } else if (spec === 'AGREEMENT_HAS_PART' || spec === 'ACTIVITY_HAS_PART' || spec === 'PART_ACTOR') {
        const part = drafts.get(rel.to);
        if (!part) problems.push(`${what}: the part is not in the graph's parts`);
        else if (spec === 'PART_ACTOR') part.refs.push({ field: 'actors', value: { organization: node.id, role: rel.props.role }, provenance });
        else part.refs.push({ field: 'of', value: node.id, provenance });
      } else {
        const record = edgeRecord(spec, node.id, rel.to, rel.props);
        if (record) edges.push({ ...record, provenance });
      }
    }
  }

  // Where records go: see seeds/FORMAT.md, "Canonical form".
  const documents = new Set([...drafts.values()].filter((d) => d.type === 'source' && (d.fields.file !== undefined || d.text !== undefined)).map((d) => d.id));
  const home = (provenance: ProvenanceEntry[]) => {
    const source = provenance.find((p) => documents.has(p.source))?.source ?? provenance[0]?.source;
    return source === undefined ? 'records.jsonl' : `documents/${source}.jsonl`;
  };
  const fileOfNode = (d: Draft): string => {
    switch (d.type) {
      case 'topic':
        return 'topics.jsonl';
      case 'region':
        return 'geography/regions.jsonl';
      case 'adminUnit':
        return d.fields.level === 'COUNTRY' || d.fields.level === 'STATE' ? 'geography/countries.jsonl' : 'geography/provinces.jsonl';
      case 'organization':
        return 'organizations.jsonl';
      case 'source':
        return documents.has(d.id) ? `documents/${d.id}.jsonl` : 'sources.jsonl';
      default:
        return home(d.provenance);
    }
  };

  const files = new Map<string, string>();
  const texts = new Map<string, string>();
  const placed: Placed[] = [];
  const canonical = (raw: Record<string, unknown>, where: string): Record<string, unknown> | undefined => {
    const type = String(raw.type);
    const schema = type in NODE_SCHEMAS ? NODE_SCHEMAS[type as NodeType] : EDGE_SCHEMAS[type as EdgeType];
    // Parsing gives the keys in the schema's order: the canonical key order.
    const parsed = schema.safeParse(nfc(withoutUndefined(raw)));
    if (parsed.success) return parsed.data as Record<string, unknown>;
    problems.push(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'} ${i.message}`).join('; ')}`);
    return undefined;
  };

  for (const draft of drafts.values()) {
    if (draft.type === 'source' && draft.text !== undefined) {
      if (draft.fields.file === undefined) {
        draft.fields.file = `sources/${draft.id}.txt`;
        warn(`source '${draft.id}' names no file: its text is written to ${draft.fields.file}, which its record names`);
      }
      const file = String(draft.fields.file);
      const bad = checkTextPath(file);
      const text = draft.text.normalize('NFC');
      if (bad) problems.push(`source '${draft.id}': its file '${file}' ${bad}`);
      else if (texts.has(file) && texts.get(file) !== text) problems.push(`source '${draft.id}': another source names '${file}' with another text`);
      else texts.set(file, text);
    } else if (draft.type === 'source' && draft.fields.file !== undefined) {
      warn(`source '${draft.id}': the graph holds no text for its file '${String(draft.fields.file)}'; the folder loads once that file is added`);
    }
    const file = fileOfNode(draft);
    nodeRecords(draft, warn).forEach((raw, i) => {
      const record = canonical(raw, `${draft.type} '${draft.id}'`);
      if (!record) return;
      // The record with the node's own fields comes first; the others follow by their field names, then content.
      const sub = i === 0 ? '' : `${Object.keys(record).slice(2).join(',')}\u0000${JSON.stringify(record)}`;
      placed.push({ file, rank: TYPE_RANK.get(draft.type)!, sortKey: draft.id, sub, record });
    });
  }
  for (const raw of edges) {
    const record = canonical(raw, `${String(raw.type)} ${JSON.stringify(raw)}`);
    if (record) placed.push({ file: home(record.provenance as ProvenanceEntry[]), rank: TYPE_RANK.get(String(record.type))!, sortKey: edgeKey(record as never), sub: JSON.stringify(record), record });
  }
  if (problems.length) throw new SeedExportError(problems);

  const byFile = new Map<string, Placed[]>();
  for (const p of placed) (byFile.get(p.file) ?? byFile.set(p.file, []).get(p.file)!).push(p);
  for (const [file, list] of byFile) {
    list.sort((a, b) => a.rank - b.rank || cmp(a.sortKey, b.sortKey) || cmp(a.sub, b.sub));
    files.set(file, list.map((p) => `${JSON.stringify(p.record)}\n`).join(''));
  }
  for (const [file, text] of texts) {
    if (files.has(file)) throw new SeedExportError([`the text file '${file}' has the name of a seed file`]);
    files.set(file, text);
  }
  const ordered = new Map([...files].sort(([a], [b]) => cmp(a, b)));
  return { files: ordered, warnings: warnings.sort(cmp), records: placed.length };
}
