// Forecasts: open and resolved forecasts with odds, window and sources; analysts resolve them here; a calibration chart per issuer.
import { getJson, postJson, qs, type CalibrationData, type Forecast, type Page } from '../api.js';
import { STATE_COLOR } from '../colors.js';
import { fmtPct, h, plural, s, tip } from '../dom.js';
import { routeHref, type ViewContext } from '../router.js';
import { empty, quote, stateChip, viewHeader } from './common.js';

const STATES = ['open', 'confirmed', 'refuted', 'expired', 'withdrawn'];
type ForecastPage = Page<Forecast> & { counts: Record<string, number>; asOf: string };

function odds(p: number | undefined, cue?: string): HTMLElement {
  if (p === undefined) return h('div', { class: 'odds none', title: 'no likelihood word: not scored' }, h('span', null, 'no odds stated'));
  return h('div', { class: 'odds', title: cue ? `“${cue}” ≈ ${fmtPct(p)}` : fmtPct(p) },
    h('div', { class: 'odds-bar' }, h('div', { style: `width:${p * 100}%` })), h('span', { class: 'odds-p' }, fmtPct(p)), cue ? h('span', { class: 'odds-cue' }, `“${cue}”`) : null);
}

function windowBar(f: Forecast, asOf: string): HTMLElement | null {
  if (!f.window) return h('span', { class: 'muted small' }, 'no window stated');
  const label = `${f.window.start} → ${f.window.end}${f.window.soft ? ' (open-ended)' : ''}`;
  const closed = asOf > f.window.end;
  return h('span', { class: `window ${closed ? 'closed' : 'running'}`, title: f.window.text ? `“${f.window.text}”` : label }, label);
}

function resolveControls(f: Forecast, refresh: () => void): HTMLElement {
  const note = h('input', { type: 'text', placeholder: 'note (optional)', 'aria-label': 'note', maxlength: 2000 });
  // the proposal's evidence is what an analyst usually cites; the decision is dated by the cited report
  const docs = [...new Set((f.proposal?.evidence ?? []).map((e) => e.docId))];
  const cite = h('select', { 'aria-label': 'cite a report', title: 'the report the decision rests on' },
    h('option', { value: '' }, 'no citation'), ...docs.map((d) => h('option', { value: d }, `cite ${d}`)));
  cite.value = docs[0] ?? '';
  const message = h('span', { class: 'muted small', role: 'status' });
  const decide = (state: string) => async () => {
    message.textContent = 'saving…';
    try {
      const evidence = state === 'confirmed' || state === 'refuted' ? cite.value : '';
      await postJson(`/api/forecasts/${encodeURIComponent(f.id)}/resolution`, { state, ...(evidence ? { evidenceDoc: evidence } : {}), ...(note.value.trim() ? { note: note.value.trim() } : {}) });
      refresh();
    } catch (err) {
      message.textContent = err instanceof Error ? err.message : String(err);
    }
  };
  const decided = f.resolution && f.resolution.state !== 'open';
  return h('div', { class: 'resolve' },
    note, docs.length ? cite : null,
    h('button', { type: 'button', class: 'ok', click: decide('confirmed'), 'data-action': 'confirm' }, 'Confirm'),
    h('button', { type: 'button', class: 'bad', click: decide('refuted'), 'data-action': 'refute' }, 'Refute'),
    h('button', { type: 'button', class: 'ghost', click: decide('withdrawn'), 'data-action': 'withdraw' }, 'Withdraw'),
    decided ? h('button', { type: 'button', class: 'ghost', click: decide('open'), 'data-action': 'reopen' }, 'Reopen') : null,
    message);
}

function forecastCard(f: Forecast, ctx: ViewContext, asOf: string): HTMLElement {
  const canResolve = ctx.me.role === 'analyst' || ctx.me.role === 'admin';
  const decision = f.resolution && f.resolution.state !== 'open' ? f.resolution : undefined;
  return h('article', { class: 'panel forecast', 'data-forecast': f.id, 'data-state': f.state, 'data-issuer': f.issuer ?? 'unattributed', 'data-p': f.likelihood?.p, style: `--state:${STATE_COLOR[f.state]}` },
    h('header', null, stateChip(f.state), h('span', { class: 'muted small' }, `issued ${f.issued} · ${f.issuer ? `by ${f.issuer}` : 'unattributed'} · ${f.type}`), h('code', { class: 'fid' }, f.id)),
    h('p', { class: 'statement' }, f.text),
    h('div', { class: 'facts' }, odds(f.likelihood?.p, f.likelihood?.cue), windowBar(f, asOf),
      f.magnitude ? h('span', { class: 'muted small' }, `scale ${f.magnitude.min === f.magnitude.max ? f.magnitude.min : `${f.magnitude.min}–${f.magnitude.max}`}${f.magnitude.unit ? ` ${f.magnitude.unit}` : ''}`) : null),
    h('details', { class: 'sources' }, h('summary', null, `${plural(f.sources.length, 'report')}${f.proposal ? ` · proposed ${f.proposal.state}` : ''}${decision ? ` · decided ${decision.state} by ${decision.by} on ${decision.on}` : ''}`),
      ...f.sources.map(quote),
      f.proposal ? h('div', { class: 'proposal' }, h('p', null, h('strong', null, `Proposed ${f.proposal.state}: `), f.proposal.reason), ...f.proposal.evidence.slice(0, 3).map(quote)) : null,
      decision?.note ? h('p', { class: 'muted' }, `Note: ${decision.note}`) : null),
    canResolve ? resolveControls(f, ctx.refresh) : null);
}

