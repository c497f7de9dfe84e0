import { props, str, strList, writtenDate } from '../db/values';
import { toProvenance } from '../source/source.mapper';
import type { AdminUnit, Centre, Region } from './geography.type';

/** The stored centre (a JSON string of the seed format's `centre`) as the API gives it; null when absent. Read lazily, as provenance is. */
export function toCentre(value: unknown): Centre | null {
  if (typeof value !== 'string') return null;
  const c = JSON.parse(value) as { latitude: number; longitude: number; point: string; source: string; reference: string };
  return { latitude: c.latitude, longitude: c.longitude, point: c.point, sourceId: c.source, reference: c.reference };
}

export function toAdminUnit(value: unknown): AdminUnit {
  const p = props(value);
  return {
    id: String(p.id),
    level: String(p.level),
    name: String(p.name),
    nameEn: str(p.nameEn),
    aliases: strList(p.aliases),
    statCode: str(p.statCode),
    isoCode: str(p.isoCode),
    validFrom: writtenDate(p.validFrom, p.validFromPrecision),
    validTo: writtenDate(p.validTo, p.validToPrecision),
    succeededOn: writtenDate(p.succeededOn, p.succeededOnPrecision),
    get centre() { return toCentre(p.centre); },
    get provenance() { return toProvenance(p.provenance); },
  };
}

export function toRegion(value: unknown): Region {
  const p = props(value);
  return {
    id: String(p.id),
    name: String(p.name),
    nameEn: str(p.nameEn),
    scheme: String(p.scheme),
    get provenance() { return toProvenance(p.provenance); },
  };
}
