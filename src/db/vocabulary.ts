/**
 * The graph's vocabulary, defined once: the value lists of its enumerations and the labels its nodes carry.
 * The GraphQL enums, the importers, the generator and the Cypher of every domain derive from these lists, so
 * none can drift from another.
 */

export const ORG_KINDS = ['GOVERNMENT', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'COMPANY', 'HOSPITAL', 'NETWORK', 'FOREIGN_BODY'] as const;

export const UNIT_LEVELS = ['PROVINCE', 'CITY', 'COUNTRY', 'STATE'] as const;

export const AGREEMENT_KINDS = ['AGREEMENT', 'PROGRAMME', 'MEMORANDUM', 'PLAN', 'PROPOSAL'] as const;

export const AGREEMENT_STATUSES = ['SIGNED', 'IN_FORCE', 'PROPOSED', 'PLANNED', 'ENDED'] as const;

export const ACTIVITY_KINDS = [
  'CONFERENCE', 'WORKSHOP', 'SEMINAR', 'COMPETITION', 'TRAINING', 'TECHMART', 'EXHIBITION', 'FESTIVAL',
  'RESEARCH_TASK', 'VISIT', 'MEETING', 'FUND_LAUNCH', 'CONSULTING', 'COLLABORATION', 'OTHER',
] as const;

export const PART_KINDS = ['PLANNED_CONTENT', 'PROPOSED_DIRECTION', 'ROUND', 'COMPONENT'] as const;

export const ACTIVITY_STATUSES = ['HELD', 'ONGOING', 'PROPOSED', 'PLANNED'] as const;

export const PARTY_ROLES = ['SIGNATORY', 'COORDINATOR', 'LEAD', 'PARTNER', 'WITNESS', 'PROPOSER', 'IMPLEMENTER', 'BENEFICIARY'] as const;

export const PARTICIPATION_ROLES = [
  'ORGANISER', 'CO_ORGANISER', 'HOST', 'PARTICIPANT', 'SPONSOR', 'PROPOSER', 'LEAD', 'PARTNER', 'JUDGE', 'BENEFICIARY', 'WITNESS',
] as const;

export const ATTENDANCE_ROLES = ['LEAD', 'HOST', 'SPEAKER', 'DELEGATE', 'PARTICIPANT', 'JUDGE', 'WITNESS'] as const;

export const ORG_RELATION_KINDS = ['RELATED', 'PREDECESSOR', 'SUCCESSOR', 'PARTNER'] as const;

export const SOURCE_KINDS = ['OFFICIAL_LETTER', 'NEWS', 'NEWS_DIGEST', 'EXTERNAL', 'REGISTRY'] as const;

export const REGION_SCHEMES = ['SOCIO_ECONOMIC_6', 'SOUTH_CENTRAL_COAST', 'KEY_ECONOMIC_ZONE'] as const;

/** Node labels by seed type. Organisations and admin units also get a label for their kind or level. */
export const NODE_LABEL = {
  source: 'Source',
  region: 'Region',
  adminUnit: 'AdminUnit',
  organization: 'Organization',
  topic: 'Topic',
  agreement: 'Agreement',
  activity: 'Activity',
  part: 'Part',
  person: 'Person',
} as const;

export const ORG_KIND_LABEL = {
  GOVERNMENT: 'GovernmentBody',
  UNIVERSITY: 'University',
  RESEARCH_INSTITUTE: 'ResearchInstitute',
  COMPANY: 'Company',
  HOSPITAL: 'Hospital',
  NETWORK: 'Network',
  FOREIGN_BODY: 'ForeignBody',
} as const;

export const UNIT_LEVEL_LABEL = { PROVINCE: 'Province', CITY: 'Province', COUNTRY: 'Country', STATE: 'State' } as const;
