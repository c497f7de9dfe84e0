import { Field, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { Provenance } from '../source/source.type';
import type { AdminUnit } from '../geography/geography.type';

export enum OrganizationKind {
  GOVERNMENT = 'GOVERNMENT',
  UNIVERSITY = 'UNIVERSITY',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  COMPANY = 'COMPANY',
  HOSPITAL = 'HOSPITAL',
  NETWORK = 'NETWORK',
  FOREIGN_BODY = 'FOREIGN_BODY',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

@InterfaceType({
  description: 'An actor of the network. The concrete type follows its kind.',
  resolveType: (value: { kind: OrganizationKind }) => ORGANIZATION_TYPE_NAME[value.kind],
})
export abstract class Organization {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'MINISTRY, AGENCY, PEOPLES_COMMITTEE, DEPARTMENT, ... or free text' })
  category!: string | null;

  @Field(() => String, { description: 'Name as the sources write it (Vietnamese, with diacritics)' })
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn!: string | null;

  @Field(() => [String])
  acronyms!: string[];

  @Field(() => [String])
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'ROR id (9 characters), e.g. 00waaqh38' })
  ror!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];

  /** Its unit when the statement that read it fetched that too (null: none); undefined when not fetched. */
  locationNode?: AdminUnit | null;
}

@ObjectType({ implements: Organization, description: 'Ministry, agency, People’s Committee, department or public service unit' })
export class GovernmentBody extends Organization {}

@ObjectType({ implements: Organization, description: 'University, member university or school' })
export class University extends Organization {}

@ObjectType({ implements: Organization, description: 'Research institute or R&D centre' })
export class ResearchInstitute extends Organization {}

@ObjectType({ implements: Organization })
export class Company extends Organization {}

@ObjectType({ implements: Organization })
export class Hospital extends Organization {}

@ObjectType({ implements: Organization, description: 'Network, association, union or ecosystem' })
export class Network extends Organization {}

@ObjectType({ implements: Organization, description: 'Foreign government, state government, embassy, consulate or public agency' })
export class ForeignBody extends Organization {}

export const ORGANIZATION_TYPE_NAME: Record<OrganizationKind, string> = {
  GOVERNMENT: 'GovernmentBody',
  UNIVERSITY: 'University',
  RESEARCH_INSTITUTE: 'ResearchInstitute',
  COMPANY: 'Company',
  HOSPITAL: 'Hospital',
  NETWORK: 'Network',
  FOREIGN_BODY: 'ForeignBody',
};

/** The concrete classes, so that the schema builder registers every implementation. */
export const ORGANIZATION_TYPES = [GovernmentBody, University, ResearchInstitute, Company, Hospital, Network, ForeignBody];
