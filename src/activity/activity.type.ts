import { Field, Float, ID, ObjectType } from 'type-graphql';
import { PartialDateScalar } from '../graphql/partial-date';
import { ActivityKind, ActivityStatus, ParticipationRole } from '../graphql/enums';
import { Provenance } from '../graphql/provenance.type';

@ObjectType({ description: 'A figure the source states for an activity (delegates, booths, trainees, budget, ...).' })
export class Figure {
  @Field(() => String)
  name!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { nullable: true })
  unit!: string | null;
}

@ObjectType({ description: 'A conference, workshop, competition, training, techmart, research task, visit or other activity.' })
export class Activity {
  @Field(() => ID)
  id!: string;

  @Field(() => ActivityKind)
  kind!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  titleEn!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it started (or took place), as precise as the source wrote it' })
  startDate!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it ended, as precise as the source wrote it' })
  endDate!: string | null;

  /** Its stored endDate as an ISO day (the last day of the period written), for status as of a day. */
  endDay!: string | null;

  @Field(() => String, { nullable: true })
  venue!: string | null;

  @Field(() => ActivityStatus, { nullable: true, description: 'The status as its source states it, at the source’s date' })
  statedStatus!: string | null;

  /** Served by ActivityResolver.figures, which pages it. */
  figures!: Figure[];

  @Field(() => String, { nullable: true })
  summary!: string | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}

@ObjectType({ description: 'An organisation’s part in an activity, with its role.' })
export class Participation {
  organizationId!: string;
  activityId!: string;

  @Field(() => ParticipationRole)
  role!: string;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}
