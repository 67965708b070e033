// Warning problems (indications and warning): a YAML definition of indicators, and their evaluation over the archive's events.
import { parse as parseYaml } from 'yaml';
import { PLOVER_TYPES } from '../core/plover.js';
import { EVENT_STATUSES } from '../core/record.js';
import type { Evidence, TrackEvent } from './forecasts.js';
import { eventMatcher, type EventQuery } from './query.js';

export interface Indicator {
  id: string;
  title: string;
  query: EventQuery;
  /** independent sources needed to call it corroborated (default 2) */
  minSources: number;
  weight: number;
}

export interface Level { name: string; at: number }

export interface WarningProblem {
  id: string;
  title: string;
  description?: string;
  indicators: Indicator[];
  /** ascending thresholds on the weighted indicator score (0..1) */
  levels: Level[];
}

export type IndicatorState = 'not observed' | 'observed' | 'corroborated';

export interface IndicatorStatus {
  id: string;
  title: string;
  state: IndicatorState;
  weight: number;
  sources: number;
  evidence: Evidence[];
  /** the first day it was observed */
  since?: string;
}

export interface ProblemStatus {
  id: string;
  title: string;
  asOf: string;
  score: number;
  level: string;
  reasons: string[];
  indicators: IndicatorStatus[];
}

export const DEFAULT_LEVELS: Level[] = [
  { name: 'low', at: 0 }, { name: 'guarded', at: 0.2 }, { name: 'elevated', at: 0.4 }, { name: 'high', at: 0.6 }, { name: 'critical', at: 0.85 },
];

/** Thrown for a problem file that is not valid; the message names the file and the field. */
export class ProblemError extends Error {
  constructor(message: string) { super(message); this.name = 'ProblemError'; }
}

