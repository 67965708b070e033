// The batch ingest against a real SQLite archive: counts, idempotence, near-duplicates, failures that do not stop the batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadModel } from '../nlp/model/load.js';
import { openStore } from '../store/index.js';
import type { Storage } from '../store/types.js';
import { ARTICLES, generatedArticle, writeArticleFolder } from './fixtures/articles.js';
import { formatSummary, ingestItems, Ingester } from './ingest.js';
import { readInput } from './readers/sources.js';
import type { SourceItem } from './readers/types.js';
import { tempDir } from './fixtures/temp.js';

const model = loadModel();

async function tempStore(): Promise<{ storage: Storage; dir: string }> {
  const dir = tempDir('wf-ingest');
  return { storage: await openStore(path.join(dir, 'archive.db')), dir };
}

test('a folder is ingested once; ingesting it again changes nothing (idempotent)', async () => {
  const { storage, dir } = await tempStore();
  const docs = writeArticleFolder(path.join(dir, 'docs'), [...ARTICLES, ...Array.from({ length: 20 }, (_, i) => generatedArticle(i))]);
  const first = await ingestItems(readInput(docs), { storage, model, batchSize: 4 });
  assert.deepEqual([first.new, first.duplicate, first.nearDuplicate, first.failed.length], [25, 0, 0, 0]);
  const before = await storage.stats();
  const second = await ingestItems(readInput(docs), { storage, model, batchSize: 4 });
  assert.deepEqual([second.new, second.duplicate, second.nearDuplicate, second.failed.length], [0, 25, 0, 0]);
  const after = await storage.stats();
  assert.deepEqual([after.documents, after.events, after.actors, after.stories], [before.documents, before.events, before.actors, before.stories]);
  assert.equal(after.documents, 25);
  await storage.close();
});

test('a reworded copy is a near-duplicate; a copy in the same batch is a duplicate', async () => {
  const { storage } = await tempStore();
  const [a] = ARTICLES;
  const items: SourceItem[] = [
    { doc: { name: 'original', text: a.text, meta: { title: a.title, published: a.published } } },
    { doc: { name: 'same batch copy', text: a.text, meta: {} } },
    { doc: { name: 'edited copy', text: a.text.replace('the defence ministry said', 'a ministry spokesman told reporters'), meta: {} } },
  ];
  const s = await ingestItems(items, { storage, model, batchSize: 10 });
  assert.deepEqual([s.new, s.duplicate, s.nearDuplicate], [1, 1, 1], formatSummary(s));
  await storage.close();
});

test('failed reads and failed extractions are reported by name and the batch goes on', async () => {
  const { storage } = await tempStore();
  const items: SourceItem[] = [
    { failure: { name: 'broken.xml', reason: 'broken feed: unclosed <rss>' } },
    { doc: { name: 'bad-date.json', text: ARTICLES[0].text, meta: { published: 'last Tuesday' } } },
    { doc: { name: 'ok.txt', text: ARTICLES[1].text, meta: {} } },
  ];
  const s = await ingestItems(items, { storage, model });
  assert.equal(s.new, 1);
  assert.deepEqual(s.failed.map((f) => f.name), ['broken.xml', 'bad-date.json']);
  assert.match(s.failed[1].reason, /published/);
  assert.match(formatSummary(s), /1 new, 0 duplicate, 0 near-duplicate, 2 failed\n {2}failed: broken\.xml: broken feed/);
  await storage.close();
});

test('when a batch is refused, its documents are stored one by one and only the culprit fails', async () => {
  const { storage } = await tempStore();
  // a store that refuses any batch and one particular document, as a constraint violation would
  const picky = new Proxy(storage, {
    get(target, prop, receiver) {
      if (prop === 'ingestMany') return async () => { throw new Error('batch refused'); };
      if (prop === 'ingest') {
        return async (input: Parameters<Storage['ingest']>[0]) => {
          if (input.meta.title === 'poison') throw new Error('constraint violated');
          return target.ingest(input);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  const outcomes: string[] = [];
  const ingester = new Ingester({ storage: picky, model, batchSize: 3, onOutcome: (o) => outcomes.push(o.name) });
  for (const [i, a] of ARTICLES.slice(0, 3).entries()) await ingester.add({ doc: { name: `doc${i}`, text: a.text, meta: { title: i === 1 ? 'poison' : a.title } } });
  await ingester.flush();
  assert.equal(ingester.summary.new, 2);
  assert.deepEqual(ingester.summary.failed, [{ name: 'doc1', reason: 'not stored: constraint violated' }]);
  assert.deepEqual(outcomes, ['doc0', 'doc1', 'doc2']);
  assert.equal((await storage.stats()).documents, 2);
  await storage.close();
});

test('the stored text is the text the spans index into (line endings normalised)', async () => {
  const { storage } = await tempStore();
  const text = ARTICLES[0].text.replace(/\. /g, '.\r\n');
  await ingestItems([{ doc: { name: 'crlf.txt', text, meta: { published: '2024-03-04' } } }], { storage, model });
  const [stored] = await storage.documents({ limit: 10 });
  assert.ok(!stored.text.includes('\r'));
  assert.ok(stored.record.actors.length > 0, 'the fixture names countries');
  for (const e of stored.record.events) assert.equal(stored.text.slice(...e.trigger.span), e.trigger.text);
  for (const a of stored.record.actors) assert.equal(stored.text.slice(...a.mentions[0]), a.text);
  await storage.close();
});
