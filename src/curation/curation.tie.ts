import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import { NODE_LABEL } from '../db/vocabulary';
import { BadUserInputError, ConflictError, NotFoundError } from '../core/errors';
import { REL_TYPE } from '../record/record.repository';
import { KNOWN_NODES, LOCK_NODES, UNLOCK_NODES, deleteRelsBetweenStatement, deleteRelsStatement, typeOfId } from './curation.repository';
import { BUMP_VERSION_BY_TYPE, checkMessage, hashOf, perType, recordChange, replayed, snapshot, type ChangeRow, type Writer } from './curation.service';

/** A tie as the history names it, read back: the relationship it is stored as and the node whose version guards it. */
interface Tie {
  type: string;
  from: string;
  to: string;
  /** The relationship's key; undefined where the name does not carry it (a position: every title between the two). */
  key?: string;
  owner: string;
}

const FORMS: Record<string, { parts: number; read: (p: string[]) => Tie }> = {
  party: { parts: 3, read: ([org, agr, role]) => ({ type: REL_TYPE.PARTY_TO, from: org, to: agr, key: role, owner: agr }) },
  participation: { parts: 3, read: ([org, act, role]) => ({ type: REL_TYPE.PARTICIPATED_IN, from: org, to: act, key: role, owner: act }) },
  attendance: { parts: 3, read: ([per, act, role]) => ({ type: REL_TYPE.ATTENDED, from: per, to: act, key: role, owner: act }) },
  position: { parts: 2, read: ([per, org]) => ({ type: REL_TYPE.HOLDS_POSITION, from: per, to: org, owner: per }) },
  signature: { parts: 2, read: ([per, doc]) => ({ type: REL_TYPE.SIGNED_AGREEMENT, from: per, to: doc, key: 'signed', owner: per }) },
  orgRelation: { parts: 3, read: ([a, b, kind]) => ({ type: REL_TYPE.RELATED_TO, from: a, to: b, key: kind, owner: a }) },
};

/** Reads a tie key (party:org-…:agr-…:ROLE and the like, as history and the change feed list them). */
export function parseTieKey(key: string): Tie {
  const [kind, ...parts] = key.split(':');
  const form = FORMS[kind];
  if (!form || parts.length !== form.parts || parts.some((p) => !p)) {
    throw new BadUserInputError(`'${key}' is not a tie key: one of ${Object.keys(FORMS).map((k) => `${k}:…`).join(', ')} as history lists them`, 'tie');
  }
  const tie = form.read(parts);
  for (const id of [tie.from, tie.to]) if (!typeOfId(id)) throw new BadUserInputError(`'${id}' in '${key}' is not an id of a known form`, 'tie');
  return tie;
}

/**
 * Retracts a tie (a party, participation, attendance, position, signature or organisation relation): it leaves
 * every answer; the change keeps both ends as they were, so revert brings it back. Guarded by the version of the
 * node that owns the tie (the instrument, the person, or the first organisation), which it raises by one.
 * @throws BadUserInputError for a malformed key; NotFoundError when the tie is not in the graph; ConflictError on a stale version.
 */
export async function retractTie(db: Database, writer: Writer, key: string, expectedVersion: number, message: string, idempotencyKey?: string): Promise<ChangeRow> {
  checkMessage(message);
  const tie = parseTieKey(key);
  const requestHash = hashOf({ retractTie: key, expectedVersion, message });
  const again = await replayed(db, writer, idempotencyKey, requestHash);
  if (again) return again;
  return db.writeTx(async (tx) => {
    await perType(db, tx, LOCK_NODES, [tie.owner], { token: randomUUID() });
    const [owner] = await perType(db, tx, KNOWN_NODES, [tie.owner]);
    if (!owner) throw new NotFoundError('Node', tie.owner);
    if (Number(owner.version) !== expectedVersion) {
      throw new ConflictError(`'${tie.owner}' is at version ${Number(owner.version)}, not ${expectedVersion}`, {
        versions: [{ id: tie.owner, version: Number(owner.version), expected: expectedVersion }],
      });
    }
    const ends = [tie.from, tie.to];
    const before = await snapshot(db, tx, ends);
    const fromLabel = NODE_LABEL[typeOfId(tie.from)!];
    const toLabel = NODE_LABEL[typeOfId(tie.to)!];
    const [row] =
      tie.key === undefined
        ? await db.runIn(tx, deleteRelsBetweenStatement(tie.type, fromLabel, toLabel), { from: tie.from, to: tie.to })
        : await db.runIn(tx, deleteRelsStatement(tie.type, fromLabel, toLabel), { rows: [{ from: tie.from, to: tie.to, key: tie.key }] });
    if (!row || Number(row.n) === 0) throw new NotFoundError('Tie', key);
    await perType(db, tx, BUMP_VERSION_BY_TYPE, [tie.owner]);
    await perType(db, tx, UNLOCK_NODES, [tie.owner]);
    return recordChange(db, tx, writer, {
      kind: 'RETRACT',
      message,
      idempotencyKey,
      requestHash,
      entities: [...ends, key],
      before,
      after: await snapshot(db, tx, ends),
    });
  });
}
