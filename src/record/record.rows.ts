import { dateValue, intValue } from '../db/values';
import type { Row } from '../db/database';
import type { MergedEdge, MergedNode, SeedSet } from './record.merge';
import type { ProvenanceEntry } from './record.format';
import type { RelSpec } from './record.repository';
import { precisionOf } from '../rules/period';
import { vietnameseSortKey } from '../core/collation';

/** Date fields per record type; "end" fields read a partial date as the last day of its period. */
export const DATE_FIELDS: Record<string, 'start' | 'end'> = {
  publishedOn: 'start',
  validFrom: 'start',
  validTo: 'end',
  succeededOn: 'start',
  signedOn: 'start',
  startDate: 'start',
  endDate: 'end',
  asOf: 'start',
};

/** Turns YYYY, YYYY-MM or YYYY-MM-DD into a driver Date: the first day for starts, the last day for ends. */
export function toDate(value: string, side: 'start' | 'end'): ReturnType<typeof dateValue> {
  const [y, m, d] = value.split('-').map(Number);
  if (d !== undefined) return dateValue(y, m, d);
  if (m !== undefined) return dateValue(y, m, side === 'start' ? 1 : new Date(Date.UTC(y, m, 0)).getUTCDate());
  return side === 'start' ? dateValue(y, 1, 1) : dateValue(y, 12, 31);
}

/**
 * The stored properties of date `field` as written (`2023`, `2023-06`, `2023-06-09`): the date itself (see
 * `toDate`) and `<field>Precision` ('YEAR' | 'MONTH' | 'DAY'), so readers can show it and filter by it as written.
 */
export function dateProps(field: string, value: string, side: 'start' | 'end'): Row {
  return { [field]: toDate(value, side), [`${field}Precision`]: precisionOf(value) };
}

/** The properties stored for a node or relationship's provenance. */
export function provenanceProps(list: ProvenanceEntry[]): { sources: string[]; provenance: string } {
  const sources = list.length === 1 ? [list[0].source] : [...new Set(list.map((p) => p.source))];
  return { sources, provenance: JSON.stringify(list) };
}

/** Fields stored as relationships rather than properties. */
export const REL_FIELDS = new Set([
  'location', 'parent', 'successor', 'regions', 'signedAt', 'implements', 'topics', 'place', 'agreement', 'part', 'partOf', 'publisher',
  'of', 'actors',
]);

/** Node properties computed from others here (sort keys, search text, the sources of the provenance), never given by a record. */
export const DERIVED_NODE_PROPS: ReadonlySet<string> = new Set(['sources', 'nameKey', 'titleKey', 'aliasText', 'acronymText']);

/** Fields stored as a JSON string (a list of objects or a map), not as a Neo4j value. */
export const JSON_FIELDS: ReadonlySet<string> = new Set(['figures', 'externalIds', 'centre']);

function nodeProps(node: MergedNode): Row {
  const props: Row = { id: node.id, ...provenanceProps(node.provenance) };
  for (const [field, value] of Object.entries(node.fields)) {
    if (REL_FIELDS.has(field)) continue;
    if (field in DATE_FIELDS) Object.assign(props, dateProps(field, String(value), DATE_FIELDS[field]));
    else if (JSON_FIELDS.has(field)) props[field] = JSON.stringify(value);
    else if (field === 'ordinal') props[field] = intValue(Number(value));
    else props[field] = value;
    if (field === 'aliases') props.aliasText = (value as string[]).join(' | ');
    if (field === 'acronyms') props.acronymText = (value as string[]).join(' | ');
  }
  // Lists sort names and titles in Vietnamese order by these keys (range-indexed), computed once here.
  if (typeof props.name === 'string') props.nameKey = vietnameseSortKey(props.name);
  if (typeof props.title === 'string') props.titleKey = vietnameseSortKey(props.title);
  return props;
}

export interface RelRow extends Row {
  from: string;
  to: string;
  key: string;
  props: Row;
}

export interface SeedRows {
  /** Node rows by seed type; organisations by kind and admin units by level (for their extra label). */
  nodes: Record<string, Row[]>;
  organizationsByKind: Record<string, Row[]>;
  unitsByLevel: Record<string, Row[]>;
  rels: Record<RelSpec, RelRow[]>;
}

function rel(from: string, to: string, key: string, provenance: ProvenanceEntry[], extra: Row = {}): RelRow {
  return { from, to, key, props: { key, ...extra, ...provenanceProps(provenance) } };
}

