// JSON articles and JSON lines: the gold format in, named failures for lines and objects that are not articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJsonArticles, readJsonLine } from './json.js';

test('a gold-format article file is one document with its id, date and title', () => {
  const [item] = readJsonArticles(JSON.stringify({ id: 'dev-1', published: '2024-03-04', title: 'T', text: 'Poland sent troops.', gold: [] }), 'a.json');
  assert.ok('doc' in item);
  assert.equal(item.doc.id, 'dev-1');
  assert.deepEqual(item.doc.meta, { externalId: 'dev-1', title: 'T', published: '2024-03-04' });
  const [byAuthor] = readJsonArticles(JSON.stringify({ id: 'a', text: 'Poland sent troops.', author: ' Jane Doe ' }), 'b.json');
  assert.ok('doc' in byAuthor && byAuthor.doc.meta.byline === 'Jane Doe');
});

test('an array of articles gives one item each, a bad element a named failure', () => {
  const items = readJsonArticles(JSON.stringify([{ text: 'One.' }, { title: 'no text' }, { text: 'Three.', url: 'https://x.example/3' }]), 'many.json');
  assert.equal(items.length, 3);
  assert.deepEqual(items[1], { failure: { name: 'many.json[1]', reason: 'no "text" string' } });
  assert.ok('doc' in items[2] && items[2].doc.meta.url === 'https://x.example/3');
});

test('invalid JSON is a read error naming the problem', () => {
  assert.throws(() => readJsonArticles('{"text": "x"', 'bad.json'), /not valid JSON/);
});

test('JSON lines: documents, skipped blanks, and failures with line numbers', () => {
  assert.equal(readJsonLine('   ', 'f.jsonl', 1), null);
  const ok = readJsonLine('{"id":7,"text":"Kenya pledged aid.","source":"Wire"}', 'f.jsonl', 2);
  assert.ok(ok && 'doc' in ok);
  assert.equal(ok.doc.id, '7');
  assert.equal(ok.doc.meta.source, 'Wire');
  assert.deepEqual(readJsonLine('{not json', 'f.jsonl', 3), { failure: { name: 'f.jsonl:3', reason: 'not valid JSON' } });
  assert.deepEqual(readJsonLine('{"text":"x","title":5}', 'f.jsonl', 4), { failure: { name: 'f.jsonl:4', reason: '"title" is not a string' } });
  assert.deepEqual(readJsonLine('{"text":"  "}', 'f.jsonl', 5), { failure: { name: 'f.jsonl:5', reason: '"text" is empty' } });
});
