// Tests for `watchfloor extract`: streaming JSON lines with error records, files, flags and exit codes.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../nlp/model/load.js';
import type { Model } from '../nlp/model/types.js';
import { runExtract, type ExtractFlags } from './extract.js';

const model = loadModel();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfloor-extract-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.js');

async function run(files: string[], flags: ExtractFlags, stdin: string | Buffer = '', env: NodeJS.ProcessEnv = {}, withModel: Model = model) {
  let out = '', err = '';
  const sink = (write: (s: string) => void) => new Writable({ write(chunk, _enc, done) { write(String(chunk)); done(); } });
  const stdout = sink((s) => (out += s));
  const stderr = sink((s) => (err += s));
  const code = await runExtract(files, flags, { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, env }, { model: withModel });
  const lines = flags.json || flags.jsonl ? out.split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  return { code, out, err, lines };
}

const doc = (id: string, text: string, extra: object = {}) => JSON.stringify({ id, text, ...extra });

test('--jsonl: one output line per input line, in order; bad lines become error records with their id and the stream goes on', async () => {
  const input = [
    doc('ok1', 'North Korea may send troops to Russia.', { published: '2024-06-20' }),
    '{"id":"cut", "text": "North Ko',
    doc('empty', '   '),
    doc('binary', '\u0000\u0001\u0002'.repeat(50)),
    '',
    '[1, 2]',
    doc('date', 'Russia attacked Ukraine.', { published: 'last week' }),
    doc('ok2', 'Russia attacked Ukraine.'),
  ].join('\n');
  const r = await run([], { jsonl: true, published: '2024-01-31' }, input);
  assert.equal(r.code, 0);
  assert.deepEqual(r.lines.map((l) => l.document?.id ?? l.error.id ?? null), ['ok1', 'cut', 'empty', 'binary', null, 'date', 'ok2']);
  assert.deepEqual(r.lines.filter((l) => l.error).map((l) => [l.error.line, l.error.code]), [[2, 'bad-json'], [3, 'empty'], [4, 'binary'], [6, 'bad-input'], [7, 'bad-date']]);
  assert.equal(r.lines[0].document.published, '2024-06-20');
  assert.equal(r.lines[6].document.published, '2024-01-31', '--published fills in for lines without a date');
  assert.match(r.err, /5 of 7 lines could not be extracted/);
});

test('--jsonl --strict exits 1 when a line failed', async () => {
  const r = await run([], { jsonl: true, strict: true }, doc('e', ''));
  assert.equal(r.code, 1);
});

test('--jsonl: an over-long line is refused without being held, with its id; invalid UTF-8 is named', async () => {
  const huge = doc('huge', 'war '.repeat(2_500_000));
  const latin1 = Buffer.concat([Buffer.from('{"id":"latin","text":"Caf'), Buffer.from([0xe9]), Buffer.from(' troops"}')]);
  const input = Buffer.concat([Buffer.from(huge + '\n'), latin1, Buffer.from('\n' + doc('after', 'Troops moved.'))]);
  const r = await run([], { jsonl: true }, input);
  assert.deepEqual(r.lines.map((l) => l.error?.code ?? l.document.id), ['too-large', 'bad-encoding', 'after']);
  assert.equal(r.lines[0].error.id, 'huge');
  assert.equal(r.lines[1].error.id, 'latin');
});

test('--jsonl: a byte-order mark is skipped, "-" names standard input, and a bad line keeps an id that is not first', async () => {
  const notFirst = Buffer.concat([Buffer.from('{"text":"Caf'), Buffer.from([0xe9]), Buffer.from(' troops","id":"late"}')]);
  const input = Buffer.concat([Buffer.from('\ufeff' + doc('bom', 'Troops moved.') + '\n'), notFirst]);
  const r = await run(['-'], { jsonl: true }, input);
  assert.deepEqual(r.lines.map((l) => l.document?.id ?? `${l.error.id} ${l.error.code}`), ['bom', 'late bad-encoding']);
});

test('--jsonl: a megabyte with no spaces is refused fast', async () => {
  const started = performance.now();
  const r = await run([], { jsonl: true }, doc('run', 'x'.repeat(1 << 20)));
  assert.equal(r.lines[0].error.code, 'not-prose');
  assert.ok(performance.now() - started < 5000, 'a quadratic step would take minutes');
});

