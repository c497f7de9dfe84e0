import type { Database } from '../db/database';
import { oneLoader, pagedLoader } from '../db/loader';
import { toActivity } from '../activity/activity.mapper';
import { toAgreement } from '../agreement/agreement.mapper';
import { toTopic } from '../topic/topic.mapper';
import { toPart, toPartActor } from './part.mapper';
import { tagInstrument } from './part.type';
import * as q from './part.repository';
import { perRequest } from '../graphql/context';

/** Per-request loaders of the part domain: one statement per batch of parents. */
export function createPartLoaders(db: Database) {
  const actor = (r: Record<string, unknown>) => toPartActor(r as Parameters<typeof toPartActor>[0]);
  return {
    partById: oneLoader(db, q.PARTS_BY_ID, (r) => toPart(r.n)),
    partInstrument: oneLoader(db, q.PART_INSTRUMENT, (r) =>
      r.type === 'Agreement' ? tagInstrument('Agreement', toAgreement(r.n)) : tagInstrument('Activity', toActivity(r.n)),
    ),
    partActors: pagedLoader(db, q.PART_ACTORS, actor),
    partTopics: pagedLoader(db, q.PART_TOPICS, (r) => toTopic(r.n)),
    partActivities: pagedLoader(db, q.PART_ACTIVITIES, (r) => toActivity(r.n)),
    agreementParts: pagedLoader(db, q.AGREEMENT_PARTS, (r) => toPart(r.n)),
    activityInstrumentParts: pagedLoader(db, q.ACTIVITY_PARTS_OF_INSTRUMENT, (r) => toPart(r.n)),
    activityPart: oneLoader(db, q.ACTIVITY_PART, (r) => toPart(r.n)),
  };
}

/** The part loaders of the request `ctx` (made on first use). */
export const partLoaders = perRequest(createPartLoaders);
