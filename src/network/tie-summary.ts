import { writtenDate } from '../db/values';
import type { Row } from '../db/database';
import { TIE_KINDS, type TieKind } from '../rules/tie';

/** One instrument behind a tie, as a network statement returns it (see INSTRUMENT_SPAN). */
export interface TieInstrument {
  id: string;
  type: 'AGREEMENT' | 'ACTIVITY';
  kind: TieKind;
  /** First and last day of its span (ISO days, for comparing) and the same as written. */
  startDay: string | null;
  start: string | null;
  endDay: string | null;
  end: string | null;
}

/** What a tie carries besides its instruments: counts by kind and the first and last dates. */
export interface TieSummary {
  count: number;
  countsByKind: Array<{ kind: TieKind; count: number }>;
  firstDate: string | null;
  lastDate: string | null;
}

const day = (v: unknown) => writtenDate(v, 'DAY');

/** Reads an instrument map of a network statement. */
export function toTieInstrument(r: Row): TieInstrument {
  return {
    id: String(r.id),
    type: r.type as TieInstrument['type'],
    kind: r.kind as TieKind,
    startDay: day(r.start),
    start: writtenDate(r.start, r.startPrecision),
    endDay: day(r.end),
    end: writtenDate(r.end, r.endPrecision),
  };
}

/**
 * The summary of a tie's instruments: their number, their number by kind (in TIE_KINDS order, kinds present
 * only), the earliest start and the latest end as written (an open-ended instrument counts by its start).
 */
export function summariseTie(instruments: TieInstrument[]): TieSummary {
  const byKind = new Map<TieKind, number>();
  let first: TieInstrument | null = null;
  let last: { day: string; written: string } | null = null;
  for (const t of instruments) {
    byKind.set(t.kind, (byKind.get(t.kind) ?? 0) + 1);
    if (t.startDay && (!first || t.startDay < first.startDay!)) first = t;
    const end = t.endDay ? { day: t.endDay, written: t.end! } : t.startDay ? { day: t.startDay, written: t.start! } : null;
    if (end && (!last || end.day > last.day)) last = end;
  }
  return {
    count: instruments.length,
    countsByKind: TIE_KINDS.filter((k) => byKind.has(k)).map((kind) => ({ kind, count: byKind.get(kind)! })),
    firstDate: first?.start ?? null,
    lastDate: last?.written ?? null,
  };
}
