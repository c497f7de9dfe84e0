import { pageParams, type Database } from '../neo4j';
import type { NestedPage } from '../graphql/paging';
import { dateParam } from '../graphql/dates';
import { toActivity } from '../activity/activity.mapper';
import { toAgreement } from '../agreement/agreement.mapper';
import type { Activity } from '../activity/activity.type';
import type { Agreement } from '../agreement/agreement.type';
import { toTimelineEvents } from './timeline.mapper';
import type { Period } from './timeline.period';
import type { TimelineEvent } from './timeline.type';

/**
 * Agreements in force at some time in $since..$until: validity starts at validFrom (else the signing date,
 * else it is open) and ends at validTo (else it is open); at least one date is needed. Proposals and plans
 * not yet agreed are left out.
 */
export const IN_FORCE_AGREEMENTS = `MATCH (n:Agreement)
WHERE NOT coalesce(n.status, '') IN ['PROPOSED', 'PLANNED']
  AND coalesce(n.validFrom, n.signedOn, n.validTo) IS NOT NULL
  AND coalesce(n.validFrom, n.signedOn, $since) <= $until
  AND coalesce(n.validTo, $since) >= $since
RETURN n
ORDER BY coalesce(n.validFrom, n.signedOn, n.validTo), n.id
SKIP $offset LIMIT $first`;

/**
 * Activities held or ongoing at some time in $since..$until: from startDate (else endDate) to endDate (else
 * startDate; an ongoing activity with no end runs on).
 */
export const IN_FORCE_ACTIVITIES = `MATCH (n:Activity)
WHERE coalesce(n.status, 'HELD') IN ['HELD', 'ONGOING']
  AND coalesce(n.startDate, n.endDate) <= $until
  AND (coalesce(n.endDate, n.startDate) >= $since OR (n.endDate IS NULL AND n.status = 'ONGOING'))
RETURN n
ORDER BY coalesce(n.startDate, n.endDate), n.id
SKIP $offset LIMIT $first`;

/**
 * The agreements and activities of the organisations $orgIds that have a date within $from..$to, with the
 * roles and organisations of the actor in each.
 */
export const TIMELINE_ITEMS = `UNWIND $orgIds AS oid
MATCH (o:Organization {id: oid})-[r:PARTY_TO|PARTICIPATED_IN]->(i)
WITH i, collect(DISTINCT r.role) AS roles, collect(DISTINCT o.id) AS orgIds
WHERE any(d IN [i.signedOn, i.validFrom, i.validTo, coalesce(i.startDate, i.endDate)]
          WHERE d IS NOT NULL AND ($from IS NULL OR d >= $from) AND ($to IS NULL OR d <= $to))
RETURN i AS item, i:Agreement AS isAgreement, roles, orgIds`;

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
