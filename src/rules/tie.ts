/**
 * What a tie between two actors is, defined once. Every network answer (partners, ego networks, paths, the
 * cooperation network, the region matrix, cross-region links, rankings and counts) derives its ties from these
 * definitions, so that a tie means the same everywhere.
 *
 * A tie joins two organisations that share an instrument (an agreement or an activity). Its kind follows from
 * the two organisations' roles in that instrument:
 * - COUNTERPARTIES: the two principal parties of an agreement that has exactly two principal parties;
 * - CO_PARTIES: two principal parties of an agreement with three or more;
 * - CO_ORGANISERS: two organisations on the organising side of an activity (organiser, co-organiser, host, ...);
 * - ORGANISER_PARTICIPANT: one on the leading side (principal party, organiser) and one on the attending side
 *   (witness, beneficiary, participant, judge);
 * - CO_PARTICIPANTS: both only attended or witnessed (same event, no stated cooperation between them);
 * - PARENT_SUBUNIT: one is a sub-unit of the other (an office of its department, a school of its university);
 *   sharing an instrument with one's own parent is not cooperation between the two.
 *
 * The default answers count cooperation only (`COOPERATION_TIE_KINDS`) through instruments that happened or are
 * in place (not proposed or planned ones).
 */

/** Tie kinds, from the strongest statement of cooperation to none. */
export const TIE_KINDS = [
  'COUNTERPARTIES',
  'CO_PARTIES',
  'CO_ORGANISERS',
  'ORGANISER_PARTICIPANT',
  'CO_PARTICIPANTS',
  'PARENT_SUBUNIT',
] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/** The kinds a network answer counts unless asked otherwise: stated cooperation only. */
export const COOPERATION_TIE_KINDS: readonly TieKind[] = ['COUNTERPARTIES', 'CO_PARTIES', 'CO_ORGANISERS', 'ORGANISER_PARTICIPANT'];

/** Party roles (agreements) on the principal side; the rest (WITNESS, BENEFICIARY) attend. */
export const AGREEMENT_PRINCIPAL_ROLES: readonly string[] = ['SIGNATORY', 'COORDINATOR', 'LEAD', 'PARTNER', 'PROPOSER', 'IMPLEMENTER'];
/** Participation roles (activities) on the organising side; the rest (PARTICIPANT, JUDGE, BENEFICIARY) attend. */
export const ACTIVITY_ORGANISING_ROLES: readonly string[] = ['ORGANISER', 'CO_ORGANISER', 'HOST', 'LEAD', 'SPONSOR', 'PROPOSER', 'PARTNER'];

/** Instrument statuses that are intentions, not cooperation that took place or is in place. */
export const INTENDED_STATUSES: readonly string[] = ['PROPOSED', 'PLANNED'];

export type InstrumentType = 'AGREEMENT' | 'ACTIVITY';

/** Whether `role` is on the leading side (principal party, organiser) of an instrument of `type`. */
export function isLeadingRole(type: InstrumentType, role: string | null | undefined): boolean {
  const leading = type === 'AGREEMENT' ? AGREEMENT_PRINCIPAL_ROLES : ACTIVITY_ORGANISING_ROLES;
  return role != null && leading.includes(role);
}

/** What is known of one pair in one shared instrument. */
export interface TiePair {
  type: InstrumentType;
  roleA: string | null | undefined;
  roleB: string | null | undefined;
  /** Organisations on the leading side of the instrument (principal parties of an agreement). */
  leadingCount: number;
  /** One of the two is a sub-unit (at any depth) of the other. */
  parentAndSubUnit: boolean;
}

/** The kind of tie a shared instrument makes between two organisations (see the module comment). */
export function tieKind(p: TiePair): TieKind {
  if (p.parentAndSubUnit) return 'PARENT_SUBUNIT';
  const a = isLeadingRole(p.type, p.roleA);
  const b = isLeadingRole(p.type, p.roleB);
  if (a && b) {
    if (p.type === 'ACTIVITY') return 'CO_ORGANISERS';
    return p.leadingCount === 2 ? 'COUNTERPARTIES' : 'CO_PARTIES';
  }
  if (a || b) return 'ORGANISER_PARTICIPANT';
  return 'CO_PARTICIPANTS';
}

/**
 * The fractional weight one instrument with `actors` distinct organisations adds to each of its pairs:
 * 1/(k-1), so that each organisation's strength from one instrument sums to 1 however many took part (as
 * co-authorship studies weight papers). 0 when there is no pair.
 */
export function tieWeight(actors: number): number {
  return actors > 1 ? 1 / (actors - 1) : 0;
}

