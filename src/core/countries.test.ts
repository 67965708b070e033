// Tests for readable actor-code names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeName } from './countries.js';

test('codes read as names, with the sector when the archive keys one', () => {
  assert.equal(codeName('PRK'), 'North Korea');
  assert.equal(codeName('KOR-SPY'), 'South Korea (intelligence)');
  assert.equal(codeName('IGO'), 'an international body');
  assert.equal(codeName('---'), 'unidentified actors');
  assert.equal(codeName('----BUS'), 'unidentified actors (business)');
  assert.equal(codeName('XYZ'), 'XYZ');
});
