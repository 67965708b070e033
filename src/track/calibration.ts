// Source calibration: Brier and log scores per issuer over resolved forecasts, and a calibration table by likelihood band.
import type { TrackedForecast } from './forecasts.js';

export interface Band { from: number; to: number; count: number; meanP: number; observed: number }

export interface IssuerCalibration {
  issuer: string;
  /** resolved (confirmed or refuted) forecasts that carry a likelihood: these are scored */
  scored: number;
  brier?: number;
  /** mean negative log-likelihood of the outcomes (lower is better) */
  logScore?: number;
  /** resolved forecasts stated without a likelihood ("will"): reported apart, never scored as p = 1 */
  unscored: { resolved: number; confirmed: number };
  open: number;
  bands: Band[];
}

const BAND_EDGES = [0, 0.2, 0.4, 0.6, 0.8, 1.0000001];
/** log score clips p away from 0 and 1 so one confident miss is costly but finite */
const EPS = 0.01;

export function brierScore(pairs: { p: number; outcome: 0 | 1 }[]): number {
  return pairs.reduce((s, { p, outcome }) => s + (p - outcome) ** 2, 0) / pairs.length;
}

export function logScore(pairs: { p: number; outcome: 0 | 1 }[]): number {
  return pairs.reduce((s, { p, outcome }) => {
    const q = Math.min(1 - EPS, Math.max(EPS, p));
    return s - Math.log(outcome ? q : 1 - q);
  }, 0) / pairs.length;
}

export function calibrate(forecasts: TrackedForecast[]): IssuerCalibration[] {
  const byIssuer = new Map<string, TrackedForecast[]>();
  for (const f of forecasts) {
    const key = f.issuer ?? 'unattributed';
    byIssuer.set(key, [...(byIssuer.get(key) ?? []), f]);
  }
  const out: IssuerCalibration[] = [];
  for (const [issuer, list] of byIssuer) {
    const resolved = list.filter((f) => f.state === 'confirmed' || f.state === 'refuted');
    const pairs = resolved.filter((f) => f.likelihood).map((f) => ({ p: f.likelihood!.p, outcome: (f.state === 'confirmed' ? 1 : 0) as 0 | 1 }));
    const noP = resolved.filter((f) => !f.likelihood);
    const entry: IssuerCalibration = {
      issuer,
      scored: pairs.length,
      unscored: { resolved: noP.length, confirmed: noP.filter((f) => f.state === 'confirmed').length },
      open: list.filter((f) => f.state === 'open').length,
      bands: bands(pairs),
    };
    if (pairs.length) {
      entry.brier = round(brierScore(pairs));
      entry.logScore = round(logScore(pairs));
    }
    out.push(entry);
  }
  return out.sort((a, b) => b.scored - a.scored || a.issuer.localeCompare(b.issuer));
}

function bands(pairs: { p: number; outcome: 0 | 1 }[]): Band[] {
  const out: Band[] = [];
  for (let i = 0; i < BAND_EDGES.length - 1; i++) {
    const inBand = pairs.filter(({ p }) => p >= BAND_EDGES[i] && p < BAND_EDGES[i + 1]);
    if (!inBand.length) continue;
    out.push({
      from: BAND_EDGES[i], to: Math.min(1, BAND_EDGES[i + 1]), count: inBand.length,
      meanP: round(inBand.reduce((s, x) => s + x.p, 0) / inBand.length),
      observed: round(inBand.reduce((s, x) => s + x.outcome, 0) / inBand.length),
    });
  }
  return out;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;
