// Reliability of `watchfloor ingest` as real processes on one SQLite archive: a kill -9 in the middle of a large ingest loses
// nothing committed and leaves no partial document; two ingests at once both succeed; bad files fail by name with exit code 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../store/index.js';
import type { Storage } from '../store/types.js';
import { ARTICLES, generatedArticle, writeArticleFolder } from './fixtures/articles.js';
import { runCli, startCli, waitFor } from './fixtures/cli.js';
import { tempDir } from './fixtures/temp.js';


/** Every stored document has exactly the events its record lists: nothing half-written. */
async function assertWholeDocuments(storage: Storage): Promise<number> {
  let n = 0;
  for (let page = await storage.documents({ limit: 100 }); page.length; page = await storage.documents({ after: page[page.length - 1].id, limit: 100 })) {
    for (const doc of page) {
      n++;
      assert.ok(doc.text.length > 0 && doc.record.document, `document ${doc.id} is whole`);
      assert.equal(await storage.countEvents({ docId: doc.id }), doc.record.events.length, `events of ${doc.id}`);
    }
  }
  return n;
}

test('kill -9 during a large ingest: nothing committed is lost, no partial document, the rerun completes', async () => {
  const dir = tempDir('wf-reliability');
  const total = 300;
  const docs = writeArticleFolder(path.join(dir, 'docs'), Array.from({ length: total }, (_, i) => generatedArticle(i)));
  const db = path.join(dir, 'archive.db');
  const run = startCli(['ingest', docs, '--db', db, '--batch', '8', '--quiet']);
  const watcher = await openStore(db);
  await waitFor('the first commits', async () => (await watcher.stats()).documents >= 40, 60_000, 20);
  run.child.kill('SIGKILL');
  const killed = await run.done;
  assert.equal(killed.signal, 'SIGKILL');
  const committed = await assertWholeDocuments(watcher);
  assert.ok(committed >= 40 && committed < total, `killed part-way (${committed} of ${total} stored)`);
  await watcher.close();

  const rerun = await runCli(['ingest', docs, '--db', db, '--quiet']);
  assert.equal(rerun.code, 0, rerun.stderr);
  const m = /(\d+) new, (\d+) duplicate, 0 near-duplicate, 0 failed/.exec(rerun.stdout);
  assert.ok(m, rerun.stdout);
  assert.equal(Number(m[2]), committed, 'what the killed run committed is recognised, not stored again');
  assert.equal(Number(m[1]) + Number(m[2]), total);
  const storage = await openStore(db);
  assert.equal(await assertWholeDocuments(storage), total);
  await storage.close();
});

test('two ingest processes on one SQLite file both succeed', async () => {
  const dir = tempDir('wf-reliability');
  const articles = Array.from({ length: 80 }, (_, i) => generatedArticle(1000 + i));
  // overlapping halves: the shared documents must end up stored once
  const a = writeArticleFolder(path.join(dir, 'a'), articles.slice(0, 50));
  const b = writeArticleFolder(path.join(dir, 'b'), articles.slice(30));
  const db = path.join(dir, 'archive.db');
  const [ra, rb] = await Promise.all([runCli(['ingest', a, '--db', db, '--batch', '4', '--quiet']), runCli(['ingest', b, '--db', db, '--batch', '4', '--quiet'])]);
  assert.equal(ra.code, 0, ra.stderr + ra.stdout);
  assert.equal(rb.code, 0, rb.stderr + rb.stdout);
  const counts = [ra, rb].map((r) => /(\d+) new, (\d+) duplicate/.exec(r.stdout)!.slice(1).map(Number));
  assert.equal(counts[0][0] + counts[1][0], 80, 'each document is new exactly once');
  assert.equal(counts[0][1] + counts[1][1], 20, 'the overlap is duplicate exactly once');
  const storage = await openStore(db);
  assert.equal(await assertWholeDocuments(storage), 80);
  await storage.close();
});

test('corrupt, binary, empty and huge files and a broken feed are reported by name; the rest is stored; exit code 1', async () => {
  const dir = tempDir('wf-reliability');
  const docs = writeArticleFolder(path.join(dir, 'docs'), ARTICLES.slice(0, 2));
  fs.writeFileSync(path.join(docs, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0]));
  fs.writeFileSync(path.join(docs, 'empty.txt'), '');
  fs.writeFileSync(path.join(docs, 'huge.txt'), 'word '.repeat(3000));
  fs.writeFileSync(path.join(docs, 'corrupt.json'), '{"id": "x", "text": "unterminated');
  fs.writeFileSync(path.join(docs, 'broken.rss'), '<?xml version="1.0"?><rss><channel><item><title>cut off');
  const db = path.join(dir, 'archive.db');
  const r = await runCli(['ingest', docs, '--db', db, '--max-size', '10000']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^2 new, 0 duplicate, 0 near-duplicate, 5 failed$/m);
  for (const [file, reason] of [['binary.txt', /binary/], ['empty.txt', /empty/], ['huge.txt', /over the limit/], ['corrupt.json', /not valid JSON/], ['broken.rss', /broken feed/]] as const) {
    const line = r.stdout.split('\n').find((l) => l.includes(path.join(docs, file)));
    assert.ok(line, `${file} is named in the summary`);
    assert.match(line, reason);
  }
});

test('exports of an ingested archive: the CSV has a row per stored event, the STIX bundle parses', async () => {
  const dir = tempDir('wf-reliability');
  const db = path.join(dir, 'archive.db');
  const docs = writeArticleFolder(path.join(dir, 'docs'), ARTICLES);
  assert.equal((await runCli(['ingest', docs, '--db', db, '--quiet'])).code, 0);
  const storage = await openStore(db);
  const { events } = await storage.stats();
  await storage.close();
  const csv = await runCli(['export', '--format', 'csv', '--db', db]);
  assert.equal(csv.code, 0, csv.stderr);
  assert.equal(csv.stdout.trimEnd().split('\r\n').length, 1 + events);
  const out = path.join(dir, 'bundle.json');
  const stix = await runCli(['export', '--format', 'stix', '--db', db, '--out', out]);
  assert.equal(stix.code, 0, stix.stderr);
  const bundle = JSON.parse(fs.readFileSync(out, 'utf8')) as { type: string; objects: { type: string }[] };
  assert.equal(bundle.type, 'bundle');
  assert.equal(bundle.objects.filter((o) => o.type === 'report').length, ARTICLES.length);
  assert.ok(!fs.existsSync(`${out}.partial`));
  const bad = await runCli(['export', '--format', 'xml', '--db', db]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /unknown export format "xml"/);
});

test('Ctrl-C during a batch ingest: the batch in hand is committed, the summary printed, exit code 130', async () => {
  const dir = tempDir('wf-reliability');
  const docs = writeArticleFolder(path.join(dir, 'docs'), Array.from({ length: 200 }, (_, i) => generatedArticle(3000 + i)));
  const db = path.join(dir, 'archive.db');
  const run = startCli(['ingest', docs, '--db', db, '--batch', '4', '--quiet']);
  const watcher = await openStore(db);
  await waitFor('the first commits', async () => (await watcher.stats()).documents >= 8, 60_000, 20);
  run.child.kill('SIGINT');
  const done = await run.done;
  assert.equal(done.code, 130, done.stderr);
  const m = /^(\d+) new, 0 duplicate, 0 near-duplicate, 0 failed \(interrupted/m.exec(done.stdout);
  assert.ok(m, done.stdout);
  assert.equal(await assertWholeDocuments(watcher), Number(m[1]), 'every document counted as new is stored');
  assert.ok(Number(m[1]) < 200);
  await watcher.close();
});