const list = (xs: readonly string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

/**
 * Cypher predicate: the role on relationship `r` (PARTY_TO or PARTICIPATED_IN) puts its organisation on the
 * leading side of instrument `x` (the Cypher twin of `isLeadingRole`).
 */
export function leadingRoleCypher(x: string, r: string): string {
  return `((${x}:Agreement AND ${r}.role IN ${list(AGREEMENT_PRINCIPAL_ROLES)}) OR (${x}:Activity AND ${r}.role IN ${list(ACTIVITY_ORGANISING_ROLES)}))`;
}

/** Cypher: the number of principal parties of instrument `x` (`TiePair.leadingCount` of an agreement). */
export function principalCountCypher(x: string): string {
  // Distinct organisations: one may hold two roles in one instrument (signatory and coordinator).
  return `COUNT { MATCH (${x})<-[pr:PARTY_TO]-(po:Organization) WHERE pr.role IN ${list(AGREEMENT_PRINCIPAL_ROLES)} RETURN DISTINCT po }`;
}

/**
 * The Cypher expression of `tieKind` from its inputs already computed: `parentSub`, `leadA`, `leadB` (boolean
 * expressions), instrument `x` and `principals` (its principal count). Statements that pair up an instrument's
 * organisations in a list use it to compute each organisation's side once rather than once per pair.
 */
export function tieKindFromCypher(parentSub: string, leadA: string, leadB: string, x: string, principals: string): string {
  return `CASE
  WHEN ${parentSub} THEN 'PARENT_SUBUNIT'
  WHEN (${leadA}) AND (${leadB}) THEN CASE WHEN ${x}:Activity THEN 'CO_ORGANISERS' WHEN ${principals} = 2 THEN 'COUNTERPARTIES' ELSE 'CO_PARTIES' END
  WHEN (${leadA}) OR (${leadB}) THEN 'ORGANISER_PARTICIPANT'
  ELSE 'CO_PARTICIPANTS' END`;
}

/**
 * The Cypher expression of `tieKind` for organisations `a`, `b` bound to instrument `x` by relationships `ra`,
 * `rb` (PARTY_TO or PARTICIPATED_IN). The arguments are variable names chosen by the calling statement, never
 * user input; the role lists are this module's constants.
 */
export function tieKindCypher(a: string, ra: string, x: string, rb: string, b: string): string {
  return tieKindFromCypher(
    `EXISTS { (${a})-[:PART_OF*1..4]->(${b}) } OR EXISTS { (${b})-[:PART_OF*1..4]->(${a}) }`,
    leadingRoleCypher(x, ra),
    leadingRoleCypher(x, rb),
    x,
    principalCountCypher(x),
  );
}

/**
 * Cypher: the ancestor ids of organisation `o` over PART_OF (the organisations of which it is a sub-unit, up
 * to the depth `tieKindCypher` looks), for a PARENT_SUBUNIT test on lists.
 */
export function ancestorIdsCypher(o: string): string {
  return `[(${o})-[:PART_OF*1..4]->(ancestor:Organization) | ancestor.id]`;
}

/**
 * Cypher: the unit organisation `o` counts as when sub-units roll up: its top ancestor over PART_OF (the one
 * with no parent organisation; the smallest id if there are several), else `o` itself.
 */
export function topUnitCypher(o: string): string {
  return `coalesce(COLLECT { MATCH (${o})-[:PART_OF*1..4]->(top_unit:Organization) WHERE NOT EXISTS { (top_unit)-[:PART_OF]->(:Organization) }
    RETURN top_unit ORDER BY top_unit.id LIMIT 1 }[0], ${o})`;
}

/** The Cypher expression of `tieWeight` for instrument `x`: 1/(k-1) over its distinct organisations. */
export function tieWeightCypher(x: string): string {
  // Distinct organisations, not role relationships: one organisation with two roles is one of the k.
  return tieWeightOfCypher(`COUNT { MATCH (${x})<-[:PARTY_TO|PARTICIPATED_IN]-(wo:Organization) RETURN DISTINCT wo }`);
}

/** The Cypher expression of `tieWeight` for an instrument with `actors` (an integer expression) organisations. */
export function tieWeightOfCypher(actors: string): string {
  return `1.0 / CASE WHEN ${actors} > 1 THEN ${actors} - 1 ELSE 1 END`;
}

/** The Cypher predicate "instrument `x` counts under `$includeIntended`" (intentions only when asked). */
export function instrumentCountsCypher(x: string, includeIntendedParam = '$includeIntended'): string {
  return `(${includeIntendedParam} OR NOT coalesce(${x}.status, '') IN ${list(INTENDED_STATUSES)})`;
}

/** How a caller asks for ties. */
export interface TieSelection {
  /** Kinds counted; defaults to COOPERATION_TIE_KINDS. */
  kinds: readonly TieKind[];
  /** Count proposed and planned instruments too. */
  includeIntended: boolean;
  /** Replace every organisation by its top-level parent (a school by its university). */
  rollUpSubUnits: boolean;
}

/** The selection of a request that asks nothing: cooperation only, realised instruments, units as they are. */
export const DEFAULT_TIE_SELECTION: TieSelection = { kinds: COOPERATION_TIE_KINDS, includeIntended: false, rollUpSubUnits: false };

/** Statement parameters of a selection: `$tieKinds`, `$includeIntended`, `$rollUp`. */
export function tieParams(s: TieSelection): { tieKinds: string[]; includeIntended: boolean; rollUp: boolean } {
  return { tieKinds: [...s.kinds], includeIntended: s.includeIntended, rollUp: s.rollUpSubUnits };
}
