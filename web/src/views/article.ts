// Article: the stored text with actors, event triggers, forecasts and their cues highlighted from the record's spans; coding on hover and click.
import type { RecordActor, RecordEvent, Span } from '../../../src/core/record.js';
import { getJson, type ArticleData } from '../api.js';
import { STATUS_COLOR } from '../colors.js';
import { clear, fmtPct, h, plural } from '../dom.js';
import type { ViewContext } from '../router.js';
import { statusChip, viewHeader } from './common.js';

interface Annotation { span: Span; kind: 'actor' | 'trigger' | 'forecast' | 'cue'; label: string; rows: [string, string][]; status?: string; cue?: string; eventId?: string }

const actorCode = (a: RecordActor) => (a.sector ? `${a.code}-${a.sector}` : a.code);

function annotations(doc: ArticleData): Annotation[] {
  const { record } = doc;
  const byId = new Map(record.actors.map((a) => [a.id, a]));
  const side = (ids: string[]) => ids.map((id) => byId.get(id)).filter((a): a is RecordActor => !!a).map((a) => `${actorCode(a)} (${a.name ?? a.text})`).join(', ') || '—';
  const out: Annotation[] = [];
  for (const a of record.actors) {
    const rows: [string, string][] = [['code', actorCode(a)], ['kind', a.kind], ['name', a.name ?? a.text]];
    if (a.org) rows.push(['organisation', a.org]);
    if (a.title) rows.push(['title', a.title]);
    for (const span of a.mentions) out.push({ span, kind: 'actor', label: `Actor ${actorCode(a)}`, rows });
  }
  for (const e of record.events) {
    const rows: [string, string][] = [['type', `${e.type}${e.mode ? ` (${e.mode})` : ''}`], ['status', e.status], ['source', side(e.source)], ['target', side(e.target)]];
    if (e.attribution) rows.push(['according to', `${e.attribution.actor ? `${actorCode(byId.get(e.attribution.actor)!)} — ` : ''}“${e.attribution.text ?? e.attribution.cue}”`]);
    if (e.likelihood) rows.push(['likelihood', `“${e.likelihood.cue}” ≈ ${fmtPct(e.likelihood.p)}`]);
    if (e.when) rows.push(['when', `${e.when.start} → ${e.when.end} (“${e.when.text}”)`]);
    if (e.where) rows.push(['where', e.where.name ?? e.where.text]);
    if (e.magnitude) rows.push(['magnitude', `${e.magnitude.min}–${e.magnitude.max}${e.magnitude.unit ? ` ${e.magnitude.unit}` : ''} (“${e.magnitude.text}”)`]);
    if (e.context.length) rows.push(['context', e.context.join(', ')]);
    rows.push(['confidence', e.confidence.toFixed(2)]);
    const label = `${e.type} · ${e.status}`;
    const event = { label, rows, status: e.status, eventId: e.id };
    out.push({ ...event, span: e.trigger.span, kind: 'trigger' });
    for (const r of e.reports ?? []) out.push({ ...event, span: r.trigger.span, kind: 'trigger' });
    if (e.status === 'forecast') out.push({ ...event, span: e.sentence.span, kind: 'forecast', label: `Forecast: ${label}` });
    const cues: [keyof RecordEvent, string, Span | undefined][] = [
      ['attribution', 'attribution', e.attribution?.span], ['likelihood', 'likelihood', e.likelihood?.span], ['when', 'time', e.when?.span],
      ['magnitude', 'magnitude', e.magnitude?.span], ['where', 'place', e.where?.span],
    ];
    for (const [, cue, span] of cues) if (span) out.push({ ...event, span, kind: 'cue', cue, label: `${cue} of ${label}` });
  }
  return out;
}

