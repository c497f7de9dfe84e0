import { z } from 'zod';
import { BadUserInputError } from '../core/errors';

export type SortDirectionValue = 'ASC' | 'DESC';

/**
 * A keyset position: the list and order it was made for, and the sort value and id of the item it points at.
 * The next page starts right after that item, so rows added or removed between requests never shift it.
 */
export interface Cursor {
  list: string;
  field: string;
  direction: SortDirectionValue;
  value: string | null;
  id: string;
}

const CURSOR = z.tuple([z.string(), z.string(), z.enum(['ASC', 'DESC']), z.string().nullable(), z.string().min(1)]);
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Encodes a position as an opaque base64url string. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.list, c.field, c.direction, c.value, c.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor; anything else throws BAD_USER_INPUT on argument `arg`. */
export function decodeCursor(raw: string, arg = 'after'): Cursor {
  const bad = () => new BadUserInputError(`${arg} is not a cursor of this list: pass an edge cursor or pageInfo.endCursor unchanged`, arg);
  if (!BASE64URL.test(raw)) throw bad();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const parsed = CURSOR.safeParse(json);
  if (!parsed.success) throw bad();
  const [list, field, direction, value, id] = parsed.data;
  return { list, field, direction, value, id };
}
