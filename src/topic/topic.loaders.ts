import type { Database } from '../neo4j';
import { oneLoader } from '../graphql/loader';
import { toTopic } from './topic.mapper';
import { TOPICS_BY_ID } from './topic.repository';

/** Per-request loaders of the topic domain. */
export function createTopicLoaders(db: Database) {
  return { topicById: oneLoader(db, TOPICS_BY_ID, (r) => toTopic(r.n)) };
}
