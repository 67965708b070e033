// Tests for the tracker commands on a small archive: the forecast JSON, resolving with an audit trail, calibration,
// warning problems, the brief, and clear messages for an empty archive, an unknown id and a malformed problem.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { article } from '../store/fixtures.js';
import { openStore } from '../store/index.js';
import { UsageError } from './errors.js';
import { registerTrackCommands } from './track-commands.js';

const ACTORS = [{ text: 'North Korean troops', code: 'PRK', sector: 'MIL' }, { text: 'Russia', code: 'RUS' }, { text: 'the NIS', code: 'KOR', sector: 'SPY' }];
let dir: string;

async function run(db: string, ...args: string[]): Promise<string> {
  const out: string[] = [];
  const program = new Command().exitOverride();
  registerTrackCommands(program, { out: (s) => out.push(s), err: () => {}, errIsTTY: false, env: { WATCHFLOOR_DB: db, USER: 'tester' } });
  await program.parseAsync(['node', 'watchfloor', ...args]);
  return out.join('');
}

describe('tracker commands', () => {
  let db: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-track-'));
    db = path.join(dir, 'archive.db');
    const store = await openStore(db);
    await store.ingestMany([
      article({ externalId: 'warning', published: '2024-06-20', text: 'the NIS said North Korean troops may deploy to Russia as early as July or August.',
        actors: ACTORS, events: [{ type: 'AID', status: 'forecast', source: [0], target: [1], trigger: 'deploy', when: ['2024-07-01', '2024-08-31', 'as early as July or August'], likelihood: { cue: 'may', p: 0.4 }, attribution: 2 }] }),
      article({ externalId: 'arrival', published: '2024-10-23', text: 'North Korean troops have arrived in Russia, the NIS told lawmakers.',
        actors: ACTORS, events: [{ type: 'AID', source: [0], target: [1], trigger: 'arrived', attribution: 2 }] }),
    ]);
    await store.close();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('forecasts --json lists id, issuer, event, window, likelihood, status, sources and the proposed resolution', async () => {
    const [f] = JSON.parse(await run(db, 'forecasts', '--json'));
    assert.deepEqual(f.event, { type: 'AID', source: ['PRK'], target: ['RUS'] });
    assert.equal(f.issuer, 'KOR-SPY');
    assert.deepEqual([f.window.start, f.window.end, f.likelihood.p, f.status], ['2024-07-01', '2024-08-31', 0.4, 'confirmed']);
    assert.match(f.sources[0].text, /may deploy/);
    assert.equal(f.resolution.by, 'tracker (proposed)');
    assert.match(f.resolution.evidence[0].text, /have arrived/);
    assert.equal(JSON.parse(await run(db, 'forecasts', '--open', '--json')).length, 0);
  });

  test('resolve records the decision with who and the cited document, and calibration scores it', async () => {
    const [f] = JSON.parse(await run(db, 'forecasts', '--json'));
    assert.match(await run(db, 'resolve', f.id, 'refuted', '--by', 'arrival', '--note', 'wrong unit'), /is now refuted/);
    const [after] = JSON.parse(await run(db, 'forecasts', '--json'));
    assert.deepEqual([after.status, after.resolution.by, after.resolution.note], ['refuted', 'tester', 'wrong unit']);
    const store = await openStore(db);
    try {
      assert.deepEqual((await store.resolutions(f.id)).map((r) => [r.state, r.by]), [['refuted', 'tester']]);
    } finally {
      await store.close();
    }
    const [kor] = JSON.parse(await run(db, 'calibration', '--json'));
    assert.deepEqual([kor.issuer, kor.scored, kor.brier], ['KOR-SPY', 1, 0.16]);
    await run(db, 'resolve', f.id, 'open');
    assert.equal(JSON.parse(await run(db, 'forecasts', '--json'))[0].status, 'confirmed');
  });

  test('watch and brief read the archive', async () => {
    const problem = path.join(dir, 'p.yaml');
    fs.writeFileSync(problem, 'id: p\ntitle: Troops to Russia\nindicators:\n  - id: in\n    title: Troops arrive\n    query: { types: [AID], source: [PRK], statuses: [asserted] }\n    minSources: 1\n');
    const [status] = JSON.parse(await run(db, 'watch', problem, '--json'));
    assert.deepEqual([status.indicators[0].state, status.level], ['corroborated', 'critical']);
    const brief = await run(db, 'brief', '--since', '7d', '--problem', problem);
    assert.match(brief, /North Korea gave aid to Russia, reported on 2024-10-23\.\[\^1\]/);
    assert.match(brief, /Troops to Russia: warning level CRITICAL \(up from low\)/);
  });

  test('an empty archive, an unknown forecast and a malformed problem give clear messages', async () => {
    const empty = path.join(dir, 'empty.db');
    assert.equal(await run(empty, 'forecasts'), '(none)\n');
    assert.equal(await run(empty, 'calibration'), '(none)\n');
    assert.match(await run(empty, 'brief'), /No new events were reported in the period\./);
    await assert.rejects(run(db, 'resolve', 'F-unknown', 'confirmed'), (e: unknown) => e instanceof UsageError && /no forecast "F-unknown"/.test(e.message));
    await assert.rejects(run(db, 'resolve', 'F-x', 'maybe'), /confirmed, refuted, withdrawn or open/);
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'id: x\ntitle: y\nindicators:\n  - id: a\n    query: { types: [INVADE] }\n');
    await assert.rejects(run(db, 'watch', bad), (e: unknown) => e instanceof UsageError && /bad\.yaml: indicators\[0\]\.query\.types: "INVADE" is not a PLOVER type/.test(e.message));
    await assert.rejects(run(db, 'watch', path.join(dir, 'missing.yaml')), /cannot read .*missing\.yaml: no such file/);
  });
});
