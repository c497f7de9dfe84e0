import { isoDate, props, str, writtenDate } from '../db/values';
import { toProvenance } from '../source/source.mapper';
import type { Activity, Figure, Participation } from './activity.type';

export function toActivity(value: unknown): Activity {
  const p = props(value);
  const figures = typeof p.figures === 'string' ? (JSON.parse(p.figures) as Figure[]) : [];
  return {
    id: String(p.id),
    kind: String(p.kind),
    title: String(p.title),
    titleEn: str(p.titleEn),
    startDate: writtenDate(p.startDate, p.startDatePrecision),
    endDate: writtenDate(p.endDate, p.endDatePrecision),
    endDay: isoDate(p.endDate),
    venue: str(p.venue),
    statedStatus: str(p.status),
    figures: figures.map((f) => ({ name: f.name, value: f.value, unit: f.unit ?? null })),
    summary: str(p.summary),
    get provenance() { return toProvenance(p.provenance); },
  };
}

/** A PARTICIPATED_IN relationship row: `organizationId`, `activityId` and the relationship's properties in `rel`. */
export function toParticipation(row: { organizationId: unknown; activityId: unknown; rel: unknown }): Participation {
  const p = props(row.rel);
  return {
    organizationId: String(row.organizationId),
    activityId: String(row.activityId),
    role: String(p.role),
    get provenance() { return toProvenance(p.provenance); },
  };
}
