import { createHash, randomUUID } from 'node:crypto';
import type { Database, Row, Transaction } from '../db/database';
import { decodeProps, encodeProps } from '../db/snapshot';
import { intValue } from '../db/values';
import { BadUserInputError, ConflictError, InvalidRecordsError } from '../core/errors';
import { NODE_REFS, EDGE_REFS, mergeSeed, validateRecords, type MergedNode, type RecordContext } from '../record/record.merge';
import { parseRecord, type ParsedSeed } from '../record/record.parse';
import { buildSeedRows, provenanceProps } from '../record/record.rows';
import { UPSERT_NODE, UPSERT_ORGANIZATION_OF_KIND, UPSERT_REL, UPSERT_UNIT_OF_LEVEL, REL_TYPE, type RelSpec } from '../record/record.repository';
import type { EdgeRecord, NodeType, ProvenanceEntry } from '../record/record.format';
import { sameNamedOrganizations, type NamedNode } from '../mention/mention.service';
import {
  CHANGE_BY_KEY, DELETE_NODES, DELETE_OUT_REL, KNOWN_NODES, LOCK_NODES, RECORD_CHANGE, SET_NODE_PROPS, SINGLE_REFERENCE_SPECS, SNAPSHOT_NODES,
  UNLOCK_NODES, typeOfId,
} from './curation.repository';

/** Who writes: from a verified token. */
export interface Writer {
  subject: string;
  name: string;
  role: string;
}

/** A change as recorded (the Change node's properties, as read). */
export type ChangeRow = Row;

export const MAX_RECORDS = 500;
export const MAX_MESSAGE = 2_000;
export const MAX_TEXT = 1_000_000;

/** A node as the history keeps it: labels, encoded properties, and every relationship at either end. */
export interface Snapshot {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
  rels: Array<{ type: string; from: string; to: string; props: Record<string, unknown> }>;
}

function groupIds(ids: Iterable<string>): Map<NodeType, string[]> {
  const out = new Map<NodeType, string[]>();
  for (const id of new Set(ids)) {
    const type = typeOfId(id);
    if (type) (out.get(type) ?? out.set(type, []).get(type)!).push(id);
  }
  return out;
}

/** Runs a per-type statement for the ids of each node type (by id prefix); returns every row. */
export async function perType(db: Database, tx: Transaction, statements: Record<NodeType, string>, ids: Iterable<string>, params: Row = {}): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [type, list] of groupIds(ids)) rows.push(...(await db.runIn(tx, statements[type], { ...params, ids: list })));
  return rows;
}

