import { isoDate, props, str, writtenDate } from '../db/values';
import { toProvenance } from '../source/source.mapper';
import type { Agreement, AgreementParty } from './agreement.type';

export function toAgreement(value: unknown): Agreement {
  const p = props(value);
  return {
    id: String(p.id),
    kind: String(p.kind),
    number: str(p.number),
    title: String(p.title),
    titleEn: str(p.titleEn),
    signedOn: writtenDate(p.signedOn, p.signedOnPrecision),
    validFrom: writtenDate(p.validFrom, p.validFromPrecision),
    validTo: writtenDate(p.validTo, p.validToPrecision),
    validToDay: isoDate(p.validTo),
    statedStatus: str(p.status),
    summary: str(p.summary),
    get provenance() { return toProvenance(p.provenance); },
  };
}

/** A PARTY_TO relationship row: `organizationId`, `agreementId` and the relationship's properties in `rel`. */
export function toAgreementParty(row: { organizationId: unknown; agreementId: unknown; rel: unknown }): AgreementParty {
  const p = props(row.rel);
  return {
    organizationId: String(row.organizationId),
    agreementId: String(row.agreementId),
    role: String(p.role),
    get provenance() { return toProvenance(p.provenance); },
  };
}
