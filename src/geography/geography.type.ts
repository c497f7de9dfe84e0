import { Field, ID, ObjectType } from 'type-graphql';
import { PartialDateScalar } from '../graphql/partial-date';
import { RegionScheme, UnitLevel } from '../graphql/enums';
import { Provenance } from '../graphql/provenance.type';

@ObjectType({ description: 'A grouping of provinces under one scheme (the six planning regions, or an older grouping).' })
export class Region {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn!: string | null;

  @Field(() => RegionScheme)
  scheme!: string;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}

@ObjectType({ description: 'A province, centrally run city, country or foreign state, with the period it existed.' })
export class AdminUnit {
  @Field(() => ID)
  id!: string;

  @Field(() => UnitLevel)
  level!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn!: string | null;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'Statistics code, valid over the unit’s own validity' })
  statCode!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 or 3166-2 code' })
  isoCode!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When the unit came into being, as precise as known' })
  validFrom!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When the unit ceased to be, as precise as known' })
  validTo!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When the unit became part of its successor, as precise as known' })
  succeededOn!: string | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}
