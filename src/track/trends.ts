// Weekly cooperation/conflict series per dyad (PLOVER scores) and a spike detector over a trailing baseline.
import { COOPERATION_SCORE, isPloverType } from '../core/plover.js';
import type { TrackEvent } from './forecasts.js';

export interface WeekPoint {
  /** the Monday that starts the ISO week, YYYY-MM-DD */
  week: string;
  events: number;
  /** sum of positive scores (cooperative acts) */
  cooperation: number;
  /** sum of negative scores (conflictual acts), as a negative number */
  conflict: number;
  /** net score */
  net: number;
}

export interface DyadSeries { source: string; target: string; total: number; points: WeekPoint[] }

export interface Spike { source: string; target: string; week: string; events: number; baselineMean: number; baselineSd: number }

export interface SpikeOptions { baselineWeeks?: number; sigmas?: number; minEvents?: number }

const DAY = 86_400_000;

export function weekOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday 0
  return new Date(t - dow * DAY).toISOString().slice(0, 10);
}

/** Asserted events only: forecasts and denials are not acts that happened. Weeks with nothing are filled with zeros. */
export function weeklySeries(events: TrackEvent[], options: { from?: string; to?: string } = {}): DyadSeries[] {
  const byDyad = new Map<string, Map<string, WeekPoint>>();
  for (const e of events) {
    if (e.status !== 'asserted' || !isPloverType(e.type)) continue;
    const day = e.date ?? e.docDate;
    if ((options.from && day < options.from) || (options.to && day > options.to)) continue;
    const score = COOPERATION_SCORE[e.type];
    for (const s of e.sourceCodes) for (const t of e.targetCodes.length ? e.targetCodes : ['---']) {
      if (s === t) continue;
      const key = `${s}>${t}`;
      const weeks = byDyad.get(key) ?? new Map<string, WeekPoint>();
      byDyad.set(key, weeks);
      const w = weekOf(day);
      const p = weeks.get(w) ?? { week: w, events: 0, cooperation: 0, conflict: 0, net: 0 };
      weeks.set(w, p);
      p.events++;
      p.net += score;
      if (score > 0) p.cooperation += score; else p.conflict += score;
    }
  }
  const out: DyadSeries[] = [];
  for (const [key, weeks] of byDyad) {
    const [source, target] = key.split('>');
    const sorted = [...weeks.keys()].sort();
    const points: WeekPoint[] = [];
    for (let t = Date.parse(sorted[0]), end = Date.parse(sorted[sorted.length - 1]); t <= end; t += 7 * DAY) {
      const w = new Date(t).toISOString().slice(0, 10);
      points.push(weeks.get(w) ?? { week: w, events: 0, cooperation: 0, conflict: 0, net: 0 });
    }
    out.push({ source, target, total: points.reduce((s, p) => s + p.events, 0), points });
  }
  return out.sort((a, b) => b.total - a.total || `${a.source}>${a.target}`.localeCompare(`${b.source}>${b.target}`));
}

/** A week whose event count exceeds the trailing baseline's mean by `sigmas` standard deviations (and a floor of minEvents). */
export function detectSpikes(series: DyadSeries[], options: SpikeOptions = {}): Spike[] {
  const baselineWeeks = options.baselineWeeks ?? 12, sigmas = options.sigmas ?? 3, minEvents = options.minEvents ?? 3;
  const spikes: Spike[] = [];
  for (const s of series) {
    for (let i = 1; i < s.points.length; i++) {
      const base = s.points.slice(Math.max(0, i - baselineWeeks), i).map((p) => p.events);
      while (base.length < baselineWeeks) base.unshift(0); // weeks before the first report had none
      const mean = base.reduce((a, b) => a + b, 0) / base.length;
      const sd = Math.sqrt(base.reduce((a, b) => a + (b - mean) ** 2, 0) / base.length);
      const n = s.points[i].events;
      if (n >= minEvents && n > mean + sigmas * sd) {
        spikes.push({ source: s.source, target: s.target, week: s.points[i].week, events: n, baselineMean: round(mean), baselineSd: round(sd) });
      }
    }
  }
  return spikes;
}

const round = (x: number) => Math.round(x * 100) / 100;
