import { h } from './dom';
import { INSTRUMENT_COLOURS } from './two-mode';
import type { ExploreState, Language, Mode } from './state';

/** The toggle between the one-mode view (organisations) and the two-mode view (organisations and instruments). */
export function modeSwitch(state: ExploreState, onChange: (mode: Mode) => void): HTMLElement {
  const button = (mode: Mode, label: string, title: string) => {
    const b = h('button', { type: 'button', class: 'export', id: `mode-${mode}`, 'aria-pressed': String(state.mode === mode), title }, label);
    b.addEventListener('click', () => {
      if (state.mode !== mode) onChange(mode);
    });
    return b;
  };
  return h(
    'div',
    { class: 'mode-switch', role: 'group', 'aria-label': 'What the nodes are' },
    button('one', 'Một loại nút / One-mode', 'Organisations tied to organisations'),
    button('two', 'Hai loại nút / Two-mode', 'Organisations and the agreements and activities behind their ties'),
  );
}

/** The two-mode view's legend for the instruments (organisations keep the kinds' legend). */
export function twoModeLegend(lang: Language): HTMLElement {
  const item = (type: keyof typeof INSTRUMENT_COLOURS, vi: string, en: string) =>
    h('li', {}, h('span', { class: 'square-swatch', style: `background:${INSTRUMENT_COLOURS[type]}` }), lang === 'en' ? en : vi);
  return h(
    'ul',
    { class: 'legend-two-mode', 'aria-label': 'Instrument nodes' },
    item('Agreement', 'Thỏa thuận (ô vuông)', 'Agreement (square)'),
    item('Activity', 'Hoạt động (ô vuông)', 'Activity (square)'),
    h('li', {}, lang === 'en' ? 'A line: the organisation takes part in it (its role in the panel)' : 'Đường nối: tổ chức tham gia (vai trò trong bảng bên)'),
  );
}
