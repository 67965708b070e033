// The PLOVER JSON export: folded types, dropped events, a valid JSON array across documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ploverEvents, ploverExporter, type PloverEvent } from './plover.js';
import { EMPTY_DOC, SAMPLE_DOC, SECOND_DOC } from './fixtures.js';

test('negated and hypothetical events are dropped, forecasts folded', () => {
  const events = ploverEvents(SAMPLE_DOC);
  assert.deepEqual(events.map((e) => [e.original.event, e.event]), [
    ['MOBILIZE', 'MOBILIZE'], ['AID', 'AID'], ['ASSAULT', 'THREATEN'], ['CONSULT', 'AGREE'],
  ]);
});

test('fields follow PLOVER: actor, recipient, mode only where the type has it, date', () => {
  const [mobilize, aid, threaten, agree] = ploverEvents(SAMPLE_DOC);
  assert.equal(mobilize.mode, 'troops');
  assert.deepEqual(mobilize.actor, [{ code: 'PRK', sector: 'MIL', text: 'North Korean soldiers' }]);
  assert.deepEqual(mobilize.recipient.map((a) => a.code), ['UKR']);
  assert.equal(mobilize.date, '2024-06-12', 'a forecast is dated when it was said');
  assert.equal(aid.date, '2024-05-01', 'an asserted event is dated by its own window');
  assert.equal(threaten.mode, undefined);
  assert.deepEqual(agree.actor.map((a) => a.code), ['RUS', 'CHN']);
  assert.equal(agree.id, 'doc-0001:e6');
});

test('the export is one JSON array however many documents, empty ones included', () => {
  const x = ploverExporter();
  const text = x.begin() + [SAMPLE_DOC, EMPTY_DOC, SECOND_DOC].map((d) => x.document(d)).join('') + x.end();
  const parsed = JSON.parse(text) as PloverEvent[];
  assert.equal(parsed.length, 5);
  const none = ploverExporter();
  assert.deepEqual(JSON.parse(none.begin() + none.document(EMPTY_DOC) + none.end()), []);
});
