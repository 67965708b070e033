// The batch ingest: each document is read, extracted (the model loaded once by the caller) and stored through the Storage interface;
// a document that fails is reported by name and the batch goes on.
import type { ExtractionRecord } from '../core/record.js';
import { normaliseText } from '../nlp/01-text.js';
import type { Model } from '../nlp/model/types.js';
import { extract, InputError } from '../nlp/pipeline.js';
import { StoreError, type IngestInput, type IngestStatus, type Storage } from '../store/types.js';
import { fingerprint } from './dedup.js';
import type { SourceDocument, SourceFailure, SourceItem } from './readers/types.js';

/** What became of one document. */
export type Outcome = { name: string; status: IngestStatus } | { name: string; failed: string };

/** Counts of a run, and every failure with its reason. */
export interface IngestSummary {
  new: number;
  duplicate: number;
  nearDuplicate: number;
  failed: SourceFailure[];
}

export const emptySummary = (): IngestSummary => ({ new: 0, duplicate: 0, nearDuplicate: 0, failed: [] });

export function countOutcome(summary: IngestSummary, outcome: Outcome): void {
  if ('failed' in outcome) summary.failed.push({ name: outcome.name, reason: outcome.failed });
  else if (outcome.status === 'new') summary.new++;
  else if (outcome.status === 'duplicate') summary.duplicate++;
  else summary.nearDuplicate++;
}

export type Prepared = { input: IngestInput } | { outcome: Outcome };

/**
 * Extracts one document, ready to store; an exact copy of an archived document is recognised by its hash before extraction.
 * Problems with the document become a failed outcome; only a broken store throws.
 */
export async function prepareDocument(doc: SourceDocument, model: Model, storage: Storage): Promise<Prepared> {
  // the store keeps the text the extractor saw, so that the record's spans index into it
  const text = normaliseText(doc.text);
  const fp = fingerprint(text);
  if (await storage.hasContentHash(fp.contentHash)) return { outcome: { name: doc.name, status: 'duplicate' } };
  let record: ExtractionRecord;
  try {
    record = extract({ id: doc.id, text, title: doc.meta.title, published: doc.meta.published, source: doc.meta.source, url: doc.meta.url }, model);
  } catch (err) {
    const reason = err instanceof InputError ? err.message : `the extractor failed: ${err instanceof Error ? err.message : String(err)}`;
    return { outcome: { name: doc.name, failed: reason } };
  }
  return { input: { meta: doc.meta, text, fingerprint: fp, record } };
}

export interface IngesterOptions {
  storage: Storage;
  model: Model;
  /** documents per transaction; a crash loses at most the batch in flight, never part of a document */
  batchSize?: number;
  /** told of each document as its outcome is known */
  onOutcome?: (outcome: Outcome) => void;
}

/** Collects extracted documents and stores them a batch per transaction. */
export class Ingester {
  readonly summary = emptySummary();
  private batch: { name: string; input: IngestInput }[] = [];
  private readonly batchSize: number;

  constructor(private readonly options: IngesterOptions) {
    this.batchSize = Math.max(1, options.batchSize ?? 16);
  }

  async add(item: SourceItem): Promise<void> {
    if ('failure' in item) return this.record({ name: item.failure.name, failed: item.failure.reason });
    const prepared = await prepareDocument(item.doc, this.options.model, this.options.storage);
    if ('outcome' in prepared) return this.record(prepared.outcome);
    this.batch.push({ name: item.doc.name, input: prepared.input });
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  /** Stores the pending batch in one transaction; if the batch is refused, stores its documents one by one to find the culprit. */
  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    if (!batch.length) return;
    const { storage } = this.options;
    try {
      const results = await storage.ingestMany(batch.map((b) => b.input));
      results.forEach((r, i) => this.record({ name: batch[i].name, status: r.status }));
      return;
    } catch (err) {
      if (isStoreDown(err)) throw err;
    }
    for (const b of batch) {
      try {
        this.record({ name: b.name, status: (await storage.ingest(b.input)).status });
      } catch (err) {
        if (isStoreDown(err)) throw err;
        this.record({ name: b.name, failed: `not stored: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
  }

  private record(outcome: Outcome): void {
    countOutcome(this.summary, outcome);
    this.options.onOutcome?.(outcome);
  }
}

/** A store that cannot be reached or read stops the run; nothing after it could be stored either. */
function isStoreDown(err: unknown): boolean {
  return err instanceof StoreError && (err.code === 'unreachable' || err.code === 'unreadable' || err.code === 'bad-url');
}

/** Ingests every item and returns the summary. */
export async function ingestItems(items: AsyncIterable<SourceItem> | Iterable<SourceItem>, options: IngesterOptions): Promise<IngestSummary> {
  const ingester = new Ingester(options);
  for await (const item of items) await ingester.add(item);
  await ingester.flush();
  return ingester.summary;
}

/** The summary as lines for the terminal. */
export function formatSummary(s: IngestSummary): string {
  const lines = [`${s.new} new, ${s.duplicate} duplicate, ${s.nearDuplicate} near-duplicate, ${s.failed.length} failed`];
  for (const f of s.failed) lines.push(`  failed: ${f.name}: ${f.reason}`);
  return lines.join('\n');
}
