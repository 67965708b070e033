// The archive on the shared dev articles: idempotent ingest, a syndicated copy with a new headline joins its story, clusters count their reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadModel } from '../nlp/model/load.js';
import { openStore } from '../store/index.js';
import { ingestItems } from './ingest.js';
import type { SourceItem } from './readers/types.js';

const DEV = path.resolve(process.env.WATCHFLOOR_SHARED ?? '../shared', 'eval', 'articles', 'dev');
const available = fs.existsSync(DEV);
if (!available && process.env.CI === 'true') throw new Error(`the dev articles are missing at ${DEV}`);

test('the dev articles: idempotent, syndicated copies join their story, clusters count their reports', { skip: available ? false : `no dev articles at ${DEV}` }, async () => {
  const articles = fs.readdirSync(DEV).filter((f) => /^dev-.*\.json$/.test(f)).sort().map((f) => JSON.parse(fs.readFileSync(path.join(DEV, f), 'utf8')));
  const items = (list: typeof articles): SourceItem[] => list.map((a) => ({ doc: { name: a.id, id: a.id, text: a.text, meta: { externalId: a.id, title: a.title, published: a.published } } }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-dev-'));
  const store = await openStore(path.join(dir, 'a.db'));
  const model = loadModel();
  try {
    const first = await ingestItems(items(articles), { storage: store, model });
    assert.equal(first.new, articles.length);
    const before = await store.stats();
    const again = await ingestItems(items(articles), { storage: store, model });
    assert.deepEqual([again.new, again.duplicate], [0, articles.length]);
    assert.deepEqual(await store.stats(), before);

    // a wire copy: new headline, a dateline, one sentence cut
    const original = articles.find((a) => a.id === 'dev-001');
    const sentences = original.text.split(/(?<=\.)\s+/);
    const copy = { ...original, id: 'wire-copy', title: 'Seoul: 3,000 North Korean soldiers already in Russia', text: `SEOUL (Wire) - ${sentences.slice(0, -1).join(' ')}` };
    const syndicated = await ingestItems(items([copy]), { storage: store, model });
    assert.equal(syndicated.nearDuplicate, 1);
    const stored = await store.document('wire-copy');
    const source = await store.document('dev-001');
    assert.equal(stored!.storyId, source!.storyId);

    // every cluster counts exactly the events it holds, and the storyline's recurring act gathers reports from several articles
    const clusters = await store.clusters({ limit: 10_000 });
    for (const c of clusters.slice(0, 50)) {
      const full = (await store.cluster(c.id))!;
      assert.equal(full.mentions.length, c.mentionCount, `cluster ${c.id}`);
      assert.equal(new Set(full.mentions.map((m) => m.eventId)).size, c.mentionCount);
    }
    assert.ok(clusters.some((c) => c.mentionCount >= 2 && c.storyCount >= 2), 'some event is reported by two stories');
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