/** Snapshots of the nodes with these ids that exist, in id order, relationships sorted. */
export async function snapshot(db: Database, tx: Transaction, ids: Iterable<string>): Promise<Snapshot[]> {
  const rows = await perType(db, tx, SNAPSHOT_NODES, ids);
  return rows
    .map((r) => {
      const { lockedBy: _l, ...props } = r.props as Record<string, unknown>;
      const rels = (r.rels as Snapshot['rels']).map((rel) => ({ ...rel, props: encodeProps(rel.props) }));
      rels.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      return { id: String(r.id), labels: (r.labels as string[]).slice().sort(), props: encodeProps(props), rels };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The node an edge record changes the history of: the instrument, the person, or the first organisation. */
function edgeOwner(e: EdgeRecord): string {
  switch (e.type) {
    case 'party':
      return e.agreement;
    case 'participation':
    case 'attendance':
      return e.activity;
    case 'position':
    case 'signature':
      return e.person;
    case 'orgRelation':
      return e.from;
  }
}

/** The ids a record set refers to: its nodes, their references, relationship ends and provenance sources. */
function referencedIds(parsed: ParsedSeed): Set<string> {
  const ids = new Set<string>();
  const add = (v: unknown) => (Array.isArray(v) ? v : [v]).forEach((x) => x !== undefined && ids.add(String(x)));
  const addProv = (list: ProvenanceEntry[] | undefined) => list?.forEach((p) => ids.add(p.source));
  for (const { record } of parsed.nodes) {
    const r = record as unknown as Record<string, unknown>;
    ids.add(record.id);
    for (const field of Object.keys(NODE_REFS[record.type])) add(r[field]);
    for (const actor of (r.actors as Array<{ organization: string }> | undefined) ?? []) ids.add(actor.organization);
    addProv(r.provenance as ProvenanceEntry[] | undefined);
  }
  for (const { record } of parsed.edges) {
    const r = record as unknown as Record<string, unknown>;
    for (const field of Object.keys(EDGE_REFS[record.type])) add(r[field]);
    addProv(record.provenance);
  }
  return ids;
}

/** A request's fingerprint, for idempotency keys. */
export const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Refuses an empty or over-long change message. */
export function checkMessage(message: string): void {
  if (!message.trim()) throw new BadUserInputError('A change needs a message saying why it is made', 'message');
  if (message.length > MAX_MESSAGE) throw new BadUserInputError(`The message is longer than ${MAX_MESSAGE} characters`, 'message');
}

/** The change an idempotency key already names: the same request gets it back; another request gets CONFLICT. */
export async function replayed(db: Database, writer: Writer, key: string | undefined, requestHash: string): Promise<ChangeRow | undefined> {
  if (key === undefined) return undefined;
  if (!key.trim() || key.length > 200) throw new BadUserInputError('An idempotency key has 1 to 200 characters', 'idempotencyKey');
  const [row] = await db.read(CHANGE_BY_KEY, { key: `${writer.subject}\u0000${key}` });
  if (!row) return undefined;
  const change = row.change as ChangeRow;
  if (change.requestHash !== requestHash) throw new ConflictError(`Idempotency key '${key}' was used for another request (change ${change.id})`, { change: change.id });
  return change;
}

export interface WriteRequest {
  records: unknown[];
  message: string;
  /** New organisations to create although one of the same name (once folded) exists: the curator checked them. */
  confirmNew?: string[];
  /** How the history names the change: SOURCE for a registered document, WRITE (the default) otherwise. */
  kind?: 'WRITE' | 'SOURCE';
  /** The version each existing node is expected to be at; a node written without one, or at another, gets CONFLICT. */
  expectedVersions?: Array<{ id: string; version: number }>;
  idempotencyKey?: string;
  /** Document texts of sources the records register, by source id. */
  texts?: Map<string, string>;
}

/**
 * Writes records in the seed format (seeds/FORMAT.md) in one transaction, under the same rules as the seed
 * importer (one definition: src/record), with every quote checked against its document's stored text. A record
 * for a node that exists changes the fields it gives (arrays are united, provenance added) and needs the node's
 * current version; a relationship record adds the tie or adds provenance to it. Records the change (who, when,
 * why, every touched node before and after) and returns it.
 * @throws InvalidRecordsError (BAD_USER_INPUT) listing every problem; ConflictError on a stale or missing version,
 * an id taken meanwhile, or an idempotency key reused for another request.
 */
export async function writeRecords(db: Database, writer: Writer, request: WriteRequest): Promise<ChangeRow> {
  checkMessage(request.message);
  if (!request.records.length) throw new BadUserInputError('Give at least one record', 'records');
  if (request.records.length > MAX_RECORDS) throw new BadUserInputError(`At most ${MAX_RECORDS} records per change`, 'records');
  const parsed: ParsedSeed = { nodes: [], edges: [], problems: [], files: ['records'] };
  request.records.forEach((value, i) => {
    const one = parseRecord(value, 'records', i);
    if (one.node) parsed.nodes.push({ record: one.node, file: 'records', line: i });
    if (one.edge) parsed.edges.push({ record: one.edge, file: 'records', line: i });
    parsed.problems.push(...one.problems);
  });
  const invalid = (problems: Array<{ line: number; field?: string; message: string }>) =>
    new InvalidRecordsError(problems.map((p) => ({ record: p.line, field: p.field, message: p.message })));
  if (parsed.problems.length) throw invalid(parsed.problems);
  const requestHash = hashOf({ records: request.records, message: request.message, expected: request.expectedVersions ?? [], texts: [...(request.texts ?? [])] });
  const again = await replayed(db, writer, request.idempotencyKey, requestHash);
  if (again) return again;

  const expected = new Map((request.expectedVersions ?? []).map((v) => [v.id, v.version]));
  const lookAlikes = await sameNamed(db, parsed, new Set(request.confirmNew ?? []));
  const token = randomUUID();
  return db.writeTx(async (tx) => {
    const nodeIds = new Set(parsed.nodes.map((n) => n.record.id));
    const owners = new Set(parsed.edges.map((e) => edgeOwner(e.record)));
    const candidates = new Set([...nodeIds, ...owners]);
    // Locks first: every read below sees the last committed state of the nodes this change writes.
    await perType(db, tx, LOCK_NODES, candidates, { token });
    const knownRows = await perType(db, tx, KNOWN_NODES, referencedIds(parsed));
    const known: NonNullable<RecordContext['known']> = new Map(
      knownRows.map((r) => [String(r.id), { type: typeOfId(String(r.id))!, text: (r.text as string | null) ?? null, members: new Set(r.members as string[]) }]),
    );
    const current = new Map(knownRows.map((r) => [String(r.id), r]));

    const stale: Array<{ id: string; version: number; expected: number | null }> = [];
    for (const id of nodeIds) {
      const row = current.get(id);
      if (!row) continue;
      const version = Number(row.version);
      if (expected.get(id) !== version) stale.push({ id, version, expected: expected.get(id) ?? null });
    }
    if (stale.length) {
      const list = stale.map((s) => `'${s.id}' is at version ${s.version}${s.expected === null ? ' (no expected version given)' : `, not ${s.expected}`}`).join('; ');
      throw new ConflictError(`Changed or existing node(s): ${list}. Read them again and give their current versions.`, { versions: stale });
    }

    const set = mergeSeed(parsed);
    for (const [id, text] of request.texts ?? []) {
      const node = set.nodes.get(id);
      if (node) node.fields.text = text.normalize('NFC');
    }
    for (const node of set.nodes.values()) {
      const row = current.get(node.id);
      if (!row) continue;
      for (const field of ['kind', 'level'] as const) {
        if (node.fields[field] !== undefined && row[field] !== null && node.fields[field] !== row[field]) {
          set.problems.push({ ...node.at, field, message: `'${node.id}' is a ${String(row[field])}; a ${field} cannot change: retract it and write it anew` });
        }
      }
      // The node's provenance is what it had plus what this record brings.
      const before = JSON.parse(String(row.provenance ?? '[]')) as ProvenanceEntry[];
      const seen = new Set(before.map((p) => JSON.stringify(p)));
      node.provenance = [...before, ...node.provenance.filter((p) => !seen.has(JSON.stringify(p)))];
    }
    validateRecords(set, {
      textOf: (source: MergedNode) => (typeof source.fields.text === 'string' ? source.fields.text : null),
      known,
    });
    if (set.problems.length) throw invalid(set.problems);
    // After the records are valid: a look-alike is worth reporting only for a record that could be written.
    const duplicates = [...lookAlikes].filter(([id]) => !current.has(id));
    if (duplicates.length) {
      const list = duplicates.map(([id, same]) => `'${id}' reads as ${same.map((o) => `'${o.id}' (${o.name})`).join(', ')}`).join('; ');
      throw new ConflictError(`Organisation(s) of the same name exist: ${list}. Use the existing id, or list the new id in confirmNew.`, {
        duplicates: duplicates.map(([id, same]) => ({ id, candidates: same.map((o) => o.id) })),
      });
    }

    const existing = [...candidates].filter((id) => current.has(id));
    const before = await snapshot(db, tx, existing);
    const beforeById = new Map(before.map((s) => [s.id, s]));
    const rows = buildSeedRows(set);
    const nodeRows = [...Object.values(rows.nodes), ...Object.values(rows.organizationsByKind), ...Object.values(rows.unitsByLevel)].flat();
    const versionOf = (id: string) => (current.has(id) ? Number(current.get(id)!.version) + 1 : 1);
    for (const row of nodeRows) (row.props as Row).version = intValue(versionOf(String(row.id)));

    // New nodes through the importer's statements; changed nodes keep the properties this record does not give.
    const fresh = (list: Row[] | undefined) => (list ?? []).filter((r) => !current.has(String(r.id)));
    for (const [type, list] of Object.entries(rows.nodes)) if (fresh(list).length) await db.runIn(tx, UPSERT_NODE[type as NodeType], { rows: fresh(list) });
    for (const [kind, list] of Object.entries(rows.organizationsByKind)) {
      if (fresh(list).length) await db.runIn(tx, UPSERT_ORGANIZATION_OF_KIND[kind as keyof typeof UPSERT_ORGANIZATION_OF_KIND], { rows: fresh(list) });
    }
    for (const [level, list] of Object.entries(rows.unitsByLevel)) {
      if (fresh(list).length) await db.runIn(tx, UPSERT_UNIT_OF_LEVEL[level as keyof typeof UPSERT_UNIT_OF_LEVEL], { rows: fresh(list) });
    }
    const changed = nodeRows.filter((r) => current.has(String(r.id)));
    for (const [type, list] of groupIds(changed.map((r) => String(r.id)))) {
      const rowsOfType = changed
        .filter((r) => list.includes(String(r.id)))
        .map((r) => ({ id: r.id, props: { ...decodeProps(beforeById.get(String(r.id))!.props), ...(r.props as Row) } }));
      await db.runIn(tx, SET_NODE_PROPS[type], { rows: rowsOfType });
    }
    // A reference field that holds one value replaces the relationship it had.
    for (const [spec, list] of Object.entries(rows.rels) as Array<[RelSpec, Row[]]>) {
      if (!SINGLE_REFERENCE_SPECS.has(spec)) continue;
      const ids = [...new Set(list.map((r) => String(r.from)).filter((id) => current.has(id)))];
      if (ids.length) await db.runIn(tx, DELETE_OUT_REL[spec], { ids });
    }
    // A tie already there keeps its provenance and adds this record's.
    const relProvenance = new Map<string, ProvenanceEntry[]>();
    for (const s of before) {
      for (const rel of s.rels) relProvenance.set(`${rel.type}|${rel.from}|${rel.to}|${String(rel.props.key)}`, JSON.parse(String(rel.props.provenance ?? '[]')));
    }
    for (const [spec, list] of Object.entries(rows.rels) as Array<[RelSpec, Row[]]>) {
      const merged = list.map((row) => {
        const old = relProvenance.get(`${REL_TYPE[spec]}|${String(row.from)}|${String(row.to)}|${String(row.key)}`);
        if (!old) return row;
        const mine = JSON.parse(String((row.props as Row).provenance)) as ProvenanceEntry[];
        const seen = new Set(old.map((p) => JSON.stringify(p)));
        const all = [...old, ...mine.filter((p) => !seen.has(JSON.stringify(p)))];
        return { ...row, props: { ...(row.props as Row), ...provenanceProps(all) } };
      });
      await db.runIn(tx, UPSERT_REL[spec], { rows: merged });
    }
    const touched = [...new Set([...existing, ...nodeIds])];
    const ownersOnly = [...owners].filter((id) => current.has(id) && !nodeIds.has(id));
    if (ownersOnly.length) await perType(db, tx, BUMP_VERSION_BY_TYPE, ownersOnly);
    await perType(db, tx, UNLOCK_NODES, touched);
    const after = await snapshot(db, tx, touched);
    const ties = parsed.edges.map((e) => tieKey(e.record));
    return recordChange(db, tx, writer, {
      kind: request.kind ?? 'WRITE',
      message: request.message,
      idempotencyKey: request.idempotencyKey,
      requestHash,
      entities: [...touched, ...ties],
      records: JSON.stringify(request.records),
      before,
      after,
    });
  });
}

/** For each organisation record not confirmed as new, the other organisations whose names fold to one of its names. */
function sameNamed(db: Database, parsed: ParsedSeed, confirmed: ReadonlySet<string>): Promise<Map<string, NamedNode[]>> {
  const candidates = parsed.nodes.flatMap(({ record }) =>
    record.type === 'organization' && !confirmed.has(record.id)
      ? [{ id: record.id, names: [record.name, record.nameEn, ...(record.aliases ?? [])].filter((n): n is string => typeof n === 'string') }]
      : [],
  );
  return sameNamedOrganizations(db, candidates);
}

/** A tie's identity in the history: its record type and ends (and role, title or kind). */
export function tieKey(e: EdgeRecord): string {
  switch (e.type) {
    case 'party':
      return `party:${e.organization}:${e.agreement}:${e.role}`;
    case 'participation':
      return `participation:${e.organization}:${e.activity}:${e.role}`;
    case 'position':
      return `position:${e.person}:${e.organization}`;
    case 'signature':
      return `signature:${e.person}:${e.agreement ?? e.document}`;
    case 'attendance':
      return `attendance:${e.person}:${e.activity}:${e.role}`;
    case 'orgRelation':
      return `orgRelation:${e.from}:${e.to}:${e.kind}`;
  }
}

/** Adds one to the version of each node, by type. */
export const BUMP_VERSION_BY_TYPE = Object.fromEntries(
  Object.entries(SET_NODE_PROPS).map(([type, statement]) => [
    type,
    statement.replace('UNWIND $rows AS row', 'UNWIND $ids AS id').replace('{id: row.id}', '{id: id}').replace('SET n = row.props', 'SET n.version = coalesce(n.version, 0) + 1'),
  ]),
) as Record<NodeType, string>;

/** Records a change in the history within the write's transaction; returns it as stored. */
export async function recordChange(
  db: Database,
  tx: Transaction,
  writer: Writer,
  change: { kind: string; message: string; idempotencyKey?: string; requestHash: string; entities: string[]; records?: string; reverts?: string; before: Snapshot[]; after: Snapshot[] },
): Promise<ChangeRow> {
  const props: Row = {
    kind: change.kind,
    author: writer.name,
    authorSubject: writer.subject,
    authorRole: writer.role,
    message: change.message,
    requestHash: change.requestHash,
    entities: [...new Set(change.entities)],
    before: JSON.stringify(change.before),
    after: JSON.stringify(change.after),
  };
  if (change.records !== undefined) props.records = change.records;
  if (change.reverts !== undefined) props.reverts = change.reverts;
  if (change.idempotencyKey !== undefined) props.idempotencyKey = `${writer.subject}\u0000${change.idempotencyKey}`;
  const [row] = await db.runIn(tx, RECORD_CHANGE, { props });
  return row.change as ChangeRow;
}

/**
 * Retracts a node: it and every relationship it has leave the graph (so no answer shows them), and the
 * change keeps them as they were. Parts of a retracted instrument go with it.
 * @throws ConflictError when the node is not at `expectedVersion`; NotFound-like BAD_USER_INPUT when absent.
 */
export async function retractNode(db: Database, writer: Writer, id: string, expectedVersion: number, message: string, idempotencyKey?: string): Promise<ChangeRow> {
  checkMessage(message);
  if (!typeOfId(id)) throw new BadUserInputError(`'${id}' is not an id of a known form`, 'id');
  const requestHash = hashOf({ retract: id, expectedVersion, message });
  const again = await replayed(db, writer, idempotencyKey, requestHash);
  if (again) return again;
  return db.writeTx(async (tx) => {
    await perType(db, tx, LOCK_NODES, [id], { token: randomUUID() });
    const [row] = await perType(db, tx, KNOWN_NODES, [id]);
    if (!row) throw new BadUserInputError(`No node has the id '${id}'`, 'id');
    if (Number(row.version) !== expectedVersion) {
      throw new ConflictError(`'${id}' is at version ${Number(row.version)}, not ${expectedVersion}`, { versions: [{ id, version: Number(row.version), expected: expectedVersion }] });
    }
    const [own] = await snapshot(db, tx, [id]);
    const parts = own.rels.filter((r) => r.type === 'HAS_PART' && r.from === id).map((r) => r.to);
    const before = await snapshot(db, tx, [id, ...parts]);
    await perType(db, tx, DELETE_NODES, [id, ...parts]);
    return recordChange(db, tx, writer, { kind: 'RETRACT', message, idempotencyKey, requestHash, entities: [id, ...parts], before, after: [] });
  });
}

