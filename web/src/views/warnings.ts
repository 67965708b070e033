// Warnings: each problem's level on a gauge of its thresholds, its indicators (not observed / observed / corroborated) and their evidence.
import { getJson, type ProblemsData } from '../api.js';
import { INDICATOR_COLOR, levelColor } from '../colors.js';
import { h, plural } from '../dom.js';
import type { ViewContext } from '../router.js';
import { chip, empty, quote, viewHeader } from './common.js';

type Problem = ProblemsData['items'][number];

function gauge(p: Problem, levels: { name: string; at: number }[]): HTMLElement {
  const bands = levels.map((l, i) => {
    const end = levels[i + 1]?.at ?? 1;
    return h('div', { class: 'band', style: `left:${l.at * 100}%;width:${(end - l.at) * 100}%;--c:${levelColor(l.name)}`, title: `${l.name} from ${l.at}` },
      h('span', null, l.name));
  });
  return h('div', { class: 'gauge', role: 'meter', 'aria-valuenow': p.score, 'aria-valuemin': 0, 'aria-valuemax': 1, 'aria-label': `score ${p.score}` },
    ...bands, h('div', { class: 'needle', style: `left:${Math.min(100, p.score * 100)}%` }));
}

function problemCard(p: Problem, levels: { name: string; at: number }[], description?: string): HTMLElement {
  const color = levelColor(p.level);
  const observed = p.indicators.filter((i) => i.state !== 'not observed').length;
  return h('article', { class: 'panel problem', style: `--level:${color}` },
    h('header', null,
      h('div', null, h('h2', null, p.title), description ? h('p', { class: 'sub' }, description) : null),
      h('div', { class: 'level' }, h('span', { class: 'level-name' }, p.level.toUpperCase()), h('span', { class: 'level-score' }, `score ${p.score.toFixed(2)}`))),
    gauge(p, levels),
    h('p', { class: 'muted' }, `${observed} of ${plural(p.indicators.length, 'indicator')} observed, as of ${p.asOf}`),
    h('ul', { class: 'indicators' }, ...p.indicators.map((ind) => h('li', { class: `indicator ${ind.state.replace(' ', '-')}` },
      h('details', null,
        h('summary', null,
          h('span', { class: 'dot', style: `--c:${INDICATOR_COLOR[ind.state]}` }),
          h('span', { class: 'ind-title' }, ind.title),
          chip(ind.state, INDICATOR_COLOR[ind.state]),
          h('span', { class: 'muted small' }, `${plural(ind.sources, 'source')}${ind.since ? ` · since ${ind.since}` : ''} · weight ${ind.weight}`)),
        ind.evidence.length
          ? h('div', { class: 'evidence' }, ...ind.evidence.slice(-6).reverse().map(quote), ind.evidence.length > 6 ? h('p', { class: 'muted small' }, `and ${ind.evidence.length - 6} earlier`) : null)
          : h('p', { class: 'muted small' }, 'Nothing in the archive matches this indicator yet.'))))));
}

export async function warningsView(_ctx: ViewContext): Promise<Node> {
  const data = await getJson<ProblemsData>('/api/problems');
  if (!data.items.length) return empty('No warning problems', 'Start the server with --problems DIR (a folder of problem YAML files) to watch for indicators.');
  const defs = new Map(data.definitions.map((d) => [d.id, d]));
  const order = [...data.items].sort((a, b) => b.score - a.score);
  return h('div', null,
    viewHeader('Warnings', `${plural(data.items.length, 'warning problem')} evaluated on the archive as of ${data.asOf}`,
      h('div', { class: 'summary-chips' }, ...order.map((p) => chip(`${p.title.split(/[:(]/)[0].trim()} · ${p.level}`, levelColor(p.level))))),
    h('div', { class: 'grid problems' }, ...order.map((p) => problemCard(p, defs.get(p.id)?.levels ?? [], defs.get(p.id)?.description))));
}
