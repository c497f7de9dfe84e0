import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Activity } from '../activity/activity.type';
import { PartialDateScalar } from '../graphql/partial-date';
import { connectionTypes } from '../graphql/connection';
import { Agreement } from '../agreement/agreement.type';
import { Organization } from '../organization/organization.type';

export enum TimelineEventKind {
  IN_FORCE = 'IN_FORCE',
  SIGNED = 'SIGNED',
  VALID_FROM = 'VALID_FROM',
  HELD = 'HELD',
  PLANNED = 'PLANNED',
  VALID_TO = 'VALID_TO',
}
registerEnumType(TimelineEventKind, {
  name: 'TimelineEventKind',
  description: 'What happened on the date of a timeline event',
  valuesConfig: {
    IN_FORCE: {
      description:
        'The agreement was in force, or the activity held or ongoing, at some time in the window (the rule of inForce); dated ' +
        'the window’s first day, only when from is given',
    },
    SIGNED: { description: 'An agreement was signed' },
    VALID_FROM: { description: 'An agreement’s validity began' },
    VALID_TO: { description: 'An agreement’s validity ended' },
    HELD: { description: 'An activity that was held or is ongoing started (or, when only its end is known, ended)' },
    PLANNED: { description: 'An activity that was planned or proposed was due to start' },
  },
});

@ObjectType({ description: 'A dated event in the agreements and activities of an actor.' })
export class TimelineEvent {
  organizationIds!: string[];

  @Field(() => PartialDateScalar, { description: 'When, as precise as the source wrote it (IN_FORCE: the window’s first day)' })
  date!: string;

  @Field(() => TimelineEventKind, { description: 'What happened: signed, validity began or ended, held, planned, or in force in the window' })
  kind!: TimelineEventKind;

  @Field(() => Agreement, { nullable: true, description: 'The agreement, for SIGNED, VALID_FROM, VALID_TO and an agreement’s IN_FORCE; null for activity events' })
  agreement!: Agreement | null;

  @Field(() => Activity, { nullable: true, description: 'The activity, for HELD, PLANNED and an activity’s IN_FORCE; null for agreement events' })
  activity!: Activity | null;

  @Field(() => String, {
    description: 'The actor’s role (PartyRole or ParticipationRole); when its organisations hold several, the first in the order the enum lists them',
  })
  role!: string;

  @Field(() => [String], { description: 'Every role the actor’s organisations hold in it' })
  roles!: string[];

  @Field(() => [Organization], { description: 'The actor’s organisations taking part (several for an admin unit or region), by id' })
  organizations!: Organization[];
}

/** Name of the timeline in its position cursors and connection types. */
export const TIMELINE_LIST = 'TimelineEvent';

/** `TimelineEventConnection` and `TimelineEventEdge`: pages of a timeline, shaped like every connection. */
export const { Connection: TimelineEventConnection } = connectionTypes(TimelineEvent, TIMELINE_LIST);

@ObjectType({ description: 'What was in force, held or ongoing over a period (one day, or one calendar year).' })
export class InForce {
  @Field(() => LocalDateResolver, { description: 'First day of the period' })
  from!: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the period' })
  to!: string;

  @Field(() => [Agreement], {
    description:
      'Agreements in force at some time in the period (src/rules/period.ts): from validFrom, else the signing date, to validTo ' +
      '(an open end runs on), a date written as a year or month covering that period; one stated IN_FORCE without dates is in ' +
      'force from the publication date of its source. Proposed and planned agreements, and undated ones, are left out. By ' +
      'start, then id.',
  })
  agreements!: Agreement[];

  @Field(() => [Activity], {
    description:
      'Activities held or ongoing at some time in the period, by the same rule: startDate to endDate (only a start: that day, ' +
      'month or year as written; an ongoing one runs on); one stated ONGOING without dates from the publication date of its ' +
      'source. Planned and proposed activities, and undated ones, are left out. By start, then id.',
  })
  activities!: Activity[];
}
