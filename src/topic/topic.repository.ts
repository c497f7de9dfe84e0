import type { Database } from '../neo4j';
import { byIdQuery } from '../graphql/cypher';
import { toTopic } from './topic.mapper';
import type { Topic } from './topic.type';

export const TOPICS_BY_ID = byIdQuery('Topic');

export const LIST_TOPICS = `MATCH (n:Topic) RETURN n ORDER BY n.id`;

export async function listTopics(db: Database): Promise<Topic[]> {
  const rows = await db.read(LIST_TOPICS);
  return rows.map((r) => toTopic(r.n));
}
