import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { PartialDateScalar } from '../graphql/partial-date';
import { AgreementKind, AgreementStatus, PartyRole } from '../graphql/enums';
import { Provenance } from '../graphql/provenance.type';

@ObjectType({ implements: Node, description: 'A cooperation agreement, programme, memorandum, plan or proposal.' })
export class Agreement {
  @Field(() => ID, { description: 'Stable id, e.g. agr-mekong-kez-dost-programme-2018; never changes once published' })
  id!: string;

  @Field(() => AgreementKind, { description: 'What kind of instrument it is (agreement, programme, memorandum, plan, proposal)' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Document number, e.g. 16/TTHT-UBND; null when the source gives none' })
  number!: string | null;

  @Field(() => String, { description: 'Title in Vietnamese, as the source writes it' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'English title; null when none was recorded' })
  titleEn!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was signed, as precise as the source wrote it; null when not stated' })
  signedOn!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Start of its validity, as precise as the source wrote it; null when not stated (it then runs from signedOn)' })
  validFrom!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'End of its validity, as precise as the source wrote it (a year ends on 31 December); null when not stated: open-ended' })
  validTo!: string | null;

  /** Its stored validTo as an ISO day (the last day of the period written), for status as of a day. */
  validToDay!: string | null;

  @Field(() => AgreementStatus, { nullable: true, description: 'The status as its source states it, at the source’s date; null when the source states none' })
  statedStatus!: string | null;

  @Field(() => String, { nullable: true, description: 'What it is about, in one English sentence; null when none was written' })
  summary!: string | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}

@ObjectType({ description: 'An organisation’s part in an agreement, with its role.' })
export class AgreementParty {
  organizationId!: string;
  agreementId!: string;

  @Field(() => PartyRole, { description: 'What the organisation does in the agreement (signatory, coordinator, lead, ...)' })
  role!: string;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}
