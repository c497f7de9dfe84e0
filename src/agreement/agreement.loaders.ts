import type { Database } from '../db/database';
import { oneLoader, pagedLoader } from '../db/loader';
import { toAdminUnit } from '../geography/geography.mapper';
import { toTopic } from '../topic/topic.mapper';
import { toAgreement, toAgreementParty } from './agreement.mapper';
import * as q from './agreement.repository';
import { perRequest } from '../graphql/context';

/** Per-request loaders of the agreement domain. */
export function createAgreementLoaders(db: Database) {
  const party = (r: Record<string, unknown>) => toAgreementParty(r as Parameters<typeof toAgreementParty>[0]);
  return {
    agreementById: oneLoader(db, q.AGREEMENTS_BY_ID, (r) => toAgreement(r.n)),
    agreementSignedAt: oneLoader(db, q.AGREEMENT_SIGNED_AT, (r) => toAdminUnit(r.n)),
    agreementImplements: oneLoader(db, q.AGREEMENT_IMPLEMENTS, (r) => toAgreement(r.n)),
    agreementImplementations: pagedLoader(db, q.AGREEMENT_IMPLEMENTATIONS, (r) => toAgreement(r.n)),
    agreementTopics: pagedLoader(db, q.AGREEMENT_TOPICS, (r) => toTopic(r.n)),
    topicAgreements: pagedLoader(db, q.TOPIC_AGREEMENTS, (r) => toAgreement(r.n)),
    agreementParties: pagedLoader(db, q.AGREEMENT_PARTIES, party),
    orgAgreements: pagedLoader(db, q.ORG_AGREEMENTS, party),
  };
}

/** The agreement loaders of the request `ctx` (made on first use). */
export const agreementLoaders = perRequest(createAgreementLoaders);
