type Child = Node | string | number | null | undefined | false;
type Prop = string | number | boolean | null | undefined | ((event: never) => void);
export type Props = Record<string, Prop>;

/**
 * Builds an element. Props starting with `on` become listeners, `true` becomes an empty attribute,
 * `false`/null/undefined are skipped. Strings become text nodes, never markup.
 *
 * @example h('button', { type: 'button', onclick: send }, icon(Send), 'Send')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (nested arrays flattened, empty values skipped). */
export function append(el: Element, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'number' ? String(child) : child);
  }
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

let counter = 0;
/** A document-unique id with a readable prefix, for aria-controls / aria-describedby links. */
export const uid = (prefix: string) => `${prefix}-${++counter}`;
