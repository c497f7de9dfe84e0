import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ActivityKind } from '../graphql/enums';
import { PageInfo } from '../graphql/connection';
import { Region } from '../geography/geography.type';
import { Organization, OrganizationKind } from '../organization/organization.type';
import { TieKindEnum } from '../network/link-filter';
import type { TieKind } from '../rules/tie';

// The tie selection fields, worded as on LinkFilter (src/network/link-filter.ts) so that every answer says the same.
const TIES_DESCRIPTION =
  'Tie kinds counted; default: cooperation only (COUNTERPARTIES, CO_PARTIES, CO_ORGANISERS, ORGANISER_PARTICIPANT), so neither co-attendance nor a parent and its own sub-unit';
const INTENDED_DESCRIPTION = 'Also count proposed and planned instruments (default false: only those that took place or are in place)';
const ROLL_UP_DESCRIPTION = 'Count every sub-unit as its top-level parent (a school as its university; default false)';

export enum CountTarget {
  AGREEMENTS = 'AGREEMENTS',
  ACTIVITIES = 'ACTIVITIES',
  ORGANIZATIONS = 'ORGANIZATIONS',
  LINKS = 'LINKS',
}
registerEnumType(CountTarget, {
  name: 'CountTarget',
  description: 'What to count',
  valuesConfig: {
    AGREEMENTS: { description: 'Agreements, each once (their planned contents and other parts are not agreements)' },
    ACTIVITIES: { description: 'Activities, each once (rounds and other parts are not activities)' },
    ORGANIZATIONS: { description: 'Organisations as recorded (the tie selection does not apply)' },
    LINKS: { description: 'Ties under the tie selection: two organisations tied through an agreement or activity, counted once per pair and instrument' },
  },
});

export enum GroupKey {
  REGION = 'REGION',
  PROVINCE = 'PROVINCE',
  YEAR = 'YEAR',
  ORGANIZATION_KIND = 'ORGANIZATION_KIND',
  ACTIVITY_KIND = 'ACTIVITY_KIND',
  AGREEMENT_KIND = 'AGREEMENT_KIND',
  TOPIC = 'TOPIC',
  MONTH = 'MONTH',
  TIE_KIND = 'TIE_KIND',
  KIND = 'KIND',
}
registerEnumType(GroupKey, {
  name: 'GroupKey',
  description: 'What to group counts by: countTable takes every value, counts all but MONTH, TIE_KIND and KIND',
  valuesConfig: {
    REGION: { description: 'Region (of the chosen scheme) of the unit an organisation is located in' },
    PROVINCE: { description: 'Provincial unit an organisation is located in, as chosen by provinceMode' },
    YEAR: {
      description:
        'Year an agreement was signed (signedOn) or an activity started (startDate), whatever the precision of the date; counts leaves undated ones out, countTable puts them under unknown',
    },
    ORGANIZATION_KIND: { description: 'Kind of organisation (of the organisations tied through an agreement, activity or tie)' },
    ACTIVITY_KIND: { description: 'Kind of activity (not for AGREEMENTS)' },
    AGREEMENT_KIND: { description: 'Kind of agreement (not for ACTIVITIES)' },
    TOPIC: { description: 'Topic of an agreement or activity (one may have several)' },
    MONTH: {
      description:
        'Month an agreement was signed or an activity started (countTable only); a date known only to its year goes to the bucket of that year (key `2019`, month null), placed before the year’s months',
    },
    TIE_KIND: { description: 'Kind of tie (countTable only; not for ORGANIZATIONS): of each link, or the tie kinds an agreement or activity makes' },
    KIND: { description: 'The counted record’s own kind (countTable only): AGREEMENT_KIND, ACTIVITY_KIND, ORGANIZATION_KIND, or TIE_KIND for LINKS' },
  },
});

