import { Field, ID, ObjectType } from 'type-graphql';
import { PartialDateScalar } from '../graphql/partial-date';
import { AttendanceRole } from '../graphql/enums';
import { Provenance } from '../graphql/provenance.type';

@ObjectType({ description: 'A person named as signatory, leader, speaker or delegate.' })
export class Person {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  honorific!: string | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}

@ObjectType({ description: 'A post a person held at an organisation, as of the date a source states it.' })
export class Position {
  personId!: string;
  organizationId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
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

  @Field(() => AttendanceRole)
  role!: string;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}
