// The tracker over an archive: loads events and analyst decisions from the store and runs the pure tracking logic on them.
import type { Storage } from '../store/types.js';
import type { ResolutionEntry, TrackingStore } from '../store/tracking-types.js';
import type { BriefInput, Development } from '../brief/brief.js';
import { applyResolution, buildForecasts, type Evidence, type Resolution, type TrackedForecast, type TrackEvent } from './forecasts.js';
import { evaluateProblem, type ProblemStatus, type WarningProblem } from './problems.js';
import { weeklySeries } from './trends.js';

export type Archive = Storage & TrackingStore;

/** Thrown for a request the archive cannot satisfy (unknown id, bad state); the message is for the user. */
export class TrackError extends Error {
  constructor(message: string) { super(message); this.name = 'TrackError'; }
}

const today = () => new Date().toISOString().slice(0, 10);

/** The day tracking is evaluated at by default: the newest report in the archive, or today when it is empty. */
function defaultAsOf(events: TrackEvent[]): string {
  let latest = '';
  for (const e of events) if (e.docDate > latest) latest = e.docDate;
  return latest || today();
}

/** The analyst decision in force per forecast: the latest entry. */
function decisionsInForce(entries: ResolutionEntry[]): Map<string, Resolution> {
  const out = new Map<string, Resolution>();
  for (const r of entries) {
    const res: Resolution = { state: r.state, by: r.by, on: r.on };
    if (r.evidenceDoc) res.evidenceDoc = r.evidenceDoc;
    if (r.note) res.note = r.note;
    out.set(r.forecastId, res);
  }
  return out;
}

export async function loadForecasts(archive: Archive, asOf?: string): Promise<{ forecasts: TrackedForecast[]; events: TrackEvent[]; asOf: string }> {
  const events = await archive.trackEvents(asOf ? { until: asOf } : {});
  const day = asOf ?? defaultAsOf(events);
  return { forecasts: buildForecasts(events, decisionsInForce(await archive.resolutions()), { asOf: day }), events, asOf: day };
}

export interface ResolveRequest { state: ResolutionEntry['state']; by: string; evidenceDoc?: string; note?: string; on?: string }

/** Records an analyst decision on a forecast after checking that the forecast and the cited document exist. */
export async function resolveForecast(archive: Archive, id: string, req: ResolveRequest): Promise<TrackedForecast> {
  const { forecasts } = await loadForecasts(archive);
  const f = forecasts.find((x) => x.id === id);
  if (!f) throw new TrackError(`no forecast ${JSON.stringify(id)} (see \`watchfloor forecasts\` for the ids)`);
  let on = req.on ?? today();
  if (req.evidenceDoc) {
    const doc = await archive.document(req.evidenceDoc);
    if (!doc) throw new TrackError(`no document ${JSON.stringify(req.evidenceDoc)} in the archive to cite`);
    on = req.on ?? doc.meta.published ?? on;
    req = { ...req, evidenceDoc: doc.id };
  }
  const entry: ResolutionEntry = { forecastId: id, state: req.state, by: req.by, at: new Date().toISOString(), on };
  if (req.evidenceDoc) entry.evidenceDoc = req.evidenceDoc;
  if (req.note) entry.note = req.note;
  await archive.addResolution(entry);
  applyResolution(f, decisionsInForce([entry]).get(id));
  return f;
}

export async function watchProblems(archive: Archive, problems: WarningProblem[], asOf?: string): Promise<ProblemStatus[]> {
  const events = await archive.trackEvents(asOf ? { until: asOf } : {});
  const day = asOf ?? defaultAsOf(events);
  return problems.map((p) => evaluateProblem(p, events, day));
}

/** Parses "7d", "4w", "3m" or a date into the first day of the period ending at asOf. */
export function periodStart(since: string, asOf: string): string {
  const m = /^(\d+)([dwm])$/.exec(since.trim());
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(since)) return since;
    throw new TrackError(`--since must be like 7d, 4w, 3m or a YYYY-MM-DD date, not ${JSON.stringify(since)}`);
  }
  const d = new Date(`${asOf}T00:00:00Z`);
  const n = Number(m[1]);
  if (m[2] === 'm') d.setUTCMonth(d.getUTCMonth() - n); else d.setUTCDate(d.getUTCDate() - n * (m[2] === 'w' ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

/** Everything the brief needs for the period [since, asOf]. */
export async function briefInput(archive: Archive, options: { since: string; asOf?: string; problems?: WarningProblem[]; title?: string }): Promise<BriefInput> {
  const { forecasts, events, asOf } = await loadForecasts(archive, options.asOf);
  const since = periodStart(options.since, asOf);
  const inPeriod = events.filter((e) => e.docDate >= since && e.docDate <= asOf && e.status === 'asserted');
  const problems = options.problems ?? [];
  const input: BriefInput = {
    since, asOf, forecasts,
    developments: developments(inPeriod),
    problems: problems.map((p) => evaluateProblem(p, events, asOf)),
    problemsBefore: problems.map((p) => evaluateProblem(p, events.filter((e) => e.docDate < since), since)),
    dyads: weeklySeries(inPeriod),
  };
  if (options.title) input.title = options.title;
  return input;
}

/** Groups the period's asserted events by type and dyad: one development per act, with its reports. */
function developments(events: TrackEvent[]): Development[] {
  const byKey = new Map<string, Development>();
  for (const e of events) {
    if (!e.sourceCodes.length) continue;
    const key = `${e.type}|${e.sourceCodes.join('+')}|${e.targetCodes.join('+')}`;
    const ev: Evidence = { eventId: e.id, docId: e.docId, docDate: e.docDate, status: e.status, ...(e.sentence ? { text: e.sentence.text, span: e.sentence.span } : {}) };
    const d = byKey.get(key);
    if (!d) {
      byKey.set(key, { type: e.type, status: e.status, sourceCodes: e.sourceCodes, targetCodes: e.targetCodes, mentions: 1, firstReport: e.docDate, lastReport: e.docDate, evidence: [ev] });
      continue;
    }
    d.mentions++;
    if (e.docDate < d.firstReport) d.firstReport = e.docDate;
    if (e.docDate > d.lastReport) d.lastReport = e.docDate;
    d.evidence.push(ev);
  }
  return [...byKey.values()];
}
