import { pageParams, type Database } from '../db/database';
import type { NestedPage } from '../graphql/paging';
import { dateParam } from '../db/dates';
import { toActivity } from '../activity/activity.mapper';
import { toAgreement } from '../agreement/agreement.mapper';
import type { Activity } from '../activity/activity.type';
import type { Agreement } from '../agreement/agreement.type';
import { toTimelineEvents } from './timeline.mapper';
import type { Period } from './timeline.period';
import type { TimelineEvent } from './timeline.type';
import { dateInPeriodCypher, inForceCypher, spanStartCypher } from '../rules/period';

/** Agreements in force at some time in $since..$until, by the rule of src/rules/period.ts; by span start, then id. */
export const IN_FORCE_AGREEMENTS = `MATCH (n:Agreement)
WHERE ${inForceCypher('n', '$since', '$until')}
WITH n, ${spanStartCypher('n')} AS start
RETURN n
ORDER BY start, n.id
SKIP $offset LIMIT $first`;

/** Activities held or ongoing at some time in $since..$until, by the same rule; by span start, then id. */
export const IN_FORCE_ACTIVITIES = `MATCH (n:Activity)
WHERE ${inForceCypher('n', '$since', '$until')}
WITH n, ${spanStartCypher('n')} AS start
RETURN n
ORDER BY start, n.id
SKIP $offset LIMIT $first`;

/**
 * The agreements and activities of the organisations $orgIds that have a date within $from..$to (a date written
 * as a year or month counts when its period meets the window) or, when $from is given, are in force at some
 * time in the window, with the roles and organisations of the actor in each.
 */
export const TIMELINE_ITEMS = `UNWIND $orgIds AS oid
MATCH (o:Organization {id: oid})-[r:PARTY_TO|PARTICIPATED_IN]->(i)
WITH i, collect(DISTINCT r.role) AS roles, collect(DISTINCT o.id) AS orgIds
WITH i, roles, orgIds, $from IS NOT NULL AND ${inForceCypher('i', '$from', '$to')} AS inForce
WHERE inForce
   OR (${dateInPeriodCypher('i', 'signedOn', '$from', '$to')} AND i.signedOn IS NOT NULL
    OR ${dateInPeriodCypher('i', 'validFrom', '$from', '$to')} AND i.validFrom IS NOT NULL
    OR ${dateInPeriodCypher('i', 'validTo', '$from', '$to')} AND i.validTo IS NOT NULL
    OR ${dateInPeriodCypher('i', 'startDate', '$from', '$to')} AND i.startDate IS NOT NULL
    OR ${dateInPeriodCypher('i', 'endDate', '$from', '$to')} AND i.startDate IS NULL AND i.endDate IS NOT NULL)
RETURN i AS item, i:Agreement AS isAgreement, roles, orgIds, inForce`;

function periodParams(period: Period, page: NestedPage) {
  const { limit, offset } = pageParams(page.first, page.offset);
  return { since: dateParam(period.from, 'from'), until: dateParam(period.to, 'to'), first: limit, offset };
}

/** One page of the agreements in force at some time in the period (a checked page, see checkNestedPage). */
export async function inForceAgreements(db: Database, period: Period, page: NestedPage): Promise<Agreement[]> {
  const rows = await db.read(IN_FORCE_AGREEMENTS, periodParams(period, page));
  return rows.map((r) => toAgreement(r.n));
}

/** One page of the activities held or ongoing at some time in the period (a checked page). */
export async function inForceActivities(db: Database, period: Period, page: NestedPage): Promise<Activity[]> {
  const rows = await db.read(IN_FORCE_ACTIVITIES, periodParams(period, page));
  return rows.map((r) => toActivity(r.n));
}

/** The dated events of the agreements and activities of `orgIds`, within from..to (inclusive), by date. */
export async function timelineEvents(db: Database, orgIds: string[], from: string | null, to: string | null): Promise<TimelineEvent[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.read(TIMELINE_ITEMS, { orgIds, from: dateParam(from, 'from'), to: dateParam(to, 'to') });
  return toTimelineEvents(rows, from, to);
}
