// The dev storylines replayed in publication order: outcome agreement, the seed's warning confirmed by the article that
// reported the deployment, and the example warning problem moving as the articles arrive.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadModel } from '../nlp/model/load.js';
import { openStore } from '../store/index.js';
import type { Storage } from '../store/types.js';
import { replayStorylines, type Replay } from './replay.js';
import { agreement } from './storylines.js';
import { parseProblem } from './problems.js';
import { watchProblems } from './service.js';

const DEV = path.resolve(process.env.WATCHFLOOR_SHARED ?? '../shared', 'eval', 'articles', 'dev');
const available = fs.existsSync(path.join(DEV, 'storylines.json'));
if (!available && process.env.CI === 'true') throw new Error(`the dev articles are missing at ${DEV}`);

const skip = available ? false : `no dev articles at ${DEV} (set WATCHFLOOR_SHARED)`;

describe('the dev storylines replayed in publication order', { skip }, () => {
  let dir: string;
  let store: Storage;
  let replay: Replay;
  before(async () => {
    const storylines = JSON.parse(fs.readFileSync(path.join(DEV, 'storylines.json'), 'utf8'));
    const articles = fs.readdirSync(DEV).filter((f) => /^dev-.*\.json$/.test(f)).map((f) => JSON.parse(fs.readFileSync(path.join(DEV, f), 'utf8')));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-replay-'));
    store = await openStore(path.join(dir, 'a.db'));
    replay = await replayStorylines(articles, storylines, store, loadModel());
  });
  after(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the tracker reproduces at least 80% of the recorded outcomes (confirmed, refuted, open)', () => {
    const { agree, total } = agreement(replay.checks);
    const misses = replay.checks.filter((c) => !c.optional && c.got !== c.expected).map((c) => `${c.doc}: expected ${c.expected}, got ${c.got ?? 'no forecast'}: ${c.evidence}`);
    assert.ok(agree / total >= 0.8, `${agree}/${total} agree; misses:\n${misses.join('\n')}`);
  });

  test('the seed forecast ends confirmed, citing the confirming article', () => {
    const { checks, forecasts, nameOf } = replay;
    const seed = checks.find((c) => c.doc === 'dev-000-seed');
    assert.ok(seed?.forecastId, 'the seed forecast is tracked');
    assert.equal(seed.got, 'confirmed');
    const f = forecasts.find((x) => x.id === seed.forecastId)!;
    assert.ok(f.proposal!.evidence.some((e) => nameOf(e.docId) === 'dev-001'), `cited ${f.proposal!.evidence.map((e) => nameOf(e.docId)).join(', ')}`);
    assert.deepEqual([f.window?.start, f.window?.end, f.issuer], ['2024-07-01', '2024-08-31', 'KOR-SPY']);
  });

  test('the example warning problem moves as the storyline\'s articles arrive', async () => {
    const problem = parseProblem(fs.readFileSync(path.resolve('examples', 'problems', 'prk-troops-russia.yaml'), 'utf8'), 'prk-troops-russia.yaml');
    const at = async (day: string) => {
      const [s] = await watchProblems(store, [problem], day);
      return { score: s.score, state: Object.fromEntries(s.indicators.map((i) => [i.id, i.state])) };
    };
    const june = await at('2024-06-20'), october = await at('2024-10-31'), november = await at('2024-11-20');
    assert.equal(june.state.warning, 'observed', 'the seed\'s warning is observed on its day');
    assert.equal(june.state.deployed, 'not observed');
    assert.notEqual(october.state.deployed, 'not observed', 'troops reported in Russia by late October');
    assert.notEqual(november.state.combat, 'not observed', 'combat reported by November');
    assert.ok(june.score < october.score && october.score <= november.score, `scores ${june.score} ${october.score} ${november.score}`);
  });
});
