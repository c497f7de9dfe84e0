import { h } from './dom';
import { KIND_COLOURS, kindName, tieName } from './palette';
import { ACTOR_KINDS, DEFAULT_TIES, TIE_KINDS, type ExploreState } from './state';

/**
 * The filter controls (depth, tie kinds, actor kinds, year range) and the legend, set from `state`;
 * `onChange` gets the changed part of the state whenever the person changes one.
 */
export function controls(state: ExploreState, onChange: (patch: Partial<ExploreState>) => void): HTMLElement {
  const lang = state.lang;
  const depth = h('select', { id: 'depth', 'aria-label': 'Depth' }, h('option', { value: '1' }, '1'), h('option', { value: '2' }, '2'));
  depth.value = String(state.depth);
  depth.addEventListener('change', () => onChange({ depth: depth.value === '2' ? 2 : 1 }));

  const ties = checkboxes('ties', TIE_KINDS, state.ties.length ? state.ties : DEFAULT_TIES, (k) => tieName(k, lang), (checked) =>
    // The hub's default selection is written as no selection, so links stay short.
    onChange({ ties: sameSet(checked, DEFAULT_TIES) ? [] : checked }),
  );
  const kinds = checkboxes('kinds', ACTOR_KINDS, state.kinds.length ? state.kinds : [...ACTOR_KINDS], (k) => kindName(k, lang), (checked) =>
    onChange({ kinds: checked.length === ACTOR_KINDS.length ? [] : checked }),
    (k) => KIND_COLOURS[k],
  );

  const year = (id: string, value: number | null, label: string) => {
    const input = h('input', { id, type: 'number', min: '1990', max: '2100', step: '1', placeholder: label, 'aria-label': label });
    if (value) input.value = String(value);
    input.addEventListener('change', () => {
      const v = /^\d{4}$/.test(input.value) ? Number(input.value) : null;
      onChange(id === 'year-from' ? { fromYear: v } : { toYear: v });
    });
    return input;
  };

  return h(
    'form',
    { class: 'controls', 'aria-label': 'Filters' },
    h('label', { for: 'depth' }, 'Depth / Bậc '),
    depth,
    h('fieldset', {}, h('legend', {}, 'Tie kinds / Loại liên kết'), ties),
    h('fieldset', { class: 'legend' }, h('legend', {}, 'Actor kinds / Loại tổ chức'), kinds),
    h('fieldset', {}, h('legend', {}, 'Years / Năm'), year('year-from', state.fromYear, 'From'), ' – ', year('year-to', state.toYear, 'To')),
  );
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

function checkboxes(
  name: string,
  values: readonly string[],
  checked: readonly string[],
  label: (value: string) => string,
  onChange: (checked: string[]) => void,
  colour?: (value: string) => string | undefined,
): HTMLElement {
  const box = h('div', { class: 'checks' });
  const inputs = values.map((value) => {
    const input = h('input', { type: 'checkbox', name, value, id: `${name}-${value}` });
    input.checked = checked.includes(value);
    input.addEventListener('change', () => onChange(inputs.filter((i) => i.checked).map((i) => i.value)));
    const swatch = colour?.(value) ? h('span', { class: 'swatch', style: `background:${colour(value)}` }) : null;
    box.append(h('label', { for: input.id }, input, swatch, label(value)));
    return input;
  });
  return box;
}
