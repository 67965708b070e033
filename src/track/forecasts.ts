// The forecast registry: groups forecast events into tracked forecasts and proposes their resolution from later reporting.
import { createHash } from 'node:crypto';
import { isCountryCode } from '../core/countries.js';
import { sameKindOfAct } from '../core/plover.js';
import { addDays } from '../core/ids.js';
import type { IsoDate } from '../core/ids.js';
import type { Span } from '../core/record.js';

/** One stored event as the tracker needs it (the store's rows map onto this). */
export interface TrackEvent {
  id: string;
  docId: string;
  docDate: string;
  type: string;
  /** PLOVER mode ("visit", "meeting", ...) where the extractor gave one */
  mode?: string;
  status: 'asserted' | 'forecast' | 'hypothetical' | 'negated';
  sourceCodes: string[];
  targetCodes: string[];
  /** country code (or IGO/NGO) of who says so */
  issuer?: string;
  /** country code of where the act takes place, where the text names it */
  place?: string;
  likelihood?: number;
  likelihoodCue?: string;
  windowStart?: string;
  windowEnd?: string;
  windowText?: string;
  magnitudeMin?: number;
  magnitudeMax?: number;
  magnitudeUnit?: string;
  /** the sentence that carries the event, with its span in the document */
  sentence?: { span: Span; text: string };
  /** what makes two reports independent: the story (near-duplicates share one) or the outlet; defaults to the document */
  sourceKey?: string;
  /** the day the act is placed at (its window start, else the document date) */
  date?: string;
  confidence?: number;
}

export type ForecastState = 'open' | 'confirmed' | 'refuted' | 'expired' | 'withdrawn';

export interface Evidence { eventId: string; docId: string; docDate: string; status: TrackEvent['status']; text?: string; span?: Span }

export interface Proposal {
  state: Exclude<ForecastState, 'open' | 'withdrawn'>;
  /** why, in words an analyst can check */
  reason: string;
  evidence: Evidence[];
}

export interface Resolution {
  state: Exclude<ForecastState, 'open' | 'expired'> | 'open';
  by: string;
  on: string;
  /** the document the analyst cites */
  evidenceDoc?: string;
  note?: string;
}

export interface TrackedForecast {
  id: string;
  issuer?: string;
  type: string;
  mode?: string;
  sourceCodes: string[];
  targetCodes: string[];
  window?: { start: string; end: string; text?: string; soft: boolean };
  likelihood?: { p: number; cue?: string };
  magnitude?: { min: number; max: number; unit?: string };
  /** a joint act of the parties ("Russia and Belarus will hold exercises"): either side acting towards the other fulfils it */
  mutual?: boolean;
  /** the countries where the act is to happen: a named place, or for a visit the host's country */
  place?: string[];
  /** the first report's document date */
  issued: string;
  /** every report of this forecast */
  sources: Evidence[];
  /** what the evidence suggests, before any analyst decision */
  proposal?: Proposal;
  /** the last analyst decision, if any */
  resolution?: Resolution;
  /** the analyst's decision where there is one, else the proposal, else open */
  state: ForecastState;
}

export interface TrackOptions {
  /** the day the registry is evaluated at: windows ending before it (plus tolerance) expire */
  asOf: string;
  /** forecasts without a window stay open this many days before they expire */
  horizonDays?: number;
}

const DEFAULT_HORIZON_DAYS = 365;
/** "as early as July" bounds when the act may start, not when it must end: such windows are soft at the end */
const SOFT_END = /\b(as early as|as soon as|from|starting|beginning|after)\b/i;
/** an asserted report with no date of its own placed the act up to this many days before the report */
const UNDATED_LOOKBACK_DAYS = 30;

