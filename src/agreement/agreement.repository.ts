import type { Database } from '../db/database';
import { byIdQuery, outQuery } from '../db/cypher';
import { pagedInQuery, pagedOutQuery, pagedQuery } from '../graphql/nested-page';
import { keysetQueries, readPage, type ConnectionShape, type PageRequest, type SortTable } from '../db/keyset';
import { dateParam } from '../db/dates';
import { listParam } from '../graphql/filter-lists';
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
  TITLE: { expr: 'n.titleKey', type: 'string' },
} as const satisfies SortTable;

/** Agreements matching a filter; singular filters and their lists (`$kind`, `$kinds`, ...) both apply when both are given. */
export const LIST_AGREEMENTS = keysetQueries(
  `MATCH (n:Agreement)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($status IS NULL OR ${statusAsOfCypher('n', '$asOf')} = $status)
  AND ($statuses IS NULL OR ${statusAsOfCypher('n', '$asOf')} IN $statuses)
  AND ${dateInPeriodCypher('n', 'signedOn', '$signedFrom', '$signedTo')}
  AND ${dateInPeriodCypher('n', 'signedOn', '$from', '$to')}
  AND ($inForceOn IS NULL OR ${inForceCypher('n', '$inForceOn', '$inForceOn')})
  AND ($party IS NULL OR EXISTS { (:Organization {id: $party})-[:PARTY_TO]->(n) })
  AND ($parties IS NULL OR EXISTS { (o:Organization)-[:PARTY_TO]->(n) WHERE o.id IN $parties })
  AND ($topic IS NULL OR EXISTS { (n)-[:ABOUT]->(:Topic {id: $topic}) })
  AND ($topics IS NULL OR EXISTS { (n)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics })`,
  AGREEMENT_SORTS,
);

export interface AgreementFilter {
  kind?: string | null;
  kinds?: readonly string[] | null;
  status?: string | null;
  statuses?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  signedFrom?: string | null;
  signedTo?: string | null;
  inForceOn?: string | null;
  asOf?: string | null;
  party?: string | null;
  parties?: readonly string[] | null;
  topic?: string | null;
  topics?: readonly string[] | null;
}

/**
 * One page of the agreements matching `f`; the count runs only if asked for. Dated filters follow
 * src/rules/period.ts: a signing date written as a year matches any day of that year; status is as of `asOf`.
 * Throws BAD_USER_INPUT for a malformed date or a list filter of more than MAX_FILTER_VALUES values.
 */
export function listAgreements(db: Database, f: AgreementFilter, page: PageRequest<keyof typeof AGREEMENT_SORTS>): Promise<ConnectionShape<Agreement>> {
  const params = {
    kind: f.kind ?? null,
    kinds: listParam(f.kinds, 'kinds'),
    status: f.status ?? null,
    statuses: listParam(f.statuses, 'statuses'),
    from: dateParam(f.from, 'from'),
    to: dateParam(f.to, 'to'),
    signedFrom: dateParam(f.signedFrom, 'signedFrom'),
    signedTo: dateParam(f.signedTo, 'signedTo'),
    inForceOn: dateParam(f.inForceOn, 'inForceOn'),
    asOf: dateParam(f.asOf ?? today(), 'asOf'),
    party: f.party ?? null,
    parties: listParam(f.parties, 'parties'),
    topic: f.topic ?? null,
    topics: listParam(f.topics, 'topics'),
  };
  return readPage(db, LIST_AGREEMENTS, params, page, toAgreement);
}
