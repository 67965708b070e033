// `watchfloor ingest`, `watchfloor worker` and `watchfloor export`: parse flags, call the ingest and export layers, print.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { archivedDocuments, createExporter, exportChunks, EXPORT_FORMATS, isExportFormat } from '../export/index.js';
import { formatSummary, Ingester, type Outcome } from '../ingest/ingest.js';
import { Enqueuer, formatEnqueueSummary } from '../ingest/queue.js';
import { DEFAULT_READ_OPTIONS, estimateDocuments, readInput, type ReadOptions } from '../ingest/readers/sources.js';
import type { SourceItem } from '../ingest/readers/types.js';
import { clampInterval, watchInputs } from '../ingest/watch.js';
import { runWorker } from '../ingest/worker.js';
import { loadModel } from '../nlp/model/load.js';
import { openStore, resolveDbUrl } from '../store/index.js';
import type { Storage } from '../store/types.js';
import { createProgress, type Progress } from './ingest-progress.js';

interface IngestFlags {
  db?: string; queue?: boolean; watch?: boolean; interval: number; feedInterval: number; batch: number;
  maxSize: number; timeout: number; maxRedirects: number; quiet?: boolean;
}
interface WorkerFlags { db?: string; batch: number; id?: string; lease: number; exitWhenIdle?: boolean; quiet?: boolean; processes: number }
interface ExportFlags { db?: string; format: string; out?: string }

function positive(what: string, integer = false, zeroAllowed = false) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || (n === 0 && !zeroAllowed) || (integer && !Number.isInteger(n))) {
      throw new InvalidArgumentError(`${what} must be a ${zeroAllowed ? 'non-negative' : 'positive'} ${integer ? 'whole ' : ''}number`);
    }
    return n;
  };
}

/** Ctrl-C (or SIGTERM) aborts the signal so that the work in hand finishes and the store closes; a second Ctrl-C exits at once. */
function stopOnSignal(): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nstopping after the document in hand (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { signal: controller.signal, release: () => { process.off('SIGINT', onSignal); process.off('SIGTERM', onSignal); } };
}

function describe(outcome: Outcome): string {
  return 'failed' in outcome ? `failed: ${outcome.name}: ${outcome.failed}` : `${outcome.status}: ${outcome.name}`;
}

async function withStore<T>(dbFlag: string | undefined, run: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStore(resolveDbUrl(dbFlag));
  try {
    return await run(storage);
  } finally {
    await storage.close();
  }
}

