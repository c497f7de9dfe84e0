import { byIdQuery } from '../db/cypher';
import { pagedInQuery, pagedOutQuery, pagedQuery } from '../graphql/nested-page';

// Parts hang off their instrument: (instrument)-[:HAS_PART]->(part), (org)-[:PART_ACTOR {role}]->(part),
// (part)-[:ABOUT]->(topic), (activity)-[:UNDER_PART]->(part). Every statement is batched over $keys.

export const PARTS_BY_ID = byIdQuery('Part');

/** The instrument (agreement or activity) of each part: columns `key`, `n`, `type` ('Agreement' | 'Activity'). */
export const PART_INSTRUMENT = `UNWIND $keys AS key
MATCH (n)-[:HAS_PART]->(:Part {id: key})
WHERE n:Agreement OR n:Activity
RETURN key, n, CASE WHEN n:Agreement THEN 'Agreement' ELSE 'Activity' END AS type
ORDER BY key, n.id`;

/** A page of the parts of each agreement, by ordinal (unnumbered last), then id. */
export const AGREEMENT_PARTS = pagedOutQuery('Agreement', 'HAS_PART', 'Part', 'n.ordinal, n.id');

/** A page of the parts of each activity, by ordinal (unnumbered last), then id. */
export const ACTIVITY_PARTS_OF_INSTRUMENT = pagedOutQuery('Activity', 'HAS_PART', 'Part', 'n.ordinal, n.id');

/** A page of the topics of each part, by id. */
export const PART_TOPICS = pagedOutQuery('Part', 'ABOUT', 'Topic', 'n.id');

/** A page of the activities carried out for each part, by start date (undated last), then id. */
export const PART_ACTIVITIES = pagedInQuery('Part', 'UNDER_PART', 'Activity', 'n.startDate, n.id');

/** The part each activity carries out, if any: columns `key`, `n`. */
export const ACTIVITY_PART = `UNWIND $keys AS key
MATCH (:Activity {id: key})-[:UNDER_PART]->(n:Part)
RETURN key, n
ORDER BY key, n.id`;

/** A page of the organisations named for each part, by role then organisation id. */
export const PART_ACTORS = pagedQuery(
  'MATCH (o:Organization)-[r:PART_ACTOR]->(:Part {id: key})',
  'o.id AS organizationId, key AS partId, properties(r) AS rel',
  'r.role, o.id',
);