export function parseProblem(text: string, fileName: string): WarningProblem {
  let raw: unknown;
  try { raw = parseYaml(text); } catch (err) {
    throw new ProblemError(`${fileName}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const where = (path: string) => `${fileName}: ${path}`;
  const obj = asObject(raw, where('the file'));
  const id = asString(obj.id, where('id'));
  const title = asString(obj.title, where('title'));
  if (!Array.isArray(obj.indicators) || !obj.indicators.length) throw new ProblemError(`${where('indicators')} must be a non-empty list`);
  const seen = new Set<string>();
  const indicators = obj.indicators.map((item, k) => {
    const at = `indicators[${k}]`;
    const ind = asObject(item, where(at));
    const indId = asString(ind.id, where(`${at}.id`));
    if (seen.has(indId)) throw new ProblemError(`${where(`${at}.id`)}: "${indId}" is used twice`);
    seen.add(indId);
    const weight = ind.weight === undefined ? 1 : asNumber(ind.weight, where(`${at}.weight`));
    if (weight <= 0) throw new ProblemError(`${where(`${at}.weight`)} must be positive`);
    const minSources = ind.minSources === undefined ? 2 : asNumber(ind.minSources, where(`${at}.minSources`));
    return { id: indId, title: ind.title === undefined ? indId : asString(ind.title, where(`${at}.title`)), query: parseQuery(ind.query, where(`${at}.query`)), minSources, weight };
  });
  const levels = obj.levels === undefined ? DEFAULT_LEVELS : parseLevels(obj.levels, where('levels'));
  const problem: WarningProblem = { id, title, indicators, levels };
  if (obj.description !== undefined) problem.description = asString(obj.description, where('description'));
  return problem;
}

export function parseQuery(raw: unknown, where: string): EventQuery {
  const q = asObject(raw, where);
  const known = new Set(['types', 'source', 'target', 'statuses', 'keywords', 'withinDays', 'minConfidence']);
  for (const k of Object.keys(q)) if (!known.has(k)) throw new ProblemError(`${where}: unknown field "${k}" (known: ${[...known].join(', ')})`);
  const out: EventQuery = {};
  if (q.types !== undefined) out.types = asStrings(q.types, `${where}.types`).map((t) => {
    const u = t.toUpperCase();
    if (!(PLOVER_TYPES as readonly string[]).includes(u)) throw new ProblemError(`${where}.types: "${t}" is not a PLOVER type (${PLOVER_TYPES.join(', ')})`);
    return u;
  });
  if (q.statuses !== undefined) out.statuses = asStrings(q.statuses, `${where}.statuses`).map((s) => {
    if (!(EVENT_STATUSES as readonly string[]).includes(s)) throw new ProblemError(`${where}.statuses: "${s}" is not one of ${EVENT_STATUSES.join(', ')}`);
    return s as TrackEvent['status'];
  });
  if (q.source !== undefined) out.source = asStrings(q.source, `${where}.source`).map((c) => c.toUpperCase());
  if (q.target !== undefined) out.target = asStrings(q.target, `${where}.target`).map((c) => c.toUpperCase());
  if (q.keywords !== undefined) out.keywords = asStrings(q.keywords, `${where}.keywords`);
  if (q.withinDays !== undefined) out.withinDays = asNumber(q.withinDays, `${where}.withinDays`);
  if (q.minConfidence !== undefined) out.minConfidence = asNumber(q.minConfidence, `${where}.minConfidence`);
  return out;
}

function parseLevels(raw: unknown, where: string): Level[] {
  if (!Array.isArray(raw) || !raw.length) throw new ProblemError(`${where} must be a non-empty list of {name, at}`);
  const levels = raw.map((l, k) => {
    const o = asObject(l, `${where}[${k}]`);
    return { name: asString(o.name, `${where}[${k}].name`), at: asNumber(o.at, `${where}[${k}].at`) };
  });
  for (let k = 1; k < levels.length; k++) if (levels[k].at <= levels[k - 1].at) throw new ProblemError(`${where}: thresholds must ascend`);
  return levels;
}

/** Evaluates every indicator on the events reported up to asOf and derives the warning level with its reasons. */
export function evaluateProblem(problem: WarningProblem, events: TrackEvent[], asOf: string): ProblemStatus {
  const indicators = problem.indicators.map((ind) => evaluateIndicator(ind, events, asOf));
  const total = problem.indicators.reduce((s, i) => s + i.weight, 0);
  const credit = (s: IndicatorState) => (s === 'corroborated' ? 1 : s === 'observed' ? 0.5 : 0);
  const score = Math.round((indicators.reduce((s, i) => s + i.weight * credit(i.state), 0) / total) * 1000) / 1000;
  const level = [...problem.levels].reverse().find((l) => score >= l.at)?.name ?? problem.levels[0].name;
  const reasons = indicators.filter((i) => i.state !== 'not observed')
    .sort((a, b) => b.weight * credit(b.state) - a.weight * credit(a.state))
    .map((i) => `${i.title}: ${i.state} (${i.sources} source${i.sources === 1 ? '' : 's'}${i.since ? ` since ${i.since}` : ''}, weight ${i.weight})`);
  if (!reasons.length) reasons.push('no indicator observed yet');
  return { id: problem.id, title: problem.title, asOf, score, level, reasons, indicators };
}

function evaluateIndicator(ind: Indicator, events: TrackEvent[], asOf: string): IndicatorStatus {
  const hits = events.filter(eventMatcher(ind.query, asOf)).sort((a, b) => a.docDate.localeCompare(b.docDate));
  const sources = new Set(hits.map((e) => e.sourceKey ?? e.docId)).size;
  const state: IndicatorState = sources >= ind.minSources ? 'corroborated' : sources > 0 ? 'observed' : 'not observed';
  const status: IndicatorStatus = {
    id: ind.id, title: ind.title, state, weight: ind.weight, sources,
    evidence: hits.map((e) => ({ eventId: e.id, docId: e.docId, docDate: e.docDate, status: e.status, ...(e.sentence ? { text: e.sentence.text, span: e.sentence.span } : {}) })),
  };
  if (hits.length) status.since = hits[0].docDate;
  return status;
}

function asObject(v: unknown, where: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new ProblemError(`${where} must be a mapping`);
  return v as Record<string, unknown>;
}
function asString(v: unknown, where: string): string {
  if (typeof v !== 'string' || !v.trim()) throw new ProblemError(`${where} must be a non-empty string`);
  return v;
}
function asNumber(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ProblemError(`${where} must be a number`);
  return v;
}
function asStrings(v: unknown, where: string): string[] {
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) throw new ProblemError(`${where} must be a string or a list of strings`);
  return list as string[];
}
