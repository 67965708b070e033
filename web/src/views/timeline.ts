// Timeline: events over time in lanes by PLOVER type, coloured by status and filterable; below, event clusters that expand to their reports.
import { PLOVER_TYPES } from '../../../src/core/plover.js';
import { EVENT_STATUSES } from '../../../src/core/record.js';
import { getJson, qs, type ClusterDetail, type EventCluster, type Page, type StoredEvent } from '../api.js';
import { STATUS_COLOR } from '../colors.js';
import { clear, h, plural, s, tip } from '../dom.js';
import { routeHref, type ViewContext } from '../router.js';
import { articleHref, empty, statusChip, viewHeader } from './common.js';

const FILTERS = ['actor', 'dyad', 'type', 'status', 'since', 'until'] as const;
const CHART_EVENTS = 500;
const DAY = 86_400_000;

function filterForm(params: URLSearchParams): HTMLFormElement {
  const field = (label: string, control: HTMLElement) => h('label', null, h('span', null, label), control);
  const select = (name: string, options: readonly string[]) => {
    const el = h('select', { name }, h('option', { value: '' }, 'any'), ...options.map((o) => h('option', { value: o }, o.toLowerCase())));
    el.value = params.get(name) ?? '';
    return el;
  };
  const input = (name: string, type: string, placeholder = '') => h('input', { name, type, placeholder, value: params.get(name) ?? '' });
  const form = h('form', { class: 'filters', 'aria-label': 'filter events' },
    field('Actor', input('actor', 'text', 'PRK or PRK-MIL')), field('Dyad', input('dyad', 'text', 'PRK:RUS')), field('Type', select('type', PLOVER_TYPES)), field('Status', select('status', EVENT_STATUSES)),
    field('Since', input('since', 'date')), field('Until', input('until', 'date')),
    h('button', { type: 'submit' }, 'Filter'), h('a', { class: 'ghost button', href: routeHref('timeline') }, 'Clear'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const values: Record<string, string> = {};
    for (const k of FILTERS) { const v = String(data.get(k) ?? '').trim(); if (v) values[k] = v; }
    location.hash = routeHref('timeline', undefined, values);
  });
  return form;
}

const codes = (side: StoredEvent['source']) => side.map((a) => (a.sector ? `${a.code}-${a.sector}` : a.code)).join('+') || '—';

function chart(events: StoredEvent[]): SVGSVGElement {
  const types = PLOVER_TYPES.filter((t) => events.some((e) => e.type === t));
  const left = 96, right = 16, top = 10, lane = 24, width = 1120;
  const height = top + types.length * lane + 30;
  const times = events.map((e) => Date.parse(e.date));
  const reports = events.map((e) => Date.parse(e.docDate));
  // a misread year ("2048") must not squash the real months into a corner: the axis ends half a year past the newest
  // report and starts a year before the oldest; acts placed outside are pinned to the edge and drawn hollow
  let t0 = Math.max(Math.min(...times), Math.min(...reports) - 365 * DAY), t1 = Math.min(Math.max(...times), Math.max(...reports) + 182 * DAY);
  if (t1 - t0 < 30 * DAY) { t0 -= 15 * DAY; t1 += 15 * DAY; }
  const x = (t: number) => left + ((Math.min(t1, Math.max(t0, t)) - t0) / (t1 - t0)) * (width - left - right);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'timeline-chart', role: 'img', 'aria-label': `${events.length} events over time` });
  types.forEach((t, i) => {
    const y = top + i * lane + lane / 2;
    svg.append(s('line', { x1: left, x2: width - right, y1: y, y2: y, class: 'lane' }), s('text', { x: left - 8, y: y + 4, 'text-anchor': 'end', class: 'lane-label' }, t));
  });
  // month ticks, thinned to about ten labels across the span
  const start = new Date(t0);
  const months: number[] = [];
  for (let d = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1); d <= t1; d = Date.UTC(new Date(d).getUTCFullYear(), new Date(d).getUTCMonth() + 1, 1)) months.push(d);
  const every = Math.max(1, Math.ceil(months.length / 10));
  months.forEach((m, i) => {
    const xm = x(m);
    svg.append(s('line', { x1: xm, x2: xm, y1: top, y2: height - 24, class: i % every ? 'tick minor' : 'tick' }));
    if (i % every === 0) svg.append(s('text', { x: xm, y: height - 8, 'text-anchor': 'middle', class: 'axis' }, new Date(m).toISOString().slice(0, 7)));
  });
  const seen = new Map<string, number>();
  for (const e of events) {
    const lane0 = types.indexOf(e.type as (typeof PLOVER_TYPES)[number]);
    const key = `${e.type}:${e.date}`;
    const stack = seen.get(key) ?? 0;
    seen.set(key, stack + 1);
    const cy = top + lane0 * lane + lane / 2 + ((stack % 3) - 1) * 5;
    const t = Date.parse(e.date);
    const outside = t < t0 || t > t1;
    const a = s('a', { href: articleHref(e.docId, e.trigger.span), class: outside ? 'ev outside' : 'ev' },
      s('circle', { cx: x(t), cy, r: 5, fill: outside ? 'none' : STATUS_COLOR[e.status], style: outside ? `stroke:${STATUS_COLOR[e.status]};stroke-width:2` : undefined, 'data-status': e.status },
        tip(`${e.date}${outside ? ' (off the axis)' : ''} · ${e.type} (${e.status})\n${codes(e.source)} → ${codes(e.target)}\n“${e.trigger.text}” — ${e.docTitle ?? e.docId}`)));
    svg.append(a);
  }
  return svg;
}

