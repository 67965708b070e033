// Scale-out, producer side: documents are read here and queued as jobs in the archive's queue tables; workers extract them.
import type { DocumentMeta, Job, JobInput, Storage } from '../store/types.js';
import { normaliseText } from '../nlp/01-text.js';
import { contentHash } from './dedup.js';
import { ReadError, type SourceDocument, type SourceFailure, type SourceItem } from './readers/types.js';

/** The one job kind the ingest queues: a document already read, so that a worker needs no access to the sources. */
export const DOCUMENT_JOB = 'document';

export interface EnqueueSummary {
  queued: number;
  /** an identical document is already waiting in the queue */
  alreadyQueued: number;
  /** an identical document is already in the archive */
  duplicate: number;
  failed: SourceFailure[];
}

export function documentJob(doc: SourceDocument): JobInput {
  const payload: SourceDocument = { name: doc.name, text: doc.text, meta: doc.meta, ...(doc.id ? { id: doc.id } : {}) };
  // keyed by content, so that queueing a folder twice does not queue its documents twice
  return { kind: DOCUMENT_JOB, payload, key: contentHash(normaliseText(doc.text)) };
}

const isStringOrAbsent = (v: unknown) => v === undefined || typeof v === 'string';

/** The document a job carries; a ReadError when the payload is not one (a job written by something else, or corrupted). */
export function documentFromJob(job: Job): SourceDocument {
  if (job.kind !== DOCUMENT_JOB) throw new ReadError(`job ${job.id}: unknown kind "${job.kind}"`);
  const p = job.payload as Partial<SourceDocument> | null;
  if (!p || typeof p !== 'object' || typeof p.text !== 'string' || typeof p.name !== 'string' || !isStringOrAbsent(p.id)) {
    throw new ReadError(`job ${job.id}: the payload is not a document`);
  }
  const meta = (p.meta && typeof p.meta === 'object' ? p.meta : {}) as DocumentMeta;
  return { name: p.name, text: p.text, meta, ...(p.id ? { id: p.id } : {}) };
}

/** Queues documents in batches; documents already archived are counted and not queued. */
export class Enqueuer {
  readonly summary: EnqueueSummary = { queued: 0, alreadyQueued: 0, duplicate: 0, failed: [] };
  private batch: JobInput[] = [];

  /** `onItem` is told of every document read, with the reason when it could not be read */
  constructor(private readonly storage: Storage, private readonly batchSize = 100, private readonly onItem?: (name: string, failure?: string) => void) {}

  async add(item: SourceItem): Promise<void> {
    if ('failure' in item) {
      this.summary.failed.push(item.failure);
      this.onItem?.(item.failure.name, item.failure.reason);
      return;
    }
    const job = documentJob(item.doc);
    if (await this.storage.hasContentHash(job.key!)) {
      this.summary.duplicate++;
      this.onItem?.(item.doc.name);
      return;
    }
    this.batch.push(job);
    this.onItem?.(item.doc.name);
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.batch.length) return;
    const ids = await this.storage.enqueue(this.batch);
    this.summary.queued += ids.length;
    this.summary.alreadyQueued += this.batch.length - ids.length;
    this.batch = [];
  }
}

export function formatEnqueueSummary(s: EnqueueSummary): string {
  const lines = [`${s.queued} queued, ${s.alreadyQueued} already queued, ${s.duplicate} already archived, ${s.failed.length} failed`];
  for (const f of s.failed) lines.push(`  failed: ${f.name}: ${f.reason}`);
  return lines.join('\n');
}
