// `ingest --watch`: new files in a watched folder and new items in a watched feed are handed over once; Ctrl-C exits cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ARTICLES } from './fixtures/articles.js';
import { startCli, waitFor } from './fixtures/cli.js';
import { DEFAULT_READ_OPTIONS } from './readers/sources.js';
import type { SourceItem } from './readers/types.js';
import { clampInterval, MAX_INTERVAL_MS, MIN_INTERVAL_MS, watchInputs } from './watch.js';
import { tempDir } from './fixtures/temp.js';

const rss = (items: number) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>${ARTICLES.slice(0, items)
  .map((a) => `<item><title>${a.title}</title><guid>${a.id}</guid><pubDate>${new Date(a.published).toUTCString()}</pubDate><description>${a.text}</description></item>`)
  .join('')}</channel></rss>`;

const nameOf = (item: SourceItem) => ('doc' in item ? item.doc.name : `FAILED ${item.failure.name}`);

test('intervals are bounded', () => {
  assert.equal(clampInterval(1), MIN_INTERVAL_MS);
  assert.equal(clampInterval(1e12), MAX_INTERVAL_MS);
  assert.equal(clampInterval(2000), 2000);
});

test('a watched folder and feed: what is there first, then each new file and item once', async () => {
  const dir = tempDir('wf-watch');
  fs.writeFileSync(path.join(dir, 'first.txt'), ARTICLES[0].text);
  let feedItems = 1;
  const server = http.createServer((_, res) => { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.end(rss(feedItems)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
  const controller = new AbortController();
  const seen: string[] = [];
  let passes = 0;
  const watching = watchInputs({
    inputs: [dir, feed], read: DEFAULT_READ_OPTIONS, folderIntervalMs: 50, feedIntervalMs: 100, signal: controller.signal,
    onItem: async (item) => { seen.push(nameOf(item)); },
    onPassEnd: async () => { passes++; },
  });
  try {
    await waitFor('the first pass', () => seen.length === 2, 5000);
    assert.deepEqual(seen.sort(), [path.join(dir, 'first.txt'), `${feed}#1 (${ARTICLES[0].title})`].sort());
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'second.json'), JSON.stringify(ARTICLES[1]));
    feedItems = 3;
    await waitFor('the new file and the new feed items', () => seen.length === 5, 10_000);
    assert.ok(seen.includes(`${path.join(dir, 'sub', 'second.json')} (${ARTICLES[1].id})`));
    const passesBefore = passes;
    await waitFor('more passes', () => passes > passesBefore + 2, 5000);
    assert.equal(seen.length, 5, 'nothing is handed over twice');
  } finally {
    controller.abort();
    await watching;
    server.close();
  }
});

test('`ingest --watch`: a file dropped in is ingested, Ctrl-C stops cleanly with the summary', async () => {
  const dir = tempDir('wf-watch-cli');
  const inbox = path.join(dir, 'inbox');
  fs.mkdirSync(inbox);
  fs.writeFileSync(path.join(inbox, 'a.json'), JSON.stringify(ARTICLES[0]));
  const run = startCli(['ingest', '--watch', inbox, '--interval', '0.5', '--db', path.join(dir, 'archive.db')]);
  await waitFor('the first document', () => /new: .*a\.json/.test(run.stderrSoFar()), 30_000);
  fs.writeFileSync(path.join(inbox, 'b.txt'), ARTICLES[1].text);
  await waitFor('the dropped-in document', () => /new: .*b\.txt/.test(run.stderrSoFar()), 30_000);
  run.child.kill('SIGINT');
  const done = await run.done;
  assert.equal(done.code, 0, done.stderr);
  assert.match(done.stdout, /^2 new, 0 duplicate, 0 near-duplicate, 0 failed$/m);
});
