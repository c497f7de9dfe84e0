import { props, str, strList } from '../db/values';
import { toProvenance } from '../source/source.mapper';
import type { Organization, OrganizationKind } from './organization.type';

export function toOrganization(value: unknown): Organization {
  const p = props(value);
  return {
    id: String(p.id),
    kind: String(p.kind) as OrganizationKind,
    category: str(p.category),
    name: String(p.name),
    nameEn: str(p.nameEn),
    acronyms: strList(p.acronyms),
    aliases: strList(p.aliases),
    ror: str(p.ror),
    website: str(p.website),
    get provenance() { return toProvenance(p.provenance); },
  };
}
