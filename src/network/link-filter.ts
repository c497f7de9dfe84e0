import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { checkRange, dateParam } from '../db/dates';
import { OrganizationKind } from '../organization/organization.type';
import { COOPERATION_TIE_KINDS, TIE_KINDS, type TieKind, type TieSelection } from '../rules/tie';

/** The tie kinds of src/rules/tie.ts as a GraphQL enum (same values, so the two cannot drift apart). */
export const TieKindEnum = Object.fromEntries(TIE_KINDS.map((k) => [k, k])) as Record<TieKind, TieKind>;
registerEnumType(TieKindEnum, {
  name: 'TieKind',
  valuesConfig: {
    COUNTERPARTIES: { description: 'The two principal parties of an agreement that has exactly two (the strongest kind)' },
    CO_PARTIES: { description: 'Two principal parties of an agreement with three or more' },
    CO_ORGANISERS: { description: 'Both on the organising side of an activity (organiser, co-organiser, host, lead, sponsor, proposer, partner)' },
    ORGANISER_PARTICIPANT: { description: 'One leads (principal party or organiser), the other attends, witnesses, judges or benefits' },
    CO_PARTICIPANTS: { description: 'Both only attended or witnessed: same event, no stated cooperation between them; not counted by default' },
    PARENT_SUBUNIT: { description: 'One is a sub-unit of the other (a school of its university); not cooperation, not counted by default' },
  },
  description:
    'How two organisations are tied through a shared instrument, from their roles in it: COUNTERPARTIES (the two principal parties of a bilateral agreement), CO_PARTIES (principal parties of a multilateral agreement), CO_ORGANISERS (both organise an activity), ORGANISER_PARTICIPANT (one leads, the other attends or witnesses), CO_PARTICIPANTS (both only attended: no stated cooperation), PARENT_SUBUNIT (one is a sub-unit of the other)',
});

export enum LinkKind {
  AGREEMENT = 'AGREEMENT',
  ACTIVITY = 'ACTIVITY',
}
registerEnumType(LinkKind, {
  name: 'LinkKind',
  description: 'What joins two organisations: a shared agreement or a shared activity',
  valuesConfig: {
    AGREEMENT: { description: 'Both are parties to the same agreement, programme, memorandum, plan or proposal' },
    ACTIVITY: { description: 'Both took part in the same activity' },
  },
});

@InputType({ description: 'Which cooperation links count. A link is an agreement or activity two organisations share.' })
export class LinkFilter {
  @Field(() => LocalDateResolver, { nullable: true, description: 'Links in force or held on or after this date (undated links are left out)' })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Links signed, starting or held on or before this date (undated links are left out)' })
  to?: string | null;

  @Field(() => [LinkKind], { nullable: true, description: 'Only these kinds of link' })
  linkKinds?: LinkKind[] | null;

  @Field(() => [OrganizationKind], { nullable: true, description: 'Only partners of these kinds (intermediaries on longer routes may be of any kind)' })
  partnerKinds?: OrganizationKind[] | null;

  // An ID like every other topic filter; a string literal is still accepted, a variable must be declared ID.
  @Field(() => ID, { nullable: true, description: 'Topic id, e.g. topic-innovation: only links through agreements or activities about that topic' })
  topic?: string | null;

  @Field(() => [TieKindEnum], { nullable: true, description: 'Tie kinds counted; default: cooperation only (COUNTERPARTIES, CO_PARTIES, CO_ORGANISERS, ORGANISER_PARTICIPANT), so neither co-attendance nor a parent and its own sub-unit' })
  ties?: TieKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Also count proposed and planned instruments (default false: only those that took place or are in place)' })
  includeIntended?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Count every sub-unit as its top-level parent (a school as its university; default false)' })
  rollUpSubUnits?: boolean | null;
}

/** The tie selection of a link filter: the defaults of src/rules/tie.ts where the filter is silent. */
export function tieSelection(filter: LinkFilter | null | undefined): TieSelection {
  return {
    kinds: filter?.ties?.length ? filter.ties : COOPERATION_TIE_KINDS,
    includeIntended: filter?.includeIntended ?? false,
    rollUpSubUnits: filter?.rollUpSubUnits ?? false,
  };
}

/** The Cypher parameters of a link filter; throws BAD_USER_INPUT for malformed or inverted dates. */
export function linkFilterParams(filter: LinkFilter | null | undefined): Record<string, unknown> {
  checkRange(filter?.from, filter?.to, 'from', 'to');
  return {
    periodFrom: dateParam(filter?.from, 'from'),
    periodTo: dateParam(filter?.to, 'to'),
    linkKinds: filter?.linkKinds?.length ? filter.linkKinds : null,
    partnerKinds: filter?.partnerKinds?.length ? filter.partnerKinds : null,
    topic: filter?.topic ?? null,
  };
}
