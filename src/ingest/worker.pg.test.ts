// Scale-out on PostgreSQL: `ingest --queue` fills the queue, two `worker` processes drain it; every document is processed exactly once.
// Skips with a message when PostgreSQL is unreachable, unless CI=true.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../store/index.js';
import { generatedArticle, writeArticleFolder } from './fixtures/articles.js';
import { runCli } from './fixtures/cli.js';
import { tempDir } from './fixtures/temp.js';
import { probePostgres } from '../store/postgres/probe.js';

const PG_URL = process.env.WATCHFLOOR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';


const problem = await probePostgres(PG_URL);
const skip = problem && process.env.CI !== 'true' ? `PostgreSQL unreachable at ${PG_URL} (${problem}); set WATCHFLOOR_TEST_PG, or CI=true to fail instead of skipping` : false;
if (skip) process.stderr.write(`worker.pg: skipping: ${skip}\n`);

test('two worker processes on one queue process every document exactly once', { skip }, async () => {
  const schema = `wf_workers_${process.pid}_${Date.now().toString(36)}`;
  const db = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const total = 40;
  const dir = tempDir('wf-workers');
  const docs = writeArticleFolder(path.join(dir, 'docs'), Array.from({ length: total }, (_, i) => generatedArticle(2000 + i)));
  try {
    const queued = await runCli(['ingest', '--queue', docs, '--db', db, '--quiet']);
    assert.equal(queued.code, 0, queued.stderr);
    assert.match(queued.stdout, new RegExp(`^${total} queued, 0 already queued`));

    const workers = await Promise.all(['w1', 'w2'].map((id) => runCli(['worker', '--db', db, '--id', id, '--batch', '2', '--exit-when-idle'])));
    const handled = new Map<string, string[]>();
    for (const [k, w] of workers.entries()) {
      assert.equal(w.code, 0, w.stderr);
      for (const m of w.stderr.matchAll(/^\[(w\d)\] job (\d+) new: /gm)) handled.set(m[2], [...(handled.get(m[2]) ?? []), m[1]]);
      assert.match(w.stdout, new RegExp(`^worker w${k + 1}: \\d+ jobs`));
    }
    assert.equal(handled.size, total, 'every job was processed');
    assert.ok([...handled.values()].every((by) => by.length === 1), 'no job was processed twice');
    const perWorker = ['w1', 'w2'].map((id) => [...handled.values()].filter((by) => by[0] === id).length);
    assert.ok(perWorker.every((n) => n > 0), `both workers took jobs (${perWorker.join(' + ')})`);

    const storage = await openStore(db);
    const stats = await storage.stats();
    assert.deepEqual([stats.documents, stats.jobs.done, stats.jobs.queued, stats.jobs.running, stats.jobs.failed], [total, total, 0, 0, 0]);
    assert.ok((await storage.jobs('done', 1000)).every((j) => j.attempts === 1), 'each job was claimed once');
    await storage.close();
  } finally {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
});
