// CSV export (RFC 4180): one row per event, with its actors, status, attribution, window, likelihood, magnitude and spans.
import type { RecordEvent } from '../core/record.js';
import { actorIndex } from './fold.js';
import { actorCode, actorsOf, type ExportDocument, type Exporter } from './types.js';

export const CSV_COLUMNS = [
  'doc_id', 'doc_title', 'doc_published', 'doc_reference_date', 'doc_url',
  'event_id', 'type', 'mode', 'context', 'status',
  'source_codes', 'source_texts', 'target_codes', 'target_texts',
  'attribution_code', 'attribution_text', 'attribution_cue',
  'likelihood_p', 'likelihood_cue',
  'window_start', 'window_end', 'window_text',
  'magnitude_min', 'magnitude_max', 'magnitude_unit', 'magnitude_text',
  'place_code', 'place_text', 'place_lat', 'place_lon',
  'trigger', 'trigger_start', 'trigger_end', 'sentence_index', 'sentence_start', 'sentence_end', 'confidence',
] as const;

type Cell = string | number | undefined;

/** Quotes a field when it holds a comma, quote or line break; doubles embedded quotes. */
export function csvField(value: Cell): string {
  if (value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Several values in one cell, in the order of the record. */
const list = (values: readonly (string | undefined)[]): string => values.map((v) => v ?? '').join(';');

export function eventRow(doc: ExportDocument, event: RecordEvent, byId = actorIndex(doc.record.actors)): Cell[] {
  const d = doc.record.document;
  const sources = actorsOf(event.source, byId), targets = actorsOf(event.target, byId);
  const attributed = event.attribution?.actor !== undefined ? byId.get(event.attribution.actor) : undefined;
  const { attribution: a, likelihood: l, when: w, magnitude: m, where: p } = event;
  return [
    doc.id, d.title, d.published, d.referenceDate, d.url,
    event.id, event.type, event.mode, list(event.context), event.status,
    list(sources.map(actorCode)), list(sources.map((x) => x.text)), list(targets.map(actorCode)), list(targets.map((x) => x.text)),
    attributed && actorCode(attributed), a?.text ?? attributed?.text, a?.cue,
    l?.p, l?.cue,
    w?.start, w?.end, w?.text,
    m?.min, m?.max, m?.unit, m?.text,
    p?.code, p?.text, p?.lat, p?.lon,
    event.trigger.text, event.trigger.span[0], event.trigger.span[1], event.sentence.index, event.sentence.span[0], event.sentence.span[1], event.confidence,
  ];
}

export function csvExporter(): Exporter {
  return {
    begin: () => csvLine(CSV_COLUMNS),
    document(doc) {
      const byId = actorIndex(doc.record.actors);
      return doc.record.events.map((e) => csvLine(eventRow(doc, e, byId))).join('');
    },
    end: () => '',
  };
}
