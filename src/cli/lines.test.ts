// Tests for the bounded line reader: chunk boundaries, CRLF, invalid UTF-8 and over-long lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readLines, type InputLine } from './lines.js';

async function collect(chunks: (string | Buffer)[], max = 1 << 20): Promise<InputLine[]> {
  const out: InputLine[] = [];
  for await (const line of readLines(Readable.from(chunks), max)) out.push(line);
  return out;
}

test('lines split across chunks are joined, CRLF is accepted and a last line without newline is kept', async () => {
  const lines = await collect(['{"id":', '"a"}\r\n{"id"', ':"b"}\n\n', 'tail']);
  assert.deepEqual(lines.map((l) => [l.number, l.text]), [[1, '{"id":"a"}'], [2, '{"id":"b"}'], [3, ''], [4, 'tail']]);
});

test('a multi-byte character split between chunks decodes whole', async () => {
  const bytes = Buffer.from('Köln\n', 'utf8');
  const [line] = await collect([bytes.subarray(0, 2), bytes.subarray(2)]);
  assert.equal(line.text, 'Köln');
  assert.equal(line.invalidUtf8, false);
});

test('invalid UTF-8 is flagged on its own line only', async () => {
  const lines = await collect([Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), 'ok\n']);
  assert.equal(lines[0].invalidUtf8, true);
  assert.equal(lines[1].invalidUtf8, false);
});

test('an over-long line keeps only its head and its length, and the next line is intact', async () => {
  const long = '{"id":"big","text":"' + 'x'.repeat(5000) + '"}';
  const lines = await collect([long.slice(0, 3000), long.slice(3000) + '\n{"id":"next"}\n'], 2000);
  assert.equal(lines.length, 2);
  assert.equal(lines[0].overLimitBytes, long.length);
  assert.ok(lines[0].text.startsWith('{"id":"big"') && lines[0].text.length <= 1024);
  assert.equal(lines[1].text, '{"id":"next"}');
  assert.equal(lines[1].overLimitBytes, undefined);
});
