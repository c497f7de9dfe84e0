import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { PartialDateScalar } from '../graphql/partial-date';
import { ActivityKind, ActivityStatus, ParticipationRole } from '../graphql/enums';
import { Provenance } from '../graphql/provenance.type';

@ObjectType({ description: 'A figure the source states for an activity (delegates, booths, trainees, budget, ...).' })
export class Figure {
  @Field(() => String, { description: 'What is counted, in English snake case: delegates, booths, trainees, budget_vnd, participants, projects, ...' })
  name!: string;

  @Field(() => Float, { description: 'The number the source states, in unit' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'Unit of value as the source implies it (people, booths, VND, years, ...); null when none was recorded' })
  unit!: string | null;
}

@ObjectType({ implements: Node, description: 'A conference, workshop, competition, training, techmart, research task, visit or other activity.' })
export class Activity {
  @Field(() => ID, { description: 'Stable id, e.g. act-002-natec-spt-signing; never changes once published' })
  id!: string;

  @Field(() => ActivityKind, { description: 'What kind of activity it is (conference, workshop, competition, visit, ...)' })
  kind!: string;

  @Field(() => String, { description: 'Title in Vietnamese, as the source writes it' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'English title; null when none was recorded' })
  titleEn!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it started (or took place), as precise as the source wrote it; null when undated' })
  startDate!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it ended, as precise as the source wrote it; null when not stated (a one-day or single-period event, or still ongoing)' })
  endDate!: string | null;

  /** Its stored endDate as an ISO day (the last day of the period written), for status as of a day. */
  endDay!: string | null;

  @Field(() => String, { nullable: true, description: 'Where it was held, as free text from the source (a building, a web address, online); null when not stated (the province or country is the place field)' })
  venue!: string | null;

  @Field(() => ActivityStatus, { nullable: true, description: 'The status as its source states it, at the source’s date; null when the source states none' })
  statedStatus!: string | null;

  /** Served by ActivityResolver.figures, which pages it. */
  figures!: Figure[];

  @Field(() => String, { nullable: true, description: 'What it was about, in one English sentence; null when none was written' })
  summary!: string | null;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}

@ObjectType({ description: 'An organisation’s part in an activity, with its role.' })
export class Participation {
  organizationId!: string;
  activityId!: string;

  @Field(() => ParticipationRole, { description: 'What the organisation did in the activity (organiser, host, participant, ...)' })
  role!: string;

  /** Served by the provenance resolver, which pages it (see provenance.resolver.ts). */
  provenance!: Provenance[];
}
