import { registerEnumType } from 'type-graphql';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, AGREEMENT_KINDS, AGREEMENT_STATUSES, ATTENDANCE_ROLES, PARTICIPATION_ROLES, PARTY_ROLES, REGION_SCHEMES, SOURCE_KINDS, UNIT_LEVELS } from '../db/vocabulary';

/** Registers a GraphQL enum over a vocabulary list, with a description for each of its values. */
function enumOf<T extends string>(values: readonly T[], name: string, description: string, meanings: Record<T, string>): Record<T, T> {
  const object = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  const valuesConfig = Object.fromEntries(values.map((v) => [v, { description: meanings[v] }])) as Record<T, { description: string }>;
  registerEnumType(object, { name, description, valuesConfig });
  return object;
}

// The GraphQL enums share their values with the seed format, so the two cannot drift apart.
export const ActivityKind = enumOf(ACTIVITY_KINDS, 'ActivityKind', 'What kind of activity', {
  CONFERENCE: 'A conference (hội nghị)',
  WORKSHOP: 'A workshop (hội thảo)',
  SEMINAR: 'A seminar or round-table (tọa đàm)',
  COMPETITION: 'A competition, such as an innovative-startup competition',
  TRAINING: 'A training course',
  TECHMART: 'A technology and equipment fair (Techmart) or technology exchange',
  EXHIBITION: 'An exhibition',
  FESTIVAL: 'A festival, such as an innovation or startup festival (TECHFEST)',
  RESEARCH_TASK: 'A funded science-and-technology task (nhiệm vụ KH&CN): a joint research project',
  VISIT: 'A visit: a delegation received or sent, a working session on site, a study trip',
  MEETING: 'A working meeting',
  FUND_LAUNCH: 'The launch of a fund',
  CONSULTING: 'Consulting or advisory work',
  COLLABORATION: 'Joint work a source states without naming an event or instrument (e.g. worked with CSIRO on ...)',
  OTHER: 'Any other activity, e.g. a signing ceremony or a launch event',
});
export const ActivityStatus = enumOf(ACTIVITY_STATUSES, 'ActivityStatus', 'Whether the activity took place or is planned', {
  HELD: 'It took place',
  ONGOING: 'Under way on the date of its source (as of a later day past its endDate, it is HELD)',
  PROPOSED: 'Someone proposed it; not yet agreed',
  PLANNED: 'Agreed or scheduled, not yet held',
});
export const AgreementKind = enumOf(AGREEMENT_KINDS, 'AgreementKind', 'What kind of instrument', {
  AGREEMENT: 'A cooperation agreement (thỏa thuận hợp tác)',
  PROGRAMME: 'A cooperation or coordination programme (chương trình hợp tác / phối hợp)',
  MEMORANDUM: 'A cooperation memorandum or minutes (biên bản hợp tác)',
  PLAN: 'A plan (kế hoạch)',
  PROPOSAL: 'A cooperation proposed on its own, not yet signed',
});
export const AgreementStatus = enumOf(AGREEMENT_STATUSES, 'AgreementStatus', 'Where the agreement stands', {
  SIGNED: 'Signed (the source gives no more about its course)',
  IN_FORCE: 'Stated by the source to be in force',
  PROPOSED: 'Proposed, not yet signed',
  PLANNED: 'Planned, not yet signed',
  ENDED: 'No longer in force: stated so, or (for a status as of a day) its validTo has passed',
});
export const AttendanceRole = enumOf(ATTENDANCE_ROLES, 'AttendanceRole', 'A person’s part in an activity', {
  LEAD: 'Led it or a delegation at it',
  HOST: 'Received or hosted the others',
  SPEAKER: 'Spoke or presented',
  DELEGATE: 'A member of a delegation',
  PARTICIPANT: 'Attended',
  JUDGE: 'Sat on the jury of a competition',
  WITNESS: 'Witnessed a signing',
});
export const ParticipationRole = enumOf(PARTICIPATION_ROLES, 'ParticipationRole', 'An organisation’s part in an activity', {
  ORGANISER: 'Organised it',
  CO_ORGANISER: 'Organised it together with others (phối hợp tổ chức)',
  HOST: 'Hosted it or received a delegation',
  PARTICIPANT: 'Attended or took part',
  SPONSOR: 'Funded or sponsored it',
  PROPOSER: 'Proposed it',
  LEAD: 'Led it (chủ trì), e.g. the lead of a research task',
  PARTNER: 'Did joint work the source states (a collaboration); never mere attendance',
  JUDGE: 'Judged a competition',
  BENEFICIARY: 'Benefits from it',
  WITNESS: 'Witnessed it, e.g. a signing',
});
export const PartyRole = enumOf(PARTY_ROLES, 'PartyRole', 'An organisation’s part in an agreement', {
  SIGNATORY: 'Signed it',
  COORDINATOR: 'Its focal point (đầu mối), coordinating the work',
  LEAD: 'Leads its work (chủ trì)',
  PARTNER: 'A cooperating party the source names without saying it signed',
  WITNESS: 'Witnessed the signing',
  PROPOSER: 'Proposed it',
  IMPLEMENTER: 'Carries out its work',
  BENEFICIARY: 'Benefits from it',
});
export const RegionScheme = enumOf(REGION_SCHEMES, 'RegionScheme', 'The grouping scheme a region belongs to', {
  SOCIO_ECONOMIC_6: 'The six socio-economic regions of national planning (Red River Delta, Mekong Delta, ...)',
  SOUTH_CENTRAL_COAST: 'The older South Central Coast grouping (Duyên hải Nam Trung Bộ)',
  KEY_ECONOMIC_ZONE: 'Key economic zones (vùng kinh tế trọng điểm), e.g. the Mekong Delta key economic zone',
});
export const SourceKind = enumOf(SOURCE_KINDS, 'SourceKind', 'What kind of source', {
  OFFICIAL_LETTER: 'An official letter (công văn) of a public body',
  NEWS: 'A news item',
  NEWS_DIGEST: 'A page gathering several news items',
  EXTERNAL: 'An outside reference (a resolution, a registry entry) cited for facts the documents do not state',
  REGISTRY: 'A record of an organisation registry such as ROR',
});
export const UnitLevel = enumOf(UNIT_LEVELS, 'UnitLevel', 'PROVINCE, CITY (centrally run), COUNTRY or STATE', {
  PROVINCE: 'A Vietnamese province (tỉnh)',
  CITY: 'A centrally run Vietnamese city (thành phố trực thuộc trung ương), a province-level unit',
  COUNTRY: 'A country',
  STATE: 'A state or province of another country (e.g. Victoria, Australia)',
});
