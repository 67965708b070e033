// Tests for the archive query commands: filters reach the store, output formats are well-formed, bad values are usage errors.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { article, ARTICLE } from '../store/fixtures.js';
import { openStore } from '../store/index.js';
import type { DocId } from '../core/ids.js';
import { UsageError } from './errors.js';
import { registerStoreCommands } from './store-commands.js';
import { csv } from './common.js';

const ACTORS = [{ text: 'North Korean troops', code: 'PRK', sector: 'MIL' }, { text: 'Russia', code: 'RUS' }, { text: '=cmd|calc', code: '---' }];
let dir: string, db: string, ids: DocId[];

async function run(...args: string[]): Promise<string> {
  const out: string[] = [];
  const program = new Command().exitOverride();
  registerStoreCommands(program, { out: (s) => out.push(s), err: () => {}, errIsTTY: false, env: { WATCHFLOOR_DB: db } });
  await program.parseAsync(['node', 'watchfloor', ...args]);
  return out.join('');
}

describe('archive commands', () => {
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-cli-'));
    db = path.join(dir, 'archive.db');
    const store = await openStore(db);
    const results = await store.ingestMany([
      article({ externalId: 'one', title: 'Troops, "finally", cross', published: '2024-06-10', source: 'Wire', text: 'North Korean troops crossed into Russia on Monday, and =cmd|calc was seen.',
        actors: ACTORS, events: [{ type: 'MOBILIZE', source: [0], target: [1], trigger: 'crossed' }, { type: 'ASSAULT', source: [2], target: [1], trigger: 'seen' }] }),
      article({ externalId: 'two', published: '2024-06-11', source: 'Agency', text: 'North Korean troops crossed the frontier into Russia overnight, analysts said on Tuesday.',
        actors: ACTORS, events: [{ type: 'MOBILIZE', source: [0], target: [1], trigger: 'crossed' }] }),
      article({ externalId: 'nis', published: '2024-06-12', source: 'Herald', text: ARTICLE }),
    ]);
    ids = results.map((r) => r.docId);
    await store.close();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('events: filters and --json', async () => {
    const events = JSON.parse(await run('events', '--actor', 'prk-mil', '--type', 'mobilize', '--json'));
    assert.deepEqual(events.map((e: { docId: string }) => e.docId), [ids[1], ids[0]]);
    assert.equal(JSON.parse(await run('events', '--dyad', 'PRK:RUS', '--since', '2024-06-11', '--json')).length, 1);
    assert.equal(JSON.parse(await run('events', '--text', 'frontier', '--json')).length, 1);
    assert.equal(JSON.parse(await run('events', '--limit', '1', '--offset', '1', '--json')).length, 1);
    assert.equal(await run('events', '--status', 'negated'), '(none)\n');
  });

  test('events: --csv quotes cells, guards formulas and has one row per event', async () => {
    const lines = (await run('events', '--csv')).trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + 3);
    assert.match(lines[0], /^date,type,status,source,target,/);
    assert.ok(lines.some((l) => l.includes('"Troops, ""finally"", cross"')), 'a title with a comma and quotes is quoted');
    assert.ok(lines.some((l) => l.includes(',---,RUS,')), 'a code of dashes is not mistaken for a formula');
    assert.equal(csv([{ v: '=SUM(A1)' }, { v: '-1+2' }, { v: '---' }], [['v', (r) => r.v]]), "v\r\n'=SUM(A1)\r\n'-1+2\r\n---\r\n");
  });

  test('show: a document by id or external id, as text, --json and --csv', async () => {
    const text = await run('show', 'one');
    assert.match(text, /Troops, "finally", cross/);
    assert.match(text, /events \(2\)/);
    const doc = JSON.parse(await run('show', ids[0], '--json'));
    assert.equal(doc.id, ids[0]);
    assert.equal(doc.record.events.length, 2);
    assert.equal((await run('show', 'two', '--csv')).trimEnd().split('\r\n').length, 2);
    await assert.rejects(run('show', 'nope'), (e: unknown) => e instanceof UsageError && /no document "nope"/.test(e.message));
  });

  test('clusters, one cluster, actors and search', async () => {
    const clusters = JSON.parse(await run('clusters', '--json'));
    assert.deepEqual(clusters.map((c: { mentionCount: number }) => c.mentionCount), [2, 1]);
    const mentions = (await run('clusters', clusters[0].id, '--csv')).trimEnd().split('\r\n');
    assert.equal(mentions.length, 3);
    assert.match(await run('clusters', '--min-mentions', '2'), /MOBILIZE/);
    const actors = JSON.parse(await run('actors', '--code', 'PRK', '--json'));
    assert.deepEqual(actors.map((a: { documents: number }) => a.documents), [2]);
    const hits = JSON.parse(await run('search', 'deploy troops', '--json'));
    assert.deepEqual(hits.map((h: { docId: string }) => h.docId), [ids[2]]);
  });

  test('bad values are usage errors naming the flag, and injection attempts never reach SQL as code', async () => {
    const usage = (re: RegExp) => (e: unknown) => e instanceof UsageError && re.test(e.message);
    await assert.rejects(run('events', '--status', "asserted' OR 1=1 --"), usage(/--status must be one of/));
    await assert.rejects(run('events', '--type', 'x; DROP TABLE events'), usage(/--type must be a PLOVER event type/));
    await assert.rejects(run('events', '--since', "2024-01-01' OR '1'='1"), usage(/--since must be a YYYY-MM-DD/));
    await assert.rejects(run('events', '--actor', "PRK' OR 1=1 --"), usage(/not an actor code/));
    await assert.rejects(run('events', '--dyad', "PRK:RUS'; DELETE FROM events; --"), usage(/not an actor code/));
    await assert.rejects(run('events', '--limit', '1; DROP TABLE events'), usage(/--limit must be a whole number/));
    await assert.rejects(run('events', '--json', '--csv'), usage(/one of --json and --csv/));
    assert.equal(JSON.parse(await run('events', '--text', "crossed') OR 1=1 --", '--json')).length, 0);
    assert.deepEqual(JSON.parse(await run('actors', '--text', "%' OR '1'='1", '--json')), []);
    assert.equal(JSON.parse(await run('search', '"; DROP TABLE documents; --', '--json')).length, 0);
    assert.equal(JSON.parse(await run('events', '--json')).length, 3, 'nothing was dropped or deleted');
  });

  test('an archive that cannot be opened is a usage error naming it', async () => {
    await assert.rejects(run('events', '--db', path.join(dir, 'missing', 'x.db')), (e: unknown) => e instanceof UsageError && /does not exist/.test(e.message));
  });

  test('reprocess re-extracts every document with the current extractor', async () => {
    const summary = JSON.parse(await run('reprocess', '--json'));
    assert.equal(summary.documents, 3);
    assert.equal(summary.reprocessed, 3);
    assert.equal(summary.failed, 0);
    const doc = JSON.parse(await run('show', 'nis', '--json'));
    assert.ok(doc.record.actors.length > 0, 'the extractor found actors in the NIS article');
    assert.equal(doc.record.document.id, 'nis', 'the reader\'s id in the record is kept');
  });
});
