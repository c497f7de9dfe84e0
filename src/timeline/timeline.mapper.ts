import type { Row } from '../neo4j';
import { toActivity } from '../activity/activity.mapper';
import { toAgreement } from '../agreement/agreement.mapper';
import { PARTICIPATION_ROLES, PARTY_ROLES } from '../seed/seed.schema';
import { TimelineEventKind, type TimelineEvent } from './timeline.type';

// Events of one day: signing first, then validity start, activities, and validity end last.
const KIND_ORDER: TimelineEventKind[] = [
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

function inWindow(date: string, from: string | null, to: string | null): boolean {
  return (from === null || date >= from) && (to === null || date <= to);
}

/**
 * Turns timeline rows (`item`, `isAgreement`, `roles`, `orgIds`) into events: SIGNED, VALID_FROM and VALID_TO
 * for the dates an agreement has; HELD or PLANNED (by status) for an activity, on its start date (its end
 * date when only that is known). Keeps events within from..to and sorts by date, kind, then id.
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
      push(agreement.signedOn, TimelineEventKind.SIGNED, agreement.id, agreement, null);
      push(agreement.validFrom, TimelineEventKind.VALID_FROM, agreement.id, agreement, null);
      push(agreement.validTo, TimelineEventKind.VALID_TO, agreement.id, agreement, null);
    } else {
      const activity = toActivity(row.item);
      const kind = activity.status && NOT_HELD.has(activity.status) ? TimelineEventKind.PLANNED : TimelineEventKind.HELD;
      push(activity.startDate ?? activity.endDate, kind, activity.id, null, activity);
    }
  }
  events.sort(
    (x, y) =>
      x.date.localeCompare(y.date) || KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || x.itemId.localeCompare(y.itemId),
  );
  return events.map(({ itemId: _itemId, ...event }) => event as TimelineEvent);
}
