import { z } from 'zod';
import type { SeedProblem } from '../../record/record.problem';
import type { Located } from '../seed/seed.read';
import { OrganizationRecord, type ORG_KINDS, type OrgRelationRecord } from '../../record/record.format';

export type OrgKind = (typeof ORG_KINDS)[number];
export type OrganizationSeed = z.infer<typeof OrganizationRecord>;
export type OrgRelationSeed = z.infer<typeof OrgRelationRecord>;
export type RorSchema = 1 | 2;

const REL_TYPES = ['parent', 'child', 'related', 'predecessor', 'successor'] as const;
export type RorRelationType = (typeof REL_TYPES)[number];

/** One ROR record reduced to what the hub stores. `index` is the record's 1-based position in its file. */
export interface RorOrg {
  index: number;
  ror: string;
  url: string;
  schema: RorSchema;
  release?: string;
  status: 'active' | 'inactive' | 'withdrawn';
  name: string;
  nameEn?: string;
  aliases: string[];
  acronyms: string[];
  kind: OrgKind;
  website?: string;
  externalIds: Record<string, string[]>;
  location?: string;
  relationships: { type: RorRelationType; ror: string }[];
  /** Provenance note: `ROR record <url> (release <tag>)`. */
  note: string;
}

export interface RorFile {
  /** Records to import (active or inactive), in file order. */
  orgs: RorOrg[];
  /** Withdrawn records (duplicates or errors in ROR): read, never imported. */
  withdrawn: RorOrg[];
  problems: SeedProblem[];
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** The 9-character ROR id in a ROR URL or bare id, or undefined when it is not one (checksum included). */
export function rorIdOf(value: string): string | undefined {
  const m = /^(?:https?:\/\/ror\.org\/)?(0[0-9a-hjkmnp-tv-z]{6}\d{2})$/.exec(value.trim().toLowerCase());
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1].slice(1, 7)) n = n * 32 + CROCKFORD.indexOf(ch);
  // ISO 7064 mod 97-10, as ROR computes it.
  return String(98 - ((n * 100) % 97)).padStart(2, '0') === m[1].slice(7) ? m[1] : undefined;
}

const lowerEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((s) => s.toLowerCase()).pipe(z.enum(values));
const RorRef = z.string().refine((s) => rorIdOf(s) !== undefined, 'must be a ROR id such as https://ror.org/00waaqh38 (valid checksum)');
const Relationship = z.object({ type: lowerEnum(REL_TYPES), id: RorRef });
const Status = lowerEnum(['active', 'inactive', 'withdrawn'] as const);
const Coord = z.number().finite().nullish();
const Strings = z.array(z.string()).nullish();

