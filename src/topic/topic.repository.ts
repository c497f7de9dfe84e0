import type { Database } from '../db/database';
import { byIdQuery } from '../db/cypher';
import { keysetQueries, readPage, type ConnectionShape, type PageRequest, type SortTable } from '../db/keyset';
import { toTopic } from './topic.mapper';
import type { Topic } from './topic.type';

export const TOPICS_BY_ID = byIdQuery('Topic');

/** Sort fields of the topics connection. */
export const TOPIC_SORTS = {
  NAME: { expr: 'n.nameKey', type: 'string' },
} as const satisfies SortTable;

export const LIST_TOPICS = keysetQueries(
  `MATCH (n:Topic)
WHERE true`,
  TOPIC_SORTS,
);

/** One page of the topics; the count runs only if asked for. */
export function listTopics(db: Database, page: PageRequest<keyof typeof TOPIC_SORTS>): Promise<ConnectionShape<Topic>> {
  return readPage(db, LIST_TOPICS, {}, page, toTopic);
}
