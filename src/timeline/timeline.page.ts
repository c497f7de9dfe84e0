import type { ConnectionShape } from '../db/keyset';
import { checkInt, pageStart, positionConnection } from '../graphql/paging';
import { TIMELINE_LIST, type TimelineEvent } from './timeline.type';

/** Events a timeline page holds when `first` is not given, and the most it may hold. */
export const TIMELINE_PAGE_SIZE = 500;
export const MAX_TIMELINE_PAGE_SIZE = 5000;

/**
 * The page of a whole, ordered timeline that `first` and `after` ask for, as a connection. BAD_USER_INPUT for
 * `first` outside 1 to MAX_TIMELINE_PAGE_SIZE or a cursor that is not one of this list's. An actor's timeline
 * is read whole and cut here: it is small by nature (the dated events of one actor's instruments).
 */
export function timelinePage(events: readonly TimelineEvent[], first: number, after: string | null | undefined): ConnectionShape<TimelineEvent> {
  const size = checkInt(first, 1, MAX_TIMELINE_PAGE_SIZE, 'first');
  const start = pageStart(TIMELINE_LIST, 0, after);
  return positionConnection(TIMELINE_LIST, events.slice(start, start + size + 1), start, size, () => Promise.resolve(events.length));
}