test('an unexpected failure inside the extractor becomes an "internal" error record, not a crash', async () => {
  const broken: Model = { ...model, lm: { nlp: { its: model.lm.nlp.its, readDoc: () => { throw new Error('tokenizer exploded'); } } } };
  const r = await run([], { jsonl: true }, [doc('a', 'Troops moved.'), doc('b', 'Troops moved.')].join('\n'), {}, broken);
  assert.equal(r.code, 0);
  assert.deepEqual(r.lines.map((l) => [l.error.id, l.error.code]), [['a', 'internal'], ['b', 'internal']]);
  assert.match(r.lines[0].error.message, /tokenizer exploded/);
  assert.doesNotMatch(r.out + r.err, /at .*\.js:\d+/, 'no stack trace');
});

test('files: a missing file is named and exits 2, the other files are still extracted', async () => {
  const good = path.join(tmp, 'good.txt');
  fs.writeFileSync(good, 'North Korea may send troops to Russia, the NIS said.');
  const r = await run([path.join(tmp, 'missing.txt'), good], { json: true, published: '2024-06-20' });
  assert.equal(r.code, 2);
  assert.match(r.err, /cannot read .*missing\.txt: no such file/);
  assert.equal(r.lines.length, 1);
  assert.equal(r.lines[0].document.id, good);
  assert.equal(r.lines[0].document.referenceDate, '2024-06-20');
});

test('files: a document that cannot be extracted exits 1 with its reason', async () => {
  const empty = path.join(tmp, 'empty.txt');
  const binary = path.join(tmp, 'image.bin');
  fs.writeFileSync(empty, '\n\n');
  fs.writeFileSync(binary, Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)));
  const r = await run([empty, binary], {});
  assert.equal(r.code, 1);
  assert.match(r.err, /empty\.txt: the text is empty \[empty\]/);
  assert.match(r.err, /image\.bin: .*\[binary\]/);
});

test('files: UTF-16 with a byte-order mark is read; a file over the size limit is refused without reading it', async () => {
  const utf16 = path.join(tmp, 'utf16.txt');
  fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Russia attacked Ukraine.', 'utf16le')]));
  assert.equal((await run([utf16], { json: true })).code, 0);
  const big = path.join(tmp, 'big.txt');
  fs.writeFileSync(big, '');
  fs.truncateSync(big, 50 * 1024 * 1024);
  const r = await run([big], { json: true });
  assert.equal(r.code, 1);
  assert.equal(r.lines[0].error.code, 'too-large');
});

test('usage errors exit 2: a bad --published, --json with --jsonl, an unreadable dictionary', async () => {
  const bad = await run([], { published: '2024-02-30' });
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--published takes a date YYYY-MM-DD/);
  assert.equal((await run([], { json: true, jsonl: true })).code, 2);
  const dict = await run([], { dictionary: path.join(tmp, 'none.yaml') });
  assert.equal(dict.code, 2);
  assert.match(dict.err, /none\.yaml/);
  const garbled = path.join(tmp, 'garbled.yaml');
  fs.writeFileSync(garbled, 'actors: [unclosed\n  - {');
  const parsed = await run([], { dictionary: garbled });
  assert.equal(parsed.code, 2);
  assert.match(parsed.err, /garbled\.yaml/);
});

test('the terminal view is plain without a terminal and under NO_COLOR', async () => {
  const r = await run([], {}, 'North Korea may send troops to Russia.', { NO_COLOR: '1', FORCE_COLOR: '1' });
  assert.equal(r.code, 0);
  assert.match(r.out, /^Actors \(\d+\)$/m);
  assert.match(r.out, /^Events \(\d+\)$/m);
  assert.doesNotMatch(r.out, /\x1b/);
  const forced = await run([], {}, 'North Korea may send troops to Russia.', { FORCE_COLOR: '1' });
  assert.match(forced.out, /\x1b\[1m/);
});

test('the command line: --help documents the exit codes; an unknown option exits 2', () => {
  const help = spawnSync(process.execPath, [MAIN, 'extract', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Exit codes:[\s\S]*0 +success[\s\S]*1 +some documents[\s\S]*2 +usage error/);
  const bad = spawnSync(process.execPath, [MAIN, 'extract', '--no-such-flag'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown option '--no-such-flag'/);
});
