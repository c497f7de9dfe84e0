import { Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Provenance } from '../source/source.type';
import { Organization } from './organization.type';

@ObjectType({ description: 'A relation between two organisations other than parent and child (as ROR records them).' })
export class OrganizationRelation {
  @Field(() => Organization)
  organization!: Organization;

  @Field(() => String, { description: 'RELATED, PREDECESSOR, SUCCESSOR or PARTNER, read from the organisation that states it' })
  kind!: string;

  @Field(() => String, { description: 'OUT when this organisation states the relation, IN when the other one does' })
  direction!: 'OUT' | 'IN';

  @Field(() => LocalDateResolver, { nullable: true })
  validFrom!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  validTo!: string | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}
