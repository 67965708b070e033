// Reading the command line's inputs: folders recursively, every kind of file, and every kind of bad file reported by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { estimateDocuments, kindOfPath, readInput, walkFolder } from './sources.js';
import { DEFAULT_READ_OPTIONS } from './sources.js';
import type { SourceItem } from './types.js';
import { RSS } from './feed.test.js';
import { tempDir } from '../fixtures/temp.js';

async function collect(input: string, maxBytes = DEFAULT_READ_OPTIONS.limits.maxBytes): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readInput(input, { ...DEFAULT_READ_OPTIONS, limits: { maxBytes } })) items.push(item);
  return items;
}

function folder(): string {
  const dir = tempDir('wf-sources');
  fs.mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'a.txt'), 'Poland sent 2,000 soldiers to its border with Belarus on Monday.');
  fs.writeFileSync(path.join(dir, 'sub', 'b.json'), JSON.stringify({ id: 'b', published: '2024-03-05', title: 'B', text: 'Kenya will send food to Somalia.' }));
  fs.writeFileSync(path.join(dir, 'sub', 'deeper', 'c.jsonl'), '{"text":"Chile and Peru met in Lima."}\n\n{"text":"India and Japan signed an agreement."}\n');
  fs.writeFileSync(path.join(dir, 'sub', 'wire.rss'), RSS);
  fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  fs.writeFileSync(path.join(dir, '.hidden.txt'), 'not read');
  return dir;
}

test('kinds by extension; unknown extensions are read as text', () => {
  assert.deepEqual(['a.HTML', 'b.rss', 'c.atom', 'd.xml', 'e.json', 'f.ndjson', 'g.txt', 'README', 'h.log'].map(kindOfPath), ['html', 'feed', 'feed', 'feed', 'json', 'jsonl', 'text', 'text', 'text']);
});

test('a folder is walked recursively in name order, skipping hidden files and files of other types', async () => {
  const dir = folder();
  const files: string[] = [];
  for await (const f of walkFolder(dir)) files.push(path.relative(dir, f));
  assert.deepEqual(files, ['a.txt', path.join('sub', 'b.json'), path.join('sub', 'deeper', 'c.jsonl'), path.join('sub', 'wire.rss')]);
  const items = await collect(dir);
  const names = items.map((i) => ('doc' in i ? i.doc.name : `FAILED ${i.failure.name}`));
  assert.equal(items.filter((i) => 'doc' in i).length, 1 + 1 + 2 + 2);
  assert.equal(names.filter((n) => n.startsWith('FAILED')).length, 1, 'the feed item without text');
  assert.equal(await estimateDocuments([dir]), 1 + 1 + 3 + 1, 'jsonl lines are counted, a feed counts one');
});

test('binary, empty, invalid UTF-8, huge and missing files are failures named by path', async () => {
  const dir = tempDir('wf-bad');
  const write = (name: string, data: string | Buffer) => { fs.writeFileSync(path.join(dir, name), data); return path.join(dir, name); };
  const cases: [string, RegExp, number?][] = [
    [write('binary.txt', Buffer.from([1, 2, 0, 3, 0, 0, 255])), /binary data/],
    [write('empty.txt', ''), /empty/],
    [write('blank.txt', '  \n\t '), /only whitespace/],
    [write('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61])), /not valid UTF-8/],
    [write('huge.txt', 'x'.repeat(2000)), /2000 bytes, over the limit of 1000/, 1000],
    [write('broken.xml', '<rss><channel><item></channel>'), /broken feed/],
    [write('broken.json', '{"text":'), /not valid JSON/],
    [path.join(dir, 'missing.txt'), /no such file/],
  ];
  for (const [file, reason, maxBytes] of cases) {
    const items = await collect(file, maxBytes);
    assert.equal(items.length, 1, file);
    const [item] = items;
    assert.ok('failure' in item, `${file} should fail`);
    assert.equal(item.failure.name, file);
    assert.match(item.failure.reason, reason);
  }
});

test('a huge JSON-lines file streams; only an over-long line fails', async () => {
  const dir = tempDir('wf-jsonl');
  const file = path.join(dir, 'big.jsonl');
  fs.writeFileSync(file, `${JSON.stringify({ text: 'short one' })}\n${JSON.stringify({ text: 'y'.repeat(500) })}\n${JSON.stringify({ text: 'short two' })}\n`);
  const items = await collect(file, 200);
  assert.deepEqual(items.map((i) => ('doc' in i ? i.doc.text : i.failure.name)), ['short one', `${file}:2`, 'short two']);
});