const RorV1 = z.object({
  id: RorRef,
  name: z.string().trim().min(1),
  status: Status,
  types: z.array(z.string()),
  labels: z.array(z.object({ label: z.string(), iso639: z.string().nullish() })).nullish(),
  aliases: Strings,
  acronyms: Strings,
  links: Strings,
  addresses: z.array(z.object({ city: z.string().nullish(), lat: Coord, lng: Coord, primary: z.boolean().nullish() })).nullish(),
  country: z.object({ country_code: z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code') }).nullish(),
  external_ids: z
    .record(z.string(), z.object({ preferred: z.string().nullish(), all: z.union([z.string(), z.array(z.string())]).nullish() }))
    .nullish(),
  relationships: z.array(Relationship).nullish(),
});

const RorV2 = z.object({
  id: RorRef,
  names: z
    .array(z.object({ value: z.string().trim().min(1), lang: z.string().nullish(), types: z.array(z.string()) }))
    .refine((names) => names.some((n) => n.types.includes('ror_display')), 'needs a name of type ror_display'),
  status: Status,
  types: z.array(z.string()),
  links: z.array(z.object({ type: z.string().nullish(), value: z.string() })).nullish(),
  locations: z
    .array(
      z.object({
        geonames_details: z.object({
          name: z.string().nullish(),
          lat: Coord,
          lng: Coord,
          country_code: z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code').nullish(),
        }),
      }),
    )
    .nullish(),
  external_ids: z.array(z.object({ type: z.string(), preferred: z.string().nullish(), all: z.array(z.string()).nullish() })).nullish(),
  relationships: z.array(Relationship).nullish(),
});

type Name = { value: string; lang?: string | null };
type Place = { city?: string | null; lat?: number | null; lng?: number | null; country?: string | null };

/** What both schema versions give, before the hub's rules are applied. */
interface RorFields {
  url: string;
  status: RorOrg['status'];
  types: string[];
  display: Name;
  labels: Name[];
  aliases: Name[];
  acronyms: string[];
  website?: string;
  externalIds: Record<string, string[]>;
  place: Place;
  relationships: { type: RorRelationType; id: string }[];
}

const EXTERNAL_ID_KEYS: Record<string, string> = { grid: 'GRID', isni: 'ISNI', wikidata: 'Wikidata', fundref: 'FundRef' };

function addExternalId(into: Record<string, string[]>, type: string, preferred: string | null | undefined, all: unknown): void {
  const key = EXTERNAL_ID_KEYS[type.toLowerCase()];
  if (!key) return; // OrgRef and other discontinued schemes are not kept
  const values = [preferred, ...(Array.isArray(all) ? all : [all])].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  for (const v of values.map((s) => s.trim())) if (!(into[key] ??= []).includes(v)) into[key].push(v);
  if (into[key]?.length === 0) delete into[key];
}

function fromV1(r: z.infer<typeof RorV1>): RorFields {
  const externalIds: Record<string, string[]> = {};
  for (const [type, ids] of Object.entries(r.external_ids ?? {})) addExternalId(externalIds, type, ids.preferred, ids.all);
  const address = r.addresses?.find((a) => a.primary) ?? r.addresses?.[0];
  return {
    url: r.id,
    status: r.status,
    types: r.types,
    display: { value: r.name },
    labels: (r.labels ?? []).map((l) => ({ value: l.label, lang: l.iso639 })),
    aliases: (r.aliases ?? []).map((value) => ({ value })),
    acronyms: r.acronyms ?? [],
    website: r.links?.find((l) => l.trim() !== ''),
    externalIds,
    place: { city: address?.city, lat: address?.lat, lng: address?.lng, country: r.country?.country_code },
    relationships: r.relationships ?? [],
  };
}

function fromV2(r: z.infer<typeof RorV2>): RorFields {
  const externalIds: Record<string, string[]> = {};
  for (const ids of r.external_ids ?? []) addExternalId(externalIds, ids.type, ids.preferred, ids.all);
  const display = r.names.find((n) => n.types.includes('ror_display'))!;
  const others = r.names.filter((n) => n !== display);
  const geo = r.locations?.[0]?.geonames_details;
  return {
    url: r.id,
    status: r.status,
    types: r.types,
    display,
    labels: others.filter((n) => n.types.includes('label')),
    aliases: others.filter((n) => n.types.includes('alias')),
    acronyms: others.filter((n) => n.types.includes('acronym')).map((n) => n.value),
    website: r.links?.find((l) => l.type === 'website' && l.value.trim() !== '')?.value,
    externalIds,
    place: { city: geo?.name, lat: geo?.lat, lng: geo?.lng, country: geo?.country_code },
    relationships: r.relationships ?? [],
  };
}

/**
 * ROR types to the hub's organisation kinds, in priority order (the first type a record has wins), so that a
 * university that also funds ([education, funder]) stays a UNIVERSITY and a research institute run by the state
 * ([facility, government]) a RESEARCH_INSTITUTE. `archive` (libraries, archives) counts as a research institution;
 * `nonprofit`, `other` (in ROR mostly associations, consortia, networks) and a bare `funder` (foundations, funds)
 * are NETWORKs. A `government` body outside Vietnam is a FOREIGN_BODY.
 */
export const KIND_BY_ROR_TYPE: readonly (readonly [string, OrgKind])[] = [
  ['education', 'UNIVERSITY'],
  ['healthcare', 'HOSPITAL'],
  ['company', 'COMPANY'],
  ['facility', 'RESEARCH_INSTITUTE'],
  ['archive', 'RESEARCH_INSTITUTE'],
  ['government', 'GOVERNMENT'],
  ['nonprofit', 'NETWORK'],
  ['other', 'NETWORK'],
  ['funder', 'NETWORK'],
];

/** The organisation kind for a record's ROR types (any case), or undefined when none is known. */
export function orgKindOf(types: readonly string[], countryCode?: string | null): OrgKind | undefined {
  const have = new Set(types.map((t) => t.toLowerCase()));
  const kind = KIND_BY_ROR_TYPE.find(([type]) => have.has(type))?.[1];
  return kind === 'GOVERNMENT' && countryCode && countryCode.toUpperCase() !== 'VN' ? 'FOREIGN_BODY' : kind;
}

/**
 * ROR city names (as ROR writes them, any diacritics or case) to the provincial unit in force on 2025-06-30,
 * i.e. before the 1 July 2025 merger (Huế: the centrally run city of 1 January 2025), with the city's
 * coordinates for the nearest-city fallback. Names that several provinces share ("Huyện Châu Thành") or that
 * are wards or hamlets ("Trần Hưng Đạo", "Xóm Tra Gình") are deliberately absent: coordinates decide those.
 */
export const ROR_CITIES: readonly (readonly [string, string, number, number])[] = [
  ['Hanoi', 'prov-ha-noi', 21.0245, 105.84117],
  ['Hoàn Kiếm', 'prov-ha-noi', 21.02857, 105.85064],
  ['Hà Đông', 'prov-ha-noi', 20.97136, 105.77876],
  ['Ho Chi Minh City', 'prov-ho-chi-minh', 10.82302, 106.62965],
  ['Saigon', 'prov-ho-chi-minh', 10.82302, 106.62965],
  ['Quận Năm', 'prov-ho-chi-minh', 10.75589, 106.66854],
  ['Da Nang', 'prov-da-nang', 16.06778, 108.22083],
  ['Huế', 'prov-hue', 16.4619, 107.59546],
  ['Thừa Thiên Huế', 'prov-hue', 16.4619, 107.59546],
  ['Can Tho', 'prov-can-tho', 10.03711, 105.78825],
  ['Cái Răng District', 'prov-can-tho', 9.99271, 105.78548],
  ['Haiphong', 'prov-hai-phong', 20.86481, 106.68345],
  ['Thái Nguyên', 'prov-thai-nguyen', 21.59422, 105.84817],
  ['Nha Trang', 'prov-khanh-hoa', 12.24507, 109.19432],
  ['Thu Dau Mot', 'prov-binh-duong', 10.9804, 106.6519],
  ['Vĩnh Long', 'prov-vinh-long', 10.25369, 105.9722],
  ['Vinh', 'prov-nghe-an', 18.67337, 105.69232],
  ['Cửa Lò', 'prov-nghe-an', 18.81667, 105.71667],
  ['Biên Hòa', 'prov-dong-nai', 10.94469, 106.82432],
  ['Uông Bí', 'prov-quang-ninh', 21.03433, 106.77049],
  ['Việt Trì', 'prov-phu-tho', 21.32274, 105.40198],
  ['Buon Ma Thuot', 'prov-dak-lak', 12.66747, 108.03775],
  ['Tam Kỳ', 'prov-quang-nam', 15.57364, 108.47403],
  ['Quảng Nam Province', 'prov-quang-nam', 15.58333, 107.91667],
  ['Tuy Hoa', 'prov-phu-yen', 13.09546, 109.32094],
  ['Long Xuyen', 'prov-an-giang', 10.38639, 105.43518],
  ['Vũng Tàu', 'prov-ba-ria-vung-tau', 10.34599, 107.08426],
  ['Sơn La', 'prov-son-la', 21.3256, 103.91882],
  ['Hải Dương', 'prov-hai-duong', 20.94099, 106.33302],
  ['Qui Nhon', 'prov-binh-dinh', 13.77648, 109.22367],
  ['Quy Nhon', 'prov-binh-dinh', 13.77648, 109.22367],
  ['Tân An', 'prov-long-an', 10.53589, 106.41366],
  ['Từ Sơn', 'prov-bac-ninh', 21.12319, 105.96217],
  ['Thanh Hóa', 'prov-thanh-hoa', 19.8, 105.76667],
  ['Thái Bình', 'prov-thai-binh', 20.45, 106.34002],
  ['Trà Vinh', 'prov-tra-vinh', 9.94719, 106.34225],
  ['Nam Định', 'prov-nam-dinh', 20.43389, 106.17729],
  ['Da Lat', 'prov-lam-dong', 11.94646, 108.44193],
  ['Cao Lanh', 'prov-dong-thap', 10.46017, 105.63294],
];

/** Folds a place name to a key: ASCII, lower case, no spaces, without "Thành phố"/"Thị xã" or "City"/"Province"/"District". */
export function placeKey(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ascii
    .replace(/^(thanh pho|tp|thi xa|tinh) /, '')
    .replace(/ (city|province|district)$/, '')
    .replace(/ /g, '');
}

const CITY_BY_KEY = new Map(ROR_CITIES.map(([name, province]) => [placeKey(name), province]));
const NEAREST_CITY_KM = 60;

function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/**
 * The admin unit a ROR location sits in: for Vietnam the province of the city name (ROR_CITIES), else of the
 * nearest listed city within 60 km of the coordinates, else the country (`country-<iso2>`). ROR's GeoNames
 * admin fields are ignored: they are wrong for a number of Vietnamese records.
 */
export function locationOf(place: Place): string | undefined {
  const country = place.country?.toUpperCase();
  if (country && country !== 'VN') return `country-${country.toLowerCase()}`;
  const byName = place.city ? CITY_BY_KEY.get(placeKey(place.city)) : undefined;
  if (byName) return byName;
  if (typeof place.lat === 'number' && typeof place.lng === 'number') {
    let best: { province: string; km: number } | undefined;
    for (const [, province, lat, lng] of ROR_CITIES) {
      const km = distanceKm(place.lat, place.lng, lat, lng);
      if (km <= NEAREST_CITY_KM && (!best || km < best.km)) best = { province, km };
    }
    if (best) return best.province;
  }
  return country ? 'country-vn' : undefined;
}

const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** `values` trimmed, without blanks, duplicates (ignoring case) or anything in `exclude`. */
export function distinctNames(values: readonly string[], exclude: readonly (string | undefined | null)[] = []): string[] {
  const seen = new Set(exclude.filter((v): v is string => typeof v === 'string').map(fold));
  const out: string[] = [];
  for (const raw of values) {
    const v = raw.replace(/\s+/g, ' ').trim();
    if (v && !seen.has(fold(v))) (seen.add(fold(v)), out.push(v));
  }
  return out;
}

/** Which ROR schema a record follows, by its shape (a v1.x release file may hold v2 records), or undefined. */
export function detectRorSchema(record: unknown): RorSchema | undefined {
  if (!isObject(record)) return undefined;
  if ('names' in record || 'locations' in record) return 2;
  if ('name' in record || 'addresses' in record || 'labels' in record) return 1;
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toOrg(f: RorFields, index: number, schema: RorSchema, release: string | undefined): Omit<RorOrg, 'kind'> & { kind?: OrgKind } {
  const ror = rorIdOf(f.url)!;
  const english = (n: Name) => n.lang === 'en';
  // A display name in another language is not an English name: take ROR's English label or alias instead.
  const nameEn = f.display.lang == null || english(f.display) ? f.display.value : (f.labels.find(english) ?? f.aliases.find(english))?.value;
  const acronyms = distinctNames(f.acronyms);
  const labels = [...f.labels.filter((n) => n.lang === 'vi'), ...f.labels.filter((n) => n.lang !== 'vi')];
  const aliases = distinctNames([...labels, ...f.aliases].map((n) => n.value), [f.display.value, nameEn, ...acronyms]);
  return {
    index,
    ror,
    url: `https://ror.org/${ror}`,
    schema,
    release,
    status: f.status,
    name: f.display.value.replace(/\s+/g, ' ').trim(),
    nameEn: nameEn?.replace(/\s+/g, ' ').trim(),
    aliases,
    acronyms,
    kind: orgKindOf(f.types, f.place.country),
    website: f.website?.trim(),
    externalIds: { ROR: [ror], ...f.externalIds },
    location: locationOf(f.place),
    relationships: f.relationships.map((r) => ({ type: r.type, ror: rorIdOf(r.id)! })),
    note: `ROR record https://ror.org/${ror}${release ? ` (release ${release})` : ''}`,
  };
}

/** The organisation seed record of a ROR record, with `id` and `parent` as given. */
export function organizationSeed(org: RorOrg, id: string, parent?: string): OrganizationSeed {
  const record: OrganizationSeed = { type: 'organization', id, kind: org.kind, name: org.name };
  if (org.nameEn) record.nameEn = org.nameEn;
  if (org.acronyms.length) record.acronyms = org.acronyms;
  if (org.aliases.length) record.aliases = org.aliases;
  if (org.location) record.location = org.location;
  if (parent) record.parent = parent;
  record.ror = org.ror;
  if (org.website) record.website = org.website;
  record.externalIds = org.externalIds;
  record.provenance = [{ source: 'ext-ror', note: org.note }];
  return record;
}

/**
 * Reads one entry of a ROR file: a `{rorRelease, record}` wrapper or a bare ROR record of schema v1 or v2.
 * Problems carry `line` = `index` (1-based position in the file) and the field path within the entry.
 */
export function readRorEntry(entry: unknown, file: string, index: number): { org?: RorOrg; problems: SeedProblem[] } {
  const problem = (field: string | undefined, message: string) => ({ problems: [{ file, line: index, field, message }] });
  if (!isObject(entry)) return problem(undefined, 'a ROR record must be a JSON object');
  const wrapped = isObject(entry.record);
  const record = wrapped ? entry.record : entry;
  const prefix = wrapped ? 'record.' : '';
  let release: string | undefined;
  if (wrapped && entry.rorRelease !== undefined && entry.rorRelease !== null) {
    if (typeof entry.rorRelease !== 'string' || !entry.rorRelease.trim()) return problem('rorRelease', 'must be a release tag such as v1.56');
    release = entry.rorRelease.trim();
  }
  const schema = detectRorSchema(record);
  if (!schema) return problem(`${prefix}name`, 'neither a ROR schema v1 record (name) nor a v2 record (names)');
  const parsed = schema === 1 ? RorV1.safeParse(record) : RorV2.safeParse(record);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => ({ file, line: index, field: `${prefix}${i.path.join('.')}` || undefined, message: `ROR v${schema}: ${i.message}` })),
    };
  }
  const fields = schema === 1 ? fromV1(parsed.data as z.infer<typeof RorV1>) : fromV2(parsed.data as z.infer<typeof RorV2>);
  const org = toOrg(fields, index, schema, release);
  if (!org.kind) return problem(`${prefix}types`, `no known ROR type in [${fields.types.join(', ')}]`);
  const check = OrganizationRecord.safeParse(organizationSeed(org as RorOrg, `org-ror-${org.ror}`));
  if (!check.success) {
    return { problems: check.error.issues.map((i) => ({ file, line: index, field: `${prefix}${i.path.join('.')}`, message: `converted organisation: ${i.message}` })) };
  }
  return { org: org as RorOrg, problems: [] };
}

