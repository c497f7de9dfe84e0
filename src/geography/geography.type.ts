import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { PartialDateScalar } from '../graphql/partial-date';
import { RegionScheme, UnitLevel } from '../graphql/enums';
import { Provenance } from '../graphql/provenance.type';

@ObjectType({ implements: Node, description: 'A grouping of provinces under one scheme (the six planning regions, or an older grouping).' })
export class Region {
  @Field(() => ID, { description: 'Stable id, e.g. region-mekong-delta' })
  id!: string;

  @Field(() => String, { description: 'Vietnamese name, e.g. Đồng bằng sông Cửu Long' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'English name, e.g. Mekong Delta; null when none was recorded' })
  nameEn!: string | null;

  @Field(() => RegionScheme, { description: 'The grouping scheme it belongs to (regions of different schemes overlap: count within one scheme)' })
  scheme!: string;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}

@ObjectType({ description: 'The point a unit is drawn at (its administrative seat), from one external reference, rounded to 2 decimals.' })
export class Centre {
  @Field(() => Float, { description: 'Latitude in degrees north (WGS 84), at most 2 decimals' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in degrees east (WGS 84), at most 2 decimals' })
  longitude!: number;

  @Field(() => String, { description: 'What the point is, e.g. the provincial seat, Cần Thơ city' })
  point!: string;

  @Field(() => ID, { description: 'Id of the external source the coordinate comes from (one of the unit’s provenance sources), e.g. ext-geonames' })
  sourceId!: string;

  @Field(() => String, { description: 'The entry the coordinate was read from: a GeoNames page or an encyclopedia article URL' })
  reference!: string;
}

@ObjectType({ implements: Node, description: 'A province, centrally run city, country or foreign state, with the period it existed.' })
export class AdminUnit {
  @Field(() => ID, { description: 'Stable id: prov-<slug> (prov-<slug>-2025 for a unit of the 1 July 2025 merger that reuses an older name), country-<iso2> or state-<iso2>-<code>' })
  id!: string;

  @Field(() => UnitLevel, { description: 'Province, centrally run city, country or foreign state' })
  level!: string;

  @Field(() => String, { description: 'Vietnamese name with diacritics, e.g. Cần Thơ (the unit before and after the 2025 merger can share a name: compare validFrom/validTo)' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'English name, e.g. Can Tho City; null when none was recorded' })
  nameEn!: string | null;

  @Field(() => [String], { description: 'Other names the sources use, e.g. TP. Cần Thơ; empty when none' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'Statistics code (two digits for a Vietnamese province), valid over the unit’s own validity: a merged unit may reuse a former unit’s code; null for countries and foreign states' })
  statCode!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 or 3166-2 code, e.g. VN-CT; null when none was recorded (units created in 2025 have none)' })
  isoCode!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When the unit came into being, as precise as known; null when it existed before the data begins' })
  validFrom!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When the unit ceased to be, as precise as known; null while it exists' })
  validTo!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When the unit became part of its successor, as precise as known; null when it never merged' })
  succeededOn!: string | null;

  @Field(() => Centre, { nullable: true, description: 'Where the unit is drawn on a map (a Vietnamese provincial unit’s seat); null when none was curated (countries and foreign states)' })
  centre!: Centre | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}
