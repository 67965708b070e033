// Stage 7: assemble the extraction record: actor and event ids, spans, and only the actors that the record uses or names.
import type { DocumentInput, ExtractionRecord, RecordActor, RecordDocument, RecordEvent, Span } from '../core/record.js';
import type { PipelineState } from './types.js';

export function toRecord(state: PipelineState, document: RecordDocument): ExtractionRecord {
  const actors: RecordActor[] = state.actors.map((a) => {
    const out: RecordActor = { id: a.id, text: a.text, mentions: a.mentions.map((m) => [m.start, m.end] as Span), kind: a.kind, code: a.code };
    if (a.sector) out.sector = a.sector;
    if (a.name) out.name = a.name;
    if (a.org) out.org = a.org;
    if (a.title) out.title = a.title;
    return out;
  });
  const { tokens, sentences, text } = state;
  const triggerAt = (first: number, endToken: number, sentence: number) => {
    const start = tokens[first].start, end = tokens[endToken - 1].end, s = sentences[sentence];
    return { trigger: { text: text.slice(start, end), span: [start, end] as Span }, sentence: { index: s.index, span: [s.start, s.end] as Span } };
  };
  const events: RecordEvent[] = state.events.map((e, k) => {
    const { trigger, sentence } = triggerAt(e.triggerFirst, e.triggerEnd, e.sentence);
    const out: RecordEvent = {
      id: `e${k + 1}`,
      type: e.type,
      context: e.context,
      source: e.source,
      target: e.target,
      status: e.status,
      trigger,
      sentence,
      confidence: Math.round(Math.max(0, Math.min(1, e.confidence)) * 100) / 100,
    };
    if (e.mode) out.mode = e.mode;
    if (e.attribution) out.attribution = e.attribution;
    if (e.likelihood) out.likelihood = e.likelihood;
    if (e.when) out.when = e.when;
    if (e.where) out.where = e.where;
    if (e.magnitude) out.magnitude = e.magnitude;
    if (e.why?.length) out.why = e.why;
    if (e.corefs?.length) out.reports = e.corefs.map((c) => triggerAt(c.triggerFirst, c.triggerEnd, c.sentence));
    return out;
  });
  return { version: 1, document, actors, events };
}

export function recordDocument(input: DocumentInput, id: string, referenceDate: string, referenceAssumed: boolean): RecordDocument {
  const doc: RecordDocument = { id, referenceDate, referenceAssumed, language: 'en' };
  if (input.title) doc.title = input.title;
  if (input.published) doc.published = input.published;
  if (input.source) doc.source = input.source;
  if (input.url) doc.url = input.url;
  // keep the contract's field order stable: id, title, published, referenceDate, ...
  return { id: doc.id, ...(doc.title ? { title: doc.title } : {}), ...(doc.published ? { published: doc.published } : {}), referenceDate, referenceAssumed, ...(doc.source ? { source: doc.source } : {}), ...(doc.url ? { url: doc.url } : {}), language: 'en' };
}
