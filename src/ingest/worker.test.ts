// A worker in process against SQLite: every queued document is extracted and stored, bad jobs fail without retry, abort hands back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadModel } from '../nlp/model/load.js';
import { openStore } from '../store/index.js';
import { ARTICLES, generatedArticle } from './fixtures/articles.js';
import { DOCUMENT_JOB, documentJob } from './queue.js';
import { runWorker } from './worker.js';
import { tempDir } from './fixtures/temp.js';

const model = loadModel();
const tempDb = () => path.join(tempDir('wf-worker'), 'archive.db');

test('a worker drains the queue: documents stored, a duplicate completed, a bad payload failed for good', async () => {
  const storage = await openStore(tempDb());
  const docs = ARTICLES.map((a) => ({ name: a.id, text: a.text, meta: { published: a.published } }));
  await storage.enqueue([
    ...docs.map(documentJob),
    // the same text under another name: stored once, the second job is still done
    { ...documentJob({ ...docs[0], name: 'copy' }), key: 'another-key' },
    { kind: DOCUMENT_JOB, payload: { name: 'no text' } },
    { kind: DOCUMENT_JOB, payload: { name: 'empty', text: '   ', meta: {} } },
  ]);
  const seen: string[] = [];
  const s = await runWorker({ storage, model, workerId: 'w1', batch: 3, exitWhenIdle: true, onOutcome: (o) => seen.push(o.name) });
  assert.equal(s.jobs, 8);
  assert.deepEqual([s.new, s.duplicate], [5, 1]);
  assert.equal(s.failed.length, 2);
  assert.match(s.failed[0].reason, /payload is not a document/);
  assert.match(s.failed[1].reason, /empty/);
  const stats = await storage.stats();
  assert.deepEqual([stats.documents, stats.jobs.done, stats.jobs.failed, stats.jobs.queued, stats.jobs.running], [5, 6, 2, 0, 0]);
  // a failed job is not retried: a bad document stays bad
  assert.deepEqual((await storage.jobs('failed')).map((j) => j.attempts), [1, 1]);
  await storage.close();
});

test('an aborted worker finishes the job in hand and hands the rest of its claim back', async () => {
  const storage = await openStore(tempDb());
  await storage.enqueue(Array.from({ length: 6 }, (_, i) => generatedArticle(i)).map((a) => documentJob({ name: a.id, text: a.text, meta: {} })));
  const controller = new AbortController();
  const s = await runWorker({
    storage, model, workerId: 'w1', batch: 4, signal: controller.signal, maxPollMs: 50,
    onOutcome: () => controller.abort(),
  });
  assert.equal(s.jobs, 1);
  const stats = await storage.stats();
  assert.deepEqual([stats.documents, stats.jobs.done, stats.jobs.queued, stats.jobs.running], [1, 1, 5, 0]);
  await storage.close();
});
