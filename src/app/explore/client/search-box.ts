import { gql } from './api';
import { h, replace } from './dom';
import { SEARCH_ACTORS, type SearchHit } from './queries';
import type { Language } from './state';

const DEBOUNCE_MS = 200;

/**
 * A search box with typeahead over the hub's organisations: typing asks `search` (debounced, stale answers
 * dropped); arrow keys move through the hits, Enter or a click picks one and calls `onPick`.
 */
export function searchBox(
  onPick: (hit: SearchHit) => void,
  language: () => Language,
  options: { id?: string; label?: string; placeholder?: string } = {},
): HTMLElement {
  // The page's main box keeps its historical ids; others (the path finder's) derive theirs from `id`.
  const id = options.id ?? 'actor-search';
  const listId = id === 'actor-search' ? 'actor-hits' : `${id}-hits`;
  const hitId = (i: number) => (id === 'actor-search' ? `hit-${i}` : `${id}-hit-${i}`);
  const input = h('input', {
    type: 'search',
    id,
    placeholder: options.placeholder ?? 'Tìm tổ chức / Find an organisation',
    autocomplete: 'off',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-autocomplete': 'list',
    'aria-label': options.label ?? 'Find an organisation',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'hits', hidden: '' });
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: number | undefined;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const render = () => {
    replace(
      list,
      ...hits.map((hit, i) => {
        const item = h(
          'li',
          { id: hitId(i), role: 'option', 'aria-selected': String(i === active), 'data-id': hit.id },
          h('span', { class: 'hit-label' }, hit.label),
          h('span', { class: 'hit-detail' }, language() === 'vi' ? hit.detailVi : hit.detail),
        );
        // mousedown, not click: the input's blur would close the list first.
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(i);
        });
        return item;
      }),
    );
    if (hits.length === 0 && input.value.trim()) list.append(h('li', { class: 'no-hit' }, 'Không tìm thấy / Nothing found'));
    list.hidden = input.value.trim() === '';
    input.setAttribute('aria-expanded', String(!list.hidden));
    if (active >= 0) input.setAttribute('aria-activedescendant', hitId(active));
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.label;
    close();
    onPick(hit);
  };
  const ask = async (text: string) => {
    const mine = ++asked;
    try {
      const data = await gql<{ search: SearchHit[] }>(SEARCH_ACTORS, { text, first: 10 });
      if (mine !== asked) return;
      hits = data.search;
      active = hits.length ? 0 : -1;
      render();
    } catch {
      if (mine === asked) {
        hits = [];
        render();
      }
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim().slice(0, 200);
    if (!text) {
      asked++;
      hits = [];
      close();
      return;
    }
    timer = window.setTimeout(() => void ask(text), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!hits.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active >= 0) pick(active);
    } else if (event.key === 'Escape') close();
  });
  input.addEventListener('blur', close);
  return h('div', { class: 'search' }, input, list);
}
