import { props, str, strList, writtenDate } from '../db/values';
import { toProvenance } from '../source/source.mapper';
import type { AdminUnit, Region } from './geography.type';

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
    provenance: toProvenance(p.provenance),
  };
}

export function toRegion(value: unknown): Region {
  const p = props(value);
  return {
    id: String(p.id),
    name: String(p.name),
    nameEn: str(p.nameEn),
    scheme: String(p.scheme),
    provenance: toProvenance(p.provenance),
  };
}