/**
 * Parses the text of a ROR file: a JSON array of `{rorRelease, record}` wrappers or bare ROR records (v1 or
 * v2, mixed), or one such entry on its own. A problem's `line` is the record's 1-based position in the array
 * (0 for the file as a whole); a record with a problem is left out of `orgs`. A ROR id given twice is a
 * problem on the later record.
 */
export function parseRorFile(text: string, file: string): RorFile {
  const out: RorFile = { orgs: [], withdrawn: [], problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    out.problems.push({ file, line: 0, message: `not valid JSON: ${(error as Error).message}` });
    return out;
  }
  if (!Array.isArray(json) && !isObject(json)) {
    out.problems.push({ file, line: 0, message: 'a ROR file holds an array of records or a single record' });
    return out;
  }
  const seen = new Map<string, number>();
  (Array.isArray(json) ? json : [json]).forEach((entry, i) => {
    const { org, problems } = readRorEntry(entry, file, i + 1);
    out.problems.push(...problems);
    if (!org) return;
    const first = seen.get(org.ror);
    if (first !== undefined) {
      out.problems.push({ file, line: org.index, field: isObject((entry as Record<string, unknown>).record) ? 'record.id' : 'id', message: `ROR id ${org.ror} is also record ${first}` });
      return;
    }
    seen.set(org.ror, org.index);
    (org.status === 'withdrawn' ? out.withdrawn : out.orgs).push(org);
  });
  return out;
}