export enum ProvinceMode {
  CURRENT = 'CURRENT',
  HISTORICAL = 'HISTORICAL',
}
registerEnumType(ProvinceMode, {
  name: 'ProvinceMode',
  description: 'Which provincial unit an organisation counts under',
  valuesConfig: {
    CURRENT: { description: 'The unit of today: merged units count under the unit they became part of (Sóc Trăng under today’s Cần Thơ)' },
    HISTORICAL: { description: 'The unit as the sources record it (Sóc Trăng as Sóc Trăng)' },
  },
});

export enum RankingMetric {
  PARTNERS = 'PARTNERS',
  AGREEMENTS = 'AGREEMENTS',
  ACTIVITIES = 'ACTIVITIES',
  STRENGTH = 'STRENGTH',
}
registerEnumType(RankingMetric, {
  name: 'RankingMetric',
  description: 'What organisations are ranked by',
  valuesConfig: {
    PARTNERS: { description: 'Distinct other organisations tied to it under the tie selection' },
    AGREEMENTS: { description: 'Distinct agreements through which it has at least one tie under the selection (parts never count)' },
    ACTIVITIES: { description: 'Distinct activities through which it has at least one tie under the selection (parts never count)' },
    STRENGTH: {
      description:
        'Fractional strength: the sum of the weights of its ties under the selection, where an instrument with k organisations adds 1/(k-1) to each of its pairs (so an instrument adds at most 1 to an organisation, however many took part)',
    },
  },
});

export enum RankingDirection {
  DESC = 'DESC',
  ASC = 'ASC',
}
registerEnumType(RankingDirection, {
  name: 'RankingDirection',
  description: 'DESC: highest value first; ASC: lowest first',
  valuesConfig: {
    DESC: { description: 'Highest value first (rank 1 is the highest); the default' },
    ASC: { description: 'Lowest value first (rank 1 is the lowest value above 0)' },
  },
});

@InputType({
  description:
    'Restricts what is counted; all given filters must match. Dates and topic and activity kind select agreements and activities; ' +
    'organisation kind, region and province select organisations. An agreement or activity matches when one of its organisations ' +
    'matches; an organisation matches, when a date, topic or activity kind is given, only if it takes part in a matching agreement ' +
    'or activity; a link matches when its agreement or activity matches and one of its two organisations does.',
})
export class StatsFilter {
  @Field(() => LocalDateResolver, { nullable: true, description: 'Signed (agreements) or started (activities) on or after this date; undated ones are left out' })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Signed (agreements) or started (activities) on or before this date; undated ones are left out' })
  to?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: 'Only organisations of this kind count, and agreements, activities and links with one of them' })
  organizationKind?: OrganizationKind | null;

  @Field(() => ActivityKind, { nullable: true, description: 'Only activities of this kind count (agreements then count none)' })
  activityKind?: string | null;

  @Field(() => ID, { nullable: true, description: 'Topic id, e.g. topic-innovation: only agreements and activities about it count (and the organisations and links through them)' })
  topic?: string | null;

  @Field(() => ID, { nullable: true, description: 'Region id: organisations located in one of its member units' })
  region?: string | null;

  @Field(() => ID, { nullable: true, description: 'Admin unit id: organisations located in it or in a unit that became part of it' })
  province?: string | null;

  @Field(() => [TieKindEnum], { nullable: true, description: TIES_DESCRIPTION })
  ties?: TieKind[] | null;

  @Field(() => Boolean, { nullable: true, description: INTENDED_DESCRIPTION })
  includeIntended?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: ROLL_UP_DESCRIPTION })
  rollUpSubUnits?: boolean | null;
}

@InputType({ description: 'Which ties the region matrix and cross-region links count, and which pseudo-regions they add.' })
export class RegionMatrixFilter {
  @Field(() => [TieKindEnum], { nullable: true, description: TIES_DESCRIPTION })
  ties?: TieKind[] | null;

