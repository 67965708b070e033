// The dashboard's palette: event status, warning level, forecast state, and the cooperation-to-conflict scale of the network and map.
export const STATUS_COLOR: Record<string, string> = { asserted: '#4c9aff', forecast: '#f5a524', hypothetical: '#b18cff', negated: '#8a94a6' };
export const STATE_COLOR: Record<string, string> = { open: '#4c9aff', confirmed: '#2fbf71', refuted: '#ef5350', expired: '#8a94a6', withdrawn: '#6b7280' };
export const LEVEL_COLOR: Record<string, string> = { low: '#2fbf71', guarded: '#9ccc3c', elevated: '#f5c524', high: '#fb8c3c', critical: '#ef4444' };
export const INDICATOR_COLOR: Record<string, string> = { 'not observed': '#3a4660', observed: '#f5a524', corroborated: '#ef5350' };

const CONFLICT: [number, number, number] = [239, 83, 80];
const NEUTRAL: [number, number, number] = [138, 148, 166];
const COOPERATION: [number, number, number] = [45, 212, 191];

/** -10 (conflict, red) through 0 (grey) to +10 (cooperation, teal). */
export function scoreColor(score: number): string {
  const t = Math.max(-1, Math.min(1, score / 10));
  const [from, to, k] = t < 0 ? [NEUTRAL, CONFLICT, -t] : [NEUTRAL, COOPERATION, t];
  const mix = from.map((c, i) => Math.round(c + (to[i] - c) * Math.sqrt(k)));
  return `rgb(${mix.join(',')})`;
}

export const levelColor = (level: string): string => LEVEL_COLOR[level] ?? '#8a94a6';
