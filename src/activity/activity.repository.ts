import type { Database } from '../db/database';
import { byIdQuery, outQuery } from '../db/cypher';
import { pagedInQuery, pagedOutQuery, pagedQuery } from '../graphql/nested-page';
import { keysetQueries, readPage, type ConnectionShape, type PageRequest, type SortTable } from '../db/keyset';
import { dateParam } from '../db/dates';
import { listParam } from '../graphql/filter-lists';
import { activeInPeriodCypher, statusAsOfCypher, today } from '../rules/period';
import { heldInCypher, participantOrInheritedOrganiserCypher } from '../rules/sub-event';
import { toActivity } from './activity.mapper';
import type { Activity } from './activity.type';

export const ACTIVITIES_BY_ID = byIdQuery('Activity');
export const ACTIVITY_PLACE = outQuery('Activity', 'HELD_IN', 'AdminUnit');
export const ACTIVITY_AGREEMENT = outQuery('Activity', 'UNDER', 'Agreement');
export const ACTIVITY_PART_OF = outQuery('Activity', 'PART_OF', 'Activity');
// Nested lists: one page per parent (see pagedQuery), in the order the field descriptions state.
export const ACTIVITY_PARTS = pagedInQuery('Activity', 'PART_OF', 'Activity', 'n.startDate, n.id');
export const ACTIVITY_TOPICS = pagedOutQuery('Activity', 'ABOUT', 'Topic', 'n.id');
export const AGREEMENT_ACTIVITIES = pagedInQuery('Agreement', 'UNDER', 'Activity', 'n.startDate, n.id');
export const TOPIC_ACTIVITIES = pagedInQuery('Topic', 'ABOUT', 'Activity', 'n.startDate, n.id');
export const UNIT_ACTIVITIES = pagedInQuery('AdminUnit', 'HELD_IN', 'Activity', 'n.startDate, n.id');

/** A page of the participants of each activity, by role then organisation id. */
export const ACTIVITY_PARTICIPANTS = pagedQuery(
  'MATCH (o:Organization)-[r:PARTICIPATED_IN]->(:Activity {id: key})',
  'o.id AS organizationId, key AS activityId, properties(r) AS rel',
  'r.role, o.id',
);

/** A page of the activities of each organisation, by start date, activity id, then role. */
export const ORG_ACTIVITIES = pagedQuery(
  'MATCH (:Organization {id: key})-[r:PARTICIPATED_IN]->(a:Activity)',
  'key AS organizationId, a.id AS activityId, properties(r) AS rel',
  'a.startDate, a.id, r.role',
);

/** Sort fields of the activities connection. */
export const ACTIVITY_SORTS = {
  START_DATE: { expr: 'n.startDate', type: 'date' },
  TITLE: { expr: 'n.titleKey', type: 'string' },
} as const satisfies SortTable;

// Place and participant include sub-events that inherit them from their event (see rules/sub-event.ts). Singular
// filters and their lists (`$kind`, `$kinds`, ...) both apply when both are given.
export const LIST_ACTIVITIES = keysetQueries(
  `MATCH (n:Activity)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($status IS NULL OR ${statusAsOfCypher('n', '$asOf')} = $status)
  AND ($statuses IS NULL OR ${statusAsOfCypher('n', '$asOf')} IN $statuses)
  AND ($from IS NULL AND $to IS NULL OR ${activeInPeriodCypher('n', '$from', '$to')})
  AND ($place IS NULL OR ${heldInCypher('n', "u.id = $place OR EXISTS { (u)-[:SUCCEEDED_BY*1..10]->(:AdminUnit {id: $place}) }")})
  AND ($locations IS NULL OR ${heldInCypher('n', 'u.id IN $locations OR EXISTS { (u)-[:SUCCEEDED_BY*1..10]->(s:AdminUnit) WHERE s.id IN $locations }')})
  AND ($regions IS NULL OR ${heldInCypher('n', 'EXISTS { (u)-[:IN_REGION]->(r:Region) WHERE r.id IN $regions }')})
  AND ($agreement IS NULL OR EXISTS { (n)-[:UNDER]->(:Agreement {id: $agreement}) })
  AND ($agreements IS NULL OR EXISTS { (n)-[:UNDER]->(g:Agreement) WHERE g.id IN $agreements })
  AND ($participant IS NULL OR ${participantOrInheritedOrganiserCypher('n', '$participant')})
  AND ($participants IS NULL OR any(participant IN $participants WHERE ${participantOrInheritedOrganiserCypher('n', 'participant')}))
  AND ($topic IS NULL OR EXISTS { (n)-[:ABOUT]->(:Topic {id: $topic}) })
  AND ($topics IS NULL OR EXISTS { (n)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics })`,
  ACTIVITY_SORTS,
);

export interface ActivityFilter {
  kind?: string | null;
  kinds?: readonly string[] | null;
  status?: string | null;
  statuses?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  asOf?: string | null;
  place?: string | null;
  locations?: readonly string[] | null;
  regions?: readonly string[] | null;
  agreement?: string | null;
  agreements?: readonly string[] | null;
  participant?: string | null;
  participants?: readonly string[] | null;
  topic?: string | null;
  topics?: readonly string[] | null;
}

/**
 * One page of the activities matching `f`; the count runs only if asked for. Throws BAD_USER_INPUT for a
 * malformed date or a list filter of more than MAX_FILTER_VALUES values.
 */
export function listActivities(db: Database, f: ActivityFilter, page: PageRequest<keyof typeof ACTIVITY_SORTS>): Promise<ConnectionShape<Activity>> {
  const params = {
    kind: f.kind ?? null,
    kinds: listParam(f.kinds, 'kinds'),
    status: f.status ?? null,
    statuses: listParam(f.statuses, 'statuses'),
    from: dateParam(f.from, 'from'),
    to: dateParam(f.to, 'to'),
    asOf: dateParam(f.asOf ?? today(), 'asOf'),
    place: f.place ?? null,
    locations: listParam(f.locations, 'locations'),
    regions: listParam(f.regions, 'regions'),
    agreement: f.agreement ?? null,
    agreements: listParam(f.agreements, 'agreements'),
    participant: f.participant ?? null,
    participants: listParam(f.participants, 'participants'),
    topic: f.topic ?? null,
    topics: listParam(f.topics, 'topics'),
  };
  return readPage(db, LIST_ACTIVITIES, params, page, toActivity);
}
