import type { Database, Row } from '../db/database';
import { intParam } from '../db/database';
import { BadUserInputError } from '../core/errors';
import { CHANGES_SINCE, HISTORY_OF } from './curation.repository';

/** Most changes one history or feed page returns. */
export const MAX_CHANGES = 500;

function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_CHANGES) throw new BadUserInputError(`first must be 1 to ${MAX_CHANGES}`, 'first');
}

/** The changes that touched `id` (node id or tie key), newest first, at most `first`. */
export async function historyOf(db: Database, id: string, first: number): Promise<Row[]> {
  checkFirst(first);
  return (await db.read(HISTORY_OF, { id, limit: intParam(first) })).map((r) => r.change as Row);
}

/** Changes with a sequence number above `since`, oldest first, at most `first`. */
export async function changesSince(db: Database, since: number, first: number): Promise<Row[]> {
  checkFirst(first);
  if (!Number.isInteger(since) || since < 0) throw new BadUserInputError('since must be 0 or more', 'since');
  return (await db.read(CHANGES_SINCE, { since: intParam(since), limit: intParam(first) })).map((r) => r.change as Row);
}
