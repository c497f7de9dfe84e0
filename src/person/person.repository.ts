import type { Database } from '../neo4j';
import { byIdQuery } from '../graphql/cypher';
import { keysetQueries, readPage, type ConnectionShape, type PageRequest, type SortTable } from '../graphql/keyset';
import { toPerson } from './person.mapper';
import type { Person } from './person.type';

export const PEOPLE_BY_ID = byIdQuery('Person');

export const PERSON_POSITIONS = `UNWIND $keys AS key
MATCH (:Person {id: key})-[r:HOLDS_POSITION]->(o:Organization)
RETURN key, key AS personId, o.id AS organizationId, properties(r) AS rel
ORDER BY key, r.asOf, o.id`;

export const ORG_POSITIONS = `UNWIND $keys AS key
MATCH (p:Person)-[r:HOLDS_POSITION]->(:Organization {id: key})
RETURN key, p.id AS personId, key AS organizationId, properties(r) AS rel
ORDER BY key, r.asOf, p.name`;

export const PERSON_SIGNATURES = `UNWIND $keys AS key
MATCH (:Person {id: key})-[r:SIGNED]->(t)
RETURN key, key AS personId, t.id AS targetId, t:Agreement AS targetIsAgreement, properties(r) AS rel
ORDER BY key, t.id`;

export const AGREEMENT_SIGNATURES = `UNWIND $keys AS key
MATCH (p:Person)-[r:SIGNED]->(:Agreement {id: key})
RETURN key, p.id AS personId, key AS targetId, true AS targetIsAgreement, properties(r) AS rel
ORDER BY key, p.name`;

export const DOCUMENT_SIGNATURES = `UNWIND $keys AS key
MATCH (p:Person)-[r:SIGNED]->(:Source {id: key})
RETURN key, p.id AS personId, key AS targetId, false AS targetIsAgreement, properties(r) AS rel
ORDER BY key, p.name`;

export const PERSON_ATTENDANCES = `UNWIND $keys AS key
MATCH (:Person {id: key})-[r:ATTENDED]->(a:Activity)
RETURN key, key AS personId, a.id AS activityId, properties(r) AS rel
ORDER BY key, a.startDate, a.id`;

export const ACTIVITY_ATTENDANCES = `UNWIND $keys AS key
MATCH (p:Person)-[r:ATTENDED]->(:Activity {id: key})
RETURN key, p.id AS personId, key AS activityId, properties(r) AS rel
ORDER BY key, r.role, p.name`;

/** Sort fields of the people connection. */
export const PERSON_SORTS = {
  NAME: { expr: 'n.name', type: 'string' },
} as const satisfies SortTable;

export const LIST_PEOPLE = keysetQueries(
  `MATCH (n:Person)
WHERE ($organization IS NULL OR EXISTS { (n)-[:HOLDS_POSITION]->(:Organization {id: $organization}) })`,
  PERSON_SORTS,
);

/** One page of the people (holding a post at `organization` when given); the count runs only if asked for. */
export function listPeople(db: Database, organization: string | null, page: PageRequest<keyof typeof PERSON_SORTS>): Promise<ConnectionShape<Person>> {
  return readPage(db, LIST_PEOPLE, { organization }, page, toPerson);
}