function legend(): HTMLElement {
  return h('div', { class: 'legend' }, ...EVENT_STATUSES.map((st) => h('span', null, h('span', { class: 'dot', style: `--c:${STATUS_COLOR[st]}` }), st)));
}

function clusterRow(c: EventCluster): HTMLElement {
  const body = h('div', { class: 'mentions' }, h('p', { class: 'muted small' }, 'loading reports…'));
  const details = h('details', { class: 'cluster', 'data-cluster': c.id },
    h('summary', null,
      h('span', { class: 'c-date' }, c.firstDate === c.lastDate ? c.firstDate : `${c.firstDate} – ${c.lastDate}`),
      h('span', { class: 'c-type' }, c.type), statusChip(c.status),
      h('span', { class: 'c-dyad' }, `${c.sourceCodes.join('+') || '—'} → ${c.targetCodes.join('+') || '—'}`),
      h('span', { class: 'c-count' }, `${plural(c.mentionCount, 'report')} · ${c.storyCount === 1 ? '1 story' : `${c.storyCount} stories`}`)),
    body);
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    try {
      const full = await getJson<ClusterDetail>(`/api/clusters/${encodeURIComponent(c.id)}`);
      clear(body);
      body.append(...full.mentions.map((m) => h('a', { class: 'quote', href: articleHref(m.docId, m.sentence) },
        h('span', { class: 'q-date' }, m.published ?? ''), h('span', { class: 'q-text' }, `“${(m.sentenceText ?? '').replace(/\s+/g, ' ').trim()}”`),
        h('span', { class: 'q-src' }, m.title ?? m.docId))));
    } catch (err) {
      body.textContent = err instanceof Error ? err.message : String(err);
      loaded = false;
    }
  });
  return details;
}

export async function timelineView(ctx: ViewContext): Promise<Node> {
  const p = ctx.route.params;
  const filter = Object.fromEntries(FILTERS.map((k) => [k, p.get(k) ?? undefined]));
  const [events, clusters] = await Promise.all([
    getJson<Page<StoredEvent>>(`/api/events${qs({ ...filter, limit: CHART_EVENTS })}`),
    // clusters have no dyad filter: an actor side of the dyad narrows them as far as the store allows
    getJson<Page<EventCluster>>(`/api/clusters${qs({ ...filter, dyad: undefined, actor: filter.actor ?? filter.dyad?.split(':')[0], limit: 40 })}`),
  ]);
  const shown = events.items.length < (events.total ?? 0) ? ` (newest ${events.items.length} shown)` : '';
  return h('div', null,
    viewHeader('Timeline', `${plural(events.total ?? events.items.length, 'event')}${shown}, coloured by status; click a dot to read its report`),
    filterForm(p),
    events.items.length ? h('section', { class: 'panel chart-panel' }, legend(), chart(events.items)) : empty('No events', 'Nothing in the archive matches these filters.'),
    h('section', { class: 'panel' }, h('h2', null, 'Event clusters'), h('p', { class: 'muted small' }, 'The same event reported by several articles; open one to read its reports.'),
      ...(clusters.items.length ? clusters.items.map(clusterRow) : [h('p', { class: 'muted' }, 'No clusters match.')])));
}
