import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AgreementKind, AgreementStatus, PartyRole } from '../graphql/enums';
import { Provenance } from '../source/source.type';

@ObjectType({ description: 'A cooperation agreement, programme, memorandum, plan or proposal.' })
export class Agreement {
  @Field(() => ID)
  id!: string;

  @Field(() => AgreementKind)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Document number, e.g. 16/TTHT-UBND' })
  number!: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  titleEn!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  signedOn!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  validFrom!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  validTo!: string | null;

  @Field(() => AgreementStatus, { nullable: true })
  status!: string | null;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}

@ObjectType({ description: 'An organisation’s part in an agreement, with its role.' })
export class AgreementParty {
  organizationId!: string;
  agreementId!: string;

  @Field(() => PartyRole)
  role!: string;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}
