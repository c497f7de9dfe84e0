import { registerEnumType } from 'type-graphql';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, AGREEMENT_KINDS, AGREEMENT_STATUSES, ATTENDANCE_ROLES, PARTICIPATION_ROLES, PARTY_ROLES, REGION_SCHEMES, SOURCE_KINDS, UNIT_LEVELS } from '../db/vocabulary';

function enumOf<T extends string>(values: readonly T[], name: string, description: string): Record<T, T> {
  const object = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(object, { name, description });
  return object;
}

// The GraphQL enums share their values with the seed format, so the two cannot drift apart.
export const ActivityKind = enumOf(ACTIVITY_KINDS, 'ActivityKind', 'What kind of activity');
export const ActivityStatus = enumOf(ACTIVITY_STATUSES, 'ActivityStatus', 'Whether the activity took place or is planned');
export const AgreementKind = enumOf(AGREEMENT_KINDS, 'AgreementKind', 'What kind of instrument');
export const AgreementStatus = enumOf(AGREEMENT_STATUSES, 'AgreementStatus', 'Where the agreement stands');
export const AttendanceRole = enumOf(ATTENDANCE_ROLES, 'AttendanceRole', 'A person’s part in an activity');
export const ParticipationRole = enumOf(PARTICIPATION_ROLES, 'ParticipationRole', 'An organisation’s part in an activity');
export const PartyRole = enumOf(PARTY_ROLES, 'PartyRole', 'An organisation’s part in an agreement');
export const RegionScheme = enumOf(REGION_SCHEMES, 'RegionScheme', 'The grouping scheme a region belongs to');
export const SourceKind = enumOf(SOURCE_KINDS, 'SourceKind', 'What kind of source');
export const UnitLevel = enumOf(UNIT_LEVELS, 'UnitLevel', 'PROVINCE, CITY (centrally run), COUNTRY or STATE');
