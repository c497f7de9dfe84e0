import { props, str, writtenDate } from '../db/values';
import { toProvenance } from '../source/source.mapper';
import type { Attendance, Person, Position, Signature } from './person.type';

export function toPerson(value: unknown): Person {
  const p = props(value);
  return { id: String(p.id), name: String(p.name), honorific: str(p.honorific), get provenance() { return toProvenance(p.provenance); } };
}

export function toPosition(row: { personId: unknown; organizationId: unknown; rel: unknown }): Position {
  const p = props(row.rel);
  return {
    personId: String(row.personId),
    organizationId: String(row.organizationId),
    title: String(p.title),
    titleEn: str(p.titleEn),
    asOf: writtenDate(p.asOf, p.asOfPrecision),
    get provenance() { return toProvenance(p.provenance); },
  };
}

/** A SIGNED row: the target is an agreement (`targetLabel` Agreement) or a source document. */
export function toSignature(row: { personId: unknown; targetId: unknown; targetIsAgreement: unknown; rel: unknown }): Signature {
  const p = props(row.rel);
  const isAgreement = row.targetIsAgreement === true;
  return {
    personId: String(row.personId),
    agreementId: isAgreement ? String(row.targetId) : null,
    documentId: isAgreement ? null : String(row.targetId),
    onBehalfOfId: str(p.onBehalfOf),
    get provenance() { return toProvenance(p.provenance); },
  };
}

export function toAttendance(row: { personId: unknown; activityId: unknown; rel: unknown }): Attendance {
  const p = props(row.rel);
  return { personId: String(row.personId), activityId: String(row.activityId), role: String(p.role), get provenance() { return toProvenance(p.provenance); } };
}
