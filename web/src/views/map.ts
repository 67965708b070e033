// Map: event locations as dots on an offline equirectangular world map (country outlines and centroids from the world-countries package).
import { EVENT_STATUSES } from '../../../src/core/record.js';
import { getJson, qs, type MapData } from '../api.js';
import { scoreColor } from '../colors.js';
import { h, plural, s, tip } from '../dom.js';
import { routeHref, type ViewContext } from '../router.js';
import { viewHeader } from './common.js';

/** {cca3: SVG path in lon/-lat degrees}, written by scripts/build-web.mjs */
let outlines: Promise<Record<string, string>> | undefined;
const world = () => (outlines ??= fetch('/world.json').then((r) => (r.ok ? r.json() as Promise<Record<string, string>> : {})));

/** The part of the world to show: the whole map, or the events' extent with a margin, kept at the map's 2.5:1 shape. */
export function frame(points: MapData['points'], whole: boolean): { x: number; y: number; w: number; h: number } {
  const world = { x: -180, y: -84, w: 360, h: 144 };
  if (whole || !points.length) return world;
  const xs = points.map((p) => p.lon), ys = points.map((p) => -p.lat);
  let w = Math.max(100, Math.max(...xs) - Math.min(...xs) + 40);
  let h = Math.max(...ys) - Math.min(...ys) + 30;
  if (w / h < 2.5) w = h * 2.5; else h = w / 2.5;
  if (w >= world.w) return world;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const x = Math.min(Math.max(cx - w / 2, world.x), world.x + world.w - w);
  const y = Math.min(Math.max(cy - h / 2, world.y), world.y + world.h - h);
  return { x, y, w, h };
}

function mapSvg(paths: Record<string, string>, data: MapData, whole: boolean): SVGSVGElement {
  const f = frame(data.points, whole);
  // dots and labels keep their size on screen whatever the zoom
  const k = f.w / 360;
  const svg = s('svg', { viewBox: `${f.x} ${f.y} ${f.w} ${f.h}`, class: 'world', role: 'img', 'aria-label': `${data.points.length} places with events`, style: `--k:${k}` });
  const graticule = s('g', { class: 'graticule' });
  for (let lon = -150; lon <= 150; lon += 30) graticule.append(s('line', { x1: lon, x2: lon, y1: -84, y2: 60 }));
  for (let lat = -60; lat <= 75; lat += 15) graticule.append(s('line', { x1: -180, x2: 180, y1: -lat, y2: -lat, class: lat === 0 ? 'equator' : '' }));
  const active = new Set(data.points.map((p) => p.code));
  const land = s('g', { class: 'land' }, ...Object.entries(paths).map(([code, d]) => s('path', { d, class: active.has(code) ? 'active' : '' })));
  const dots = s('g', { class: 'dots' });
  for (const p of [...data.points].sort((a, b) => b.events - a.events)) {
    const types = Object.entries(p.types).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ');
    dots.append(s('a', { href: routeHref('timeline', undefined, { actor: p.code }), class: 'place', 'data-place': p.code },
      s('circle', { cx: p.lon, cy: -p.lat, r: (2 + Math.sqrt(p.events) * 1.2) * k, fill: scoreColor(p.score), 'stroke-width': 0.25 * k }),
      tip(`${p.name}: ${plural(p.events, 'event')} · mean score ${p.score}\n${types}`)));
  }
  const labels = s('g', { class: 'labels', 'font-size': 3.6 * k, 'stroke-width': 0.7 * k }, ...data.points.slice(0, 12).map((p) =>
    s('text', { x: p.lon + (2.6 + Math.sqrt(p.events) * 1.2) * k, y: -p.lat + 1.2 * k }, p.name)));
  svg.append(graticule, land, dots, labels);
  return svg;
}

export async function mapView(ctx: ViewContext): Promise<Node> {
  const status = ctx.route.params.get('status') ?? '';
  const whole = ctx.route.params.get('view') === 'world';
  const [paths, data] = await Promise.all([world(), getJson<MapData>(`/api/map${qs({ status })}`)]);
  const view = whole ? 'world' : undefined;
  const tabs = h('div', { class: 'head-controls' },
    h('div', { class: 'tabs' }, h('a', { href: routeHref('map', undefined, { view }), class: status ? '' : 'active' }, 'all'),
      ...EVENT_STATUSES.map((st) => h('a', { href: routeHref('map', undefined, { status: st, view }), class: st === status ? 'active' : '' }, st))),
    h('div', { class: 'tabs' }, h('a', { href: routeHref('map', undefined, { status }), class: whole ? '' : 'active' }, 'events'),
      h('a', { href: routeHref('map', undefined, { status, view: 'world' }), class: whole ? 'active' : '' }, 'world')));
  return h('div', null,
    viewHeader('Map', `${plural(data.placed, 'event')} with a location in ${data.points.length} ${data.points.length === 1 ? 'country' : 'countries'}`
      + `${data.unplaced ? ` · ${data.unplaced} without one` : ''}${data.truncated ? ' · newest events only' : ''}`, tabs),
    h('div', { class: 'split wide' },
      h('section', { class: 'panel chart-panel' }, mapSvg(paths, data, whole)),
      h('aside', { class: 'panel' }, h('h2', null, 'Places'),
        h('ol', { class: 'dyads' }, ...data.points.slice(0, 16).map((p) => h('li', null,
          h('a', { href: routeHref('timeline', undefined, { actor: p.code }) }, p.name),
          h('span', { class: 'bar', style: `--w:${Math.min(100, p.events * 100 / data.points[0].events)}%;--c:${scoreColor(p.score)}` }),
          h('span', { class: 'muted small' }, String(p.events))))),
        h('p', { class: 'muted small' }, 'Dots sit at country centroids, sized by events and coloured by their mean cooperation (teal) or conflict (red) score.'))));
}