const intersects = (a: string[], b: string[]): boolean => a.some((c) => b.includes(c));
const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((c) => b.includes(c));
const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** Groups forecast events into tracked forecasts: same issuer, compatible type, same dyad, overlapping window. */
export function buildForecasts(events: TrackEvent[], resolutions: Map<string, Resolution>, options: TrackOptions): TrackedForecast[] {
  const ordered = [...events].sort((a, b) => a.docDate.localeCompare(b.docDate) || a.id.localeCompare(b.id));
  const forecasts: TrackedForecast[] = [];
  // forecasts can only group with others of the same issuer and source, and evidence must share a source (and, for a
  // forecast with a target, a target or none): indexing by those keeps the registry near-linear in the archive's size
  const open = new Map<string, TrackedForecast[]>();
  // the extractor writes a joint act as one event per direction: those from one sentence are one mutual forecast
  const bySentence = new Map<string, TrackedForecast[]>();
  const index = new Map<string, TrackEvent[]>();
  const add = (key: string, e: TrackEvent) => (index.get(key) ?? index.set(key, []).get(key)!).push(e);
  for (const e of ordered) {
    for (const c of e.sourceCodes) {
      add(c, e);
      if (!e.targetCodes.length) add(`${c}>`, e);
      for (const t of e.targetCodes) add(`${c}>${t}`, e);
    }
    if (e.status !== 'forecast' || !e.sourceCodes.length) continue;
    const sentence = `${e.docId}|${e.sentence?.span.join(':') ?? e.id}|${e.type}`;
    const twin = e.targetCodes.length ? bySentence.get(sentence)?.find((f) => sameSet(f.sourceCodes, e.targetCodes) && sameSet(f.targetCodes, e.sourceCodes)) : undefined;
    if (twin) { twin.mutual = true; continue; }
    const key = `${e.issuer ?? ''}|${[...e.sourceCodes].sort().join('+')}`;
    const candidates = open.get(key) ?? open.set(key, []).get(key)!;
    let f = candidates.find((x) => sameForecast(x, e));
    if (f) addReport(f, e);
    else {
      f = newForecast(e);
      candidates.push(f);
      forecasts.push(f);
    }
    (bySentence.get(sentence) ?? bySentence.set(sentence, []).get(sentence)!).push(f);
  }
  for (const f of forecasts) {
    const keys = sides(f).flatMap(([source, target]) => (target.length ? source.flatMap((c) => [`${c}>`, ...target.map((t) => `${c}>${t}`)]) : source));
    f.proposal = propose(f, reportsFrom(keys.map((k) => index.get(k) ?? []), f.issued), options);
    applyResolution(f, resolutions.get(f.id));
  }
  return forecasts;
}

/** Records an analyst decision on a forecast: the decision wins over the proposal, "open" hands it back to the proposal. */
export function applyResolution(f: TrackedForecast, resolution: Resolution | undefined): void {
  f.resolution = resolution;
  f.state = resolution && resolution.state !== 'open' ? resolution.state : f.proposal?.state ?? 'open';
}

/** The events of several date-ordered lists reported on or after a day, each once. */
function reportsFrom(lists: TrackEvent[][], day: string): TrackEvent[] {
  const nonEmpty = lists.filter((l) => l.length);
  if (nonEmpty.length === 1) return nonEmpty[0].slice(firstOnOrAfter(nonEmpty[0], day));
  const out = new Set<TrackEvent>();
  for (const list of nonEmpty) for (let i = firstOnOrAfter(list, day); i < list.length; i++) out.add(list[i]);
  return [...out];
}

/** Index of the first event reported on or after a day, in a list sorted by report date. */
function firstOnOrAfter(list: TrackEvent[], day: string): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].docDate < day) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function newForecast(e: TrackEvent): TrackedForecast {
  const f: TrackedForecast = {
    id: `F-${createHash('sha256').update(`${e.docId}\u0000${e.id}`).digest('hex').slice(0, 10)}`,
    type: e.type,
    sourceCodes: [...e.sourceCodes].sort(),
    targetCodes: [...e.targetCodes].sort(),
    issued: e.docDate,
    sources: [],
    state: 'open',
  };
  if (e.mode) f.mode = e.mode;
  if (e.issuer) f.issuer = e.issuer;
  addReport(f, e);
  return f;
}

