import { activeInPeriodCypher, spanEndCypher, spanEndPrecisionCypher, spanStartCypher, spanStartPrecisionCypher } from '../rules/period';
import {
TIE_KINDS,
ancestorIdsCypher,
instrumentCountsCypher,
leadingRoleCypher,
principalCountCypher,
tieKindCypher,
tieKindFromCypher,
topUnitCypher,
} from '../rules/tie';

/**
 * Cypher fragments the network statements share, all built from src/rules/tie.ts and src/rules/period.ts.
 * Variable names are fixed by convention: `a` and `b` organisations, `ra` and `rb` their relationships to
 * instrument `x`, `principals` its principal parties, `ancestors` and `leadA` what is known of `a`'s side.
 */

// The link filter beyond the tie selection: kinds of instrument, topic, and a period when one is given (an
// undated instrument is in no period, but counts when none is asked for).
export const LINK_WHERE = `($linkKinds IS NULL OR (x:Agreement AND 'AGREEMENT' IN $linkKinds) OR (x:Activity AND 'ACTIVITY' IN $linkKinds))
  AND ($topic IS NULL OR EXISTS { (x)-[:ABOUT]->(:Topic {id: $topic}) })
  AND (($periodFrom IS NULL AND $periodTo IS NULL) OR ${activeInPeriodCypher('x', '$periodFrom', '$periodTo')})`;

/** Predicate on `x`: it counts under `$includeIntended`, and passes `where` when there is one. */
export const instrumentWhere = (where: string | null) => `${instrumentCountsCypher('x')}${where ? `\n  AND ${where}` : ''}`;

/**
 * The tie kind of role pair `ra`, `rb` of organisations `a`, `b` in instrument `x`; with `principals`, a
 * variable holding the instrument's principal count instead of counting them for this pair.
 */
export const kindOf = (a: string, ra: string, x: string, rb: string, b: string, principals?: string) =>
  principals
    ? tieKindFromCypher(
        `EXISTS { (${a})-[:PART_OF*1..4]->(${b}) } OR EXISTS { (${b})-[:PART_OF*1..4]->(${a}) }`,
        leadingRoleCypher(x, ra),
        leadingRoleCypher(x, rb),
        x,
        principals,
      )
    : tieKindCypher(a, ra, x, rb, b);

/** `kindOf` for the conventional variables, with `principals` computed per instrument (see `perInstrument`). */
export const KIND = kindOf('a', 'ra', 'x', 'rb', 'b', 'principals');

/**
 * For statements that expand from organisations `a` outwards: `ancestors` of `a` (bind once per `a`) and
 * `leadA` (bind once per `a` and instrument `x`), so that each pair row only looks at `b`'s side.
 */
export const ANCESTORS = ancestorIdsCypher('a');
export const LEAD_A = leadingRoleCypher('x', 'ra');

/** `kindOf` for rows that carry `ancestors` and `leadA` (see ANCESTORS); principals are counted only when needed. */
export const KIND_FROM_A = tieKindFromCypher(
  // Most organisations are part of nothing: their degree answers before any path is looked for.
  'b.id IN ancestors OR (EXISTS { (b)-[:PART_OF]->() } AND EXISTS { (b)-[:PART_OF*1..4]->(a) })',
  'leadA',
  leadingRoleCypher('x', 'rb'),
  'x',
  principalCountCypher('x'),
);

/**
 * The instrument's kind for a pair from the kinds of its role pairs (a list expression): the strongest, the
 * earliest in TIE_KINDS.
 */
export const strongest = (kinds: string) => `head([strongest_kind IN [${TIE_KINDS.map((k) => `'${k}'`).join(', ')}] WHERE strongest_kind IN ${kinds}])`;

/** The organisation standing for `o` under roll-up: its top ancestor. */
export const top = (o: string) => topUnitCypher(o);

/** A map of what a network answer shows of instrument `x`: id, type and span as written. */
export const INSTRUMENT_SPAN = `id: x.id, type: CASE WHEN x:Agreement THEN 'AGREEMENT' ELSE 'ACTIVITY' END,
    start: ${spanStartCypher('x')}, startPrecision: ${spanStartPrecisionCypher('x')},
    end: ${spanEndCypher('x')}, endPrecision: ${spanEndPrecisionCypher('x')}`;
