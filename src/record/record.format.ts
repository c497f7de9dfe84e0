import { z } from 'zod';
import { ORG_KINDS, UNIT_LEVELS, AGREEMENT_KINDS, AGREEMENT_STATUSES, ACTIVITY_KINDS, PART_KINDS, ACTIVITY_STATUSES, PARTY_ROLES, PARTICIPATION_ROLES, ATTENDANCE_ROLES, ORG_RELATION_KINDS, SOURCE_KINDS, REGION_SCHEMES } from '../db/vocabulary';

/** An ISO date, or a year-month or year when the text gives no more. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

const Id = (prefix: string | string[]) => {
  const prefixes = Array.isArray(prefix) ? prefix : [prefix];
  return z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case ASCII slug')
    .refine((v) => prefixes.some((p) => v.startsWith(`${p}-`)), `must start with ${prefixes.map((p) => `'${p}-'`).join(' or ')}`);
};

export const SourceId = Id(['src', 'ext']);
export const OrgId = Id('org');
export const UnitId = Id(['prov', 'country', 'state']);
export const RegionId = Id('region');
export const AgreementId = Id('agr');
export const ActivityId = Id('act');
export const PartId = Id('part');
export const PersonId = Id('per');
export const TopicId = Id('topic');

export const Provenance = z
  .object({
    source: SourceId,
    quote: z.string().min(3).max(1200).optional(),
    note: z.string().min(1).max(1200).optional(),
  })
  .strict()
  .refine((p) => p.quote !== undefined || p.note !== undefined, 'needs a quote or a note');

const provenance = z.array(Provenance).min(1);
const text = z.string().min(1);
const texts = z.array(text);

// A coordinate is no more precise than a gazetteer's or an encyclopedia's rounded figure: two decimals (about 1 km).
const degrees = (max: number) =>
  z.number().min(-max).max(max).refine((v) => Math.round(v * 100) / 100 === v, 'must be rounded to at most 2 decimals');

/**
 * Where a unit is drawn: one point (its administrative seat), from one external reference. `source` must be in the
 * record's provenance; `reference` names the entry (a GeoNames id's page or an encyclopedia article URL).
 */
export const Centre = z
  .object({ latitude: degrees(90), longitude: degrees(180), point: text, source: SourceId, reference: text })
  .strict();















export const SourceRecord = z
  .object({
    type: z.literal('source'),
    id: SourceId,
    kind: z.enum(SOURCE_KINDS).optional(),
    title: text.optional(),
    titleEn: text.optional(),
    file: text.optional(),
    url: text.optional(),
    publishedOn: PartialDate.optional(),
    number: text.optional(),
    publisher: OrgId.optional(),
    language: text.optional(),
    provenance: provenance.optional(),
  })
  .strict();

export const RegionRecord = z
  .object({
    type: z.literal('region'),
    id: RegionId,
    name: text.optional(),
    nameEn: text.optional(),
    scheme: z.enum(REGION_SCHEMES).optional(),
    provenance: provenance.optional(),
  })
  .strict();

export const AdminUnitRecord = z
  .object({
    type: z.literal('adminUnit'),
    id: UnitId,
    level: z.enum(UNIT_LEVELS).optional(),
    name: text.optional(),
    nameEn: text.optional(),
    aliases: texts.optional(),
    statCode: z.string().regex(/^\d{2,5}$/, 'must be a numeric statistics code').optional(),
    isoCode: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be an ISO 3166 code').optional(),
    validFrom: PartialDate.optional(),
    validTo: PartialDate.optional(),
    parent: UnitId.optional(),
    successor: UnitId.optional(),
    succeededOn: PartialDate.optional(),
    regions: z.array(RegionId).optional(),
    centre: Centre.optional(),
    provenance: provenance.optional(),
  })
  .strict();

export const OrganizationRecord = z
  .object({
    type: z.literal('organization'),
    id: OrgId,
    kind: z.enum(ORG_KINDS).optional(),
    category: text.optional(),
    name: text.optional(),
    nameEn: text.optional(),
    acronyms: texts.optional(),
    aliases: texts.optional(),
    location: UnitId.optional(),
    parent: OrgId.optional(),
    ror: z.string().regex(/^0[a-z0-9]{6}\d{2}$/, 'must be a 9-character ROR id such as 00waaqh38').optional(),
    website: text.optional(),
    externalIds: z.record(z.string(), texts).optional(),
    provenance: provenance.optional(),
  })
  .strict();

export const TopicRecord = z
  .object({ type: z.literal('topic'), id: TopicId, name: text.optional(), nameEn: text.optional(), provenance: provenance.optional() })
  .strict();

export const AgreementRecord = z
  .object({
    type: z.literal('agreement'),
    id: AgreementId,
    kind: z.enum(AGREEMENT_KINDS).optional(),
    number: text.optional(),
    title: text.optional(),
    titleEn: text.optional(),
    signedOn: PartialDate.optional(),
    signedAt: UnitId.optional(),
    validFrom: PartialDate.optional(),
    validTo: PartialDate.optional(),
    status: z.enum(AGREEMENT_STATUSES).optional(),
    implements: AgreementId.optional(),
    topics: z.array(TopicId).optional(),
    summary: text.optional(),
    provenance: provenance.optional(),
  })
  .strict();

