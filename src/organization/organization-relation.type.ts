import { Field, ObjectType } from 'type-graphql';
import { PartialDateScalar } from '../graphql/partial-date';
import { Provenance } from '../graphql/provenance.type';
import { Organization } from './organization.type';

@ObjectType({ description: 'A relation between two organisations other than parent and child (as ROR records them).' })
export class OrganizationRelation {
  @Field(() => Organization, { description: 'The other organisation of the relation' })
  organization!: Organization;

  @Field(() => String, { description: 'RELATED, PREDECESSOR, SUCCESSOR or PARTNER, read from the organisation that states it' })
  kind!: string;

  @Field(() => String, { description: 'OUT when this organisation states the relation, IN when the other one does' })
  direction!: 'OUT' | 'IN';

  @Field(() => PartialDateScalar, { nullable: true, description: 'Since when the relation holds, as precise as the source says' })
  validFrom!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Until when the relation holds, as precise as the source says' })
  validTo!: string | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}
