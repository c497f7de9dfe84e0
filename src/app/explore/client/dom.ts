/** Tiny DOM helpers: every text goes in as text (never as HTML). */

type Child = Node | string | null | undefined | false;

/** Creates an element with attributes (strings; `class` included) and children (strings become text). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}

/** Empties an element and puts the children in. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => !!c));
}

/** Sets the page's state for tests and styles: loading, ready, empty or error. */
export function setPageState(state: 'loading' | 'ready' | 'empty' | 'error'): void {
  document.body.dataset.state = state;
}
