// What readers hand to the ingest: documents to extract, or named failures to report, never exceptions that stop a batch.
import type { DocumentMeta } from '../../store/types.js';

/** A document read from a source, before extraction. */
export interface SourceDocument {
  /** names the document in progress lines and failure reports: a path, a url, "feed.xml#3", "file.jsonl:12" */
  name: string;
  text: string;
  meta: DocumentMeta;
  /** the id the source gives the document (a JSON article's "id"); the extraction record keeps it */
  id?: string;
}

export interface SourceFailure {
  name: string;
  reason: string;
}

export type SourceItem = { doc: SourceDocument } | { failure: SourceFailure };

/** A source that cannot be read at all; the message says why, for the report. */
export class ReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadError';
  }
}

export interface ReadLimits {
  /** the largest file or download accepted, in bytes */
  maxBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 10 * 1024 * 1024 };
