import type { Row } from '../db/database';
import type { Change } from './curation.type';

/** A Change node's properties, as read, to the GraphQL type. */
export function toChange(row: Row): Change {
  return {
    id: String(row.id),
    seq: Number(row.seq),
    at: String(row.at),
    kind: String(row.kind),
    author: String(row.author),
    authorRole: String(row.authorRole),
    message: String(row.message),
    entities: (row.entities as string[]) ?? [],
    reverts: row.reverts === undefined || row.reverts === null ? undefined : String(row.reverts),
    records: row.records === undefined || row.records === null ? undefined : String(row.records),
    before: String(row.before ?? '[]'),
    after: String(row.after ?? '[]'),
  };
}
