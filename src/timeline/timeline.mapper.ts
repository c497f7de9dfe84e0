import type { Row } from '../db/database';
import { toActivity } from '../activity/activity.mapper';
import { toAgreement } from '../agreement/agreement.mapper';
import { PARTICIPATION_ROLES, PARTY_ROLES } from '../db/vocabulary';
import { periodOfWritten } from '../rules/period';
import { TimelineEventKind, type TimelineEvent } from './timeline.type';

// Events of one day: signing first, then validity start, activities, and validity end last.
const KIND_ORDER: TimelineEventKind[] = [
  TimelineEventKind.IN_FORCE,
  TimelineEventKind.SIGNED,
  TimelineEventKind.VALID_FROM,
  TimelineEventKind.HELD,
  TimelineEventKind.PLANNED,
  TimelineEventKind.VALID_TO,
];

const NOT_HELD = new Set(['PLANNED', 'PROPOSED']);

/** Roles in the order the enums list them (PartyRole, then ParticipationRole), unknown ones last by name. */
export function orderRoles(roles: readonly string[]): string[] {
  const order: readonly string[] = [...PARTY_ROLES, ...PARTICIPATION_ROLES];
  const rank = (r: string) => (order.includes(r) ? order.indexOf(r) : order.length);
  return [...new Set(roles)].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
}

// A date written as a year or month is in the window when its period meets it (src/rules/period.ts).
function inWindow(date: string, from: string | null, to: string | null): boolean {
  const { first, last } = periodOfWritten(date);
  return (from === null || last >= from) && (to === null || first <= to);
}

/**
 * Turns timeline rows (`item`, `isAgreement`, `roles`, `orgIds`, `inForce`) into events: SIGNED, VALID_FROM and
 * VALID_TO for the dates an agreement has; HELD or PLANNED (by its stated status) for an activity, on its start
 * date (its end date when only that is known); IN_FORCE on `from` for each item the row marks in force in the
 * window. Dates are as written; keeps events whose date meets from..to and sorts by the first day of each
 * date, kind, then id.
 */
export function toTimelineEvents(rows: Row[], from: string | null, to: string | null): TimelineEvent[] {
  const events: Array<TimelineEvent & { itemId: string }> = [];
  for (const row of rows) {
    const roles = orderRoles((row.roles as unknown[]).map(String));
    const base = { roles, role: roles[0] ?? '', organizationIds: (row.orgIds as unknown[]).map(String).sort() };
    const push = (date: string | null, kind: TimelineEventKind, itemId: string, agreement: TimelineEvent['agreement'], activity: TimelineEvent['activity']) => {
      if (date !== null && inWindow(date, from, to)) events.push({ ...base, date, kind, agreement, activity, itemId } as TimelineEvent & { itemId: string });
    };
    if (row.isAgreement) {
      const agreement = toAgreement(row.item);
      if (row.inForce === true) push(from, TimelineEventKind.IN_FORCE, agreement.id, agreement, null);
      push(agreement.signedOn, TimelineEventKind.SIGNED, agreement.id, agreement, null);
      push(agreement.validFrom, TimelineEventKind.VALID_FROM, agreement.id, agreement, null);
      push(agreement.validTo, TimelineEventKind.VALID_TO, agreement.id, agreement, null);
    } else {
      const activity = toActivity(row.item);
      if (row.inForce === true) push(from, TimelineEventKind.IN_FORCE, activity.id, null, activity);
      const kind = activity.statedStatus && NOT_HELD.has(activity.statedStatus) ? TimelineEventKind.PLANNED : TimelineEventKind.HELD;
      push(activity.startDate ?? activity.endDate, kind, activity.id, null, activity);
    }
  }
  // By the first day of each date's period: a year-only date sorts with 1 January of its year.
  const firstDay = (date: string) => periodOfWritten(date).first;
  events.sort(
    (x, y) =>
      firstDay(x.date).localeCompare(firstDay(y.date)) || KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || x.itemId.localeCompare(y.itemId),
  );
  return events.map(({ itemId: _itemId, ...event }) => event as TimelineEvent);
}
