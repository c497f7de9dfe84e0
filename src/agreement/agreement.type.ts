import { Field, ID, ObjectType } from 'type-graphql';
import { PartialDateScalar } from '../graphql/partial-date';
import { AgreementKind, AgreementStatus, PartyRole } from '../graphql/enums';
import { Provenance } from '../graphql/provenance.type';

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

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was signed, as precise as the source wrote it' })
  signedOn!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Start of its validity, as precise as the source wrote it' })
  validFrom!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'End of its validity, as precise as the source wrote it (a year ends on 31 December)' })
  validTo!: string | null;

  /** Its stored validTo as an ISO day (the last day of the period written), for status as of a day. */
  validToDay!: string | null;

  @Field(() => AgreementStatus, { nullable: true, description: 'The status as its source states it, at the source’s date' })
  statedStatus!: string | null;

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