  @Field(() => Boolean, { nullable: true, description: INTENDED_DESCRIPTION })
  includeIntended?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: ROLL_UP_DESCRIPTION })
  rollUpSubUnits?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Add national bodies (located in Viet Nam as a whole, in no province: ministries and their agencies) as the pseudo-region `national` (default false: left out)',
  })
  includeNational?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Add foreign bodies (located in another country or one of its states) as one pseudo-region per country, `foreign:<country id>` (default false: left out)',
  })
  includeForeign?: boolean | null;
}

@ObjectType({ description: 'One group of a count.' })
export class Bucket {
  /** The grouping the bucket belongs to; its names are looked up by it. */
  group!: GroupKey;

  @Field(() => String, { description: 'Region, unit or topic id, year, or kind' })
  key!: string;

  @Field(() => String, { description: 'Display name (the English name when there is one)' })
  label!: string;

  @Field(() => Int, { description: 'Full counting: records in this group; a record in several groups counts once in each' })
  count!: number;

  @Field(() => Float, {
    description: 'Fractional counting: a record in n groups adds 1/n to each, so the fractional counts of all groups sum to total',
  })
  fractionalCount!: number;

  @Field(() => Int, {
    description: 'Distinct records over all the groups of the answer (the same in every bucket): a record in several groups counts once here',
  })
  total!: number;
}

@ObjectType({ description: 'How many of each kind of record match a filter.' })
export class Totals {
  @Field(() => Int, { description: 'Organisations matching the organisation filters (with a date, topic or activity kind: only those taking part in a matching agreement or activity)' })
  organizations!: number;

  @Field(() => Int, { description: 'Agreements matching the filter, each once (proposed and planned ones only with includeIntended; parts never count)' })
  agreements!: number;

  @Field(() => Int, { description: 'Activities matching the filter, each once (proposed and planned ones only with includeIntended; parts never count)' })
  activities!: number;

  @Field(() => Int, { description: 'Cooperation links, once per pair of organisations and evidence' })
  links!: number;

  @Field(() => Int, { description: 'People holding a post in a counted organisation, signing a counted agreement or attending a counted activity' })
  people!: number;

  @Field(() => Int, { description: 'Provincial units the counted organisations are located in (by provinceMode)' })
  provinces!: number;
}

@ObjectType({ description: 'An organisation and its place in a ranking.' })
export class RankedOrganization {
  organizationId!: string;

  @Field(() => Int, {
    description: 'Position in the ranking, from 1; equal values share a rank (1, 2, 2, 4: standard competition ranking) and are ordered by organisation id',
  })
  rank!: number;

  @Field(() => Organization, { description: 'The organisation ranked (a top-level parent with rollUpSubUnits)' })
  organization!: Organization;

  @Field(() => Float, { description: 'The value ranked by: a whole number for PARTNERS, AGREEMENTS and ACTIVITIES, fractional for STRENGTH' })
  value!: number;

  @Field(() => Float, { description: 'Fractional strength over the same ties (see RankingMetric.STRENGTH), beside the plain count' })
  strength!: number;
}

@ObjectType({ description: 'One page of a ranking of organisations.' })
export class OrganizationRanking {
  @Field(() => Int, { description: 'How many organisations the ranking holds (those with a value above 0)' })
  totalCount!: number;

  @Field(() => [RankedOrganization], { description: 'This page of the ranking (first, from after or offset), in rank order' })
  items!: RankedOrganization[];

  @Field(() => PageInfo, { description: 'Whether more of the ranking follows this page, and the cursor (endCursor) to pass as after for the next page' })
  pageInfo!: PageInfo;
}

export enum MatrixAreaKind {
  REGION = 'REGION',
  NATIONAL = 'NATIONAL',
  FOREIGN = 'FOREIGN',
}
registerEnumType(MatrixAreaKind, {
  name: 'MatrixAreaKind',
  description: 'What a row and column of the region matrix stands for',
  valuesConfig: {
    REGION: { description: 'A region of the scheme' },
    NATIONAL: { description: 'Pseudo-region of the national bodies (located in Viet Nam as a whole)' },
    FOREIGN: { description: 'Pseudo-region of the bodies of one foreign country' },
  },
});