export interface RorSeed {
  organizations: Located<OrganizationSeed>[];
  relations: Located<OrgRelationSeed>[];
  /** Relationships left out because their target is neither in the file nor in the graph. */
  unresolved: { from: string; type: RorRelationType; ror: string }[];
}

const RELATION_KIND = { related: 'RELATED', predecessor: 'PREDECESSOR', successor: 'SUCCESSOR' } as const;

/**
 * Turns ROR records into seed records. `inGraph` gives the id of the organisation that already carries a ROR
 * id in the graph; a record keeps that id, else it gets `org-ror-<ror>`. Relationship targets must be in
 * `orgs` or in the graph, otherwise they are reported in `unresolved`.
 * - Parent: the first resolvable parent becomes `parent`; `parent` holds one, so a further one is dropped.
 * - Child: ignored, except that a child in `orgs` stating no parent at all gets this record as `parent`.
 * - Related/Predecessor/Successor: an `orgRelation` from the stating record to the target with that kind
 *   (what the target is to the record); RELATED is symmetric, so it is stored once, from the smaller id.
 */
export function toSeedRecords(orgs: readonly RorOrg[], file: string, inGraph: (ror: string) => string | undefined): RorSeed {
  const idOf = new Map(orgs.map((o) => [o.ror, inGraph(o.ror) ?? `org-ror-${o.ror}`]));
  const target = (ror: string) => idOf.get(ror) ?? inGraph(ror);
  const statesParent = new Set(orgs.filter((o) => o.relationships.some((r) => r.type === 'parent')).map((o) => o.ror));
  const parentOf = new Map<string, string>();
  const out: RorSeed = { organizations: [], relations: [], unresolved: [] };

  for (const org of orgs) {
    const self = idOf.get(org.ror)!;
    for (const rel of org.relationships) {
      const to = target(rel.ror);
      if (rel.type === 'child') {
        if (idOf.has(rel.ror) && !statesParent.has(rel.ror) && !parentOf.has(rel.ror)) parentOf.set(rel.ror, self);
        continue;
      }
      if (!to) {
        out.unresolved.push({ from: self, type: rel.type, ror: rel.ror });
        continue;
      }
      if (to === self) continue;
      if (rel.type === 'parent') {
        if (!parentOf.has(org.ror)) parentOf.set(org.ror, to);
        continue;
      }
      const kind = RELATION_KIND[rel.type];
      const [from, other] = kind === 'RELATED' && to < self ? [to, self] : [self, to];
      out.relations.push({ record: { type: 'orgRelation', from, to: other, kind, provenance: [{ source: 'ext-ror', note: org.note }] }, file, line: org.index });
    }
  }
  for (const org of orgs) {
    out.organizations.push({ record: organizationSeed(org, idOf.get(org.ror)!, parentOf.get(org.ror)), file, line: org.index });
  }
  return out;
}
