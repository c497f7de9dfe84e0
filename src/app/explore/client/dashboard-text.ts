// The dashboard's words in both languages, and the hub's error codes explained.

/** The dashboard's label language (the explorer's toggle). */
export type DashboardLanguage = 'vi' | 'en';

const WORDS = {
  title: { vi: 'Tổng quan', en: 'Overview' },
  matrix: { vi: 'Liên kết giữa các vùng', en: 'Ties between regions' },
  matrixNote: { vi: 'Số liên kết (cặp tổ chức qua một thỏa thuận hoặc hoạt động)', en: 'Ties (pairs of organisations through one agreement or activity)' },
  byYear: { vi: 'Thỏa thuận và hoạt động theo năm', en: 'Agreements and activities by year' },
  byKind: { vi: 'Thỏa thuận và hoạt động theo loại', en: 'Agreements and activities by kind' },
  ranking: { vi: 'Tổ chức có nhiều đối tác nhất', en: 'Organisations with the most partners' },
  agreements: { vi: 'Thỏa thuận', en: 'Agreements' },
  activities: { vi: 'Hoạt động', en: 'Activities' },
  links: { vi: 'Liên kết', en: 'Ties' },
  rank: { vi: 'Hạng', en: 'Rank' },
  organization: { vi: 'Tổ chức', en: 'Organisation' },
  kind: { vi: 'Loại', en: 'Kind' },
  partners: { vi: 'Đối tác', en: 'Partners' },
  strength: { vi: 'Cường độ', en: 'Strength' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  empty: { vi: 'Chưa có dữ liệu cho biểu đồ này.', en: 'No data for this chart yet.' },
  failed: { vi: 'Không tải được dữ liệu', en: 'Could not load the data' },
  ofTotal: { vi: 'trên tổng số', en: 'of' },
} as const;

/** A word of the dashboard in `lang`. */
export function word(key: keyof typeof WORDS, lang: DashboardLanguage): string {
  return WORDS[key][lang];
}

const CODES: Record<string, { vi: string; en: string }> = {
  DEADLINE_EXCEEDED: { vi: 'máy chủ trả lời quá chậm; hãy thử lại', en: 'the hub took too long to answer; try again' },
  SERVICE_UNAVAILABLE: { vi: 'máy chủ đang bận hoặc cơ sở dữ liệu tạm ngừng; hãy thử lại sau', en: 'the hub is busy or its database is down; try again shortly' },
  TOO_MANY_REQUESTS: { vi: 'quá nhiều yêu cầu cùng lúc; hãy đợi một chút', en: 'too many requests at once; wait a moment' },
  QUERY_TOO_COSTLY: { vi: 'truy vấn quá lớn', en: 'the question asks for too much at once' },
  BAD_USER_INPUT: { vi: 'tham số không hợp lệ', en: 'an argument was not accepted' },
  INTERNAL_SERVER_ERROR: { vi: 'lỗi bên trong máy chủ', en: 'the hub failed inside' },
};

/** An error from the hub in words: what went wrong in `lang`, with the hub's code and message. */
export function explainError(error: unknown, lang: DashboardLanguage): string {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const explained = code && CODES[code] ? `${CODES[code][lang]} (${code})` : code ? `${message} (${code})` : message;
  return `${word('failed', lang)}: ${explained}.`;
}