@ObjectType({ description: 'A row and column of the region matrix: a region of the scheme or a pseudo-region.' })
export class MatrixArea {
  @Field(() => ID, { description: 'Region id, `national`, or `foreign:` and the country id' })
  id!: string;

  @Field(() => MatrixAreaKind, { description: 'Region, or the national or a foreign pseudo-region' })
  kind!: MatrixAreaKind;

  @Field(() => String, { description: 'Vietnamese name' })
  name!: string;

  @Field(() => String, { description: 'English name' })
  nameEn!: string;
}

@ObjectType({ description: 'Ties between the organisations of two areas (or within one, on the diagonal).' })
export class MatrixCell {
  @Field(() => ID, { description: 'Area id of the row' })
  from!: string;

  @Field(() => ID, { description: 'Area id of the column' })
  to!: string;

  @Field(() => Int, { description: 'Index of the row in RegionMatrix.areas, from 0' })
  row!: number;

  @Field(() => Int, { description: 'Index of the column in RegionMatrix.areas, from 0' })
  column!: number;

  @Field(() => Int, { description: 'Ties joining an organisation of one area with one of the other, once per pair and instrument' })
  links!: number;

  @Field(() => Float, { description: 'Sum of the fractional weights of those ties (1/(k-1) per instrument with k organisations)' })
  weight!: number;

  @Field(() => Int, { description: 'Distinct agreements behind those ties, each counted once' })
  agreements!: number;

  @Field(() => Int, { description: 'Distinct activities behind those ties, each counted once' })
  activities!: number;
}

@ObjectType({ description: 'Cooperation between the regions of one scheme, whole, ready for a heat map.' })
export class RegionMatrix {
  @Field(() => [Region], { description: 'The regions of the scheme, by name' })
  regions!: Region[];

  @Field(() => [MatrixArea], {
    description: 'Rows and columns, in order: the regions of the scheme by name, then (when asked) `national`, then the foreign countries with bodies in the graph by id',
  })
  areas!: MatrixArea[];

  @Field(() => [MatrixCell], {
    description:
      'Every ordered pair of areas, row by row (areas × areas cells, the diagonal and empty cells included). The matrix is symmetric: the cell (a, b) equals (b, a), so summing off-diagonal cells counts each tie twice',
  })
  cells!: MatrixCell[];
}

@ObjectType({ description: 'Two organisations of different regions and the agreements and activities they share.' })
export class CrossRegionLink {
  aId!: string;
  bId!: string;
  regionAId!: string;
  regionBId!: string;

  @Field(() => Organization, { description: 'The organisation with the smaller id' })
  a!: Organization;

  @Field(() => Organization, { description: 'The organisation with the larger id' })
  b!: Organization;

  @Field(() => Region, { nullable: true, description: 'Region of a; null when a is in a pseudo-region (see areaA)' })
  regionA!: Region | null;

  @Field(() => Region, { nullable: true, description: 'Region of b; null when b is in a pseudo-region (see areaB)' })
  regionB!: Region | null;

  @Field(() => MatrixArea, { description: 'Area of a: its region or pseudo-region' })
  areaA!: MatrixArea;

  @Field(() => MatrixArea, { description: 'Area of b: its region or pseudo-region' })
  areaB!: MatrixArea;

  @Field(() => Int, { description: 'Instruments tying the two under the selection, each counted once' })
  count!: number;

  @Field(() => Float, { description: 'Fractional weight of the tie: the sum over its instruments of 1/(k-1), k the organisations on each' })
  weight!: number;

  @Field(() => [ID], { description: 'Ids of the agreements and activities tying the two, by id' })
  evidence!: string[];

  @Field(() => [TieKindEnum], { description: 'The tie kind through each evidence item, in the order of evidence' })
  evidenceKinds!: TieKind[];
}
