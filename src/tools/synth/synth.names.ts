import type { Prng } from './prng';
import type { RefNamed } from './synth.reference';

// Word lists for plausible Vietnamese names; every name also carries its number, so names stay unique.
const FIELDS: [string, string][] = [
  ['Công nghệ thông tin', 'Information Technology'],
  ['Công nghệ sinh học', 'Biotechnology'],
  ['Nông nghiệp', 'Agriculture'],
  ['Môi trường', 'Environment'],
  ['Năng lượng', 'Energy'],
  ['Vật liệu mới', 'Advanced Materials'],
  ['Y sinh', 'Biomedicine'],
  ['Thủy sản', 'Fisheries'],
  ['Cơ khí', 'Mechanical Engineering'],
  ['Kinh tế', 'Economics'],
];
const TRADE = ['An Phát', 'Minh Long', 'Tân Tiến', 'Việt Tiến', 'Phú Thịnh', 'Hòa Bình', 'Sao Mai', 'Đại Dương', 'Thành Công', 'Hưng Thịnh'];

export interface OrgName {
  name: string;
  nameEn: string;
  category?: string;
}

/** A name for an organisation of `kind` numbered `n`, located in `place` (a province or country). */
export function orgName(prng: Prng, kind: string, n: number, place: RefNamed): OrgName {
  const [field, fieldEn] = prng.pick(FIELDS);
  const p = place.name;
  const pEn = place.nameEn.replace(/ (Province|City)$/, '');
  switch (kind) {
    case 'GOVERNMENT':
      return prng.next() < 0.5
        ? { name: `Trung tâm Ứng dụng tiến bộ khoa học và công nghệ ${p} ${n}`, nameEn: `${pEn} Centre for Application of Science and Technology ${n}`, category: 'PUBLIC_SERVICE_UNIT' }
        : { name: `Chi cục Tiêu chuẩn Đo lường Chất lượng ${p} ${n}`, nameEn: `${pEn} Sub-department of Standards, Metrology and Quality ${n}`, category: 'AGENCY' };
    case 'UNIVERSITY':
      return { name: `Trường Đại học ${field} ${p} ${n}`, nameEn: `${pEn} University of ${fieldEn} ${n}` };
    case 'RESEARCH_INSTITUTE':
      return { name: `Viện Nghiên cứu ${field} ${p} ${n}`, nameEn: `${pEn} Institute of ${fieldEn} ${n}` };
    case 'COMPANY': {
      const trade = prng.pick(TRADE);
      return { name: `Công ty Cổ phần ${field} ${trade} ${n}`, nameEn: `${trade} ${fieldEn} JSC ${n}`, category: 'joint-stock company' };
    }
    case 'HOSPITAL':
      return { name: `Bệnh viện Đa khoa ${p} ${n}`, nameEn: `${pEn} General Hospital ${n}` };
    case 'NETWORK':
      return { name: `Hiệp hội ${field} ${p} ${n}`, nameEn: `${pEn} ${fieldEn} Association ${n}`, category: 'association' };
    default:
      return { name: `Cơ quan Hợp tác quốc tế ${p} ${n}`, nameEn: `${pEn} International Cooperation Agency ${n}`, category: 'foreign public agency' };
  }
}

const ACTIVITY_WORDS: Record<string, [string, string]> = {
  CONFERENCE: ['Hội nghị', 'Conference'],
  WORKSHOP: ['Hội thảo', 'Workshop'],
  SEMINAR: ['Tọa đàm', 'Seminar'],
  COMPETITION: ['Cuộc thi', 'Competition'],
  TRAINING: ['Tập huấn', 'Training course'],
  TECHMART: ['Chợ công nghệ và thiết bị', 'Techmart'],
  EXHIBITION: ['Triển lãm', 'Exhibition'],
  FESTIVAL: ['Ngày hội', 'Festival'],
  RESEARCH_TASK: ['Nhiệm vụ nghiên cứu', 'Research task'],
  VISIT: ['Đoàn công tác', 'Delegation visit'],
  MEETING: ['Buổi làm việc', 'Working meeting'],
  FUND_LAUNCH: ['Ra mắt quỹ', 'Fund launch'],
  CONSULTING: ['Tư vấn', 'Consulting'],
  COLLABORATION: ['Hợp tác', 'Collaboration'],
};
const AGREEMENT_WORDS: Record<string, [string, string]> = {
  AGREEMENT: ['Thỏa thuận hợp tác', 'Cooperation agreement'],
  PROGRAMME: ['Chương trình hợp tác', 'Cooperation programme'],
  MEMORANDUM: ['Biên bản ghi nhớ', 'Memorandum of understanding'],
  PLAN: ['Kế hoạch phối hợp', 'Joint plan'],
  PROPOSAL: ['Đề xuất hợp tác', 'Cooperation proposal'],
};

/** Title and English title of an agreement or activity of `kind` about `topic`, in `place`, in `year`. */
export function eventTitle(kind: string, topic: RefNamed, place: RefNamed, year: number): { title: string; titleEn: string } {
  const [vi, en] = ACTIVITY_WORDS[kind] ?? AGREEMENT_WORDS[kind];
  return { title: `${vi} về ${topic.name.toLowerCase()} tại ${place.name} năm ${year}`, titleEn: `${en} on ${topic.nameEn.toLowerCase()} in ${place.nameEn}, ${year}` };
}
