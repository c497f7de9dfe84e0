import { randomUUID } from 'node:crypto';
import type { Database, Row } from '../db/database';
import { decodeProps } from '../db/snapshot';
import { intValue } from '../db/values';
import { NODE_LABEL } from '../db/vocabulary';
import { BadUserInputError, ConflictError, NotFoundError } from '../core/errors';
import { provenanceProps } from '../record/record.rows';
import type { ProvenanceEntry } from '../record/record.format';
import { DELETE_NODES, KNOWN_NODES, LOCK_NODES, SET_NODE_PROPS, mergeRelsStatement, typeOfId } from './curation.repository';
import { checkMessage, hashOf, perType, recordChange, replayed, snapshot, type ChangeRow, type Snapshot, type Writer } from './curation.service';

type Rel = Snapshot['rels'][number];

/** Reference fields an organisation holds once: the one it is merged into keeps its own. */
const SINGLE_OUT = new Set(['LOCATED_IN', 'PART_OF']);
/** Fields the merged-away organisation gives the other only where that one has none. */
const FILL_IN = ['nameEn', 'ror', 'website', 'category'] as const;

function union(...lists: Array<readonly ProvenanceEntry[]>): ProvenanceEntry[] {
  const seen = new Set<string>();
  return lists.flat().filter((p) => {
    const key = JSON.stringify(p);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

const parse = (value: unknown): ProvenanceEntry[] => JSON.parse(String(value ?? '[]')) as ProvenanceEntry[];
const unique = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];

export interface MergeRequest {
  from: string;
  into: string;
  fromVersion: number;
  intoVersion: number;
  message: string;
  idempotencyKey?: string;
}

/**
 * Merges one organisation into another, as one change: every tie and reference of `from` moves to `into`
 * (with its provenance, joined to the provenance of a tie `into` already has), `from`'s names become aliases
 * of `into`, its acronyms and provenance are added, fields `into` lacks (English name, ROR id, website) are
 * filled in; `into` keeps its own location and parent. `from` leaves the graph; the history keeps both as they
 * were, so `revert` undoes the merge.
 * @throws BadUserInputError unless both are organisations and differ; NotFoundError for an absent one;
 *   ConflictError when either is not at its given version.
 */
export async function mergeOrganizations(db: Database, writer: Writer, request: MergeRequest): Promise<ChangeRow> {
  const { from, into } = request;
  checkMessage(request.message);
  for (const [field, id] of [['from', from], ['into', into]] as const) {
    if (typeOfId(id) !== 'organization') throw new BadUserInputError(`'${id}' is not an organisation id (org-…)`, field);
  }
  if (from === into) throw new BadUserInputError('An organisation cannot be merged into itself', 'into');
  const requestHash = hashOf({ merge: from, into, versions: [request.fromVersion, request.intoVersion], message: request.message });
  const again = await replayed(db, writer, request.idempotencyKey, requestHash);
  if (again) return again;

  return db.writeTx(async (tx) => {
    await perType(db, tx, LOCK_NODES, [from, into], { token: randomUUID() });
    const known = new Map((await perType(db, tx, KNOWN_NODES, [from, into])).map((r) => [String(r.id), r]));
    for (const id of [from, into]) if (!known.has(id)) throw new NotFoundError('Organization', id);
    const stale = [
      { id: from, version: Number(known.get(from)!.version), expected: request.fromVersion },
      { id: into, version: Number(known.get(into)!.version), expected: request.intoVersion },
    ].filter((v) => v.version !== v.expected);
    if (stale.length) {
      throw new ConflictError(`Changed since read: ${stale.map((s) => `'${s.id}' is at version ${s.version}, not ${s.expected}`).join('; ')}`, { versions: stale });
    }
    const before = await snapshot(db, tx, [from, into]);
    const gone = before.find((s) => s.id === from)!;
    const kept = before.find((s) => s.id === into)!;
    const a = decodeProps(gone.props);
    const b = decodeProps(kept.props);

    // The organisation that stays: the other's names as aliases, its acronyms and provenance added.
    const names = new Set(unique([b.name, b.nameEn]));
    const aliases = unique([...((b.aliases as string[]) ?? []), a.name, a.nameEn, ...((a.aliases as string[]) ?? [])]).filter((n) => !names.has(n));
    const acronyms = unique([...((b.acronyms as string[]) ?? []), ...((a.acronyms as string[]) ?? [])]);
    const props: Row = { ...b, ...provenanceProps(union(parse(b.provenance), parse(a.provenance))), version: intValue(Number(known.get(into)!.version) + 1) };
    for (const field of FILL_IN) if (props[field] === undefined && a[field] !== undefined) props[field] = a[field];
    if (aliases.length) Object.assign(props, { aliases, aliasText: aliases.join(' | ') });
    if (acronyms.length) Object.assign(props, { acronyms, acronymText: acronyms.join(' | ') });
    await db.runIn(tx, SET_NODE_PROPS.organization, { rows: [{ id: into, props }] });

    // Every relationship of the one that goes, moved to the one that stays.
    const keyOf = (r: { type: string; from: string; to: string; key: unknown }) => `${r.type}|${r.from}|${r.to}|${JSON.stringify(r.key)}`;
    const existing = new Map(kept.rels.map((r) => [keyOf({ ...r, key: r.props.key }), r]));
    const groups = new Map<string, Row[]>();
    for (const r of gone.rels as Rel[]) {
      const moved = { type: r.type, from: r.from === from ? into : r.from, to: r.to === from ? into : r.to, key: r.props.key };
      if (moved.from === moved.to) continue;
      if (r.from === from && SINGLE_OUT.has(r.type) && kept.rels.some((k) => k.from === into && k.type === r.type)) continue;
      if (moved.key === undefined || moved.key === null) throw new ConflictError(`A ${r.type} relationship of '${from}' has no key: it cannot be moved`);
      const mine = decodeProps(r.props);
      const theirs = existing.get(keyOf(moved));
      const relProps = theirs
        ? { ...decodeProps(theirs.props), ...provenanceProps(union(parse(decodeProps(theirs.props).provenance), parse(mine.provenance))) }
        : mine;
      const group = `${r.type}|${NODE_LABEL[typeOfId(moved.from)!]}|${NODE_LABEL[typeOfId(moved.to)!]}`;
      groups.set(group, [...(groups.get(group) ?? []), { from: moved.from, to: moved.to, key: moved.key, props: relProps }]);
    }
    for (const [group, rows] of groups) {
      const [type, fromLabel, toLabel] = group.split('|');
      await db.runIn(tx, mergeRelsStatement(type, fromLabel, toLabel), { rows });
    }
    await perType(db, tx, DELETE_NODES, [from]);
    return recordChange(db, tx, writer, {
      kind: 'MERGE',
      message: request.message,
      idempotencyKey: request.idempotencyKey,
      requestHash,
      entities: [from, into],
      before,
      after: await snapshot(db, tx, [into]),
    });
  });
}
