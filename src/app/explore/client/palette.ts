/** Colours and names of actor kinds, shared by the graph and its legend. */

export const KIND_COLOURS: Record<string, string> = {
  GOVERNMENT: '#1f77b4',
  UNIVERSITY: '#2ca02c',
  RESEARCH_INSTITUTE: '#9467bd',
  COMPANY: '#ff7f0e',
  NETWORK: '#17becf',
  HOSPITAL: '#d62728',
  FOREIGN_BODY: '#8c564b',
};

export const OTHER_COLOUR = '#7f7f7f';

const KIND_NAMES: Record<string, { vi: string; en: string }> = {
  GOVERNMENT: { vi: 'Cơ quan nhà nước', en: 'Government body' },
  UNIVERSITY: { vi: 'Trường đại học', en: 'University' },
  RESEARCH_INSTITUTE: { vi: 'Viện nghiên cứu', en: 'Research institute' },
  COMPANY: { vi: 'Doanh nghiệp', en: 'Company' },
  NETWORK: { vi: 'Hiệp hội, mạng lưới', en: 'Association or network' },
  HOSPITAL: { vi: 'Bệnh viện', en: 'Hospital' },
  FOREIGN_BODY: { vi: 'Cơ quan nước ngoài', en: 'Foreign body' },
};

const TIE_NAMES: Record<string, { vi: string; en: string }> = {
  COUNTERPARTIES: { vi: 'Hai bên ký kết', en: 'Counterparties' },
  CO_PARTIES: { vi: 'Cùng ký kết (đa phương)', en: 'Co-parties' },
  CO_ORGANISERS: { vi: 'Cùng tổ chức', en: 'Co-organisers' },
  ORGANISER_PARTICIPANT: { vi: 'Tổ chức – tham dự', en: 'Organiser and participant' },
  CO_PARTICIPANTS: { vi: 'Cùng tham dự', en: 'Co-participants' },
  PARENT_SUBUNIT: { vi: 'Đơn vị cấp trên – trực thuộc', en: 'Parent and sub-unit' },
};

/** The colour of an actor kind (grey for kinds without one). */
export const kindColour = (kind: string): string => KIND_COLOURS[kind] ?? OTHER_COLOUR;

/** The name of an organisation kind in the language asked for (the code itself when unknown). */
export const kindName = (kind: string, lang: 'vi' | 'en'): string => KIND_NAMES[kind]?.[lang] ?? kind;

/** The name of a tie kind in the language asked for (the code itself when unknown). */
export const tieName = (kind: string, lang: 'vi' | 'en'): string => TIE_NAMES[kind]?.[lang] ?? kind;
