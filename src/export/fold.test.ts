// Folding status into PLOVER's conventions, rule by rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorIndex, foldToPlover } from './fold.js';
import { SAMPLE_RECORD } from './fixtures.js';
import type { RecordEvent } from '../core/record.js';

const byId = actorIndex(SAMPLE_RECORD.actors);
const event = (id: string): RecordEvent => SAMPLE_RECORD.events.find((e) => e.id === id)!;

test('negated and hypothetical events are not PLOVER events', () => {
  assert.equal(foldToPlover(event('e3'), byId), null);
  assert.equal(foldToPlover(event('e4'), byId), null);
});

test('an asserted event keeps its type', () => {
  assert.equal(foldToPlover(event('e2'), byId), 'AID');
});

test('a forecast cooperative act becomes AGREE', () => {
  assert.equal(foldToPlover(event('e6'), byId), 'AGREE');
  for (const type of ['SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT'] as const) {
    assert.equal(foldToPlover({ ...event('e6'), type }, byId), 'AGREE', type);
  }
});

test('a self-announced forceful forecast becomes THREATEN', () => {
  assert.equal(foldToPlover(event('e5'), byId), 'THREATEN');
  const unattributed = { ...event('e5'), attribution: undefined };
  assert.equal(foldToPlover(unattributed, byId), 'THREATEN');
});

test('a forceful forecast that someone else makes keeps its type', () => {
  // the South's intelligence service forecasts the North's deployment: not a threat by the North
  assert.equal(foldToPlover(event('e1'), byId), 'MOBILIZE');
});

test('the announcer is compared by country, as PLOVER compares sides', () => {
  // Pyongyang (PRK) announcing a move by North Korean soldiers (PRK-MIL) is the North threatening
  const selfAnnounced = { ...event('e1'), attribution: { actor: 'a5', cue: 'said' } };
  assert.equal(foldToPlover(selfAnnounced, byId), 'THREATEN');
});

test('a forecast verbal conflict act keeps its type', () => {
  assert.equal(foldToPlover({ ...event('e5'), type: 'ACCUSE' }, byId), 'ACCUSE');
  assert.equal(foldToPlover({ ...event('e6'), type: 'AGREE' }, byId), 'AGREE');
});