function addReport(f: TrackedForecast, e: TrackEvent): void {
  f.sources.push(evidenceOf(e));
  if (!f.window && e.windowStart && e.windowEnd) {
    f.window = { start: e.windowStart, end: e.windowEnd, soft: SOFT_END.test(e.windowText ?? '') };
    if (e.windowText) f.window.text = e.windowText;
  }
  if (!f.likelihood && typeof e.likelihood === 'number') f.likelihood = { p: e.likelihood, ...(e.likelihoodCue ? { cue: e.likelihoodCue } : {}) };
  if (!f.magnitude && typeof e.magnitudeMin === 'number' && typeof e.magnitudeMax === 'number') {
    f.magnitude = { min: e.magnitudeMin, max: e.magnitudeMax, ...(e.magnitudeUnit ? { unit: e.magnitudeUnit } : {}) };
  }
  if (!f.targetCodes.length && e.targetCodes.length) f.targetCodes = [...e.targetCodes].sort();
  if (!f.place) {
    const place = placeOf(e);
    if (place.length) f.place = place;
  }
}

/** Where an act happens: the place the text names, else for a visit the visited country and for hosting the host's, else unknown (empty). */
function placeOf(e: TrackEvent): string[] {
  if (e.place) return [e.place];
  const host = e.mode === 'visit' ? e.targetCodes : e.mode === 'host' ? e.sourceCodes : [];
  return host.filter(isCountryCode);
}

function evidenceOf(e: TrackEvent): Evidence {
  const ev: Evidence = { eventId: e.id, docId: e.docId, docDate: e.docDate, status: e.status };
  if (e.sentence) { ev.text = e.sentence.text; ev.span = e.sentence.span; }
  return ev;
}

/** Reports of an undated forecast come close together; the same words months later are a new forecast, with its own outcome. */
const SAME_FORECAST_DAYS = 30;

function sameForecast(f: TrackedForecast, e: TrackEvent): boolean {
  if ((f.issuer ?? '') !== (e.issuer ?? '')) return false;
  if (f.magnitude && typeof e.magnitudeMin === 'number' && typeof e.magnitudeMax === 'number' && (e.magnitudeMax < f.magnitude.min || e.magnitudeMin > f.magnitude.max)) return false;
  if (!sameKindOfAct(f, e) || !sameKindOfAct(e, f)) return false;
  if (!sameSet(f.sourceCodes, e.sourceCodes)) return false;
  // the dyad is part of what is forecast: a report that leaves out the target is the same claim only if it names the same act
  if (!sameSet(f.targetCodes, e.targetCodes) && (f.targetCodes.length && e.targetCodes.length || f.type !== e.type)) return false;
  // a forecast with a deadline and one without are different claims: only one of them can be refuted when the window closes
  const hasWindow = !!(e.windowStart && e.windowEnd);
  if (!f.window || !hasWindow) {
    // undated, the same words months later are a new forecast with its own outcome; dated, the window says which
    return !f.window && !hasWindow && daysBetween(f.sources[f.sources.length - 1].docDate, e.docDate) <= SAME_FORECAST_DAYS;
  }
  return e.windowStart! <= f.window.end && f.window.start <= e.windowEnd!;
}

/** The period in which an act would fulfil the forecast: its window (a soft end stretched), else a horizon from issue. */
function fulfilmentPeriod(f: TrackedForecast, horizonDays = DEFAULT_HORIZON_DAYS): { start: string; end: string } {
  if (!f.window) return { start: f.issued, end: addDays(f.issued as IsoDate, horizonDays) };
  const length = Math.max(1, daysBetween(f.window.start, f.window.end));
  // late by a fraction of the window still counts; a soft end ("as early as") allows a season more
  const tolerance = f.window.soft ? Math.max(90, length) : Math.max(7, Math.min(30, Math.round(length / 4)));
  return { start: addDays(f.window.start as IsoDate, -Math.max(3, Math.round(length / 4))), end: addDays(f.window.end as IsoDate, tolerance) };
}

const periods = new WeakMap<TrackEvent, { start: string; end: string }>();

/** When the reported act took place, as an interval: its own window, else up to a month before its report (computed once per event). */
function eventPeriod(e: TrackEvent): { start: string; end: string } {
  let p = periods.get(e);
  if (!p) periods.set(e, (p = computePeriod(e)));
  return p;
}

