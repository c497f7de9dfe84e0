import { h } from './dom';
import './path-finder.css';
import { tieKey } from './graph-view';
import { tieName } from './palette';
import type { CooperationPathData, PathResultData, PathStepData } from './path-queries';
import type { SearchHit } from './queries';
import { searchBox } from './search-box';
import type { ExploreState, Language } from './state';

/** The path finder's part of the state a change touches. */
export type PathPatch = Partial<Pick<ExploreState, 'pathFrom' | 'pathTo' | 'hops'>>;

/**
 * The path finder's form: two typeahead boxes (from, to) over the hub's search, the longest route to look for,
 * and a button that clears both ends. `name` gives the name of an end already chosen, for its box.
 */
export function pathForm(state: ExploreState, name: (id: string) => string | null, onChange: (patch: PathPatch) => void): HTMLElement {
  const lang = () => state.lang;
  const from = searchBox((hit: SearchHit) => onChange({ pathFrom: hit.id }), lang, { id: 'path-from', label: 'Path from', placeholder: 'Từ / From' });
  const to = searchBox((hit: SearchHit) => onChange({ pathTo: hit.id }), lang, { id: 'path-to', label: 'Path to', placeholder: 'Đến / To' });
  const fill = (box: HTMLElement, id: string | null) => {
    const input = box.querySelector('input');
    if (input && id) input.value = name(id) ?? id;
  };
  fill(from, state.pathFrom);
  fill(to, state.pathTo);
  const hops = h('select', { id: 'path-hops', 'aria-label': 'Longest route, in steps' });
  for (let i = 1; i <= 10; i++) hops.append(h('option', { value: String(i) }, String(i)));
  hops.value = String(state.hops);
  hops.addEventListener('change', () => onChange({ hops: Number(hops.value) }));
  const clear = h('button', { type: 'button', id: 'path-clear', class: 'export' }, 'Xóa / Clear');
  clear.addEventListener('click', () => onChange({ pathFrom: null, pathTo: null }));
  return h(
    'fieldset',
    { class: 'path-form' },
    h('legend', {}, 'Đường đi / Path'),
    from,
    to,
    h('label', { for: 'path-hops' }, 'Tối đa / At most '),
    hops,
    ' steps ',
    clear,
  );
}

const REASONS: Record<string, { vi: string; en: string }> = {
  NOT_CONNECTED: {
    vi: 'Không có chuỗi thỏa thuận hay hoạt động chung nào (thuộc bất kỳ loại, vai trò hay tình trạng nào) nối hai tổ chức này.',
    en: 'No chain of shared agreements or activities, of any kind, role or status, joins these two organisations.',
  },
  FILTERED_OUT: {
    vi: 'Hai tổ chức chỉ nối với nhau qua những liên kết bộ lọc đang bỏ ra (loại liên kết, loại tổ chức, năm, hoặc thỏa thuận mới đề xuất).',
    en: 'They are joined only through ties the chosen filters leave out (tie kinds, organisation kinds, years, or instruments only proposed or planned).',
  },
};

/** Why there is no route, in words, with what to change. */
export function noPathReason(result: PathResultData, hops: number, lang: Language): string {
  if (result.reason === 'TOO_MANY_HOPS') {
    const far = result.distance
      ? lang === 'en' ? ` (the shortest takes ${result.distance} steps)` : ` (đường ngắn nhất cần ${result.distance} bước)`
      : lang === 'en' ? ' (the shortest is longer than 20 steps)' : ' (đường ngắn nhất dài hơn 20 bước)';
    return lang === 'en'
      ? `The chosen ties join them only by routes longer than the limit of ${hops} step${hops === 1 ? '' : 's'}${far}. Raise "At most".`
      : `Các liên kết đã chọn chỉ nối hai tổ chức bằng đường dài hơn giới hạn ${hops} bước${far}. Hãy tăng "Tối đa".`;
  }
  const words = result.reason ? REASONS[result.reason] : undefined;
  return words ? words[lang] : lang === 'en' ? 'No route was found.' : 'Không tìm thấy đường đi.';
}

/** The nodes and edge keys of every route found: what the drawing emphasises. */
export function pathHighlight(result: PathResultData): { nodes: string[]; edges: string[] } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const p of result.paths) {
    for (const o of p.organizations) nodes.add(o.id);
    for (const s of p.steps) edges.add(tieKey(s.from.id, s.to.id));
  }
  return { nodes: [...nodes], edges: [...edges] };
}

/** The instrument of a step in words: agreement or activity, its kind, date and the two roles. */
export function stepInstrument(step: PathStepData, lang: Language): { title: string; meta: string } {
  const a = step.agreement;
  const x = step.activity;
  const title = (lang === 'en' ? (a?.titleEn ?? x?.titleEn) : null) ?? a?.title ?? x?.title ?? step.instrumentId;
  const what = step.kind === 'AGREEMENT' ? (lang === 'en' ? 'Agreement' : 'Thỏa thuận') : lang === 'en' ? 'Activity' : 'Hoạt động';
  const kind = a?.kind ?? x?.kind ?? '';
  const date = (a ? (a.signedOn ?? a.validFrom) : x?.startDate) ?? (lang === 'en' ? 'undated' : 'không rõ ngày');
  const roles = `${step.fromRole} – ${step.toRole}`;
  return { title, meta: `${what} · ${kind} · ${date} · ${lang === 'en' ? 'roles' : 'vai trò'}: ${roles} · ${tieName(step.tieKind, lang)}` };
}

/**
 * The routes found as ordered lists of steps; each step is a button (`onStep`) that opens the tie's evidence.
 */
export function pathSteps(result: PathResultData, lang: Language, onStep: (step: PathStepData) => void): HTMLElement {
  const name = (p: CooperationPathData, id: string) => {
    const o = p.organizations.find((x) => x.id === id);
    return (lang === 'en' ? o?.nameEn : null) ?? o?.name ?? id;
  };
  const count = result.paths.length;
  const head =
    lang === 'en'
      ? `${count} shortest route${count === 1 ? '' : 's'} of ${result.length} step${result.length === 1 ? '' : 's'}`
      : `${count} đường ngắn nhất, ${result.length} bước`;
  return h(
    'div',
    { class: 'path-result', 'data-found': 'yes' },
    h('p', { class: 'path-summary' }, head),
    ...result.paths.map((p, r) =>
      h(
        'ol',
        { class: 'path-steps', 'data-route': String(r) },
        ...p.steps.map((step, i) => {
          const { title, meta } = stepInstrument(step, lang);
          const button = h(
            'button',
            { type: 'button', class: 'path-step', 'data-step': String(i), 'data-edge': tieKey(step.from.id, step.to.id), 'data-instrument': step.instrumentId },
            `${name(p, step.from.id)} → ${name(p, step.to.id)}`,
          );
          button.addEventListener('click', () => onStep(step));
          return h('li', {}, button, h('div', { class: 'path-instrument' }, title), h('div', { class: 'instrument-meta' }, meta));
        }),
      ),
    ),
  );
}