export function registerIngestCommands(program: Command): void {
  program
    .command('ingest <inputs...>')
    .description('read files, folders (recursively), feeds and URLs; extract each document and store it in the archive')
    .option('--db <url>', 'the archive: a SQLite file or postgres://... (default: WATCHFLOOR_DB, else ./watchfloor.db)')
    .option('--queue', 'queue the documents as jobs for `watchfloor worker` instead of extracting them here')
    .option('--watch', 'keep watching the folders and feeds, ingesting what appears, until Ctrl-C')
    .option('--interval <seconds>', 'with --watch: how often folders are scanned', positive('--interval'), 2)
    .option('--feed-interval <seconds>', 'with --watch: how often feeds are fetched again', positive('--feed-interval'), 300)
    .option('--batch <n>', 'documents stored per transaction', positive('--batch', true), 16)
    .option('--max-size <bytes>', 'the largest file or download read', positive('--max-size', true), DEFAULT_READ_OPTIONS.limits.maxBytes)
    .option('--timeout <seconds>', 'the longest wait for one URL', positive('--timeout'), DEFAULT_READ_OPTIONS.fetch.timeoutMs / 1000)
    .option('--max-redirects <n>', 'redirects followed per URL', positive('--max-redirects', true, true), DEFAULT_READ_OPTIONS.fetch.maxRedirects)
    .option('--quiet', 'no progress, only the summary')
    .action(async (inputs: string[], flags: IngestFlags) => {
      const read: ReadOptions = {
        limits: { maxBytes: flags.maxSize },
        fetch: { timeoutMs: flags.timeout * 1000, maxBytes: flags.maxSize, maxRedirects: flags.maxRedirects },
      };
      const failed = await withStore(flags.db, (storage) => (flags.queue ? enqueueInputs(inputs, flags, read, storage) : ingestInputs(inputs, flags, read, storage)));
      if (failed && !process.exitCode) process.exitCode = 1;
    });

  program
    .command('worker')
    .description('take document jobs queued by `ingest --queue` and extract them into the archive; run several for parallel extraction')
    .option('--db <url>', 'the archive holding the queue, usually postgres://... (default: WATCHFLOOR_DB, else ./watchfloor.db)')
    .option('--batch <n>', 'jobs claimed at a time', positive('--batch', true), 4)
    .option('--id <name>', 'this worker\'s name in the queue (default: host and process id)')
    .option('--lease <seconds>', 'after this long a claimed job is presumed lost and given to another worker', positive('--lease'), 600)
    .option('--exit-when-idle', 'stop when the queue is empty instead of waiting for more')
    .option('--quiet', 'no line per job, only the summary')
    .option('--processes <n>', 'run this many workers side by side (extraction is CPU-bound: one per core)', positive('--processes', true), 1)
    .action(async (flags: WorkerFlags) => {
      const workerId = flags.id ?? `${os.hostname()}:${process.pid}`;
      const helpers = startHelperWorkers(flags.processes - 1, workerId);
      const model = loadModel();
      const { signal, release } = stopOnSignal();
      const summary = await withStore(flags.db, (storage) => runWorker({
        storage, model, workerId, signal, batch: flags.batch, leaseMs: flags.lease * 1000, exitWhenIdle: flags.exitWhenIdle,
        onOutcome: flags.quiet ? undefined : (outcome, job) => process.stderr.write(`[${workerId}] job ${job.id} ${describe(outcome)}\n`),
      })).finally(release);
      process.stdout.write(`worker ${workerId}: ${summary.jobs} jobs; ${formatSummary(summary)}\n`);
      const helperCodes = await Promise.all(helpers);
      if (summary.failed.length || helperCodes.some((code) => code !== 0)) process.exitCode = 1;
    });

  program
    .command('export')
    .description(`write the archive's records as ${EXPORT_FORMATS.join(', ')}`)
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--db <url>', 'the archive (default: WATCHFLOOR_DB, else ./watchfloor.db)')
    .action(async (flags: ExportFlags) => {
      const format = flags.format;
      if (!isExportFormat(format)) throw new Error(`unknown export format "${format}": use one of ${EXPORT_FORMATS.join(', ')}`);
      await withStore(flags.db, async (storage) => {
        const chunks = Readable.from(exportChunks(archivedDocuments(storage), createExporter(format)));
        if (!flags.out) return pipeline(chunks, process.stdout);
        // written beside the target and renamed at the end, so that an interrupted export never looks complete
        const partial = `${flags.out}.partial`;
        await pipeline(chunks, fs.createWriteStream(partial));
        fs.renameSync(partial, flags.out);
      });
    });
}

/** Starts n more worker processes with this one's flags (and ids "<id>/1", "<id>/2" ...); resolves to their exit codes.
 *  They share the terminal, so Ctrl-C reaches each of them. */
function startHelperWorkers(n: number, workerId: string): Promise<number | null>[] {
  const dropFlag = (argv: string[], flag: string) => argv.filter((a, i) => a !== flag && argv[i - 1] !== flag && !a.startsWith(`${flag}=`));
  const forwarded = dropFlag(dropFlag(process.argv.slice(2), '--processes'), '--id');
  return Array.from({ length: Math.max(0, n) }, (_, k) => {
    const child = spawn(process.execPath, [process.argv[1], ...forwarded, '--id', `${workerId}/${k + 1}`], { stdio: 'inherit' });
    return new Promise<number | null>((resolve) => child.on('close', resolve));
  });
}

