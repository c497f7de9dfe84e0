import { props, str, writtenDate } from '../db/values';
import type { Row } from '../db/database';

/** What tells a hit apart from others of the same label, in English and in Vietnamese. */
export interface HitDetail {
  en: string;
  vi: string;
}

type Words = Record<string, [en: string, vi: string]>;

const UNIT_LEVEL: Words = {
  PROVINCE: ['province', 'tỉnh'],
  CITY: ['centrally run city', 'thành phố trực thuộc trung ương'],
  COUNTRY: ['country', 'quốc gia'],
  STATE: ['state', 'bang'],
};
const ORG_KIND: Words = {
  GOVERNMENT: ['government body', 'cơ quan nhà nước'],
  UNIVERSITY: ['university', 'trường đại học'],
  RESEARCH_INSTITUTE: ['research institute', 'viện nghiên cứu'],
  COMPANY: ['company', 'doanh nghiệp'],
  HOSPITAL: ['hospital', 'bệnh viện'],
  NETWORK: ['network or association', 'mạng lưới, hiệp hội'],
  FOREIGN_BODY: ['foreign body', 'cơ quan nước ngoài'],
};
const AGREEMENT_KIND: Words = {
  AGREEMENT: ['agreement', 'thỏa thuận'],
  PROGRAMME: ['programme', 'chương trình'],
  MEMORANDUM: ['memorandum', 'biên bản'],
  PLAN: ['plan', 'kế hoạch'],
  PROPOSAL: ['proposal', 'đề xuất'],
};
const SOURCE_KIND: Words = {
  OFFICIAL_LETTER: ['official letter', 'công văn'],
  NEWS: ['news', 'tin tức'],
  NEWS_DIGEST: ['news digest', 'bản tin tổng hợp'],
  EXTERNAL: ['external reference', 'tài liệu tham khảo'],
  REGISTRY: ['registry', 'cơ sở dữ liệu'],
};
const REGION_SCHEME: Words = {
  SOCIO_ECONOMIC_6: ['socio-economic region', 'vùng kinh tế - xã hội'],
  SOUTH_CENTRAL_COAST: ['older regional grouping', 'vùng cũ'],
  KEY_ECONOMIC_ZONE: ['key economic zone', 'vùng kinh tế trọng điểm'],
};
const KIND_ONLY: Words = {
  ACTIVITY: ['activity', 'hoạt động'],
  PERSON: ['person', 'cá nhân'],
  TOPIC: ['topic', 'chủ đề'],
};

const word = (table: Words, key: unknown, fallback: [string, string]): [string, string] => table[String(key)] ?? fallback;

/**
 * Builds a hit's detail from a row of HIT_FACTS (`kind`, the node `n`, its place `place`): the kind, the
 * province or country it is in or was signed or held in, and the period a unit was valid or the date of an
 * instrument or activity. Two admin units of one name differ by their validity ("until 2025-06-30",
 * "since 2025-07-01").
 */
export function describeHit(row: Row): HitDetail {
  const n = props(row.n);
  const place = row.place ? props(row.place) : null;
  const placeEn = place ? (str(place.nameEn) ?? String(place.name)) : null;
  const placeVi = place ? String(place.name) : null;
  const parts: [string | null, string | null][] = [];
  const date = (field: string) => writtenDate(n[field], n[`${field}Precision`]);
  switch (row.kind) {
    case 'ADMIN_UNIT': {
      parts.push(word(UNIT_LEVEL, n.level, ['administrative unit', 'đơn vị hành chính']));
      const from = date('validFrom');
      const to = date('validTo');
      if (from && to) parts.push([`${from} to ${to}`, `${from} đến ${to}`]);
      else if (to) parts.push([`until ${to}`, `đến ${to}`]);
      else if (from) parts.push([`since ${from}`, `từ ${from}`]);
      if (n.statCode) parts.push([`code ${String(n.statCode)}`, `mã ${String(n.statCode)}`]);
      break;
    }
    case 'ORGANIZATION':
      parts.push(word(ORG_KIND, n.kind, ['organisation', 'tổ chức']), [placeEn, placeVi]);
      break;
    case 'AGREEMENT': {
      parts.push(word(AGREEMENT_KIND, n.kind, ['agreement', 'thỏa thuận']));
      if (n.number) parts.push([`no. ${String(n.number)}`, `số ${String(n.number)}`]);
      const signed = date('signedOn');
      if (signed) parts.push([`signed ${signed}`, `ký ${signed}`]);
      parts.push([placeEn, placeVi]);
      break;
    }
    case 'ACTIVITY': {
      parts.push([`activity (${String(n.kind).toLowerCase().replace(/_/g, ' ')})`, 'hoạt động']);
      const start = date('startDate');
      if (start) parts.push([start, start]);
      parts.push([placeEn, placeVi]);
      break;
    }
    case 'SOURCE': {
      parts.push(word(SOURCE_KIND, n.kind, ['source', 'nguồn']));
      if (n.number) parts.push([`no. ${String(n.number)}`, `số ${String(n.number)}`]);
      const published = date('publishedOn');
      if (published) parts.push([published, published]);
      break;
    }
    case 'REGION':
      parts.push(word(REGION_SCHEME, n.scheme, ['region', 'vùng']));
      break;
    default:
      parts.push(word(KIND_ONLY, row.kind, ['item', 'mục']));
  }
  const join = (i: 0 | 1) => parts.map((p) => p[i]).filter((p): p is string => !!p).join(', ');
  return { en: join(0), vi: join(1) };
}
