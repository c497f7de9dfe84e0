import type { Database } from '../db/database';
import { byIdQuery, outQuery } from '../db/cypher';
import { pagedInQuery, pagedOutQuery, pagedQuery } from '../graphql/nested-page';
import { keysetQueries, readPage, type ConnectionShape, type PageRequest, type SortTable } from '../db/keyset';
import { dateParam } from '../db/dates';
import { dateInPeriodCypher, inForceCypher, statusAsOfCypher, today } from '../rules/period';
import { toAgreement } from './agreement.mapper';
import type { Agreement } from './agreement.type';

export const AGREEMENTS_BY_ID = byIdQuery('Agreement');
export const AGREEMENT_SIGNED_AT = outQuery('Agreement', 'SIGNED_AT', 'AdminUnit');
export const AGREEMENT_IMPLEMENTS = outQuery('Agreement', 'IMPLEMENTS', 'Agreement');
// Nested lists: one page per parent (see pagedQuery), in the order the field descriptions state.
export const AGREEMENT_IMPLEMENTATIONS = pagedInQuery('Agreement', 'IMPLEMENTS', 'Agreement', 'n.signedOn, n.id');
export const AGREEMENT_TOPICS = pagedOutQuery('Agreement', 'ABOUT', 'Topic', 'n.id');
export const TOPIC_AGREEMENTS = pagedInQuery('Topic', 'ABOUT', 'Agreement', 'n.signedOn, n.id');

/** A page of the parties of each agreement, by role then organisation id. */
export const AGREEMENT_PARTIES = pagedQuery(
  'MATCH (o:Organization)-[r:PARTY_TO]->(:Agreement {id: key})',
  'o.id AS organizationId, key AS agreementId, properties(r) AS rel',
  'r.role, o.id',
);

/** A page of the agreements of each organisation, by signing date, agreement id, then role. */
export const ORG_AGREEMENTS = pagedQuery(
  'MATCH (:Organization {id: key})-[r:PARTY_TO]->(a:Agreement)',
  'key AS organizationId, a.id AS agreementId, properties(r) AS rel',
  'a.signedOn, a.id, r.role',
);

/** Sort fields of the agreements connection. */
export const AGREEMENT_SORTS = {
  SIGNED_ON: { expr: 'n.signedOn', type: 'date' },
  TITLE: { expr: 'n.title', type: 'string' },
} as const satisfies SortTable;

export const LIST_AGREEMENTS = keysetQueries(
  `MATCH (n:Agreement)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($status IS NULL OR ${statusAsOfCypher('n', '$asOf')} = $status)
  AND ${dateInPeriodCypher('n', 'signedOn', '$signedFrom', '$signedTo')}
  AND ($inForceOn IS NULL OR ${inForceCypher('n', '$inForceOn', '$inForceOn')})
  AND ($party IS NULL OR EXISTS { (:Organization {id: $party})-[:PARTY_TO]->(n) })
  AND ($topic IS NULL OR EXISTS { (n)-[:ABOUT]->(:Topic {id: $topic}) })`,
  AGREEMENT_SORTS,
);

export interface AgreementFilter {
  kind?: string | null;
  status?: string | null;
  signedFrom?: string | null;
  signedTo?: string | null;
  inForceOn?: string | null;
  asOf?: string | null;
  party?: string | null;
  topic?: string | null;
}

/**
 * One page of the agreements matching `f`; the count runs only if asked for. Dated filters follow
 * src/rules/period.ts: a signing date written as a year matches any day of that year; status is as of `asOf`.
 */
export function listAgreements(db: Database, f: AgreementFilter, page: PageRequest<keyof typeof AGREEMENT_SORTS>): Promise<ConnectionShape<Agreement>> {
  const params = {
    kind: f.kind ?? null,
    status: f.status ?? null,
    signedFrom: dateParam(f.signedFrom, 'signedFrom'),
    signedTo: dateParam(f.signedTo, 'signedTo'),
    inForceOn: dateParam(f.inForceOn, 'inForceOn'),
    asOf: dateParam(f.asOf ?? today(), 'asOf'),
    party: f.party ?? null,
    topic: f.topic ?? null,
  };
  return readPage(db, LIST_AGREEMENTS, params, page, toAgreement);
}
