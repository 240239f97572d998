// A few helpers to build the page with the DOM API (no framework: the page's JavaScript stays small).
import { t } from './i18n';

type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/** An element with attributes (`on*` functions become listeners) and children (strings become text). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string | null | undefined | false>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A table with a caption, column headers (scope=col) and rows. */
export function table(caption: string, headers: string[], rows: Array<Array<Node | string>>, cls = ''): HTMLTableElement {
  return h('table', { class: cls },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))));
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Array<Node | string>): void {
  el.replaceChildren(...children);
}

/** The error area of a view: shows the problem's detail, or nothing. */
export function showError(el: HTMLElement, detail: string | null): void {
  if (detail === null) {
    el.hidden = true;
    el.replaceChildren();
  } else {
    el.hidden = false;
    el.replaceChildren(h('strong', {}, `${t('error.prefix')}: `), detail);
  }
}

/** A view's frame: heading, description, status line ("updated N s ago") and error area. */
export function frame(title: string, description: string): { root: HTMLElement; status: HTMLElement; error: HTMLElement; body: HTMLElement } {
  const status = h('p', { class: 'status', role: 'status' });
  const error = h('div', { class: 'error', role: 'alert', hidden: true });
  const body = h('div', { class: 'view-body' });
  const root = h('section', { class: 'view', 'aria-labelledby': 'view-title' },
    h('div', { class: 'view-head' }, h('h1', { id: 'view-title', tabindex: -1 }, title), status),
    h('p', { class: 'description' }, description), error, body);
  return { root, status, error, body };
}
