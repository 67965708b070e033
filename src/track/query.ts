// Event queries shared by warning-problem indicators and watch rules: which stored events a rule speaks of.
import { coversCode } from '../core/countries.js';
import type { TrackEvent } from './forecasts.js';

export interface EventQuery {
  /** PLOVER types; any when empty */
  types?: string[];
  /** actor codes on the source side ("PRK"); any when empty */
  source?: string[];
  target?: string[];
  statuses?: TrackEvent['status'][];
  /** words of which at least one must occur in the event's sentence (case-insensitive, whole words) */
  keywords?: string[];
  /** only events whose act date (or report date) lies within this many days before the evaluation day */
  withinDays?: number;
  /** only events at or above this extractor confidence */
  minConfidence?: number;
}

const hasAny = (wanted: string[] | undefined, got: string[]): boolean => !wanted?.length || wanted.some((w) => got.some((c) => coversCode(w, c)));

function compileKeywords(words: string[] | undefined): RegExp | null {
  if (!words?.length) return null;
  const escaped = words.map((w) => w.trim()).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return escaped.length ? new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'i') : null;
}

/** A compiled query: the keyword pattern is built once, not per event. */
export function eventMatcher(q: EventQuery, asOf?: string): (e: TrackEvent) => boolean {
  const keywords = compileKeywords(q.keywords);
  const earliest = asOf && q.withinDays !== undefined ? new Date(Date.parse(asOf) - q.withinDays * 86_400_000).toISOString().slice(0, 10) : undefined;
  return (e) => {
    if (q.types?.length && !q.types.includes(e.type)) return false;
    if (q.statuses?.length && !q.statuses.includes(e.status)) return false;
    if (!hasAny(q.source, e.sourceCodes) || !hasAny(q.target, e.targetCodes)) return false;
    if (q.minConfidence !== undefined && (e.confidence ?? 0) < q.minConfidence) return false;
    if (keywords && !keywords.test(e.sentence?.text ?? '')) return false;
    if (asOf && e.docDate > asOf) return false;
    if (earliest && e.docDate < earliest) return false;
    return true;
  };
}
