// `watchfloor extract`: articles (files, stdin or JSON lines) in; extraction records or a terminal view out. One bad document never stops a batch.
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import type { DocumentInput, ExtractionRecord } from '../core/record.js';
import { toIsoDate } from '../core/ids.js';
import type { InputErrorCode } from '../nlp/pipeline.js';
import type { Model } from '../nlp/model/types.js';
import { EXIT, EXIT_CODES_HELP, UsageError, describeError, exitCodeFor, fileProblem, worse, type ExitCode } from './errors.js';
import { readLines, type InputLine } from './lines.js';
import { renderRecord, wantsColor } from './render.js';

export interface ExtractFlags {
  published?: string;
  json?: boolean;
  jsonl?: boolean;
  dictionary?: string;
  explain?: boolean;
  /** false after --no-color */
  color?: boolean;
  strict?: boolean;
}

export interface Io {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

/** Why one document failed: an input problem the pipeline names, or an unexpected error inside it. */
export interface DocumentError {
  id?: string;
  file?: string;
  line?: number;
  code: InputErrorCode | 'bad-json' | 'internal';
  message: string;
}

/** A JSON line holds a text of at most the pipeline's limit; escapes and multi-byte characters can take up to 4 bytes a character. */
const BYTES_PER_CHAR = 4;

export function registerExtract(program: Command): void {
  program
    .command('extract [files...]')
    .description('extract actors, events, status and forecasts from articles (stdin when no file)')
    .option('--published <date>', 'publication date YYYY-MM-DD: the reference for relative dates (in --jsonl, for lines without one)')
    .option('--json', 'print each document\'s extraction record as one line of JSON')
    .option('--jsonl', 'read JSON lines {id, text, title?, published?}, write one record (or error record) per line')
    .option('--dictionary <file>', 'add your own actors and aliases (YAML or JSON)')
    .option('--explain', 'terminal view: show each event\'s confidence and why it was coded so')
    .option('--no-color', 'terminal view: no colour (also NO_COLOR=1)')
    .option('--strict', 'with --jsonl: exit 1 when any line failed (by default failures are error records and the exit status stays 0)')
    .addHelpText('after', `
Input checks: empty text, binary data, invalid UTF-8, text over the size limit, text that is
mostly runs without spaces, non-English text and malformed JSON lines are each reported with a code
(empty, binary, bad-encoding, too-large, not-prose, not-english, bad-date, bad-input, bad-json,
internal). With --jsonl a failed line becomes {"error":{"id","line","code","message"}} and the
stream goes on.
${EXIT_CODES_HELP}`)
    .action(async (files: string[], flags: ExtractFlags) => {
      process.exitCode = await runExtract(files, flags, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
    });
}

/** What a caller that has already loaded the model (a test, a long-running process) can hand in. */
export interface ExtractDeps {
  model?: Model;
}

/** Runs the command and returns its exit code; every problem is reported on io, nothing is thrown. */
export async function runExtract(files: string[], flags: ExtractFlags, io: Io, deps: ExtractDeps = {}): Promise<ExitCode> {
  try {
    if (flags.json && flags.jsonl) throw new UsageError('choose one of --json and --jsonl');
    if (flags.published !== undefined && !toIsoDate(flags.published)) throw new UsageError(`--published takes a date YYYY-MM-DD, not "${flags.published}"`);
    const engine = await loadEngine(flags.dictionary, io, deps.model);
    return flags.jsonl ? await extractJsonLines(files, flags, engine, io) : await extractDocuments(files, flags, engine, io);
  } catch (err) {
    return exitCodeFor(err, io.stderr);
  }
}

type Engine = Awaited<ReturnType<typeof loadEngine>>;

/** The extractor is imported only when a command needs it, so that `--help` and other commands start fast. */
async function loadEngine(dictionary: string | undefined, io: Io, loaded?: Model) {
  const [pipeline, load, actors] = await Promise.all([import('../nlp/pipeline.js'), import('../nlp/model/load.js'), import('../nlp/model/actors.js')]);
  let extraActors: ReturnType<typeof actors.parseActorDictionary> = [];
  if (dictionary !== undefined) {
    let text: string;
    try {
      text = await fs.promises.readFile(dictionary, 'utf8');
    } catch (err) {
      throw fileProblem(dictionary, err);
    }
    try {
      extraActors = actors.parseActorDictionary(text, dictionary);
    } catch (err) {
      throw new UsageError(describeError(err, io.env));
    }
  }
  const model = loaded && dictionary === undefined ? loaded : load.loadModel({ extraActors });
  const maxChars = pipeline.DEFAULT_MAX_CHARS;
  return {
    maxChars,
    InputError: pipeline.InputError,
    checkText: pipeline.checkText,
    /** Extracts one document; any failure, expected or not, comes back as an error so the batch goes on. */
    extractOne(input: DocumentInput): { record: ExtractionRecord } | { error: DocumentError } {
      try {
        return { record: pipeline.extract(input, model, { maxChars }) };
      } catch (err) {
        if (err instanceof pipeline.InputError) return { error: { code: err.code, message: err.message } };
        if (io.env.WATCHFLOOR_DEBUG) io.stderr.write(`${describeError(err, io.env)}\n`);
        return { error: { code: 'internal', message: `the extractor failed: ${describeError(err, {})}` } };
      }
    },
  };
}

/** The files to read in order, undefined standing for standard input (no files, or "-"). */
function namedFiles(files: string[]): (string | undefined)[] {
  return files.length ? files.map((f) => (f === '-' ? undefined : f)) : [undefined];
}

// ---------- JSON lines ----------

async function extractJsonLines(files: string[], flags: ExtractFlags, engine: Engine, io: Io): Promise<ExitCode> {
  let exit: ExitCode = EXIT.ok;
  let failed = 0, total = 0;
  for (const file of namedFiles(files)) {
    const input = file === undefined ? io.stdin : fs.createReadStream(file);
    try {
      for await (const line of readLines(input, engine.maxChars * BYTES_PER_CHAR)) {
        if (!line.overLimitBytes && !line.text.trim()) continue;
        total++;
        const place = { ...(file !== undefined ? { file } : {}), line: line.number };
        const result = extractLine(line, flags, engine);
        if ('record' in result) await emit(io.stdout, JSON.stringify(result.record));
        else {
          failed++;
          const { id, ...rest } = result.error;
          await emit(io.stdout, JSON.stringify({ error: { ...(id !== undefined ? { id } : {}), ...place, ...rest } }));
        }
      }
    } catch (err) {
      if (file === undefined) throw err;
      io.stderr.write(`watchfloor extract: ${fileProblem(file, err).message}\n`);
      exit = EXIT.usage;
    }
  }
  if (failed) io.stderr.write(`watchfloor extract: ${failed} of ${total} lines could not be extracted (see the error records)\n`);
  return worse(exit, failed && flags.strict ? EXIT.failed : EXIT.ok);
}

function extractLine(line: InputLine, flags: ExtractFlags, engine: Engine): { record: ExtractionRecord } | { error: DocumentError } {
  if (line.overLimitBytes) {
    return { error: { id: idFromHead(line.text), code: 'too-large', message: `the line is ${line.overLimitBytes.toLocaleString('en')} bytes, over the limit of ${(engine.maxChars * BYTES_PER_CHAR).toLocaleString('en')} bytes` } };
  }
  const json = line.text.replace(BYTE_ORDER_MARK, '');
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    return { error: { id: idFromHead(json), code: line.invalidUtf8 ? 'bad-encoding' : 'bad-json', message: line.invalidUtf8 ? NOT_UTF8 : `not valid JSON (${describeError(err, {})})` } };
  }
  if (line.invalidUtf8) return { error: { id: scalar((doc as { id?: unknown } | null)?.id), code: 'bad-encoding', message: NOT_UTF8 } };
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { error: { code: 'bad-input', message: 'expected a JSON object {"id", "text", "title"?, "published"?}' } };
  }
  const fields = doc as Record<string, unknown>;
  const id = scalar(fields.id);
  const result = engine.extractOne({
    id,
    text: fields.text as string,
    title: scalar(fields.title),
    published: scalar(fields.published) ?? flags.published,
    source: scalar(fields.source),
    url: scalar(fields.url),
  });
  return 'error' in result ? { error: { id, ...result.error } } : result;
}

