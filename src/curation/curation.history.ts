import type { Database, Row } from '../db/database';
import { intParam } from '../db/database';
import { BadUserInputError } from '../core/errors';
import { checkInt } from '../core/bounds';
import { CHANGES_SINCE, HISTORY_OF, NODE_VERSIONS, typeOfId } from './curation.repository';
import type { NodeType } from '../record/record.format';

/** Most changes one history or feed page returns. */
export const MAX_CHANGES = 500;

/** Most ids one versions request takes. */
export const MAX_VERSION_IDS = 200;

/** Largest change number and node version the API takes (far above any this graph reaches). */
export const MAX_SEQ = 1_000_000_000;

function checkFirst(first: number): void {
  checkInt(first, 1, MAX_CHANGES, 'first');
}

/** The changes that touched `id` (node id or tie key), newest first, at most `first`. */
export async function historyOf(db: Database, id: string, first: number): Promise<Row[]> {
  checkFirst(first);
  return (await db.read(HISTORY_OF, { id, limit: intParam(first) })).map((r) => r.change as Row);
}

/** Changes with a sequence number above `since`, oldest first, at most `first`. */
export async function changesSince(db: Database, since: number, first: number): Promise<Row[]> {
  checkFirst(first);
  checkInt(since, 0, MAX_SEQ, 'since');
  return (await db.read(CHANGES_SINCE, { since: intParam(since), limit: intParam(first) })).map((r) => r.change as Row);
}

/**
 * The current version of each id that names a node in the graph, in the order asked (ids of no known form or
 * not in the graph are left out): what a write that changes those nodes gives as expected versions. One
 * statement per node type.
 */
export async function versionsOf(db: Database, ids: readonly string[]): Promise<Array<{ id: string; version: number }>> {
  if (ids.length > MAX_VERSION_IDS) throw new BadUserInputError(`ids takes at most ${MAX_VERSION_IDS} ids`, 'ids');
  const byType = new Map<NodeType, string[]>();
  for (const id of new Set(ids)) {
    const type = typeOfId(id);
    if (type) byType.set(type, [...(byType.get(type) ?? []), id]);
  }
  const found = new Map<string, number>();
  for (const [type, group] of byType) {
    for (const row of await db.read(NODE_VERSIONS[type], { ids: group })) found.set(String(row.id), Number(row.version));
  }
  return ids.filter((id) => found.has(id)).map((id) => ({ id, version: found.get(id)! }));
}
