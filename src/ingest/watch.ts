// `ingest --watch`: reads the inputs once, then keeps folders and feeds under watch and hands over what appears,
// until the signal aborts. Folders are polled (fs.watch only wakes the poll early); feeds are polled at their own interval.
import fs from 'node:fs';
import { isHttpUrl } from './readers/url.js';
import { readSourceFile, readUrl, walkFolder, type ReadOptions } from './readers/sources.js';
import type { SourceItem } from './readers/types.js';

export interface WatchOptions {
  inputs: readonly string[];
  read: ReadOptions;
  /** how often folders are scanned */
  folderIntervalMs: number;
  /** how often feeds are fetched again */
  feedIntervalMs: number;
  signal: AbortSignal;
  onItem: (item: SourceItem) => Promise<void>;
  /** called when a pass has handed over everything it found (the time to commit a partial batch) */
  onPassEnd: () => Promise<void>;
  /** told once per watched input that cannot be watched, and why */
  onNotice?: (message: string) => void;
}

/** Bounds for user-given intervals: faster than this is a busy loop, slower is not watching. */
export const MIN_INTERVAL_MS = 500;
export const MAX_INTERVAL_MS = 3_600_000;
export const clampInterval = (ms: number): number => Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, ms));

const signature = (s: fs.Stats): string => `${s.size}:${s.mtimeMs}`;

/** The documents of a feed item are known by their id, so that a feed fetched again gives only its new items. */
const itemKey = (item: SourceItem): string => ('doc' in item ? item.doc.meta.externalId ?? item.doc.meta.url ?? item.doc.name : item.failure.name);

/** How long a new file's size and time must stay the same before it counts as written. */
const SETTLE_MS = 500;

/** A folder under watch: a file is handed over once its size and time have settled (its writer is done). */
class FolderWatch {
  private done = new Map<string, string>();
  private pending = new Map<string, { sig: string; since: number }>();

  constructor(readonly dir: string) {}

  async scan(first: boolean, emit: (item: SourceItem) => Promise<void>, read: ReadOptions, signal: AbortSignal): Promise<void> {
    for await (const file of walkFolder(this.dir)) {
      if (signal.aborted) return;
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat) continue;
      const sig = signature(stat);
      if (this.done.get(file) === sig) continue;
      if (!first) {
        const seen = this.pending.get(file);
        if (seen?.sig !== sig) this.pending.set(file, { sig, since: Date.now() });
        if (seen?.sig !== sig || Date.now() - seen.since < SETTLE_MS) continue;
      }
      this.pending.delete(file);
      this.done.set(file, sig);
      for await (const item of readSourceFile(file, read)) await emit(item);
    }
  }
}

class FeedWatch {
  private seen = new Set<string>();

  constructor(readonly url: string) {}

  async poll(emit: (item: SourceItem) => Promise<void>, read: ReadOptions): Promise<void> {
    for (const item of await readUrl(this.url, read)) {
      const key = itemKey(item);
      // a feed that cannot be fetched this time is reported each time; its items only once
      if ('doc' in item && this.seen.has(key)) continue;
      this.seen.add(key);
      await emit(item);
    }
  }
}

const sleep = (ms: number, signal: AbortSignal, wake: { now?: () => void }) =>
  new Promise<void>((resolve) => {
    const done = () => { clearTimeout(timer); wake.now = undefined; resolve(); };
    const timer = setTimeout(done, ms);
    wake.now = done;
    signal.addEventListener('abort', done, { once: true });
  });

/** Reads every input once, then watches until the signal aborts. */
export async function watchInputs(options: WatchOptions): Promise<void> {
  const { signal, read, onItem } = options;
  const folders: FolderWatch[] = [], feeds: FeedWatch[] = [];
  for (const input of options.inputs) {
    if (isHttpUrl(input)) feeds.push(new FeedWatch(input));
    else if (fs.statSync(input, { throwIfNoEntry: false })?.isDirectory()) folders.push(new FolderWatch(input));
    else {
      options.onNotice?.(`${input}: only folders and feeds are watched; the file is read once`);
      for await (const item of readSourceFile(input, read)) await onItem(item);
    }
  }
  const wake: { now?: () => void } = {};
  const watchers: fs.FSWatcher[] = [];
  for (const f of folders) {
    try {
      // a change wakes the next scan early; the scan itself decides what is new
      const w = fs.watch(f.dir, { recursive: true }, () => wake.now?.());
      w.on('error', () => w.close());
      watchers.push(w);
    } catch {
      options.onNotice?.(`${f.dir}: no file-system notifications here; polling every ${options.folderIntervalMs} ms`);
    }
  }
  try {
    let first = true, lastFeedPoll = -Infinity;
    while (!signal.aborted) {
      for (const f of folders) await f.scan(first, onItem, read, signal);
      if (Date.now() - lastFeedPoll >= options.feedIntervalMs) {
        lastFeedPoll = Date.now();
        for (const f of feeds) if (!signal.aborted) await f.poll(onItem, read);
      }
      await options.onPassEnd();
      first = false;
      if (!folders.length && !feeds.length) return;
      const untilFeeds = feeds.length ? options.feedIntervalMs - (Date.now() - lastFeedPoll) : Infinity;
      await sleep(Math.max(0, Math.min(folders.length ? options.folderIntervalMs : Infinity, untilFeeds)), signal, wake);
    }
  } finally {
    for (const w of watchers) w.close();
  }
}
