// Turns an extraction record's events into the tracker's plain events (codes resolved, sentence text attached).
import type { ExtractionRecord } from '../core/record.js';
import type { TrackEvent } from './forecasts.js';

export interface RecordContext {
  /** the archive's id for the document (defaults to the record's own id) */
  docId?: string;
  /** the document text the record's spans index into */
  text: string;
  /** what makes reports independent (story id or outlet); defaults to the document */
  sourceKey?: string;
}

export function trackEventsOf(record: ExtractionRecord, ctx: RecordContext): TrackEvent[] {
  const codeOf = new Map(record.actors.map((a) => [a.id, a.code]));
  // the issuer keeps its sector, as the archive stores it: the NIS (KOR-SPY) keeps its own track record apart from Seoul's government
  const issuerOf = new Map(record.actors.map((a) => [a.id, a.sector ? `${a.code}-${a.sector}` : a.code]));
  const codes = (ids: string[]) => [...new Set(ids.map((id) => codeOf.get(id)).filter((c): c is string => !!c))];
  const docId = ctx.docId ?? record.document.id;
  const docDate = record.document.published ?? record.document.referenceDate;
  return record.events.map((e) => {
    const t: TrackEvent = {
      id: `${docId}#${e.id}`, docId, docDate, type: e.type, status: e.status,
      sourceCodes: codes(e.source), targetCodes: codes(e.target),
      sentence: { span: e.sentence.span, text: ctx.text.slice(e.sentence.span[0], e.sentence.span[1]) },
      date: e.when?.start ?? docDate, confidence: e.confidence,
    };
    const issuer = e.attribution?.actor ? issuerOf.get(e.attribution.actor) : undefined;
    if (issuer) t.issuer = issuer;
    if (ctx.sourceKey) t.sourceKey = ctx.sourceKey;
    if (e.likelihood) { t.likelihood = e.likelihood.p; t.likelihoodCue = e.likelihood.cue; }
    if (e.when) { t.windowStart = e.when.start; t.windowEnd = e.when.end; t.windowText = e.when.text; }
    if (e.magnitude) { t.magnitudeMin = e.magnitude.min; t.magnitudeMax = e.magnitude.max; if (e.magnitude.unit) t.magnitudeUnit = e.magnitude.unit; }
    return t;
  });
}
