// What every export format takes and gives: stored documents in, text chunks out, so that an archive of any size streams.
import type { ExtractionRecord, RecordActor, RecordEvent } from '../core/record.js';

/** The part of a stored document that exports read (a StoredDocument of src/store fits it). */
export interface ExportDocument {
  /** the archive's document id */
  id: string;
  /** ISO timestamp of when the document entered the archive */
  addedAt?: string;
  record: ExtractionRecord;
}

/** One export format: text before the first document, the text for each document, text after the last. */
export interface Exporter {
  begin(): string;
  document(doc: ExportDocument): string;
  end(): string;
}

export const EXPORT_FORMATS = ['jsonl', 'csv', 'plover', 'gdelt', 'stix'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An actor as "PRK-MIL" (country, then sector when known), the form the archive's filters accept. */
export function actorCode(actor: RecordActor): string {
  return actor.sector ? `${actor.code}-${actor.sector}` : actor.code;
}

/** The actors named by ids, skipping ids that the record does not define. */
export function actorsOf(ids: readonly string[], byId: ReadonlyMap<string, RecordActor>): RecordActor[] {
  return ids.map((id) => byId.get(id)).filter((a): a is RecordActor => a !== undefined);
}

/** The day an event is placed at: its own start day when the text reports it as done, else the document's date
 *  (a forecast, a threat or an intent is an act of the day it was said). */
export function eventDay(event: RecordEvent, referenceDate: string): string {
  return event.status === 'asserted' && event.when ? event.when.start : referenceDate;
}
