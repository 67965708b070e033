// Tests for the detail tables: the shipped files parse, and bad rows are reported with their file and line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDetailModel, durationCounts, parseClauseBounds } from './details.js';
import { MODEL_DIR, readTableFrom } from './load.js';

test('the shipped tables build one model', () => {
  const model = buildDetailModel(readTableFrom(MODEL_DIR));
  assert.equal(model.quantities.vague.get('several thousand')?.join('-'), '2000-9999');
  assert.equal(model.quantities.units.get('soldiers'), 'troops');
  assert.ok(model.time.periods.has('coming weeks'));
  assert.ok(model.time.futureMarkers.has('will'));
  assert.ok(model.places.byFirstWord.get('kursk')?.some((p) => p.entry.code === 'RUS'));
  assert.ok(model.places.byFirstWord.get('gulf')?.some((p) => p.phrase === 'gulf of finland'));
  assert.ok(model.reporting.has('told') && model.bounds.has('told') && !model.reporting.has('which'));
});

test('duration counts take number words and small vague words at their largest', () => {
  const counts = durationCounts(buildDetailModel(readTableFrom(MODEL_DIR)).quantities);
  assert.equal(counts.get('two'), 2);
  assert.equal(counts.get('few'), 5);
  assert.equal(counts.get('dozen'), 12);
  assert.equal(counts.get('several thousand'), undefined);
});

test('a bad clause-bound row is reported with its file and line', () => {
  assert.throws(() => parseClauseBounds('# h\nsaid\treport', 'b.tsv'), /b\.tsv:2/);
  assert.deepEqual([...parseClauseBounds('said\treporting\nwhich\tclause', 'b.tsv').reporting], ['said']);
});

test('a missing table names itself', () => {
  assert.throws(() => buildDetailModel((name) => { throw new Error(`no such file: ${name}`); }), /quantities\.tsv/);
});
