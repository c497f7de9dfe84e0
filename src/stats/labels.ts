// Display names of the groups of a count, in Vietnamese and English: kinds (which have no stored name), time
// buckets, the unknown bucket, and provincial units under their full administrative name.
import { ACTIVITY_KINDS, AGREEMENT_KINDS, ORG_KINDS } from '../db/vocabulary';
import { TIE_KINDS } from '../rules/tie';

/** A name in both languages. */
export interface Names {
  nameVi: string;
  nameEn: string;
}

type KindNames<K extends string> = Record<K, [vi: string, en: string]>;

const ORG_KIND_NAMES: KindNames<(typeof ORG_KINDS)[number]> = {
  GOVERNMENT: ['Cơ quan nhà nước', 'Government body'],
  UNIVERSITY: ['Trường đại học', 'University'],
  RESEARCH_INSTITUTE: ['Viện nghiên cứu', 'Research institute'],
  COMPANY: ['Doanh nghiệp', 'Company'],
  HOSPITAL: ['Bệnh viện', 'Hospital'],
  NETWORK: ['Mạng lưới', 'Network'],
  FOREIGN_BODY: ['Tổ chức nước ngoài', 'Foreign body'],
};

const AGREEMENT_KIND_NAMES: KindNames<(typeof AGREEMENT_KINDS)[number]> = {
  AGREEMENT: ['Thỏa thuận hợp tác', 'Agreement'],
  PROGRAMME: ['Chương trình hợp tác', 'Programme'],
  MEMORANDUM: ['Biên bản ghi nhớ', 'Memorandum'],
  PLAN: ['Kế hoạch', 'Plan'],
  PROPOSAL: ['Đề xuất', 'Proposal'],
};

const ACTIVITY_KIND_NAMES: KindNames<(typeof ACTIVITY_KINDS)[number]> = {
  CONFERENCE: ['Hội nghị', 'Conference'],
  WORKSHOP: ['Hội thảo', 'Workshop'],
  SEMINAR: ['Tọa đàm', 'Seminar'],
  COMPETITION: ['Cuộc thi', 'Competition'],
  TRAINING: ['Tập huấn', 'Training'],
  TECHMART: ['Chợ công nghệ và thiết bị (Techmart)', 'Techmart'],
  EXHIBITION: ['Triển lãm', 'Exhibition'],
  FESTIVAL: ['Ngày hội', 'Festival'],
  RESEARCH_TASK: ['Nhiệm vụ nghiên cứu', 'Research task'],
  VISIT: ['Chuyến thăm và làm việc', 'Visit'],
  MEETING: ['Cuộc họp', 'Meeting'],
  FUND_LAUNCH: ['Ra mắt quỹ', 'Fund launch'],
  CONSULTING: ['Tư vấn', 'Consulting'],
  COLLABORATION: ['Hợp tác', 'Collaboration'],
  OTHER: ['Khác', 'Other'],
};

const TIE_KIND_NAMES: KindNames<(typeof TIE_KINDS)[number]> = {
  COUNTERPARTIES: ['Hai bên ký kết', 'Counterparties'],
  CO_PARTIES: ['Các bên cùng ký kết', 'Co-parties'],
  CO_ORGANISERS: ['Đồng tổ chức', 'Co-organisers'],
  ORGANISER_PARTICIPANT: ['Bên tổ chức và bên tham dự', 'Organiser and participant'],
  CO_PARTICIPANTS: ['Cùng tham dự', 'Co-participants'],
  PARENT_SUBUNIT: ['Đơn vị cấp trên và đơn vị trực thuộc', 'Parent and sub-unit'],
};

/** Every kind's names by value (the kind lists share no value, so one table serves them all). */
const KIND_NAMES: Record<string, [string, string]> = {
  ...ORG_KIND_NAMES,
  ...AGREEMENT_KIND_NAMES,
  ...ACTIVITY_KIND_NAMES,
  ...TIE_KIND_NAMES,
};

/** The names of a kind value; a value outside the vocabulary is shown as it is. */
export function kindNames(value: string): Names {
  const [nameVi, nameEn] = KIND_NAMES[value] ?? [value, value];
  return { nameVi, nameEn };
}

/** The key of the bucket of records without a value for the grouping (undated, unlocated, not of that kind). */
export const UNKNOWN_KEY = 'unknown';
export const UNKNOWN_NAMES: Names = { nameVi: 'Không rõ', nameEn: 'Unknown' };

/** The key of the only column of a table grouped by rows alone. */
export const ALL_KEY = 'all';
export const ALL_NAMES: Names = { nameVi: 'Tất cả', nameEn: 'All' };

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The names of a year bucket (`2019`). */
export function yearNames(year: number): Names {
  return { nameVi: String(year), nameEn: String(year) };
}

/** The names of a month bucket (`Tháng 3/2019`, `March 2019`). */
export function monthNames(year: number, month: number): Names {
  return { nameVi: `Tháng ${month}/${year}`, nameEn: `${MONTHS_EN[month - 1]} ${year}` };
}

/** The names of the bucket, among months, of the dates known only to their year. */
export function yearOnlyNames(year: number): Names {
  return { nameVi: `${year} (không rõ tháng)`, nameEn: `${year} (month unknown)` };
}

/**
 * The full Vietnamese name of a provincial unit, matching its English name: `Thành phố Cần Thơ` (Can Tho
 * City) for a centrally run city, `Tỉnh Sóc Trăng` (Soc Trang Province) for a province; a name that already
 * says what it is (`Thành phố Hồ Chí Minh`), or a unit of another level, is kept.
 */
export function unitNameVi(level: string | null | undefined, name: string): string {
  const prefix = level === 'CITY' ? 'Thành phố' : level === 'PROVINCE' ? 'Tỉnh' : null;
  if (!prefix || name.toLocaleLowerCase('vi').startsWith(prefix.toLocaleLowerCase('vi'))) return name;
  return `${prefix} ${name}`;
}

/** A provincial unit's name without the word for its level (`Thành phố Hồ Chí Minh` → `Hồ Chí Minh`), to sort by. */
export function unitSortName(name: string): string {
  return name.replace(/^(thành phố|tỉnh)\s+/iu, '');
}

const VIETNAMESE = new Intl.Collator('vi');

/** Compares two names in Vietnamese alphabetical order (Đ after D, accents after the plain letter). */
export function compareVietnamese(a: string, b: string): number {
  return VIETNAMESE.compare(a, b);
}
