import { Field, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { ORG_KIND_LABEL, ORG_KINDS } from '../db/vocabulary';
import { Provenance } from '../graphql/provenance.type';
import type { AdminUnit } from '../geography/geography.type';

/** Organisation kinds: the graph vocabulary's list as a GraphQL enum (same values, so the two cannot drift apart). */
export const OrganizationKind = Object.fromEntries(ORG_KINDS.map((k) => [k, k])) as { [K in (typeof ORG_KINDS)[number]]: K };
export type OrganizationKind = (typeof ORG_KINDS)[number];
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

/** The GraphQL type of each kind: the graph labels of the vocabulary, which are the type names. */
export const ORGANIZATION_TYPE_NAME: Readonly<Record<OrganizationKind, string>> = ORG_KIND_LABEL;

/** The concrete classes, so that the schema builder registers every implementation. */
export const ORGANIZATION_TYPES = [GovernmentBody, University, ResearchInstitute, Company, Hospital, Network, ForeignBody];