/** The text cut at every annotation boundary; each piece carries the annotations covering it, as text nodes in spans. */
function highlighted(text: string, notes: Annotation[], select: (a: Annotation[]) => void): HTMLElement {
  const valid = notes.filter((a) => a.span[0] >= 0 && a.span[1] <= text.length && a.span[0] < a.span[1]);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((a) => a.span)])].sort((a, b) => a - b);
  const body = h('div', { class: 'article-text' });
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = valid.filter((a) => a.span[0] <= from && a.span[1] >= to).sort((a, b) => (a.span[1] - a.span[0]) - (b.span[1] - b.span[0]));
    const piece = text.slice(from, to);
    if (!covering.length) { body.append(document.createTextNode(piece)); continue; }
    const classes = new Set(covering.map((a) => (a.kind === 'cue' ? `hl-cue cue-${a.cue}` : `hl-${a.kind}`)));
    const trigger = covering.find((a) => a.kind === 'trigger');
    const span = h('span', {
      class: [...classes].join(' '), 'data-from': from, 'data-to': to, tabindex: trigger ? 0 : undefined,
      style: trigger ? `--c:${STATUS_COLOR[trigger.status!]}` : undefined, title: covering.map((a) => a.label).join(' · '),
    }, piece);
    span.addEventListener('click', () => select(covering));
    span.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') select(covering); });
    body.append(span);
  }
  return body;
}

function codingPanel(doc: ArticleData, panel: HTMLElement, selected: Annotation[]): void {
  clear(panel);
  if (!selected.length) {
    panel.append(h('h2', null, 'Coding'), h('p', { class: 'muted small' }, 'Click a highlighted word to see how it was coded.'),
      h('h3', null, plural(doc.record.events.length, 'event')),
      h('ol', { class: 'event-list' }, ...doc.record.events.map((e) => h('li', null, statusChip(e.status), ' ', h('strong', null, e.type), ' ', h('span', { class: 'muted' }, `“${e.trigger.text}”`)))),
      h('h3', null, plural(doc.record.actors.length, 'actor')),
      h('ul', { class: 'actor-list' }, ...doc.record.actors.map((a) => h('li', null, h('code', null, actorCode(a)), ' ', a.name ?? a.text))));
    return;
  }
  panel.append(h('h2', null, 'Coding'));
  const seen = new Set<string>();
  for (const a of selected) {
    const key = a.eventId ? `e:${a.eventId}` : `a:${a.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    panel.append(h('div', { class: 'coding' }, h('h3', null, a.status ? statusChip(a.status) : null, ' ', a.kind === 'actor' ? a.label : a.label.replace(/^.* of /, '').replace(/^Forecast: /, '')),
      h('dl', null, ...a.rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]))));
  }
}

function legend(): HTMLElement {
  return h('div', { class: 'legend article-legend' },
    h('span', { class: 'hl-actor' }, 'actor'), h('span', { class: 'hl-trigger', style: `--c:${STATUS_COLOR.asserted}` }, 'event trigger'),
    h('span', { class: 'hl-forecast' }, 'forecast'), h('span', { class: 'hl-cue cue-attribution' }, 'who says so'), h('span', { class: 'hl-cue cue-likelihood' }, 'likelihood'),
    h('span', { class: 'hl-cue cue-time' }, 'time'), h('span', { class: 'hl-cue cue-magnitude' }, 'magnitude'), h('span', { class: 'hl-cue cue-place' }, 'place'));
}

export async function articleView(ctx: ViewContext): Promise<Node> {
  const id = ctx.route.arg ?? '';
  const doc = await getJson<ArticleData>(`/api/documents/${encodeURIComponent(id)}`);
  const panel = h('aside', { class: 'panel coding-panel' });
  const notes = annotations(doc);
  const text = highlighted(doc.text, notes, (sel) => codingPanel(doc, panel, sel));
  codingPanel(doc, panel, []);
  const m = doc.meta;
  const focus = /^(\d+)-(\d+)$/.exec(ctx.route.params.get('span') ?? '');
  if (focus) {
    const [a, b] = [Number(focus[1]), Number(focus[2])];
    const marked = [...text.querySelectorAll<HTMLElement>('[data-from]')].filter((el) => Number(el.dataset.from) >= a && Number(el.dataset.to) <= b);
    for (const el of marked) el.classList.add('focus');
    if (marked[0]) requestAnimationFrame(() => marked[0].scrollIntoView({ block: 'center' }));
  }
  return h('div', null,
    viewHeader(m.title ?? doc.id, [m.published, m.source, `${plural(doc.events.length, 'event')}`].filter(Boolean).join(' · '),
      m.url ? h('a', { class: 'ghost button', href: m.url, rel: 'noopener noreferrer', target: '_blank' }, 'Original') : null),
    h('div', { class: 'split article' }, h('section', { class: 'panel' }, legend(), text), panel));
}
