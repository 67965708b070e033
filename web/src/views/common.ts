// Pieces shared by the views: status chips, evidence quotes that link to the article, empty states and code names.
import type { Evidence } from '../../../src/track/forecasts.js';
import { STATE_COLOR, STATUS_COLOR } from '../colors.js';
import { h } from '../dom.js';
import { routeHref } from '../router.js';

export function chip(text: string, color: string, title?: string): HTMLElement {
  return h('span', { class: 'chip', style: `--c:${color}`, title }, text);
}

export const statusChip = (status: string) => chip(status, STATUS_COLOR[status] ?? '#8a94a6');
export const stateChip = (state: string) => chip(state, STATE_COLOR[state] ?? '#8a94a6');

export const articleHref = (docId: string, span?: [number, number]) => routeHref('article', docId, { span: span ? `${span[0]}-${span[1]}` : undefined });

/** A quoted sentence with its date, linking to the article at the sentence. */
export function quote(ev: Evidence): HTMLElement {
  return h('a', { class: 'quote', href: articleHref(ev.docId, ev.span) },
    h('span', { class: 'q-date' }, ev.docDate), h('span', { class: 'q-text' }, `“${(ev.text ?? ev.docId).replace(/\s+/g, ' ').trim()}”`));
}

export function empty(title: string, text: string): HTMLElement {
  return h('section', { class: 'panel empty' }, h('h2', null, title), h('p', null, text));
}

export function viewHeader(title: string, subtitle: string, ...extra: (Node | null)[]): HTMLElement {
  return h('div', { class: 'view-head' }, h('div', null, h('h1', null, title), h('p', { class: 'sub' }, subtitle)), ...extra);
}
