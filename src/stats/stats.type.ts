import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ActivityKind } from '../graphql/enums';
import { Region } from '../geography/geography.type';
import { Organization, OrganizationKind } from '../organization/organization.type';

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
    LINKS: { description: 'Cooperation links: two distinct organisations sharing an agreement or activity, counted once per pair and evidence' },
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
}
registerEnumType(GroupKey, {
  name: 'GroupKey',
  description: 'What to group counts by',
  valuesConfig: {
    REGION: { description: 'Region (of the chosen scheme) of the unit an organisation is located in' },
    PROVINCE: { description: 'Provincial unit an organisation is located in, as chosen by provinceMode' },
    YEAR: { description: 'Year an agreement was signed (signedOn) or an activity started (startDate); undated ones are left out' },
    ACTIVITY_KIND: { description: 'Kind of activity (not for AGREEMENTS)' },
    AGREEMENT_KIND: { description: 'Kind of agreement (not for ACTIVITIES)' },
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
}
registerEnumType(RankingMetric, {
  name: 'RankingMetric',
  description: 'What organisations are ranked by',
  valuesConfig: {
    PARTNERS: { description: 'Distinct other organisations sharing an agreement or activity with it' },
    AGREEMENTS: { description: 'Distinct agreements it is party to' },
    ACTIVITIES: { description: 'Distinct activities it took part in' },
  },
});

export enum RankingDirection {
  DESC = 'DESC',
  ASC = 'ASC',
}
registerEnumType(RankingDirection, { name: 'RankingDirection', description: 'DESC: highest value first; ASC: lowest first' });

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

  @Field(() => OrganizationKind, { nullable: true })
  organizationKind?: OrganizationKind | null;

  @Field(() => ActivityKind, { nullable: true, description: 'Only activities of this kind count (agreements then count none)' })
  activityKind?: string | null;

  @Field(() => ID, { nullable: true, description: 'Topic id' })
  topic?: string | null;

  @Field(() => ID, { nullable: true, description: 'Region id: organisations located in one of its member units' })
  region?: string | null;

  @Field(() => ID, { nullable: true, description: 'Admin unit id: organisations located in it or in a unit that became part of it' })
  province?: string | null;
}

@ObjectType({ description: 'One group of a count.' })
export class Bucket {
  @Field(() => String, { description: 'Region, unit or topic id, year, or kind' })
  key!: string;

  @Field(() => String, { description: 'Display name (the English name when there is one)' })
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How many of each kind of record match a filter.' })
export class Totals {
  @Field(() => Int)
  organizations!: number;

  @Field(() => Int)
  agreements!: number;

  @Field(() => Int)
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

  @Field(() => Int, { description: 'Position in the ranking, from 1; ties are ordered by organisation id' })
  rank!: number;

  @Field(() => Organization)
  organization!: Organization;

  @Field(() => Int)
  value!: number;
}

@ObjectType({ description: 'One page of a ranking of organisations.' })
export class OrganizationRanking {
  @Field(() => Int, { description: 'How many organisations the ranking holds (those with a value above 0)' })
  totalCount!: number;

  @Field(() => [RankedOrganization])
  items!: RankedOrganization[];
}

@ObjectType({ description: 'Cooperation between the organisations of two regions (or within one, on the diagonal).' })
export class MatrixCell {
  @Field(() => ID, { description: 'Region id; from <= to' })
  from!: string;

  @Field(() => ID, { description: 'Region id' })
  to!: string;

  @Field(() => Int, { description: 'Links joining an organisation of one region with an organisation of the other' })
  links!: number;

  @Field(() => Int, { description: 'Agreements behind those links' })
  agreements!: number;

  @Field(() => Int, { description: 'Activities behind those links' })
  activities!: number;
}

@ObjectType({ description: 'Cooperation between the regions of one scheme.' })
export class RegionMatrix {
  @Field(() => [Region], { description: 'The regions of the scheme, by name' })
  regions!: Region[];

  @Field(() => [MatrixCell], { description: 'One cell per unordered pair of regions (the diagonal included) that has links' })
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

  @Field(() => Organization)
  b!: Organization;

  @Field(() => Region)
  regionA!: Region;

  @Field(() => Region)
  regionB!: Region;

  @Field(() => [ID], { description: 'Ids of the shared agreements and activities' })
  evidence!: string[];
}
