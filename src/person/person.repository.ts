import { pageParams, type Database } from '../neo4j';
import { byIdQuery } from '../graphql/cypher';
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

export const LIST_PEOPLE = `MATCH (n:Person)
WHERE $organization IS NULL OR EXISTS { (n)-[:HOLDS_POSITION]->(:Organization {id: $organization}) }
RETURN n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit`;

export async function listPeople(db: Database, organization: string | null, limit: number, offset: number): Promise<Person[]> {
  const rows = await db.read(LIST_PEOPLE, { organization, ...pageParams(limit, offset) });
  return rows.map((r) => toPerson(r.n));
}
