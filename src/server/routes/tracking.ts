// Tracker reads and the analyst's one write here: forecasts (and resolving them), calibration, warning problems, trends, the network and the brief.
import { Hono } from 'hono';
import { briefHtml, briefMarkdown, forecastSentence } from '../../brief/brief.js';
import { codeName, coversCode, coversIssuer } from '../../core/countries.js';
import { COOPERATION_SCORE, isPloverType } from '../../core/plover.js';
import type { TrackedForecast } from '../../track/forecasts.js';
import { briefInput, resolveForecast } from '../../track/service.js';
import { detectSpikes } from '../../track/trends.js';
import type { AuthEnv } from '../auth.js';
import { notFound } from '../errors.js';
import type { RouteDoc } from '../openapi.js';
import { body, briefQuery, forecastQuery, networkQuery, paged, query, resolutionBody, trendsQuery } from '../schemas.js';
import type { ServerStore, Tracker } from '../tracker.js';

const withText = (f: TrackedForecast) => ({ ...f, text: forecastSentence(f) });
/** the strictest policy the brief allows: its own inline style and nothing else, so a stray tag in an article stays dead */
export const BRIEF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";

export function trackingRoutes(store: ServerStore, tracker: Tracker): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/version', async (c) => c.json(await tracker.version()));

  app.get('/forecasts', async (c) => {
    const q = query(c, forecastQuery);
    const { forecasts, asOf } = await tracker.snapshot();
    const actorCode = q.actor?.split('-')[0];
    const involves = (codes: string[]) => codes.some((c) => coversCode(actorCode!, c));
    const matching = forecasts.filter((f) => (!q.state || f.state === q.state) && (!q.issuer || (f.issuer !== undefined && coversIssuer(q.issuer, f.issuer)))
      && (!actorCode || involves(f.sourceCodes) || involves(f.targetCodes)))
      .sort((a, b) => b.issued.localeCompare(a.issued) || a.id.localeCompare(b.id));
    const counts: Record<string, number> = {};
    for (const f of forecasts) counts[f.state] = (counts[f.state] ?? 0) + 1;
    return c.json({ ...paged(matching.slice(q.offset, q.offset + q.limit).map(withText), matching.length, q), asOf, counts });
  });

  app.get('/forecasts/:id', async (c) => {
    const f = (await tracker.snapshot()).forecasts.find((x) => x.id === c.req.param('id'));
    if (!f) throw notFound(`forecast ${JSON.stringify(c.req.param('id'))}`);
    return c.json({ ...withText(f), history: await store.resolutions(f.id) });
  });

  app.get('/forecasts/:id/resolutions', async (c) => c.json({ items: await store.resolutions(c.req.param('id')) }));

  app.post('/forecasts/:id/resolution', async (c) => {
    const id = c.req.param('id');
    const decision = await body(c, resolutionBody);
    if (!(await tracker.snapshot()).forecasts.some((x) => x.id === id)) throw notFound(`forecast ${JSON.stringify(id)}`);
    // the CLI's path: the cited document must exist, and the outcome is dated by it unless `on` says otherwise
    await resolveForecast(store, id, { ...decision, by: c.get('token')?.name ?? 'anonymous' });
    tracker.invalidate();
    const f = (await tracker.snapshot()).forecasts.find((x) => x.id === id)!;
    return c.json({ ...withText(f), history: await store.resolutions(id) }, 201);
  });

  app.get('/calibration', async (c) => {
    const { calibration, asOf } = await tracker.snapshot();
    return c.json({ asOf, issuers: calibration.map((i) => ({ ...i, name: codeName(i.issuer) })) });
  });

  app.get('/problems', async (c) => {
    const { problems, asOf } = await tracker.snapshot();
    return c.json({ asOf, items: problems, definitions: tracker.problems });
  });

  app.get('/trends', async (c) => {
    const q = query(c, trendsQuery);
    const { series } = await tracker.snapshot();
    const inPeriod = series
      .filter((s) => !q.actor || s.source === q.actor.split('-')[0] || s.target === q.actor.split('-')[0])
      .map((s) => ({ ...s, points: s.points.filter((p) => (!q.since || p.week >= q.since) && (!q.until || p.week <= q.until)) }))
      .map((s) => ({ ...s, total: s.points.reduce((n, p) => n + p.events, 0) }))
      .filter((s) => s.total > 0);
    return c.json({ series: inPeriod.slice(0, q.top), spikes: detectSpikes(inPeriod) });
  });

  app.get('/network', async (c) => {
    const q = query(c, networkQuery);
    const { events } = await tracker.snapshot();
    const nodes = new Map<string, { id: string; name: string; events: number }>();
    const edges = new Map<string, { source: string; target: string; events: number; score: number; types: Record<string, number> }>();
    for (const e of events) {
      if (e.status !== q.status || !isPloverType(e.type)) continue;
      const day = e.date ?? e.docDate;
      if ((q.since && day < q.since) || (q.until && day > q.until)) continue;
      for (const s of e.sourceCodes) for (const t of e.targetCodes) {
        if (s === t) continue;
        for (const code of [s, t]) {
          const n = nodes.get(code) ?? { id: code, name: codeName(code), events: 0 };
          nodes.set(code, n);
          n.events++;
        }
        const key = `${s}>${t}`;
        const edge = edges.get(key) ?? { source: s, target: t, events: 0, score: 0, types: {} };
        edges.set(key, edge);
        edge.events++;
        edge.score += COOPERATION_SCORE[e.type];
        edge.types[e.type] = (edge.types[e.type] ?? 0) + 1;
      }
    }
    const kept = [...nodes.values()].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)).slice(0, q.maxNodes);
    const keptIds = new Set(kept.map((n) => n.id));
    const links = [...edges.values()].filter((e) => keptIds.has(e.source) && keptIds.has(e.target))
      .map((e) => ({ ...e, score: Math.round((e.score / e.events) * 10) / 10 }))
      .sort((a, b) => b.events - a.events);
    return c.json({ nodes: kept, edges: links });
  });

  app.get('/brief', async (c) => {
    const q = query(c, briefQuery);
    const { asOf } = await tracker.snapshot();
    const input = await briefInput(store, { since: q.since ?? '30d', asOf: q.until ?? asOf, problems: tracker.problems });
    if (q.format === 'markdown') return c.text(briefMarkdown(input), 200, { 'content-type': 'text/markdown; charset=utf-8' });
    c.header('content-security-policy', BRIEF_CSP);
    return c.html(briefHtml(input));
  });

  return app;
}

