import type { Database } from '../db/database';
import { byIdQuery } from '../db/cypher';
import { pagedQuery } from '../graphql/nested-page';
import { keysetQueries, readPage, type ConnectionShape, type PageRequest, type SortTable } from '../db/keyset';
import { listParam } from '../graphql/filter-lists';
import { toPerson } from './person.mapper';
import type { Person } from './person.type';

export const PEOPLE_BY_ID = byIdQuery('Person');

// Nested lists: one page per parent (see pagedQuery), in the order the field descriptions state.

export const PERSON_POSITIONS = pagedQuery(
  'MATCH (:Person {id: key})-[r:HOLDS_POSITION]->(o:Organization)',
  'key AS personId, o.id AS organizationId, properties(r) AS rel',
  'r.asOf, o.id, r.title',
);

export const ORG_POSITIONS = pagedQuery(
  'MATCH (p:Person)-[r:HOLDS_POSITION]->(:Organization {id: key})',
  'p.id AS personId, key AS organizationId, properties(r) AS rel',
  'r.asOf, p.nameKey, p.id, r.title',
);

export const PERSON_SIGNATURES = pagedQuery(
  'MATCH (:Person {id: key})-[r:SIGNED]->(t)',
  'key AS personId, t.id AS targetId, t:Agreement AS targetIsAgreement, properties(r) AS rel',
  't.id, r.onBehalfOf',
);

export const AGREEMENT_SIGNATURES = pagedQuery(
  'MATCH (p:Person)-[r:SIGNED]->(:Agreement {id: key})',
  'p.id AS personId, key AS targetId, true AS targetIsAgreement, properties(r) AS rel',
  'p.nameKey, p.id, r.onBehalfOf',
);

export const DOCUMENT_SIGNATURES = pagedQuery(
  'MATCH (p:Person)-[r:SIGNED]->(:Source {id: key})',
  'p.id AS personId, key AS targetId, false AS targetIsAgreement, properties(r) AS rel',
  'p.nameKey, p.id, r.onBehalfOf',
);

export const PERSON_ATTENDANCES = pagedQuery(
  'MATCH (:Person {id: key})-[r:ATTENDED]->(a:Activity)',
  'key AS personId, a.id AS activityId, properties(r) AS rel',
  'a.startDate, a.id, r.role',
);

export const ACTIVITY_ATTENDANCES = pagedQuery(
  'MATCH (p:Person)-[r:ATTENDED]->(:Activity {id: key})',
  'p.id AS personId, key AS activityId, properties(r) AS rel',
  'r.role, p.nameKey, p.id',
);

/** Sort fields of the people connection. */
export const PERSON_SORTS = {
  NAME: { expr: 'n.nameKey', type: 'string' },
} as const satisfies SortTable;

export const LIST_PEOPLE = keysetQueries(
  `MATCH (n:Person)
WHERE ($organization IS NULL OR EXISTS { (n)-[:HOLDS_POSITION]->(:Organization {id: $organization}) })
  AND ($organizations IS NULL OR EXISTS { (n)-[:HOLDS_POSITION]->(o:Organization) WHERE o.id IN $organizations })`,
  PERSON_SORTS,
);

/**
 * One page of the people (holding a post at `organization`, and at any of `organizations`, when given); the count
 * runs only if asked for. Throws BAD_USER_INPUT when `organizations` holds more than MAX_FILTER_VALUES values.
 */
export function listPeople(
  db: Database,
  filter: { organization?: string | null; organizations?: readonly string[] | null },
  page: PageRequest<keyof typeof PERSON_SORTS>,
): Promise<ConnectionShape<Person>> {
  const params = { organization: filter.organization ?? null, organizations: listParam(filter.organizations, 'organizations') };
  return readPage(db, LIST_PEOPLE, params, page, toPerson);
}
