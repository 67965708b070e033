// Turns the command line's PATH|URL arguments into a stream of documents: files by extension, folders recursively, URLs by content type.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { decodeText } from './decode.js';
import { readFeed } from './feed.js';
import { readHtml } from './html.js';
import { readJsonArticles, readJsonLine } from './json.js';
import { DEFAULT_FETCH_LIMITS, fetchText, isHttpUrl, type FetchLimits } from './url.js';
import { DEFAULT_LIMITS, ReadError, type ReadLimits, type SourceItem } from './types.js';

export type SourceKind = 'text' | 'html' | 'feed' | 'json' | 'jsonl';

const BY_EXTENSION: Record<string, SourceKind> = {
  '.txt': 'text', '.text': 'text', '.md': 'text', '': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed',
  '.json': 'json',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

/** The reader for a file name; unknown extensions are read as text (and refused there if they are binary). */
export function kindOfPath(file: string): SourceKind {
  return BY_EXTENSION[path.extname(file).toLowerCase()] ?? 'text';
}

/** In a folder only files of the known kinds are read, so that images and archives beside the articles are not failures. */
export const isKnownSourceFile = (file: string): boolean => !path.basename(file).startsWith('.') && path.extname(file).toLowerCase() in BY_EXTENSION;

export function kindOfMediaType(mediaType: string, url: string): SourceKind {
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  if (/xml/.test(mediaType)) return 'feed';
  if (mediaType === 'application/x-ndjson' || mediaType === 'application/jsonl') return 'jsonl';
  if (/json/.test(mediaType)) return 'json';
  return kindOfPath(new URL(url).pathname) === 'html' ? 'html' : 'text';
}

export interface ReadOptions {
  limits: ReadLimits;
  fetch: FetchLimits;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { limits: DEFAULT_LIMITS, fetch: DEFAULT_FETCH_LIMITS };

/** The documents of already loaded text of a known kind (not jsonl from disk, which streams). */
export function readContent(kind: SourceKind, text: string, name: string, url?: string): SourceItem[] {
  switch (kind) {
    case 'html': return [{ doc: readHtml(text, name, url) }];
    case 'feed': return readFeed(text, name);
    case 'json': return readJsonArticles(text, name);
    case 'jsonl': return text.split('\n').map((line, i) => readJsonLine(line, name, i + 1)).filter((x): x is SourceItem => x !== null);
    case 'text': return [{ doc: { name, text, meta: { externalId: name, ...(url ? { url } : {}) } } }];
  }
}

/** Files under a folder, depth first in name order (so that runs are repeatable), skipping hidden entries and symlinked folders. */
export async function* walkFolder(dir: string): AsyncGenerator<string> {
  const entries = (await fs.promises.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walkFolder(full);
    else if (e.isFile() && isKnownSourceFile(full)) yield full;
  }
}

async function* readJsonlFile(file: string, limits: ReadLimits): AsyncGenerator<SourceItem> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.length > limits.maxBytes) {
      yield { failure: { name: `${file}:${lineNo}`, reason: `the line is longer than the limit of ${limits.maxBytes} bytes` } };
      continue;
    }
    const item = readJsonLine(line, file, lineNo);
    if (item) yield item;
  }
}

/** Every document of one file; a file that cannot be read at all is one failure naming it. */
export async function* readSourceFile(file: string, options: ReadOptions = DEFAULT_READ_OPTIONS): AsyncGenerator<SourceItem> {
  try {
    const kind = kindOfPath(file);
    if (kind === 'jsonl') {
      yield* readJsonlFile(file, options.limits);
      return;
    }
    const { size } = await fs.promises.stat(file);
    if (size > options.limits.maxBytes) throw new ReadError(`${size} bytes, over the limit of ${options.limits.maxBytes}`);
    yield* readContent(kind, decodeText(await fs.promises.readFile(file)), file);
  } catch (err) {
    yield { failure: { name: file, reason: reasonOf(err) } };
  }
}

/** Every document behind a url: a page, a feed's items, a JSON file. */
export async function readUrl(url: string, options: ReadOptions = DEFAULT_READ_OPTIONS): Promise<SourceItem[]> {
  try {
    const fetched = await fetchText(url, options.fetch);
    return readContent(kindOfMediaType(fetched.mediaType, fetched.url), fetched.text, url, fetched.url);
  } catch (err) {
    return [{ failure: { name: url, reason: reasonOf(err) } }];
  }
}

/** Every document behind one command-line argument. */
export async function* readInput(input: string, options: ReadOptions = DEFAULT_READ_OPTIONS): AsyncGenerator<SourceItem> {
  if (isHttpUrl(input)) {
    yield* await readUrl(input, options);
    return;
  }
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(input);
  } catch {
    yield { failure: { name: input, reason: 'no such file or folder' } };
    return;
  }
  if (stat.isDirectory()) for await (const file of walkFolder(input)) yield* readSourceFile(file, options);
  else yield* readSourceFile(input, options);
}

/** How many documents the inputs hold, cheaply and roughly (a JSON-lines file counts its lines, a url or feed one), for a progress bar. */
export async function estimateDocuments(inputs: readonly string[]): Promise<number> {
  let n = 0;
  const countFile = async (file: string) => {
    if (kindOfPath(file) !== 'jsonl') return 1;
    let lines = 0;
    for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    }
    return Math.max(lines, 1);
  };
  for (const input of inputs) {
    if (isHttpUrl(input)) n++;
    else {
      const stat = await fs.promises.stat(input).catch(() => null);
      if (stat?.isDirectory()) for await (const f of walkFolder(input)) n += await countFile(f);
      else n += stat ? await countFile(input) : 1;
    }
  }
  return n;
}

/** The message of a read failure; anything that is not a ReadError is still reported, never thrown past the batch. */
export function reasonOf(err: unknown): string {
  if (err instanceof ReadError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a folder';
  return e instanceof Error ? e.message : String(err);
}
