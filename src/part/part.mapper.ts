import { isoDate, props, str, writtenDate } from '../db/values';
import { toProvenance } from '../source/source.mapper';
import type { Part, PartActor } from './part.type';

export function toPart(value: unknown): Part {
  const p = props(value);
  return {
    id: String(p.id),
    kind: String(p.kind),
    ordinal: p.ordinal === null || p.ordinal === undefined ? null : Number(p.ordinal),
    title: String(p.title),
    titleEn: str(p.titleEn),
    statedStatus: str(p.status),
    startDate: writtenDate(p.startDate, p.startDatePrecision),
    endDate: writtenDate(p.endDate, p.endDatePrecision),
    endDay: isoDate(p.endDate),
    summary: str(p.summary),
    get provenance() { return toProvenance(p.provenance); },
  };
}

/** A PART_ACTOR relationship row: `organizationId`, `partId` and the relationship's properties in `rel`. */
export function toPartActor(row: { organizationId: unknown; partId: unknown; rel: unknown }): PartActor {
  const p = props(row.rel);
  return {
    organizationId: String(row.organizationId),
    partId: String(row.partId),
    role: String(p.role),
    get provenance() { return toProvenance(p.provenance); },
  };
}
