import type { Database } from '../db/database';
import { oneLoader, pagedLoader } from '../db/loader';
import { toAdminUnit } from '../geography/geography.mapper';
import { toAgreement } from '../agreement/agreement.mapper';
import { toTopic } from '../topic/topic.mapper';
import { toActivity, toParticipation } from './activity.mapper';
import * as q from './activity.repository';
import { perRequest } from '../graphql/context';

/** Per-request loaders of the activity domain. */
export function createActivityLoaders(db: Database) {
  const participation = (r: Record<string, unknown>) => toParticipation(r as Parameters<typeof toParticipation>[0]);
  return {
    activityById: oneLoader(db, q.ACTIVITIES_BY_ID, (r) => toActivity(r.n)),
    activityPlace: oneLoader(db, q.ACTIVITY_PLACE, (r) => toAdminUnit(r.n)),
    activityAgreement: oneLoader(db, q.ACTIVITY_AGREEMENT, (r) => toAgreement(r.n)),
    activityPartOf: oneLoader(db, q.ACTIVITY_PART_OF, (r) => toActivity(r.n)),
    activityParts: pagedLoader(db, q.ACTIVITY_PARTS, (r) => toActivity(r.n)),
    activityTopics: pagedLoader(db, q.ACTIVITY_TOPICS, (r) => toTopic(r.n)),
    agreementActivities: pagedLoader(db, q.AGREEMENT_ACTIVITIES, (r) => toActivity(r.n)),
    topicActivities: pagedLoader(db, q.TOPIC_ACTIVITIES, (r) => toActivity(r.n)),
    unitActivities: pagedLoader(db, q.UNIT_ACTIVITIES, (r) => toActivity(r.n)),
    activityParticipants: pagedLoader(db, q.ACTIVITY_PARTICIPANTS, participation),
    orgActivities: pagedLoader(db, q.ORG_ACTIVITIES, participation),
  };
}

/** The activity loaders of the request `ctx` (made on first use). */
export const activityLoaders = perRequest(createActivityLoaders);