/** Editors on Windows start files with one; it is not part of the JSON. */
const BYTE_ORDER_MARK = /^\ufeff/;
const NOT_UTF8 = 'the line is not valid UTF-8';

/** A field as a string when it is one (or a number); other JSON values are ignored rather than echoed into the record. */
function scalar(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The "id" of a line that could not be parsed whole, when its start shows one, so its error record can still be matched. */
function idFromHead(head: string): string | undefined {
  const m = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)/.exec(head);
  if (!m) return undefined;
  try {
    return String(JSON.parse(m[1]));
  } catch {
    return undefined;
  }
}

// ---------- whole documents (files or stdin) ----------

async function extractDocuments(files: string[], flags: ExtractFlags, engine: Engine, io: Io): Promise<ExitCode> {
  const color = flags.color !== false && wantsColor(io.stdout, io.env);
  let exit: ExitCode = EXIT.ok;
  let shown = 0;
  for (const file of namedFiles(files)) {
    const name = file ?? 'standard input';
    let result: { record: ExtractionRecord } | { error: DocumentError };
    let shownText: string | undefined;
    try {
      const text = decode(await readWhole(file, engine, io), engine);
      result = engine.extractOne({ id: file, text, published: flags.published });
      shownText = text;
    } catch (err) {
      if (err instanceof engine.InputError) result = { error: { code: err.code, message: err.message } };
      else {
        io.stderr.write(`watchfloor extract: ${(err instanceof UsageError ? err : fileProblem(name, err)).message}\n`);
        exit = EXIT.usage;
        continue;
      }
    }
    if ('error' in result) {
      exit = worse(exit, EXIT.failed);
      io.stderr.write(`watchfloor extract: ${name}: ${result.error.message} [${result.error.code}]\n`);
      if (flags.json) await emit(io.stdout, JSON.stringify({ error: { ...(file !== undefined ? { id: file, file } : {}), ...result.error } }));
    } else if (flags.json) await emit(io.stdout, JSON.stringify(result.record));
    else await emit(io.stdout, `${shown++ ? '\n' : ''}${renderRecord(result.record, { color, explain: flags.explain === true, text: shownText })}`, '');
  }
  return exit;
}

