// DOM building with text only: every string becomes a text node or an attribute value, never markup (no innerHTML anywhere in the dashboard).
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)>;

const SVG_NS = 'http://www.w3.org/2000/svg';
/** attributes that could carry script or a navigation the page does not control; href is checked separately */
const FORBIDDEN = /^(on|srcdoc$|formaction$)/i;

/** Only links inside the dashboard, to http(s) pages, or to in-page anchors: a javascript: (or any other scheme) URL is dropped. */
export function safeHref(href: string): string | null {
  const s = href.trim();
  if (s.startsWith('#') || s.startsWith('/')) return s.startsWith('//') ? null : s;
  return /^https?:\/\//i.test(s) ? s : null;
}

function apply(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') { el.addEventListener(key, value); continue; }
    if (FORBIDDEN.test(key)) throw new Error(`refusing to set ${key} as an attribute`);
    // the page's policy forbids style attributes (they would be a way in for injected CSS); the CSSOM is allowed
    if (key === 'style' && (el instanceof HTMLElement || el instanceof SVGElement)) {
      for (const decl of String(value).split(';')) {
        const at = decl.indexOf(':');
        if (at > 0) el.style.setProperty(decl.slice(0, at).trim(), decl.slice(at + 1).trim());
      }
      continue;
    }
    if (key === 'href') {
      const href = safeHref(String(value));
      if (href) el.setAttribute('href', href);
      continue;
    }
    el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** An HTML element; event listeners are given as functions under their event name ({click: fn}). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs ?? undefined);
  append(el, children);
  return el;
}

/** An SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs ?? undefined);
  append(el, children);
  return el;
}

/** An SVG <title> (the hover tooltip), as text. */
export const tip = (text: string): SVGTitleElement => s('title', null, text);

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove();
}

export const fmtPct = (p: number): string => `${Math.round(p * 100)}%`;
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
