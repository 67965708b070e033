// Queueing documents as jobs: keyed by content so that nothing is queued twice, archived copies not queued at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openStore } from '../store/index.js';
import type { Job, JobId } from '../store/types.js';
import { ARTICLES } from './fixtures/articles.js';
import { DOCUMENT_JOB, documentFromJob, documentJob, Enqueuer, formatEnqueueSummary } from './queue.js';
import type { SourceItem } from './readers/types.js';
import { tempDir } from './fixtures/temp.js';

const items = (): SourceItem[] => ARTICLES.map((a) => ({ doc: { name: `${a.id}.json`, id: a.id, text: a.text, meta: { title: a.title, published: a.published } } }));

test('a document job carries the document whole and round-trips', () => {
  const [item] = items();
  assert.ok('doc' in item);
  const job = documentJob(item.doc);
  assert.equal(job.kind, DOCUMENT_JOB);
  assert.match(job.key ?? '', /^[0-9a-f]{64}$/);
  const back = documentFromJob({ id: 1 as JobId, kind: job.kind, payload: JSON.parse(JSON.stringify(job.payload)), attempts: 1, state: 'running' });
  assert.deepEqual(back, item.doc);
});

test('payloads that are not documents are refused with the job id', () => {
  const job = (kind: string, payload: unknown): Job => ({ id: 7 as JobId, kind, payload, attempts: 1, state: 'running' });
  assert.throws(() => documentFromJob(job('url', { url: 'x' })), /job 7: unknown kind "url"/);
  assert.throws(() => documentFromJob(job(DOCUMENT_JOB, { name: 'x' })), /job 7: the payload is not a document/);
  assert.throws(() => documentFromJob(job(DOCUMENT_JOB, null)), /not a document/);
});

test('queueing twice queues once; read failures are counted with their names', async () => {
  const dir = tempDir('wf-queue');
  const storage = await openStore(path.join(dir, 'archive.db'));
  const first = new Enqueuer(storage, 2);
  for (const item of [...items(), { failure: { name: 'bad.json', reason: 'not valid JSON' } }]) await first.add(item);
  await first.flush();
  assert.deepEqual(first.summary, { queued: 5, alreadyQueued: 0, duplicate: 0, failed: [{ name: 'bad.json', reason: 'not valid JSON' }] });
  const second = new Enqueuer(storage);
  for (const item of items()) await second.add(item);
  await second.flush();
  assert.deepEqual([second.summary.queued, second.summary.alreadyQueued], [0, 5]);
  assert.equal((await storage.stats()).jobs.queued, 5);
  assert.match(formatEnqueueSummary(first.summary), /^5 queued, 0 already queued, 0 already archived, 1 failed\n {2}failed: bad\.json: not valid JSON$/);
  await storage.close();
});
