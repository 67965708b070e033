// Scale-out, consumer side: a worker claims document jobs from the archive's queue, extracts and stores them, and marks them done.
// Several workers (processes, machines) share one queue: the store hands each job to exactly one of them.
import type { Model } from '../nlp/model/types.js';
import type { Job, Storage } from '../store/types.js';
import { countOutcome, emptySummary, prepareDocument, type IngestSummary, type Outcome } from './ingest.js';
import { documentFromJob } from './queue.js';
import { ReadError } from './readers/types.js';

export interface WorkerOptions {
  storage: Storage;
  model: Model;
  workerId: string;
  /** jobs claimed at a time */
  batch?: number;
  /** a claimed job not finished within this time is given to another worker */
  leaseMs?: number;
  /** stop when the queue is empty instead of waiting for more */
  exitWhenIdle?: boolean;
  /** the longest wait between polls of an empty queue; waits start at a tenth of it and double */
  maxPollMs?: number;
  /** aborting lets the job in hand finish, then returns */
  signal?: AbortSignal;
  onOutcome?: (outcome: Outcome, job: Job) => void;
}

export interface WorkerSummary extends IngestSummary {
  jobs: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

/** Processes one job to its end state: done (stored, or a duplicate) or failed (with the reason). */
export async function processJob(job: Job, options: WorkerOptions): Promise<Outcome> {
  const { storage, model } = options;
  let name = `job ${job.id}`;
  try {
    const doc = documentFromJob(job);
    name = doc.name;
    const prepared = await prepareDocument(doc, model, storage);
    const outcome = 'outcome' in prepared ? prepared.outcome : { name, status: (await storage.ingest(prepared.input)).status };
    if ('failed' in outcome) await storage.fail(job.id, outcome.failed, { retry: false });
    else await storage.complete(job.id);
    return outcome;
  } catch (err) {
    // a bad payload will not get better; anything else (a lost connection, a lock) may, so the store may retry it
    const reason = err instanceof Error ? err.message : String(err);
    await storage.fail(job.id, reason, { retry: !(err instanceof ReadError) });
    return { name, failed: reason };
  }
}

/** Claims and processes jobs until aborted (or, with exitWhenIdle, until the queue is empty). */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const summary: WorkerSummary = { ...emptySummary(), jobs: 0 };
  const maxPoll = options.maxPollMs ?? 5000;
  let wait = maxPoll / 10;
  while (!options.signal?.aborted) {
    const jobs = await options.storage.claim(options.workerId, options.batch ?? 4, { leaseMs: options.leaseMs });
    if (!jobs.length) {
      if (options.exitWhenIdle) break;
      await sleep(wait, options.signal);
      wait = Math.min(wait * 2, maxPoll);
      continue;
    }
    wait = maxPoll / 10;
    for (const job of jobs) {
      if (options.signal?.aborted) {
        // hand back what this worker claimed but will not begin, rather than leave it until the lease runs out
        await options.storage.fail(job.id, `worker ${options.workerId} stopped before starting it`, { retry: true });
        continue;
      }
      const outcome = await processJob(job, options);
      summary.jobs++;
      countOutcome(summary, outcome);
      options.onOutcome?.(outcome, job);
    }
  }
  return summary;
}
