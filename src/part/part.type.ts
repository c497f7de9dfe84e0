import { createUnionType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Activity } from '../activity/activity.type';
import { Agreement } from '../agreement/agreement.type';
import { PartialDateScalar } from '../graphql/partial-date';
import { AgreementStatus, PartyRole } from '../graphql/enums';
import { PART_KINDS } from '../db/vocabulary';
import { Provenance } from '../graphql/provenance.type';
import { taggedCopy } from '../graphql/tagged-copy';

/** What kind of part of an instrument (values shared with the seed format). */
export const PartKind = Object.fromEntries(PART_KINDS.map((k) => [k, k])) as { [K in (typeof PART_KINDS)[number]]: K };
registerEnumType(PartKind, {
  name: 'PartKind',
  description: 'What a part of an instrument is',
  valuesConfig: {
    PLANNED_CONTENT: { description: 'A planned content of a memorandum or programme' },
    PROPOSED_DIRECTION: { description: 'A direction or proposal raised at a meeting or in a letter' },
    ROUND: { description: 'A round or stage of a competition or programme' },
    COMPONENT: { description: 'Any other named part' },
  },
});

@ObjectType({
  implements: Node,
  description:
    'A part of one instrument (a planned content of a memorandum, a direction raised at a meeting, a round of a competition): ' +
    'counted with its instrument, never as an agreement or activity of its own, and never a tie of its own.',
})
export class Part {
  @Field(() => ID, { description: 'Stable id (part-...)' })
  id!: string;

  @Field(() => PartKind, { description: 'What kind of part it is' })
  kind!: string;

  @Field(() => Int, { nullable: true, description: 'Its position among its instrument’s parts as the text lists them (from 1); null for a sub-item of a numbered content' })
  ordinal!: number | null;

  @Field(() => String, { description: 'Title as the source writes it' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Title in English; null when none was recorded' })
  titleEn!: string | null;

  @Field(() => AgreementStatus, { nullable: true, description: 'The status of this part as its source states it, at the source’s date (same values as agreements); null when the source states none' })
  statedStatus!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When this part starts (or is due), as precise as the source wrote it' })
  startDate!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When this part ends, as precise as the source wrote it (a year ends on 31 December)' })
  endDate!: string | null;

  /** Its stored endDate as an ISO day (the last day of the period written), for status as of a day. */
  endDay!: string | null;

  @Field(() => String, { nullable: true, description: 'What the part consists of, in brief (English); null when none was written' })
  summary!: string | null;

  /** Served by PartResolver.provenance, which pages it. */
  provenance!: Provenance[];
}

@ObjectType({ description: 'An organisation the text names for one part of an instrument (who proposed it, who implements it), with its role.' })
export class PartActor {
  organizationId!: string;
  partId!: string;

  @Field(() => PartyRole, { description: 'What the organisation does for this part (proposes, leads, implements, ...)' })
  role!: string;

  /** Served by PartActorResolver.provenance, which pages it. */
  provenance!: Provenance[];
}

// Agreement and Activity share field names (kind, title), so a loaded instrument carries its GraphQL type.
const INSTRUMENT_TYPE = Symbol('instrumentType');

/** A loaded instrument tagged with its GraphQL type, for the Instrument union. */
export function tagInstrument<T extends object>(type: 'Agreement' | 'Activity', node: T): T {
  return taggedCopy(node, INSTRUMENT_TYPE, type);
}

export const Instrument = createUnionType({
  name: 'Instrument',
  description: 'An instrument of cooperation: an agreement or an activity',
  types: () => [Agreement, Activity] as const,
  resolveType: (value) => (value as { [INSTRUMENT_TYPE]?: string })[INSTRUMENT_TYPE],
});
