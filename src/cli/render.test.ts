// Tests for the terminal view: what it shows of actors and events, colour only when asked, document text kept harmless.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExtractionRecord } from '../core/record.js';
import { renderRecord, wantsColor } from './render.js';

const record: ExtractionRecord = {
  version: 1,
  document: { id: 'seed', title: 'Troops \x1b[31mred', published: '2024-06-20', referenceDate: '2024-06-20', referenceAssumed: false, language: 'en' },
  actors: [
    { id: 'a1', text: 'the NIS', mentions: [[0, 7]], kind: 'organization', code: 'KOR', sector: 'SPY', org: 'NIS' },
    { id: 'a2', text: 'North Korea', mentions: [[20, 31], [60, 62]], kind: 'state', code: 'PRK' },
    { id: 'a3', text: 'Russia', mentions: [[50, 56]], kind: 'state', code: 'RUS' },
  ],
  events: [{
    id: 'e1', type: 'MOBILIZE', context: ['military'], source: ['a2'], target: ['a3'], status: 'forecast',
    attribution: { actor: 'a1', cue: 'warned' },
    likelihood: { cue: 'may', p: 0.4 },
    when: { text: 'as early as July or August', start: '2024-07-01', end: '2024-08-31' },
    magnitude: { text: 'several thousand', min: 2000, max: 9999, unit: 'troops' },
    trigger: { text: 'deploy', span: [36, 42] },
    sentence: { index: 0, span: [0, 90] },
    confidence: 0.62,
    why: ['"may" before the trigger'],
  } as ExtractionRecord['events'][number]],
};

test('the view lists actors with codes, then each event with status, attribution, window, likelihood and magnitude', () => {
  const out = renderRecord(record, { color: false, explain: false });
  assert.match(out, /a1 +the NIS +KOR\/SPY/);
  assert.match(out, /North Korea +PRK .*2 mentions/);
  assert.match(out, /e1 +MOBILIZE forecast +North Korea \(a2 PRK\) -> Russia \(a3 RUS\)/);
  assert.match(out, /according to: the NIS \(a1 KOR\/SPY\), “warned”/);
  assert.match(out, /window: as early as July or August \(2024-07-01 to 2024-08-31\)/);
  assert.match(out, /likelihood: may \(p 0\.4\)/);
  assert.match(out, /magnitude: several thousand \(2,000-9,999 troops\)/);
  assert.doesNotMatch(out, /confidence|why:/);
});

test('--explain adds confidence and the notes', () => {
  const out = renderRecord(record, { color: false, explain: true });
  assert.match(out, /confidence: 0\.62/);
  assert.match(out, /why: "may" before the trigger/);
});

test('colour codes appear only when colour is on, and escape sequences from the document never reach the terminal', () => {
  const plain = renderRecord(record, { color: false, explain: false });
  assert.doesNotMatch(plain, /\x1b/);
  assert.match(plain, /“Troops  \[31mred”/);
  const coloured = renderRecord(record, { color: true, explain: false });
  assert.match(coloured, /\x1b\[33mforecast\x1b\[39m/);
  assert.doesNotMatch(coloured, /\x1b\[31mred/);
});

test('colour: a terminal only, NO_COLOR wins, FORCE_COLOR forces', () => {
  assert.equal(wantsColor({ isTTY: true }, {}), true);
  assert.equal(wantsColor({ isTTY: false }, {}), false);
  assert.equal(wantsColor({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(wantsColor({ isTTY: false }, { FORCE_COLOR: '1' }), true);
  assert.equal(wantsColor({ isTTY: true }, { FORCE_COLOR: '1', NO_COLOR: '1' }), false);
});

test('an event naming an actor the record lacks is shown as such rather than crashing', () => {
  const broken: ExtractionRecord = { ...record, events: [{ ...record.events[0], source: ['a9'] }] };
  assert.match(renderRecord(broken, { color: false, explain: false }), /a9 \(unknown actor\)/);
});

test('with the text at hand each event quotes its sentence on one line, cut at words around the trigger when long', () => {
  const before = 'Officials in Seoul said on Thursday, after a long closed session of the intelligence committee, that ';
  const after = ' to Russia as early as July or August, in numbers that could reach several thousand, to help with the war.';
  const text = `${before}North Korea\nmay deploy troops${after}`;
  const start = text.indexOf('deploy');
  const long: ExtractionRecord = { ...record, events: [{ ...record.events[0], trigger: { text: 'deploy', span: [start, start + 6] }, sentence: { index: 0, span: [0, text.length] } }] };
  const line = renderRecord(long, { color: false, explain: false, text }).split('\n').find((l) => l.includes('sentence:'))!;
  assert.match(line, /sentence: …\w.*North Korea may deploy troops to Russia.*\w…$/);
  assert.ok(line.length < 200);
  const [firstWord] = line.split('…')[1].split(' ');
  const lastWord = line.slice(0, -1).split(' ').at(-1)!;
  assert.ok(text.split(/\s+/).includes(firstWord) && text.split(/\s+/).includes(lastWord), `cut inside a word: ${line}`);
  const short: ExtractionRecord = { ...record, events: [{ ...record.events[0], trigger: { text: 'deploy', span: [16, 22] }, sentence: { index: 0, span: [0, 30] } }] };
  const coloured = renderRecord(short, { color: true, explain: false, text: 'North Korea may deploy troops.' });
  assert.match(coloured, /sentence:\x1b\[22m North Korea may \x1b\[1mdeploy\x1b\[22m troops\./);
});