/** The relationship each reference field of a node is stored as (a part's `of` and `actors` aside: see partRels). */
export const FIELD_RELS: Record<string, Record<string, RelSpec>> = {
  organization: { location: 'LOCATED_IN', parent: 'ORG_PART_OF' },
  adminUnit: { parent: 'UNIT_PART_OF', regions: 'IN_REGION', successor: 'SUCCEEDED_BY' },
  agreement: { signedAt: 'SIGNED_AT', implements: 'IMPLEMENTS', topics: 'AGREEMENT_ABOUT' },
  activity: { place: 'HELD_IN', agreement: 'UNDER', part: 'UNDER_PART', partOf: 'ACTIVITY_PART_OF', topics: 'ACTIVITY_ABOUT' },
  part: { topics: 'PART_ABOUT' },
  source: { publisher: 'PUBLISHED_BY' },
};

function edgeRel(edge: MergedEdge): [RelSpec, RelRow] {
  const e = edge.record;
  const p = edge.provenance;
  switch (e.type) {
    case 'party':
      return ['PARTY_TO', rel(e.organization, e.agreement, e.role, p, { role: e.role })];
    case 'participation':
      return ['PARTICIPATED_IN', rel(e.organization, e.activity, e.role, p, { role: e.role })];
    case 'position': {
      const extra: Row = { title: e.title };
      if (e.titleEn) extra.titleEn = e.titleEn;
      if (e.asOf) Object.assign(extra, dateProps('asOf', e.asOf, 'start'));
      return ['HOLDS_POSITION', rel(e.person, e.organization, e.title, p, extra)];
    }
    case 'signature': {
      const extra: Row = e.onBehalfOf ? { onBehalfOf: e.onBehalfOf } : {};
      return e.agreement
        ? ['SIGNED_AGREEMENT', rel(e.person, e.agreement, 'signed', p, extra)]
        : ['SIGNED_DOCUMENT', rel(e.person, e.document!, 'signed', p, extra)];
    }
    case 'attendance':
      return ['ATTENDED', rel(e.person, e.activity, e.role, p, { role: e.role })];
    case 'orgRelation': {
      const extra: Row = { kind: e.kind };
      if (e.validFrom) Object.assign(extra, dateProps('validFrom', e.validFrom, 'start'));
      if (e.validTo) Object.assign(extra, dateProps('validTo', e.validTo, 'end'));
      return ['RELATED_TO', rel(e.from, e.to, e.kind, p, extra)];
    }
  }
}

/** A part's relationships that point into it: from its instrument (HAS_PART) and from its actors (PART_ACTOR). */
function partRels(node: MergedNode, addRel: (spec: RelSpec, row: RelRow) => void): void {
  const of = String(node.fields.of);
  const ofProv = node.fieldProvenance.of?.length ? node.fieldProvenance.of : node.provenance;
  // The id's prefix names the instrument's type, also when a bulk batch does not hold the instrument itself.
  const spec: RelSpec = of.startsWith('act-') ? 'ACTIVITY_HAS_PART' : 'AGREEMENT_HAS_PART';
  addRel(spec, rel(of, node.id, spec, ofProv));
  const actorProv = node.fieldProvenance.actors?.length ? node.fieldProvenance.actors : node.provenance;
  for (const actor of (node.fields.actors as Array<{ organization: string; role: string }> | undefined) ?? []) {
    addRel('PART_ACTOR', rel(actor.organization, node.id, actor.role, actorProv, { role: actor.role }));
  }
}

/** Turns a validated seed set into the parameter rows of the import statements. */
export function buildSeedRows(set: SeedSet): SeedRows {
  const out: SeedRows = { nodes: {}, organizationsByKind: {}, unitsByLevel: {}, rels: {} as Record<RelSpec, RelRow[]> };
  const addRel = (spec: RelSpec, row: RelRow) => (out.rels[spec] ??= []).push(row);
  for (const node of set.nodes.values()) {
    const props = nodeProps(node);
    if (node.type === 'organization') (out.organizationsByKind[String(node.fields.kind)] ??= []).push({ id: node.id, props });
    else if (node.type === 'adminUnit') (out.unitsByLevel[String(node.fields.level)] ??= []).push({ id: node.id, props });
    else (out.nodes[node.type] ??= []).push({ id: node.id, props });
    for (const [field, spec] of Object.entries(FIELD_RELS[node.type] ?? {})) {
      const value = node.fields[field];
      if (value === undefined) continue;
      const prov = node.fieldProvenance[field]?.length ? node.fieldProvenance[field] : node.provenance;
      const extra: Row = {};
      if (spec === 'SUCCEEDED_BY' && node.fields.succeededOn) Object.assign(extra, dateProps('on', String(node.fields.succeededOn), 'start'));
      for (const target of Array.isArray(value) ? value : [value]) addRel(spec, rel(node.id, String(target), spec, prov, extra));
    }
    if (node.type === 'part') partRels(node, addRel);
  }
  for (const edge of set.edges) {
    const [spec, row] = edgeRel(edge);
    addRel(spec, row);
  }
  return out;
}
