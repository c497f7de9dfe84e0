import { Field, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../node/node.type';
import { ORG_KIND_LABEL, ORG_KINDS } from '../db/vocabulary';
import { Provenance } from '../graphql/provenance.type';
import type { AdminUnit } from '../geography/geography.type';

/** Organisation kinds: the graph vocabulary's list as a GraphQL enum (same values, so the two cannot drift apart). */
export const OrganizationKind = Object.fromEntries(ORG_KINDS.map((k) => [k, k])) as { [K in (typeof ORG_KINDS)[number]]: K };
export type OrganizationKind = (typeof ORG_KINDS)[number];
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of body an organisation is; it decides the organisation’s GraphQL type',
  valuesConfig: {
    GOVERNMENT: { description: 'Vietnamese public body: ministry, agency, People’s Committee, department or public service unit (type GovernmentBody)' },
    UNIVERSITY: { description: 'University, member university, school or faculty, in Vietnam or abroad (type University)' },
    RESEARCH_INSTITUTE: { description: 'Research institute or R&D centre (type ResearchInstitute)' },
    COMPANY: { description: 'Company or other business (type Company)' },
    HOSPITAL: { description: 'Hospital (type Hospital)' },
    NETWORK: { description: 'Association, union, youth union, alliance, ecosystem or fair organiser (type Network)' },
    FOREIGN_BODY: { description: 'Foreign government, state government, embassy, consulate or foreign public agency (type ForeignBody)' },
  },
});

@InterfaceType({
  implements: Node,
  description: 'An actor of the network. The concrete type follows its kind.',
  resolveType: (value: { kind: OrganizationKind }) => ORGANIZATION_TYPE_NAME[value.kind],
})
export abstract class Organization {
  @Field(() => ID, { description: 'Stable id, e.g. org-dost-ca-mau; never changes once published' })
  id!: string;

  @Field(() => OrganizationKind, { description: 'What kind of body it is; it decides the GraphQL type (GOVERNMENT is a GovernmentBody, UNIVERSITY a University, ...)' })
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'Sub-kind: for a government body MINISTRY, AGENCY, PEOPLES_COMMITTEE, DEPARTMENT or PUBLIC_SERVICE_UNIT; free text for other kinds; null when not recorded' })
  category!: string | null;

  @Field(() => String, { description: 'Name as the sources write it (Vietnamese, with diacritics)' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'English name (the official one where it exists); null when none was recorded' })
  nameEn!: string | null;

  @Field(() => [String], { description: 'Acronyms, e.g. DOST, VNU-HCM; empty when none is known' })
  acronyms!: string[];

  @Field(() => [String], { description: 'Other names and spellings the sources use, e.g. Sở KHCN TP.HCM; empty when none' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'ROR id (9 characters), e.g. 00waaqh38; null when none is recorded' })
  ror!: string | null;

  @Field(() => String, { nullable: true, description: 'Web address of its site; null when none was recorded' })
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

@ObjectType({ implements: Organization, description: 'Company or other business' })
export class Company extends Organization {}

@ObjectType({ implements: Organization, description: 'Hospital' })
export class Hospital extends Organization {}

@ObjectType({ implements: Organization, description: 'Network, association, union or ecosystem' })
export class Network extends Organization {}

@ObjectType({ implements: Organization, description: 'Foreign government, state government, embassy, consulate or public agency' })
export class ForeignBody extends Organization {}

/** The GraphQL type of each kind: the graph labels of the vocabulary, which are the type names. */
export const ORGANIZATION_TYPE_NAME: Readonly<Record<OrganizationKind, string>> = ORG_KIND_LABEL;

/** The concrete classes, so that the schema builder registers every implementation. */
export const ORGANIZATION_TYPES = [GovernmentBody, University, ResearchInstitute, Company, Hospital, Network, ForeignBody];