/** A reliability diagram: stated probability (x) against how often such forecasts came true (y); the diagonal is perfect calibration. */
export function calibrationChart(issuer: CalibrationData['issuers'][number]): SVGSVGElement {
  const size = 200, pad = 28, plot = size - pad - 16;
  const x = (p: number) => pad + p * plot, y = (p: number) => 10 + (1 - p) * plot;
  const svg = s('svg', { viewBox: `0 0 ${size} ${size}`, class: 'calibration', role: 'img', 'aria-label': `calibration of ${issuer.name}` });
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(s('line', { x1: x(t), x2: x(t), y1: y(0), y2: y(1), class: 'grid' }), s('line', { x1: x(0), x2: x(1), y1: y(t), y2: y(t), class: 'grid' }));
    svg.append(s('text', { x: x(t), y: size - 8, class: 'axis', 'text-anchor': 'middle' }, fmtPct(t)), s('text', { x: pad - 4, y: y(t) + 3, class: 'axis', 'text-anchor': 'end' }, fmtPct(t)));
  }
  svg.append(s('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(1), class: 'diagonal' }));
  const pts = issuer.bands.map((b) => `${x(b.meanP)},${y(b.observed)}`).join(' ');
  if (issuer.bands.length > 1) svg.append(s('polyline', { points: pts, class: 'curve' }));
  for (const b of issuer.bands) {
    svg.append(s('circle', { cx: x(b.meanP), cy: y(b.observed), r: 3 + Math.sqrt(b.count) * 2.2, class: 'band-dot' },
      tip(`${fmtPct(b.from)}–${fmtPct(b.to)}: ${plural(b.count, 'forecast')}, said ${fmtPct(b.meanP)}, came true ${fmtPct(b.observed)}`)));
  }
  return svg;
}

function calibrationPanel(data: CalibrationData): HTMLElement {
  const scored = data.issuers.filter((i) => i.scored > 0);
  const rest = data.issuers.filter((i) => i.scored === 0);
  return h('aside', { class: 'panel calibration-panel', 'data-testid': 'calibration' },
    h('h2', null, 'Calibration by issuer'),
    h('p', { class: 'muted small' }, 'Resolved forecasts with stated odds: how often what an issuer called x% likely came true. On the diagonal is perfect; Brier 0 is perfect, 0.25 is a coin toss.'),
    scored.length ? null : h('p', { class: 'muted' }, 'No resolved forecast with stated odds yet.'),
    h('div', { class: 'issuers' }, ...scored.map((i) => h('div', { class: 'issuer', 'data-issuer': i.issuer },
      h('h3', null, i.issuer === 'unattributed' ? 'Unattributed' : i.name, i.issuer === 'unattributed' ? null : h('span', { class: 'muted small' }, ` ${i.issuer}`)),
      calibrationChart(i),
      h('p', { class: 'scores', 'data-scored': i.scored, title: `${i.open} open · ${i.unscored.resolved} resolved without odds (${i.unscored.confirmed} came true)` },
        h('span', null, `n ${i.scored}`), h('span', null, `Brier ${i.brier?.toFixed(2)}`), h('span', null, `log ${i.logScore?.toFixed(2)}`))))),
    rest.length ? h('details', { class: 'unscored' }, h('summary', null, `${plural(rest.length, 'issuer')} with nothing scored yet`),
      h('ul', null, ...rest.map((i) => h('li', null, `${i.name}: ${i.open} open, ${i.unscored.resolved} resolved without odds`)))) : null);
}

export async function forecastsView(ctx: ViewContext): Promise<Node> {
  const state = ctx.route.params.get('state') ?? '';
  const [page, calibration] = await Promise.all([
    getJson<ForecastPage>(`/api/forecasts${qs({ state, limit: 500 })}`),
    getJson<CalibrationData>('/api/calibration'),
  ]);
  const all = Object.values(page.counts).reduce((a, b) => a + b, 0);
  const tabs = h('div', { class: 'tabs', role: 'tablist' },
    h('a', { href: routeHref('forecasts'), class: state ? '' : 'active' }, `all ${all}`),
    ...STATES.filter((st) => page.counts[st]).map((st) => h('a', { href: routeHref('forecasts', undefined, { state: st }), class: st === state ? 'active' : '', style: `--c:${STATE_COLOR[st]}` }, `${st} ${page.counts[st]}`)));
  return h('div', null,
    viewHeader('Forecasts', `${plural(all, 'tracked forecast')} · evaluated as of ${page.asOf}${ctx.me.role === 'analyst' || ctx.me.role === 'admin' ? ' · you can resolve them' : ''}`, tabs),
    h('div', { class: 'split' },
      h('section', { class: 'forecast-list' }, ...(page.items.length ? page.items.map((f) => forecastCard(f, ctx, page.asOf)) : [empty('Nothing here', 'No forecast is in this state.')])),
      calibrationPanel(calibration)));
}
