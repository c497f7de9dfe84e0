import type { Database } from '../db/database';
import { oneLoader, pagedLoader } from '../db/loader';
import { toAttendance, toPerson, toPosition, toSignature } from './person.mapper';
import * as q from './person.repository';
import { perRequest } from '../graphql/context';

/** Per-request loaders of the person domain. */
export function createPersonLoaders(db: Database) {
  const position = (r: Record<string, unknown>) => toPosition(r as Parameters<typeof toPosition>[0]);
  const signature = (r: Record<string, unknown>) => toSignature(r as Parameters<typeof toSignature>[0]);
  const attendance = (r: Record<string, unknown>) => toAttendance(r as Parameters<typeof toAttendance>[0]);
  return {
    personById: oneLoader(db, q.PEOPLE_BY_ID, (r) => toPerson(r.n)),
    personPositions: pagedLoader(db, q.PERSON_POSITIONS, position),
    orgPositions: pagedLoader(db, q.ORG_POSITIONS, position),
    personSignatures: pagedLoader(db, q.PERSON_SIGNATURES, signature),
    agreementSignatures: pagedLoader(db, q.AGREEMENT_SIGNATURES, signature),
    documentSignatures: pagedLoader(db, q.DOCUMENT_SIGNATURES, signature),
    personAttendances: pagedLoader(db, q.PERSON_ATTENDANCES, attendance),
    activityAttendances: pagedLoader(db, q.ACTIVITY_ATTENDANCES, attendance),
  };
}

/** The person loaders of the request `ctx` (made on first use). */
export const personLoaders = perRequest(createPersonLoaders);
