import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { PartialDateScalar } from '../graphql/partial-date';
import { AttendanceRole } from '../graphql/enums';
import { Provenance } from '../graphql/provenance.type';

@ObjectType({ implements: Node, description: 'A person named as signatory, leader, speaker or delegate.' })
export class Person {
  @Field(() => ID, { description: 'Stable id, e.g. per-bui-the-duy; never changes once published' })
  id!: string;

  @Field(() => String, { description: 'Full name as the source writes it, with diacritics (family name first)' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Form of address the source uses (ông, bà, đồng chí, ...); null when none' })
  honorific!: string | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}

@ObjectType({ description: 'A post a person held at an organisation, as of the date a source states it.' })
export class Position {
  personId!: string;
  organizationId!: string;

  @Field(() => String, { description: 'Title of the post as the source writes it, in Vietnamese, e.g. Thứ trưởng Bộ Khoa học và Công nghệ' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Title of the post in English, e.g. Deputy Minister of Science and Technology; null when none was recorded' })
  titleEn!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When the source places the person in this position, as precise as it says' })
  asOf!: string | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}

@ObjectType({ description: 'A person’s signature on an agreement or a document.' })
export class Signature {
  personId!: string;
  agreementId!: string | null;
  documentId!: string | null;
  onBehalfOfId!: string | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}

@ObjectType({ description: 'A person’s part in an activity.' })
export class Attendance {
  personId!: string;
  activityId!: string;

  @Field(() => AttendanceRole, { description: 'What the person did at the activity (lead, speaker, delegate, ...)' })
  role!: string;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}
