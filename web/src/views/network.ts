// Network: actors as nodes, dyads as directed edges weighted by events and coloured from conflict (red) to cooperation (teal); laid out by a small force simulation.
import { EVENT_STATUSES } from '../../../src/core/record.js';
import { getJson, qs, type NetworkData } from '../api.js';
import { scoreColor } from '../colors.js';
import { h, plural, s, tip } from '../dom.js';
import { routeHref, type ViewContext } from '../router.js';
import { empty, viewHeader } from './common.js';

const W = 900, H = 620;

interface Pos { x: number; y: number; vx: number; vy: number }

/** A deterministic force layout: nodes start on a circle by rank, repel each other, edges pull, a weak pull to the centre keeps it framed. */
export function layout(data: NetworkData): Map<string, Pos> {
  const pos = new Map<string, Pos>();
  data.nodes.forEach((n, i) => {
    const a = (i / data.nodes.length) * Math.PI * 2;
    pos.set(n.id, { x: W / 2 + Math.cos(a) * 220, y: H / 2 + Math.sin(a) * 200, vx: 0, vy: 0 });
  });
  const nodes = [...pos.values()];
  const links = data.edges.map((e) => ({ a: pos.get(e.source)!, b: pos.get(e.target)!, w: Math.log2(1 + e.events) }));
  for (let step = 0; step < 300; step++) {
    const cool = 1 - step / 300;
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
      const [p, q] = [nodes[i], nodes[j]];
      const dx = p.x - q.x || 0.01, dy = p.y - q.y || 0.01;
      const d2 = Math.max(dx * dx + dy * dy, 100);
      const f = 9000 / d2;
      p.vx += dx * f / Math.sqrt(d2); p.vy += dy * f / Math.sqrt(d2);
      q.vx -= dx * f / Math.sqrt(d2); q.vy -= dy * f / Math.sqrt(d2);
    }
    for (const { a, b, w } of links) {
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - 150) * 0.01 * Math.min(w, 3);
      a.vx += (dx / d) * f; a.vy += (dy / d) * f; b.vx -= (dx / d) * f; b.vy -= (dy / d) * f;
    }
    for (const p of nodes) {
      p.vx += (W / 2 - p.x) * 0.004; p.vy += (H / 2 - p.y) * 0.004;
      p.x += Math.max(-20, Math.min(20, p.vx * cool)); p.y += Math.max(-20, Math.min(20, p.vy * cool));
      p.vx *= 0.5; p.vy *= 0.5;
      p.x = Math.max(50, Math.min(W - 50, p.x)); p.y = Math.max(30, Math.min(H - 30, p.y));
    }
  }
  return pos;
}

const radius = (events: number) => 7 + Math.sqrt(events) * 2.4;

function graph(data: NetworkData): SVGSVGElement {
  const pos = layout(data);
  const size = new Map(data.nodes.map((n) => [n.id, radius(n.events)]));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'network', role: 'img', 'aria-label': `${data.nodes.length} actors, ${data.edges.length} dyads` });
  const edges = s('g', { class: 'edges' });
  for (const e of [...data.edges].reverse()) {
    const a = pos.get(e.source)!, b = pos.get(e.target)!;
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    // bend every edge to its right so that A→B and B→A are two visible arcs
    const mx = (a.x + b.x) / 2 - (dy / d) * d * 0.15, my = (a.y + b.y) / 2 + (dx / d) * d * 0.15;
    const rb = size.get(e.target)! + 3;
    const tx = mx - b.x, ty = my - b.y, td = Math.sqrt(tx * tx + ty * ty) || 1;
    const ex = b.x + (tx / td) * rb, ey = b.y + (ty / td) * rb;
    const color = scoreColor(e.score);
    const width = 1 + Math.sqrt(e.events) * 1.3;
    const ax = tx / td, ay = ty / td;
    const head = `${ex},${ey} ${ex + ax * 9 - ay * 4.5},${ey + ay * 9 + ax * 4.5} ${ex + ax * 9 + ay * 4.5},${ey + ay * 9 - ax * 4.5}`;
    const types = Object.entries(e.types).sort((x, y) => y[1] - x[1]).map(([t, n]) => `${t} ${n}`).join(', ');
    edges.append(s('a', { href: routeHref('timeline', undefined, { dyad: `${e.source}:${e.target}` }), class: 'edge' },
      s('path', { d: `M${a.x},${a.y} Q${mx},${my} ${ex},${ey}`, stroke: color, 'stroke-width': width, fill: 'none' }),
      s('polygon', { points: head, fill: color }),
      tip(`${e.source} → ${e.target}: ${plural(e.events, 'event')}, mean score ${e.score > 0 ? '+' : ''}${e.score}\n${types}`)));
  }
  const nodes = s('g', { class: 'nodes' });
  for (const n of data.nodes) {
    const p = pos.get(n.id)!;
    nodes.append(s('a', { href: routeHref('timeline', undefined, { actor: n.id }), class: 'node', 'data-actor': n.id },
      s('circle', { cx: p.x, cy: p.y, r: size.get(n.id)! }),
      s('text', { x: p.x, y: p.y + 4, 'text-anchor': 'middle', class: 'node-code' }, n.id),
      s('text', { x: p.x, y: p.y + size.get(n.id)! + 13, 'text-anchor': 'middle', class: 'node-name' }, n.name),
      tip(`${n.name} (${n.id}): ${plural(n.events, 'event')}`)));
  }
  svg.append(edges, nodes);
  return svg;
}

function scaleLegend(): HTMLElement {
  const stops = [-10, -6, -3, 0, 3, 6, 10].map((v) => scoreColor(v)).join(',');
  return h('div', { class: 'scale' }, h('span', null, 'conflict'), h('div', { class: 'scale-bar', style: `background:linear-gradient(90deg,${stops})` }), h('span', null, 'cooperation'));
}

export async function networkView(ctx: ViewContext): Promise<Node> {
  const status = ctx.route.params.get('status') ?? 'asserted';
  const data = await getJson<NetworkData>(`/api/network${qs({ status })}`);
  const tabs = h('div', { class: 'tabs' }, ...EVENT_STATUSES.map((st) => h('a', { href: routeHref('network', undefined, { status: st }), class: st === status ? 'active' : '' }, st)));
  if (!data.nodes.length) return h('div', null, viewHeader('Network', `No ${status} events between actors yet.`, tabs), empty('Nothing to draw', 'Ingest articles to see who acts on whom.'));
  return h('div', null,
    viewHeader('Network', `${plural(data.nodes.length, 'actor')} and ${plural(data.edges.length, 'dyad')} from ${status} events; arrows point from source to target, width by number of events`, tabs),
    h('div', { class: 'split wide' },
      h('section', { class: 'panel chart-panel' }, scaleLegend(), graph(data)),
      h('aside', { class: 'panel' }, h('h2', null, 'Busiest dyads'),
        h('ol', { class: 'dyads' }, ...data.edges.slice(0, 14).map((e) => h('li', null,
          h('a', { href: routeHref('timeline', undefined, { dyad: `${e.source}:${e.target}` }) }, `${e.source} → ${e.target}`),
          h('span', { class: 'bar', style: `--w:${Math.min(100, e.events * 100 / data.edges[0].events)}%;--c:${scoreColor(e.score)}` }),
          h('span', { class: 'muted small' }, `${e.events} · ${e.score > 0 ? '+' : ''}${e.score}`)))))));
}