function computePeriod(e: TrackEvent): { start: string; end: string } {
  if (e.windowStart && e.windowEnd) return { start: e.windowStart, end: maxDate(e.windowStart, minDate(e.windowEnd, e.docDate)) };
  return { start: addDays(e.docDate as IsoDate, -UNDATED_LOOKBACK_DAYS), end: e.docDate };
}

/** The forecast's source and target, and for a mutual act the same the other way round. */
const sides = (f: TrackedForecast): [string[], string[]][] => f.mutual ? [[f.sourceCodes, f.targetCodes], [f.targetCodes, f.sourceCodes]] : [[f.sourceCodes, f.targetCodes]];

/** Acts whose counterpart is what they are about (talks, support, demands): a report that names none does not show them. */
const ADDRESSED = new Set(['CONSULT', 'SUPPORT', 'AGREE', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'CONCEDE']);

function sidesMatch([source, target]: [string[], string[]], e: TrackEvent): boolean {
  // without a target the forecast is only its type and its actors: evidence must name exactly those actors
  if (target.length ? !intersects(source, e.sourceCodes) : !sameSet(source, e.sourceCodes)) return false;
  if (!target.length) return true;
  return e.targetCodes.length ? intersects(target, e.targetCodes) : !ADDRESSED.has(e.type);
}

function matchesAct(f: TrackedForecast, e: TrackEvent): boolean {
  if (!sameKindOfAct(f, e)) return false;
  if (!sides(f).some((side) => sidesMatch(side, e))) return false;
  if (f.magnitude && typeof e.magnitudeMin === 'number' && typeof e.magnitudeMax === 'number') {
    // reported numbers are rough: a quarter either way still supports the forecast's size
    if (e.magnitudeMax < f.magnitude.min * 0.75 || e.magnitudeMin > f.magnitude.max * 1.25) return false;
  }
  // a visit to Moscow is not fulfilled by a meeting in Beijing: where both places are known they must agree
  const place = f.place && placeOf(e);
  return !place?.length || intersects(f.place!, place);
}

function propose(f: TrackedForecast, events: TrackEvent[], options: TrackOptions): Proposal | undefined {
  const period = fulfilmentPeriod(f, options.horizonDays);
  // an article reporting the forecast is not evidence for it, unless written after the window closed: then it looks back
  const ownDocs = new Set(f.sources.filter((s) => !f.window || s.docDate <= f.window.end).map((s) => s.docId));
  const later = events.filter((e) => !ownDocs.has(e.docId) && e.docDate >= f.issued && matchesAct(f, e));
  const confirming = later.filter((e) => {
    if (e.status !== 'asserted') return false;
    const p = eventPeriod(e);
    return p.start <= period.end && period.start <= p.end;
  });
  if (confirming.length) {
    return { state: 'confirmed', reason: `${confirming.length} later report(s) say the act happened within the forecast period ${period.start}..${period.end}`, evidence: confirming.map(evidenceOf) };
  }
  // a denial refutes only once the window has closed (a forecast with time left is still open), and only when it
  // speaks of the window: an undated "has not" covers all time up to its report, a dated one must overlap the window
  const window = f.window;
  const refuting = !window ? [] : later.filter((e) => {
    if (e.status !== 'negated' || e.docDate < window.end) return false;
    if (!e.windowStart || !e.windowEnd) return true;
    return e.windowStart <= window.end && window.start <= e.windowEnd;
  });
  if (refuting.length) {
    return { state: 'refuted', reason: `${refuting.length} report(s) after the window closed (${window!.end}) say the act did not happen in it`, evidence: refuting.map(evidenceOf) };
  }
  if (options.asOf > period.end && f.window && !f.window.soft) {
    return { state: 'expired', reason: `the window ended ${f.window.end} and no report either way was found by ${options.asOf}`, evidence: [] };
  }
  return undefined;
}

/** Forecast states as a storyline records them: an expired forecast was never resolved either way. */
export const asOutcome = (state: ForecastState): 'confirmed' | 'refuted' | 'open' =>
  state === 'confirmed' || state === 'refuted' ? state : 'open';
