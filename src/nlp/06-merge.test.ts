// Tests for event coreference: later reports of one act fold into the first without inventing agreement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeEvents } from './06-merge.js';
import type { ActorEntity, EventDraft, PipelineState } from './types.js';

const actor = (id: string, code: string): ActorEntity => ({ id, text: code, kind: 'state', code, mentions: [] });
const draft = (sentence: number, extra: Partial<EventDraft> = {}): EventDraft => ({
  type: 'AID', context: [], triggerFirst: sentence, triggerEnd: sentence + 1, sentence,
  source: ['a1'], target: ['a2'], status: 'forecast', confidence: 0.6, ...extra,
});
const stateWith = (events: EventDraft[]): PipelineState => ({
  text: '', tokens: [], sentences: [], referenceDate: '2024-06-20', mentions: [], events,
  actors: [actor('a1', 'PRK'), actor('a2', 'RUS'), actor('a3', 'RUS'), actor('a4', 'UKR')],
});

test('a later anaphoric report lends its magnitude to the first report, which keeps its own window and likelihood', () => {
  const first = draft(0, { when: { text: 'July', start: '2024-07-01', end: '2024-08-31' }, likelihood: { cue: 'may', p: 0.4 } });
  const later = draft(1, { likelihood: { cue: 'expected', p: 0.7 }, magnitude: { text: 'several thousand', min: 2000, max: 9999, unit: 'troops' } });
  const s = stateWith([first, later]);
  mergeEvents(s);
  assert.equal(s.events.length, 1);
  assert.deepEqual(s.events[0].when, first.when);
  assert.equal(s.events[0].likelihood?.cue, 'may');
  assert.equal(s.events[0].magnitude?.min, 2000);
  assert.deepEqual(s.events[0].corefs, [{ triggerFirst: 1, triggerEnd: 2, sentence: 1 }]);
});

test('actors are compared by code, so two actor entities of one state still corefer', () => {
  const s = stateWith([draft(0), draft(2, { target: ['a3'] })]);
  mergeEvents(s);
  assert.equal(s.events.length, 1);
});

test('different status, type, dyad, or disagreeing details keep events apart', () => {
  const cases: Partial<EventDraft>[] = [
    { status: 'asserted' },
    { type: 'MOBILIZE' },
    { target: ['a4'] },
  ];
  for (const c of cases) {
    const s = stateWith([draft(0), draft(1, c)]);
    mergeEvents(s);
    assert.equal(s.events.length, 2, JSON.stringify(c));
  }
  const s = stateWith([
    draft(0, { magnitude: { text: '3,000', min: 2700, max: 3300 } }),
    draft(1, { magnitude: { text: '10,000', min: 10000, max: 10000 } }),
  ]);
  mergeEvents(s);
  assert.equal(s.events.length, 2);
});