/** Extracts and stores every document; returns whether any failed. */
async function ingestInputs(inputs: string[], flags: IngestFlags, read: ReadOptions, storage: Storage): Promise<boolean> {
  const model = loadModel();
  let progress: Progress | undefined;
  const ingester = new Ingester({
    storage, model, batchSize: flags.batch,
    onOutcome(outcome) {
      if (flags.watch) process.stderr.write(`${describe(outcome)}\n`);
      else progress?.tick(outcome.name);
      if ('failed' in outcome && !flags.watch) progress?.log(describe(outcome));
    },
  });
  const signal = await feed(inputs, flags, read, ingester, (total) => (progress = createProgress('ingest', total)), () => progress?.stop());
  process.stdout.write(`${formatSummary(ingester.summary)}${interrupted(signal, flags.watch)}\n`);
  return ingester.summary.failed.length > 0;
}

/**
 * Hands every document of the inputs to a sink (the ingester or the queue) until Ctrl-C: read once with a progress
 * bar, or with --watch scanned again and again, the sink flushed after each pass. Returns the stop signal.
 */
async function feed(inputs: string[], flags: IngestFlags, read: ReadOptions, sink: { add(item: SourceItem): Promise<void>; flush(): Promise<void> },
  startProgress: (total: number) => void, stopProgress: () => void): Promise<AbortSignal> {
  const { signal, release } = stopOnSignal();
  try {
    if (flags.watch) {
      await watchInputs({
        inputs, read, signal, onItem: (item) => sink.add(item), onPassEnd: () => sink.flush(),
        folderIntervalMs: clampInterval(flags.interval * 1000), feedIntervalMs: clampInterval(flags.feedInterval * 1000),
        onNotice: (m) => process.stderr.write(`${m}\n`),
      });
      await sink.flush();
    } else {
      if (!flags.quiet) startProgress(await estimateDocuments(inputs));
      try {
        for await (const item of readAll(inputs, read, signal)) await sink.add(item);
        await sink.flush();
      } finally {
        stopProgress();
      }
    }
  } finally {
    release();
  }
  return signal;
}

/** The documents of every input in turn, until the signal aborts. */
async function* readAll(inputs: string[], read: ReadOptions, signal: AbortSignal): AsyncGenerator<SourceItem> {
  for (const input of inputs) {
    for await (const item of readInput(input, read)) {
      if (signal.aborted) return;
      yield item;
    }
  }
}

/** A note on the summary of a batch cut short by Ctrl-C (stopping a watch is its normal end), which also sets exit code 130. */
function interrupted(signal: AbortSignal, watching = false): string {
  if (!signal.aborted || watching) return '';
  process.exitCode = 130;
  return ' (interrupted: the documents not yet read were left for the next run)';
}

/** Reads every document and queues it for the workers; returns whether any failed to read. */
async function enqueueInputs(inputs: string[], flags: IngestFlags, read: ReadOptions, storage: Storage): Promise<boolean> {
  let progress: Progress | undefined;
  const enqueuer = new Enqueuer(storage, flags.watch ? flags.batch : Math.max(flags.batch, 100), (name, failure) => {
    if (flags.watch) process.stderr.write(failure ? `failed: ${name}: ${failure}\n` : `queued: ${name}\n`);
    else progress?.tick(name);
    if (failure && !flags.watch) progress?.log(`failed: ${name}: ${failure}`);
  });
  const signal = await feed(inputs, flags, read, enqueuer, (total) => (progress = createProgress('queue', total)), () => progress?.stop());
  process.stdout.write(`${formatEnqueueSummary(enqueuer.summary)}${interrupted(signal, flags.watch)}\n`);
  return enqueuer.summary.failed.length > 0;
}