/** Reads a file or stdin whole, refusing (without reading on) once it is past the size any acceptable text could have. */
async function readWhole(file: string | undefined, engine: Engine, io: Io): Promise<Buffer> {
  const maxBytes = engine.maxChars * BYTES_PER_CHAR;
  const limit = `the limit of ${maxBytes.toLocaleString('en')} bytes`;
  const tooLarge = (message: string) => new engine.InputError(message, 'too-large');
  if (file !== undefined) {
    const stat = await fs.promises.stat(file);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.size > maxBytes) throw tooLarge(`the file is ${stat.size.toLocaleString('en')} bytes, over ${limit}`);
  } else if ((io.stdin as { isTTY?: boolean }).isTTY) {
    io.stderr.write('watchfloor extract: reading the article from standard input (end it with Ctrl-D)\n');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file !== undefined ? fs.createReadStream(file) : io.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) {
      if (file === undefined) io.stdin.destroy();
      throw tooLarge(`the input is over ${limit}`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

/** Bytes to text: UTF-8, or UTF-16 when a byte-order mark says so; anything else that does not decode is refused with a reason. */
function decode(bytes: Buffer, engine: Engine): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return text;
  engine.checkText(text, engine.maxChars); // binary data is named as such rather than as bad UTF-8
  throw new engine.InputError('the text is not valid UTF-8 (Latin-1 or another encoding? convert it, e.g. with iconv -t utf-8)', 'bad-encoding');
}

async function emit(out: Writable, text: string, end = '\n'): Promise<void> {
  // waiting for the consumer keeps memory bounded however large the input
  if (!out.write(text + end)) await once(out, 'drain');
}
