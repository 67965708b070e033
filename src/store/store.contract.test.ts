// The Storage contract: one suite, run against SQLite and PostgreSQL alike (PostgreSQL skips when unreachable, unless CI=true).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DocId, IsoDate } from '../core/ids.js';
import { fingerprint } from '../ingest/dedup.js';
import { ARTICLE, article, SAME_TOPIC, SYNDICATED } from './fixtures.js';
import { openStore } from './index.js';
import { probePostgres } from './postgres/probe.js';
import { StoreError, type ClusterId, type JobId, type Storage } from './types.js';

const PG_URL = process.env.WATCHFLOOR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgProblem = await probePostgres(PG_URL);
const pgSkip = pgProblem && process.env.CI !== 'true'
  ? `PostgreSQL unreachable at ${PG_URL} (${pgProblem}); set WATCHFLOOR_TEST_PG to a reachable server, or CI=true to fail instead of skipping`
  : false;
if (pgSkip) process.stderr.write(`store.contract: skipping the PostgreSQL backend: ${pgSkip}\n`);

interface Backend { name: string; skip: string | false; open: () => Promise<{ store: Storage; url: string; cleanup: () => Promise<void> }> }

let schemaCount = 0;
const backends: Backend[] = [
  {
    name: 'sqlite',
    skip: false,
    open: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-store-'));
      const url = path.join(dir, 'archive.db');
      return { store: await openStore(url), url, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    skip: pgSkip,
    open: async () => {
      const schema = `wf_test_${process.pid}_${Date.now().toString(36)}_${++schemaCount}`;
      const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
      return { store: await openStore(url), url, cleanup: () => dropSchema(schema) };
    },
  },
];

const K = { NKT: 0, RUS: 1, KOR: 2, UKR: 3, PRK: 4, USA: 5, NIS: 6 } as const;
const ACTORS = [
  { text: 'North Korean troops', code: 'PRK', sector: 'MIL' },
  { text: 'Russia', code: 'RUS' },
  { text: 'Seoul', code: 'KOR' },
  { text: 'Ukraine', code: 'UKR' },
  { text: 'Pyongyang', code: 'PRK' },
  { text: 'Washington', code: 'USA', sector: 'GOV' },
  { text: 'the NIS', code: 'KOR', sector: 'SPY' },
];

/** Reports spread over June 2024: three of one crossing (one cluster), the same kind of event two weeks later, a forecast, a sanction. */
const REPORTS = [
  article({ externalId: 'r1', published: '2024-06-10', source: 'Reuters', url: 'https://example.com/r1', byline: 'By Jane Doe', title: 'Troops cross into Kursk',
    text: 'North Korean troops crossed into the Kursk region of Russia on Monday, officials in Kyiv said, in a sign that Ukraine faces a wider war. Russia and Seoul exchanged words. Pyongyang and Washington stayed silent. the NIS watched.',
    actors: ACTORS, events: [{ type: 'MOBILIZE', source: [K.NKT], target: [K.RUS], trigger: 'crossed' }] }),
  article({ externalId: 'r2', published: '2024-06-11', source: 'AP', title: 'Soldiers enter Russia',
    text: 'A column of North Korean troops crossed the frontier overnight into Russia, according to satellite images reviewed on Tuesday by analysts, who said Ukraine should expect them near the front soon.',
    actors: ACTORS, events: [{ type: 'MOBILIZE', source: [K.NKT], target: [K.RUS], trigger: 'crossed' }] }),
  article({ externalId: 'r3', published: '2024-06-12', source: 'Yonhap', title: 'Seoul condemns deployment',
    text: 'Seoul said on Wednesday that North Korean troops had crossed into Russia, and Seoul condemned Pyongyang for what it called an illegal deployment that prolongs the suffering of Ukraine.',
    actors: ACTORS, events: [
      { type: 'MOBILIZE', source: [K.NKT], target: [K.RUS], trigger: 'crossed', attribution: K.KOR },
      { type: 'ACCUSE', source: [K.KOR], target: [K.PRK], trigger: 'condemned' },
    ] }),
  article({ externalId: 'r4', published: '2024-06-25', source: 'Reuters', title: 'A second contingent',
    text: 'More North Korean troops crossed into Russia this week, a second contingent that Western officials say will be sent to the front in Ukraine before the autumn rains.',
    actors: ACTORS, events: [{ type: 'MOBILIZE', source: [K.NKT], target: [K.RUS], trigger: 'crossed' }] }),
  article({ externalId: 'r5', published: '2024-06-10', source: 'Korea Herald', title: 'NIS warns of deployment',
    text: 'the NIS warned that North Korean troops may deploy to Ukraine as early as July or August, with several thousand soldiers expected to take part, lawmakers were told on Monday.',
    actors: ACTORS, events: [{ type: 'MOBILIZE', status: 'forecast', source: [K.NKT], target: [K.UKR], trigger: 'deploy', when: ['2024-07-01', '2024-08-31'],
      likelihood: { cue: 'may', p: 0.4 }, attribution: K.NIS, magnitude: { min: 2000, max: 9999, unit: 'troops' } }] }),
  article({ externalId: 'r6', published: '2024-05-02', source: 'Treasury', title: 'New designations',
    text: 'Washington sanctioned three Pyongyang trading companies on Thursday for shipping arms to Russia in breach of United Nations resolutions.',
    actors: ACTORS, events: [{ type: 'SANCTION', source: [K.USA], target: [K.PRK], trigger: 'sanctioned' }] }),
];

for (const backend of backends) {
  describe(`Storage contract: ${backend.name}`, { skip: backend.skip }, () => {
    const withStore = async (fn: (store: Storage, url: string) => Promise<void>) => {
      const { store, url, cleanup } = await backend.open();
      try {
        await fn(store, url);
      } finally {
        await store.close();
        await cleanup();
      }
    };
    const seeded = (fn: (store: Storage, ids: DocId[]) => Promise<void>) => withStore(async (store) => {
      const results = await store.ingestMany(REPORTS);
      await fn(store, results.map((r) => r.docId));
    });

    test('migrations are recorded and re-running them changes nothing', () => withStore(async (store, url) => {
      await store.ingest(REPORTS[0]);
      await store.migrate();
      const again = await openStore(url);
      try {
        assert.equal((await again.stats()).documents, 1);
      } finally {
        await again.close();
      }
    }));

    test('a document is stored with its text, metadata and whole extraction record, found by id, external id or url', () => withStore(async (store) => {
      const result = await store.ingest(REPORTS[0]);
      assert.equal(result.status, 'new');
      assert.equal(result.storyId, result.docId);
      const doc = await store.document(result.docId);
      assert.ok(doc);
      assert.equal(doc.text, REPORTS[0].text);
      assert.deepEqual(doc.record, REPORTS[0].record);
      assert.deepEqual(doc.meta, { externalId: 'r1', title: 'Troops cross into Kursk', published: '2024-06-10', source: 'Reuters', url: 'https://example.com/r1', byline: 'By Jane Doe' });
      assert.equal(doc.contentHash, REPORTS[0].fingerprint.contentHash);
      assert.match(doc.addedAt, /^\d{4}-\d{2}-\d{2}T/);
      assert.equal((await store.document('r1'))?.id, result.docId);
      assert.equal((await store.document('https://example.com/r1'))?.id, result.docId);
      assert.equal(await store.document('no-such-document'), null);
      assert.equal(await store.hasContentHash(REPORTS[0].fingerprint.contentHash), true);
      assert.equal(await store.hasContentHash('0'.repeat(64)), false);
    }));

    test('adding the same documents twice is idempotent: the same counts, duplicates point at the stored copy', () => withStore(async (store) => {
      const first = await store.ingestMany(REPORTS);
      const before = await store.stats();
      const second = await store.ingestMany(REPORTS);
      assert.deepEqual(await store.stats(), before);
      assert.deepEqual(second.map((r) => r.status), REPORTS.map(() => 'duplicate'));
      assert.deepEqual(second.map((r) => r.docId), first.map((r) => r.docId));
      assert.equal(before.documents, REPORTS.length);
      assert.equal(before.events, 7);
    }));

    test('an exact copy differing only in case, spacing and punctuation is a duplicate, also within one batch', () => withStore(async (store) => {
      const copy = { ...REPORTS[1], text: REPORTS[1].text.toUpperCase().replace(/,/g, ' ;'), fingerprint: fingerprint(REPORTS[1].text.toUpperCase().replace(/,/g, ' ;')) };
      const [a, b] = await store.ingestMany([REPORTS[1], copy]);
      assert.equal(a.status, 'new');
      assert.equal(b.status, 'duplicate');
      assert.equal(b.docId, a.docId);
      assert.equal((await store.stats()).documents, 1);
    }));

    test('a syndicated copy with a changed headline is the same story; an article on the same topic is not', () => withStore(async (store) => {
      const original = await store.ingest(article({ externalId: 'orig', published: '2024-06-18', source: 'Yonhap', title: 'NIS warns of troop deployment', text: ARTICLE }));
      const copy = await store.ingest(article({ externalId: 'copy', published: '2024-06-19', source: 'Wire', title: 'Seoul spy agency: Pyongyang could send soldiers', text: SYNDICATED }));
      const other = await store.ingest(article({ externalId: 'other', published: '2024-06-19', source: 'AP', text: SAME_TOPIC }));
      assert.equal(copy.status, 'near-duplicate');
      assert.equal(copy.storyId, original.storyId);
      assert.notEqual(copy.docId, original.docId);
      assert.equal(other.status, 'new');
      assert.notEqual(other.storyId, original.storyId);
      const stats = await store.stats();
      assert.equal(stats.documents, 3);
      assert.equal(stats.stories, 2);
      assert.equal((await store.document(copy.docId))?.storyId, original.storyId);
    }));

    test('events are stored with codes, status, attribution, likelihood, window, magnitude and spans', () => seeded(async (store, ids) => {
      const [forecast] = await store.events({ status: 'forecast' });
      assert.ok(forecast);
      assert.equal(forecast.docId, ids[4]);
      assert.equal(forecast.id, `${ids[4]}:e1`);
      assert.equal(forecast.type, 'MOBILIZE');
      assert.equal(forecast.date, '2024-07-01');
      assert.equal(forecast.docDate, '2024-06-10');
      assert.deepEqual(forecast.source, [{ code: 'PRK', sector: 'MIL', text: 'North Korean troops' }]);
      assert.deepEqual(forecast.target, [{ code: 'UKR', text: 'Ukraine' }]);
      assert.equal(forecast.attributionCode, 'KOR-SPY');
      assert.equal(forecast.attributionText, 'the NIS');
      assert.equal(forecast.likelihood, 0.4);
      assert.equal(forecast.likelihoodCue, 'may');
      assert.deepEqual([forecast.windowStart, forecast.windowEnd], ['2024-07-01', '2024-08-31']);
      assert.deepEqual([forecast.magnitudeMin, forecast.magnitudeMax, forecast.magnitudeUnit], [2000, 9999, 'troops']);
      assert.equal(REPORTS[4].text.slice(...forecast.trigger.span), 'deploy');
      assert.ok(REPORTS[4].text.slice(...forecast.sentenceSpan).includes('deploy to Ukraine'));
      assert.equal(forecast.docTitle, 'NIS warns of deployment');
    }));

    test('event filters: actor (either side, with or without sector), dyad, type, status, dates, text, paging', () => seeded(async (store, ids) => {
      const docsOf = async (f: Parameters<Storage['events']>[0]) => (await store.events(f)).map((e) => `${ids.indexOf(e.docId) + 1}:${e.type}`);
      // newest event date first; the two events of report 3 share a date and come in descending id order (e2, then e1)
      assert.deepEqual(await docsOf({ actor: 'PRK' }), ['5:MOBILIZE', '4:MOBILIZE', '3:ACCUSE', '3:MOBILIZE', '2:MOBILIZE', '1:MOBILIZE', '6:SANCTION']);
      assert.deepEqual(await docsOf({ actor: 'prk-mil' }), ['5:MOBILIZE', '4:MOBILIZE', '3:MOBILIZE', '2:MOBILIZE', '1:MOBILIZE']);
      assert.deepEqual(await docsOf({ actor: 'PRKMIL', type: 'mobilize', status: 'asserted' }), ['4:MOBILIZE', '3:MOBILIZE', '2:MOBILIZE', '1:MOBILIZE']);
      assert.deepEqual(await docsOf({ dyad: { source: 'PRK', target: 'RUS' } }), ['4:MOBILIZE', '3:MOBILIZE', '2:MOBILIZE', '1:MOBILIZE']);
      assert.deepEqual(await docsOf({ dyad: { source: 'PRK-MIL', target: 'RUS' }, since: '2024-06-11' as IsoDate, until: '2024-06-12' as IsoDate }), ['3:MOBILIZE', '2:MOBILIZE']);
      assert.deepEqual(await docsOf({ dyad: { source: 'RUS', target: 'PRK' } }), []);
      assert.deepEqual(await docsOf({ dyad: { source: 'KOR', target: 'PRK' }, actor: 'KOR' }), ['3:ACCUSE']);
      assert.deepEqual(await docsOf({ dyad: { source: 'KOR', target: 'PRK' }, actor: 'USA' }), []);
      assert.deepEqual(await docsOf({ type: 'SANCTION' }), ['6:SANCTION']);
      assert.deepEqual(await docsOf({ since: '2024-06-12' as IsoDate, until: '2024-06-12' as IsoDate }).then((x) => x.sort()), ['3:ACCUSE', '3:MOBILIZE']);
      assert.deepEqual(await docsOf({ text: 'Kursk' }), ['1:MOBILIZE']);
      assert.deepEqual(await docsOf({ text: 'sanctions companies' }), ['6:SANCTION']);
      assert.deepEqual(await docsOf({ text: '!!!' }), []);
      const all = await store.events({ limit: 100 });
      assert.equal(all.length, 7);
      assert.ok(all.every((e, i) => i === 0 || all[i - 1].date >= e.date), 'newest event date first');
      assert.deepEqual((await store.events({ limit: 2, offset: 1 })).map((e) => e.id), all.slice(1, 3).map((e) => e.id));
      assert.equal(await store.countEvents({ actor: 'PRK' }), 7);
      assert.equal(await store.countEvents({ dyad: { source: 'PRK', target: 'RUS' }, status: 'asserted' }), 4);
      assert.equal(await store.countEvents(), 7);
    }));

    test('reports of the same event within three days form one cluster with its mention count, report dates and every span', () => seeded(async (store, ids) => {
      const clusters = await store.clusters({ type: 'MOBILIZE' });
      assert.deepEqual(clusters.map((c) => [c.status, c.mentionCount, c.lastDate]), [['asserted', 3, '2024-06-12'], ['forecast', 1, '2024-07-01'], ['asserted', 1, '2024-06-25']]);
      const big = clusters[0];
      assert.equal(big.mentionCount, 3);
      assert.equal(big.storyCount, 3);
      assert.deepEqual([big.sourceCodes, big.targetCodes], [['PRK'], ['RUS']]);
      assert.deepEqual([big.firstDate, big.lastDate, big.firstReport, big.lastReport], ['2024-06-10', '2024-06-12', '2024-06-10', '2024-06-12']);
      const full = await store.cluster(big.id);
      assert.ok(full);
      assert.deepEqual(full.mentions.map((m) => m.docId), ids.slice(0, 3));
      assert.deepEqual(full.mentions.map((m) => m.source), ['Reuters', 'AP', 'Yonhap']);
      full.mentions.forEach((m, i) => assert.equal(REPORTS[i].text.slice(...m.trigger), 'crossed'));
      const events = await store.events({ dyad: { source: 'PRK', target: 'RUS' } });
      assert.equal(new Set(events.filter((e) => e.date <= '2024-06-12').map((e) => e.clusterId)).size, 1);
      assert.notEqual(events.find((e) => e.docId === ids[3])?.clusterId, big.id, 'a crossing two weeks later is another event');
      assert.deepEqual((await store.clusters({ minMentions: 2 })).map((c) => c.id), [big.id]);
      assert.deepEqual((await store.clusters({ actor: 'KOR' })).map((c) => c.type), ['ACCUSE']);
      assert.deepEqual((await store.clusters({ since: '2024-06-20' as IsoDate, until: '2024-06-30' as IsoDate })).map((c) => c.firstDate), ['2024-06-25']);
      assert.equal(await store.cluster('no-such-cluster' as ClusterId), null);
      assert.equal((await store.stats()).clusters, 5);
    }));

    test('a near-duplicate adds a mention to the cluster but not a story', () => withStore(async (store) => {
      const spec = { actors: ACTORS, events: [{ type: 'MOBILIZE' as const, source: [K.NKT], target: [K.UKR], trigger: 'deploy' }] };
      const text = ARTICLE.replace('North Korea may deploy troops', 'North Korean troops may deploy');
      await store.ingest(article({ ...spec, externalId: 'o', published: '2024-06-18', text }));
      await store.ingest(article({ ...spec, externalId: 'c', published: '2024-06-19', text: SYNDICATED.replace('North Korea may deploy troops', 'North Korean troops may deploy') }));
      const [c] = await store.clusters();
      assert.equal(c.mentionCount, 2);
      assert.equal(c.storyCount, 1);
    }));

    test('replacing an extraction swaps its rows and re-clusters its events', () => seeded(async (store, ids) => {
      const [big] = await store.clusters({ minMentions: 3 });
      const redone = article({ ...specOf(2), events: [{ type: 'ACCUSE', source: [K.KOR], target: [K.PRK], trigger: 'condemned' }] }).record;
      assert.equal(await store.replaceExtraction(ids[2], redone), true);
      assert.deepEqual((await store.document(ids[2]))?.record, redone);
      assert.equal((await store.events({ dyad: { source: 'PRK', target: 'RUS' } })).length, 3);
      const after = await store.cluster(big.id);
      assert.equal(after?.mentionCount, 2);
      assert.equal(after?.lastDate, '2024-06-11');
      assert.equal((await store.stats()).events, 6);
      const emptied = (await store.events({ type: 'SANCTION' }))[0].clusterId;
      assert.equal(await store.replaceExtraction(ids[5], { ...REPORTS[5].record, events: [] }), true);
      assert.equal(await store.cluster(emptied), null, 'a cluster left without mentions is dropped');
      assert.equal(await store.replaceExtraction('0000000000000000' as DocId, redone), false);
    }));

    test('full-text search ranks matching documents, stems words, handles phrases and returns a snippet', () => seeded(async (store, ids) => {
      const hits = await store.search('deployment');
      assert.deepEqual(hits.map((h) => h.docId).sort(), [ids[2], ids[4]].sort());
      assert.match(hits[0].snippet, /\[deploy/i);
      assert.deepEqual((await store.search('"trading companies"')).map((h) => h.docId), [ids[5]]);
      assert.deepEqual((await store.search('trading satellite')), []);
      assert.deepEqual(await store.search('   '), []);
      assert.equal((await store.search('crossed', { limit: 2 })).length, 2);
      const troops = await store.search('Kursk');
      assert.equal(troops[0].title, 'Troops cross into Kursk');
      assert.equal(troops[0].source, 'Reuters');
    }));

    test('actors are aggregated by code, sector and name with document, mention and role counts', () => seeded(async (store) => {
      const [nkt] = await store.actors({ code: 'PRK-MIL' });
      assert.equal(nkt.text, 'North Korean troops');
      assert.equal(nkt.documents, 5);
      assert.equal(nkt.asSource, 5);
      assert.equal(nkt.asTarget, 0);
      assert.equal(nkt.mentions, REPORTS.reduce((n, r) => n + (r.text.match(/North Korean troops/g)?.length ?? 0), 0));
      const prk = await store.actors({ code: 'PRK' });
      assert.deepEqual(prk.map((a) => a.sector ?? ''), ['MIL', '']);
      assert.deepEqual((await store.actors({ text: 'washing' })).map((a) => `${a.code}-${a.sector}`), ['USA-GOV']);
      assert.equal((await store.actors({ limit: 100 })).length, ACTORS.length);
    }));

    test('documents can be paged in id order', () => seeded(async (store, ids) => {
      const first = await store.documents({ limit: 4 });
      const rest = await store.documents({ after: first[first.length - 1].id, limit: 10 });
      assert.deepEqual([...first, ...rest].map((d) => d.id), [...ids].sort());
    }));

    test('SQL injection through every filter is inert', () => seeded(async (store) => {
      const before = await store.stats();
      const evil = ["'; DROP TABLE events; --", "x' OR '1'='1", '") OR 1=1 --', '%', '\\', "1; DELETE FROM documents"];
      for (const s of evil) {
        assert.deepEqual(await store.events({ type: s }), []);
        assert.deepEqual(await store.events({ status: s as never }), []);
        assert.ok(Array.isArray(await store.events({ text: s })));
        await assert.rejects(store.events({ actor: s }), StoreError);
        await assert.rejects(store.events({ dyad: { source: s, target: 'RUS' } }), StoreError);
        await assert.rejects(store.events({ since: s as IsoDate }), StoreError);
        await assert.rejects(store.events({ until: s as IsoDate }), StoreError);
        assert.deepEqual(await store.actors({ text: s }), []);
        await assert.rejects(store.actors({ code: s }), StoreError);
        assert.ok(Array.isArray(await store.search(s)));
        assert.equal(await store.document(s), null);
        assert.deepEqual(await store.clusters({ type: s }), []);
        assert.equal(await store.cluster(s as ClusterId), null);
        assert.deepEqual(await store.jobs(s as never), []);
      }
      assert.deepEqual(await store.events({ limit: "1; DROP TABLE events" as never }), []);
      assert.deepEqual(await store.stats(), before);
      assert.equal((await store.events({ limit: 100 })).length, 7);
    }));

    test('malformed records are stored without failing: repeated ids, missing arrays, impossible dates', () => withStore(async (store) => {
      const input = article({ externalId: 'odd', published: '2024-02-10', text: 'Russia attacked Ukraine again, officials said.', actors: [ACTORS[K.RUS], ACTORS[K.UKR]],
        events: [{ type: 'ASSAULT', source: [0], target: [1], trigger: 'attacked', when: ['2024-02-30', 'soon'] }] });
      input.record.actors.push({ ...input.record.actors[0] });
      input.record.events.push({ ...input.record.events[0], source: ['a9'] });
      const result = await store.ingest(input);
      const events = await store.events();
      assert.equal(events.length, 1);
      assert.equal(events[0].date, '2024-02-10', 'an impossible window start falls back to the document date');
      assert.equal(events[0].windowStart, undefined);
      const bare = await store.ingest({ ...article({ text: 'Nothing happened at all today.' }), record: { version: 1 } as never });
      assert.equal(bare.status, 'new');
      assert.notEqual(bare.docId, result.docId);
      await assert.rejects(store.ingest({ ...input, fingerprint: undefined as never }), (e: unknown) => e instanceof StoreError && e.code === 'bad-input');
      await assert.rejects(store.ingest({ ...input, text: 42 as never }), StoreError);
    }));

    test('jobs: enqueue with keys, claim without overlap, complete, retry then fail, reclaim after the lease', () => withStore(async (store) => {
      const ids = await store.enqueue([1, 2, 3, 4, 5].map((n) => ({ kind: 'url', payload: { url: `https://example.com/${n}` }, key: `u${n}` })));
      assert.equal(ids.length, 5);
      assert.deepEqual(await store.enqueue([{ kind: 'url', payload: {}, key: 'u1' }, { kind: 'text', payload: 'x' }]).then((x) => x.length), 1);
      const [a, b] = await Promise.all([store.claim('w1', 3), store.claim('w2', 3)]);
      const claimed = [...a, ...b].map((j) => j.id);
      assert.equal(claimed.length, 6);
      assert.equal(new Set(claimed).size, 6, 'two workers never get the same job');
      for (const j of [...a, ...b]) assert.deepEqual(j.payload, j.kind === 'url' ? { url: `https://example.com/${ids.indexOf(j.id) + 1}` } : 'x');
      assert.deepEqual(await store.claim('w3', 5), []);
      await store.complete(a[0].id);
      await store.fail(a[1].id, 'timeout');
      await store.fail(a[2].id, 'not a feed', { retry: false });
      let stats = (await store.stats()).jobs;
      assert.deepEqual(stats, { queued: 1, running: 3, done: 1, failed: 1 });
      const [again] = await store.claim('w3', 5);
      assert.equal(again.id, a[1].id);
      assert.equal(again.attempts, 2);
      await store.fail(again.id, 'timeout', { maxAttempts: 2 });
      const failed = await store.jobs('failed');
      assert.deepEqual(failed.map((j) => [j.id, j.error]).sort(), [[a[1].id, 'timeout'], [a[2].id, 'not a feed']].sort());
      const lapsed = await store.claim('w4', 1, { leaseMs: -1000 });
      assert.equal(lapsed.length, 0);
      const [stale] = await store.enqueue([{ kind: 'file', payload: '/tmp/x' }]);
      await store.claim('dead-worker', 1, { leaseMs: -1000 });
      const [reclaimed] = await store.claim('w5', 1);
      assert.equal(reclaimed.id, stale as JobId);
      assert.equal(reclaimed.attempts, 2);
      stats = (await store.stats()).jobs;
      assert.equal(stats.running, 4);
    }));

    test('tracker events carry codes, issuer, window and the sentence text cut from the document', () => seeded(async (store, ids) => {
      const events = await store.trackEvents();
      assert.equal(events.length, (await store.stats()).events);
      assert.deepEqual(events.map((e) => e.docDate), [...events.map((e) => e.docDate)].sort());
      const forecast = events.find((e) => e.status === 'forecast')!;
      assert.equal(forecast.docId, ids[4]);
      assert.deepEqual([forecast.sourceCodes, forecast.targetCodes, forecast.windowStart, forecast.windowEnd], [['PRK'], ['UKR'], '2024-07-01', '2024-08-31']);
      const doc = (await store.document(ids[4]))!;
      assert.equal(forecast.sentence?.text, doc.text.slice(...forecast.sentence!.span));
      assert.ok(forecast.sentence!.text.includes('deploy'));
      assert.equal((await store.trackEvents({ until: '2024-05-01' })).length, 0);
      assert.deepEqual((await store.trackEvents({ since: '2024-05-02', until: '2024-06-09' })).map((e) => e.type), ['SANCTION']);
    }));

    test('tracker events tell international bodies apart by organisation, as actors and as issuers', () => withStore(async (store) => {
      await store.ingestMany([article({ externalId: 'igo', published: '2025-02-01', text: 'NATO officials said the European Union would impose sanctions on Russia.',
        actors: [{ text: 'NATO officials', code: 'IGO', kind: 'igo', org: 'NATO' }, { text: 'European Union', code: 'IGO', kind: 'igo', org: 'EU' }, { text: 'Russia', code: 'RUS' }],
        events: [{ type: 'SANCTION', status: 'forecast', source: [1], target: [2], trigger: 'impose', attribution: 0 }] })]);
      const [e] = await store.trackEvents();
      assert.deepEqual([e.sourceCodes, e.targetCodes, e.issuer], [['IGO:EU'], ['RUS'], 'IGO:NATO']);
    }));

    test('resolutions are an append-only audit trail, oldest first', () => withStore(async (store) => {
      await store.addResolution({ forecastId: 'F-1', state: 'confirmed', by: 'ana', at: '2024-10-24T10:00:00Z', on: '2024-10-23', evidenceDoc: 'd9', note: 'NIS briefing' });
      await store.addResolution({ forecastId: 'F-2', state: 'refuted', by: 'bo', at: '2024-10-25T10:00:00Z', on: '2024-10-25' });
      await store.addResolution({ forecastId: 'F-1', state: 'withdrawn', by: 'ana', at: '2024-10-26T10:00:00Z', on: '2024-10-26', note: "'; DROP TABLE resolutions; --" });
      assert.deepEqual((await store.resolutions('F-1')).map((r) => [r.state, r.evidenceDoc, r.note]), [['confirmed', 'd9', 'NIS briefing'], ['withdrawn', undefined, "'; DROP TABLE resolutions; --"]]);
      assert.equal((await store.resolutions()).length, 3);
      await assert.rejects(store.addResolution({ forecastId: 'F-1', state: 'maybe' as 'open', by: 'x', at: 'x', on: 'x' }), StoreError);
    }));

    test('tokens are stored hashed, verified by secret, and stop working when revoked', () => withStore(async (store) => {
      const { info, secret } = await store.createToken('ops', 'analyst');
      assert.match(secret, /^wf_/);
      assert.deepEqual(await store.verifyToken(secret), info);
      assert.equal(await store.verifyToken(`${secret}x`), null);
      assert.equal(await store.verifyToken(''), null);
      assert.equal((await store.listTokens()).length, 1);
      assert.equal(await store.revokeToken(info.id), true);
      assert.equal(await store.verifyToken(secret), null);
      assert.equal((await store.listTokens())[0].revoked, true);
      await assert.rejects(store.createToken('x', 'root' as 'admin'), StoreError);
    }));
  });
}

function specOf(i: number) {
  const r = REPORTS[i];
  return { externalId: r.meta.externalId, published: r.meta.published, source: r.meta.source, title: r.meta.title, text: r.text, actors: ACTORS };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
