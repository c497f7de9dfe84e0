import type { Database, Row, Transaction } from '../db/database';
import { decodeProps } from '../db/snapshot';
import { intValue } from '../db/values';
import { NODE_LABEL } from '../db/vocabulary';
import { BadUserInputError, ConflictError, NotFoundError } from '../core/errors';
import {
  CHANGE_BY_ID, CITED_ELSEWHERE, DELETE_NODES, LOCK_NODES, SET_NODE_PROPS, UNLOCK_NODES, createNodeStatement, deleteRelsStatement, mergeRelsStatement,
  typeOfId,
} from './curation.repository';
import { checkMessage, hashOf, perType, recordChange, replayed, snapshot, type ChangeRow, type Snapshot, type Writer } from './curation.service';
import { randomUUID } from 'node:crypto';

type Rel = Snapshot['rels'][number];

const relKey = (r: Rel) => `${r.type}|${r.from}|${r.to}|${JSON.stringify(r.props.key ?? null)}`;
const versionOf = (s: Snapshot) => Number((decodeProps(s.props).version as { toNumber?: () => number } | number | undefined)?.toString() ?? 0);

/** Every relationship of the snapshots, once each, by key. */
function relsOf(snapshots: readonly Snapshot[]): Map<string, Rel> {
  const out = new Map<string, Rel>();
  for (const s of snapshots) for (const r of s.rels) out.set(relKey(r), r);
  return out;
}

const labelOf = (id: string) => {
  const type = typeOfId(id);
  if (!type) throw new ConflictError(`The history names '${id}', which is no node id: this change cannot be reverted`);
  return NODE_LABEL[type];
};

/** Runs one relationship statement per (type, end labels) group; returns how many relationships it matched. */
async function perRelGroup(db: Database, tx: Transaction, rels: Rel[], statementFor: (type: string, from: string, to: string) => string): Promise<number> {
  const groups = new Map<string, Rel[]>();
  for (const r of rels) {
    const group = `${r.type}|${labelOf(r.from)}|${labelOf(r.to)}`;
    groups.set(group, [...(groups.get(group) ?? []), r]);
  }
  let n = 0;
  for (const [group, list] of groups) {
    const [type, from, to] = group.split('|');
    const rows = list.map((r) => ({ from: r.from, to: r.to, key: decodeProps(r.props).key ?? null, props: decodeProps(r.props) }));
    const [row] = await db.runIn(tx, statementFor(type, from, to), { rows });
    n += Number(row?.n ?? 0);
  }
  return n;
}

/**
 * Reverts a recorded change: every node it touched goes back to what the change found (nodes it created are
 * deleted, nodes it retracted come back with their relationships, changed properties and relationships are
 * restored), in one transaction, recorded as a change of kind REVERT that names the one it reverts. Only
 * while nothing has changed those nodes since: otherwise CONFLICT (revert the later changes first).
 * Relationships others added since to a node it changed are left as they are.
 * @throws NotFoundError for an unknown change; ConflictError when the graph has moved on since.
 */
export async function revertChange(db: Database, writer: Writer, changeId: string, message: string, idempotencyKey?: string): Promise<ChangeRow> {
  checkMessage(message);
  const requestHash = hashOf({ revert: changeId, message });
  const again = await replayed(db, writer, idempotencyKey, requestHash);
  if (again) return again;
  const [found] = await db.read(CHANGE_BY_ID, { id: changeId });
  if (!found) throw new NotFoundError('Change', changeId);
  const change = found.change as Row;
  const before = JSON.parse(String(change.before)) as Snapshot[];
  const after = JSON.parse(String(change.after)) as Snapshot[];
  const beforeById = new Map(before.map((s) => [s.id, s]));
  const afterById = new Map(after.map((s) => [s.id, s]));
  const ids = [...new Set([...beforeById.keys(), ...afterById.keys()])];
  if (!ids.length) throw new BadUserInputError(`Change '${changeId}' touched no node: nothing to revert`, 'change');

  return db.writeTx(async (tx) => {
    await perType(db, tx, LOCK_NODES, ids, { token: randomUUID() });
    const now = new Map((await snapshot(db, tx, ids)).map((s) => [s.id, s]));

    // The graph must be as the change left it.
    const moved: string[] = [];
    for (const id of ids) {
      const was = afterById.get(id);
      const is = now.get(id);
      if (!was) {
        if (is) moved.push(`'${id}' exists again`);
      } else if (!is) moved.push(`'${id}' is gone`);
      else if (versionOf(is) !== versionOf(was)) moved.push(`'${id}' is at version ${versionOf(is)}, not ${versionOf(was)}`);
      else if (!beforeById.has(id)) {
        const extra = [...relsOf([is]).keys()].filter((k) => !relsOf([was]).has(k));
        if (extra.length) moved.push(`'${id}' has ${extra.length} relationship(s) written since`);
      }
    }
    if (moved.length) throw new ConflictError(`Change '${changeId}' cannot be reverted: the graph changed since (${moved.join('; ')}). Revert the later changes first.`, { change: changeId });

    const created = ids.filter((id) => !beforeById.has(id));
    for (const id of created.filter((i) => typeOfId(i) === 'source')) {
      const [row] = await db.runIn(tx, CITED_ELSEWHERE, { id, deleting: created });
      if (row?.cited) throw new ConflictError(`Change '${changeId}' registered '${id}', which facts written since cite: revert or retract those first`, { change: changeId });
    }

    // Nodes the change took out come back; nodes it changed get their properties back; each at a new version.
    const restored = ids.filter((id) => beforeById.has(id));
    for (const id of restored.filter((i) => !now.has(i))) {
      const s = beforeById.get(id)!;
      await db.runIn(tx, createNodeStatement(s.labels), { props: { ...decodeProps(s.props), version: intValue(versionOf(s) + 1) } });
    }
    const changed = restored.filter((id) => now.has(id));
    for (const id of changed) {
      const s = beforeById.get(id)!;
      const props = { ...decodeProps(s.props), version: intValue(versionOf(now.get(id)!) + 1) };
      await db.runIn(tx, SET_NODE_PROPS[typeOfId(id)!], { rows: [{ id, props }] });
    }

    // Relationships: what the change added goes, what it removed or altered comes back as it was.
    const relsBefore = relsOf(before);
    const relsAfter = relsOf(after);
    const added = [...relsAfter].filter(([k, r]) => !relsBefore.has(k) && !created.includes(r.from) && !created.includes(r.to)).map(([, r]) => r);
    await perRelGroup(db, tx, added, deleteRelsStatement);
    const back = [...relsBefore].filter(([k, r]) => JSON.stringify(relsAfter.get(k)) !== JSON.stringify(r)).map(([, r]) => r);
    const written = await perRelGroup(db, tx, back, mergeRelsStatement);
    if (written !== back.length) {
      throw new ConflictError(`Change '${changeId}' cannot be reverted: ${back.length - written} relationship(s) it removed lead to nodes gone since`, { change: changeId });
    }
    await perType(db, tx, DELETE_NODES, created);

    const left = ids.filter((id) => !created.includes(id));
    await perType(db, tx, UNLOCK_NODES, left);
    return recordChange(db, tx, writer, {
      kind: 'REVERT',
      message,
      idempotencyKey,
      requestHash,
      entities: (change.entities as string[]) ?? ids,
      reverts: changeId,
      before: [...now.values()],
      after: await snapshot(db, tx, left),
    });
  });
}
