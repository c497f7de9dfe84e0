import type { Database } from '../db/database';
import { oneLoader } from '../db/loader';
import { toTopic } from './topic.mapper';
import { TOPICS_BY_ID } from './topic.repository';
import { perRequest } from '../graphql/context';

/** Per-request loaders of the topic domain. */
export function createTopicLoaders(db: Database) {
  return { topicById: oneLoader(db, TOPICS_BY_ID, (r) => toTopic(r.n)) };
}

/** The topic loaders of the request `ctx` (made on first use). */
export const topicLoaders = perRequest(createTopicLoaders);
