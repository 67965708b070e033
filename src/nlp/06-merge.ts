// Stage 6: event coreference inside one article: later reports of the same act fold into the first, which gains their details.
import type { EventDraft, PipelineState } from './types.js';

/** How many earlier events of the same kind a report is compared with; bounds the work on very long documents. */
const LOOKBACK = 32;

export function mergeEvents(state: PipelineState): void {
  const codeOf = new Map(state.actors.map((a) => [a.id, a.code]));
  const codes = (ids: string[]) => [...new Set(ids.map((id) => codeOf.get(id) ?? id))].sort().join('+');
  const kept: EventDraft[] = [];
  // only events of one status, type and source can corefer: bucket by that so long articles stay linear
  const buckets = new Map<string, EventDraft[]>();
  for (const e of state.events) {
    const key = `${e.status}|${e.type}|${codes(e.source)}`;
    const bucket = buckets.get(key) ?? [];
    let host: EventDraft | undefined;
    for (let k = bucket.length - 1; k >= Math.max(0, bucket.length - LOOKBACK) && !host; k--) if (sameAct(bucket[k], e, codes)) host = bucket[k];
    if (host) { absorb(host, e); continue; }
    bucket.push(e);
    buckets.set(key, bucket);
    kept.push(e);
  }
  state.events = kept;
}

function sameAct(a: EventDraft, b: EventDraft, codes: (ids: string[]) => string): boolean {
  if (a.status !== b.status || a.type !== b.type) return false;
  if (codes(a.source) !== codes(b.source)) return false;
  const ta = codes(a.target), tb = codes(b.target);
  if (ta && tb && ta !== tb) return false;
  // two reports of one act cannot disagree about when or how many
  if (a.when && b.when && (b.when.start > a.when.end || a.when.start > b.when.end)) return false;
  if (a.magnitude && b.magnitude && (b.magnitude.min > a.magnitude.max || a.magnitude.min > b.magnitude.max)) return false;
  if (a.sentence === b.sentence) return true;
  // across sentences only an anaphoric or detail-less report folds in ("the troop deployment", "these shipments")
  return !(a.when && b.when) && !(a.magnitude && b.magnitude);
}

function absorb(host: EventDraft, other: EventDraft): void {
  if (!host.target.length && other.target.length) host.target = other.target;
  host.when ??= other.when;
  host.magnitude ??= other.magnitude;
  host.where ??= other.where;
  // odds belong to predictions: an asserted or denied act takes none from another report
  if (host.status === 'forecast') host.likelihood ??= other.likelihood;
  host.attribution ??= other.attribution;
  if (!host.attribution?.actor && other.attribution?.actor) host.attribution = other.attribution;
  host.mode ??= other.mode;
  for (const c of other.context) if (!host.context.includes(c)) host.context.push(c);
  host.confidence = Math.min(1, Math.max(host.confidence, other.confidence) + 0.05);
  (host.corefs ??= []).push({ triggerFirst: other.triggerFirst, triggerEnd: other.triggerEnd, sentence: other.sentence }, ...(other.corefs ?? []));
}
