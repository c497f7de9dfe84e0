import type { Database } from '../neo4j';
import { manyLoader, oneLoader } from '../graphql/loader';
import { toAttendance, toPerson, toPosition, toSignature } from './person.mapper';
import * as q from './person.repository';

/** Per-request loaders of the person domain. */
export function createPersonLoaders(db: Database) {
  const position = (r: Record<string, unknown>) => toPosition(r as Parameters<typeof toPosition>[0]);
  const signature = (r: Record<string, unknown>) => toSignature(r as Parameters<typeof toSignature>[0]);
  const attendance = (r: Record<string, unknown>) => toAttendance(r as Parameters<typeof toAttendance>[0]);
  return {
    personById: oneLoader(db, q.PEOPLE_BY_ID, (r) => toPerson(r.n)),
    personPositions: manyLoader(db, q.PERSON_POSITIONS, position),
    orgPositions: manyLoader(db, q.ORG_POSITIONS, position),
    personSignatures: manyLoader(db, q.PERSON_SIGNATURES, signature),
    agreementSignatures: manyLoader(db, q.AGREEMENT_SIGNATURES, signature),
    documentSignatures: manyLoader(db, q.DOCUMENT_SIGNATURES, signature),
    personAttendances: manyLoader(db, q.PERSON_ATTENDANCES, attendance),
    activityAttendances: manyLoader(db, q.ACTIVITY_ATTENDANCES, attendance),
  };
}
