// Brief: the server's brief (briefHtml) for a period, rebuilt from a parsed copy with only known tags and safe links, printable.
import { getText, qs } from '../api.js';
import { h, safeHref } from '../dom.js';
import { routeHref, type ViewContext } from '../router.js';
import { viewHeader } from './common.js';

const ALLOWED = new Set(['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'sup', 'a', 'em', 'strong', 'code']);

/** Copies text and allowed elements (with only id and a safe href) from a parsed document: nothing else survives, whatever the source held. */
function rebuild(node: Node): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent ?? '');
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  const children = [...el.childNodes].map(rebuild).filter((n): n is Node => !!n);
  if (!ALLOWED.has(tag)) {
    // unknown wrappers keep their text; script and style content is dropped with them
    if (tag === 'script' || tag === 'style' || tag === 'title') return null;
    const frag = document.createDocumentFragment();
    frag.append(...children);
    return frag;
  }
  const out = document.createElement(tag);
  const id = el.getAttribute('id');
  if (id && /^[\w-]+$/.test(id)) out.id = `brief-${id}`;
  const href = tag === 'a' ? el.getAttribute('href') : null;
  if (href) {
    // footnote anchors point at the renamed ids; links to sources open the dashboard's article view
    const safe = href.startsWith('#src-') ? `#brief-${href.slice(1)}` : safeHref(href);
    if (safe) {
      out.setAttribute('href', safe.startsWith('/#/') ? safe.slice(1) : safe);
      if (safe.startsWith('#brief-')) out.addEventListener('click', (ev) => { ev.preventDefault(); document.getElementById(safe.slice(1))?.scrollIntoView({ block: 'center' }); });
    }
  }
  out.append(...children);
  return out;
}

export async function briefView(ctx: ViewContext): Promise<Node> {
  const since = ctx.route.params.get('since') ?? '';
  const until = ctx.route.params.get('until') ?? '';
  const html = await getText(`/api/brief${qs({ since, until, format: 'html' })}`);
  // only the body: the page's own style sheet stays out (the dashboard's policy would refuse it anyway)
  const parsed = new DOMParser().parseFromString(html.slice(Math.max(0, html.indexOf('<body'))), 'text/html');
  const page = h('article', { class: 'panel brief' }, ...[...parsed.body.childNodes].map(rebuild).filter((n): n is Node => !!n));
  const sinceInput = h('input', { type: 'date', name: 'since', value: since, 'aria-label': 'since' });
  const untilInput = h('input', { type: 'date', name: 'until', value: until, 'aria-label': 'until' });
  const form = h('form', { class: 'filters no-print' },
    h('label', null, h('span', null, 'Since'), sinceInput), h('label', null, h('span', null, 'Until'), untilInput),
    h('button', { type: 'submit' }, 'Update'), h('button', { type: 'button', class: 'ghost', click: () => window.print() }, 'Print'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = routeHref('brief', undefined, { since: sinceInput.value, until: untilInput.value });
  });
  return h('div', null, h('div', { class: 'no-print' }, viewHeader('Brief', 'Key developments, forecasts and warnings of the period, each statement citing its source (default: the 30 days up to the newest report)')), form, page);
}