export const trackingDocs: RouteDoc[] = [
  { method: 'get', path: '/api/version', summary: 'A version string that changes whenever the archive or a resolution does, and the event count (cheap: poll it to refresh)' },
  { method: 'get', path: '/api/forecasts', summary: 'Tracked forecasts with their odds, window, sources, proposed and decided resolution', query: forecastQuery, paged: true },
  { method: 'get', path: '/api/forecasts/{id}', summary: 'One forecast with its decision history', params: ['id'] },
  { method: 'get', path: '/api/forecasts/{id}/resolutions', summary: 'The audit trail of decisions on a forecast, oldest first', params: ['id'] },
  { method: 'post', path: '/api/forecasts/{id}/resolution', summary: 'Record an analyst decision on a forecast (appended to the audit trail)', params: ['id'], body: resolutionBody, role: 'analyst' },
  { method: 'get', path: '/api/calibration', summary: 'Brier and log scores and a calibration table per issuer' },
  { method: 'get', path: '/api/problems', summary: 'Warning problems evaluated now: level, score, indicators and their evidence' },
  { method: 'get', path: '/api/trends', summary: 'Weekly cooperation/conflict series per dyad, and spikes', query: trendsQuery },
  { method: 'get', path: '/api/network', summary: 'Actors as nodes and dyads as edges weighted by events, with a mean cooperation score', query: networkQuery },
  { method: 'get', path: '/api/brief', summary: 'The brief for a period (since: a day or 7d/4w/3m before until; default the 30 days up to the evaluation day) as HTML or Markdown', query: briefQuery, produces: 'text/html' },
];