export const Figure = z
  .object({ name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'), value: z.number(), unit: text.optional() })
  .strict();

export const ActivityRecord = z
  .object({
    type: z.literal('activity'),
    id: ActivityId,
    kind: z.enum(ACTIVITY_KINDS).optional(),
    title: text.optional(),
    titleEn: text.optional(),
    startDate: PartialDate.optional(),
    endDate: PartialDate.optional(),
    place: UnitId.optional(),
    venue: text.optional(),
    status: z.enum(ACTIVITY_STATUSES).optional(),
    agreement: AgreementId.optional(),
    part: PartId.optional(),
    partOf: ActivityId.optional(),
    topics: z.array(TopicId).optional(),
    figures: z.array(Figure).optional(),
    summary: text.optional(),
    provenance: provenance.optional(),
  })
  .strict();

/** An organisation the text names for one part only (who proposed or implements it); also a party (participant) of the instrument. */
export const PartActor = z.object({ organization: OrgId, role: z.enum(PARTY_ROLES) }).strict();

/** A part of one instrument (planned content, proposed direction, round, component): counted with it, never alone. */
export const PartRecord = z
  .object({
    type: z.literal('part'),
    id: PartId,
    of: z.union([AgreementId, ActivityId]).optional(),
    kind: z.enum(PART_KINDS).optional(),
    ordinal: z.number().int().positive().optional(),
    title: text.optional(),
    titleEn: text.optional(),
    status: z.enum(AGREEMENT_STATUSES).optional(),
    startDate: PartialDate.optional(),
    endDate: PartialDate.optional(),
    topics: z.array(TopicId).optional(),
    figures: z.array(Figure).optional(),
    actors: z.array(PartActor).optional(),
    summary: text.optional(),
    provenance: provenance.optional(),
  })
  .strict();

export const PersonRecord = z
  .object({ type: z.literal('person'), id: PersonId, name: text.optional(), honorific: text.optional(), provenance: provenance.optional() })
  .strict();

export const PartyRecord = z
  .object({ type: z.literal('party'), organization: OrgId, agreement: AgreementId, role: z.enum(PARTY_ROLES), provenance })
  .strict();

export const ParticipationRecord = z
  .object({ type: z.literal('participation'), organization: OrgId, activity: ActivityId, role: z.enum(PARTICIPATION_ROLES), provenance })
  .strict();

export const PositionRecord = z
  .object({
    type: z.literal('position'),
    person: PersonId,
    organization: OrgId,
    title: text,
    titleEn: text.optional(),
    asOf: PartialDate.optional(),
    provenance,
  })
  .strict();

export const SignatureRecord = z
  .object({
    type: z.literal('signature'),
    person: PersonId,
    agreement: AgreementId.optional(),
    document: SourceId.optional(),
    onBehalfOf: OrgId.optional(),
    provenance,
  })
  .strict()
  .refine((s) => (s.agreement === undefined) !== (s.document === undefined), 'needs exactly one of agreement or document');

export const AttendanceRecord = z
  .object({ type: z.literal('attendance'), person: PersonId, activity: ActivityId, role: z.enum(ATTENDANCE_ROLES), provenance })
  .strict();

export const OrgRelationRecord = z
  .object({
    type: z.literal('orgRelation'),
    from: OrgId,
    to: OrgId,
    kind: z.enum(ORG_RELATION_KINDS),
    validFrom: PartialDate.optional(),
    validTo: PartialDate.optional(),
    provenance,
  })
  .strict();

export const NODE_SCHEMAS = {
  source: SourceRecord,
  region: RegionRecord,
  adminUnit: AdminUnitRecord,
  organization: OrganizationRecord,
  topic: TopicRecord,
  agreement: AgreementRecord,
  activity: ActivityRecord,
  part: PartRecord,
  person: PersonRecord,
} as const;

export const EDGE_SCHEMAS = {
  party: PartyRecord,
  participation: ParticipationRecord,
  position: PositionRecord,
  signature: SignatureRecord,
  attendance: AttendanceRecord,
  orgRelation: OrgRelationRecord,
} as const;

export type NodeType = keyof typeof NODE_SCHEMAS;
export type EdgeType = keyof typeof EDGE_SCHEMAS;
export type NodeRecord = z.infer<(typeof NODE_SCHEMAS)[NodeType]>;
export type EdgeRecord = z.infer<(typeof EDGE_SCHEMAS)[EdgeType]>;
export type ProvenanceEntry = z.infer<typeof Provenance>;

/** Fields each node type must have once all its records are merged. */
export const REQUIRED_FIELDS: Record<NodeType, string[]> = {
  source: ['kind', 'title'],
  region: ['name', 'scheme'],
  adminUnit: ['level', 'name'],
  organization: ['kind', 'name'],
  topic: ['name'],
  agreement: ['kind', 'title'],
  activity: ['kind', 'title'],
  part: ['of', 'kind', 'title'],
  person: ['name'],
};

// Re-exported for the importer's own modules; everything outside the importer imports db/vocabulary.
export { ORG_KINDS, UNIT_LEVELS, AGREEMENT_KINDS, AGREEMENT_STATUSES, ACTIVITY_KINDS, PART_KINDS, ACTIVITY_STATUSES, PARTY_ROLES, PARTICIPATION_ROLES, ATTENDANCE_ROLES, ORG_RELATION_KINDS, SOURCE_KINDS, REGION_SCHEMES };
