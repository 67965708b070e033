// Tests for readable actor-code names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeName, coversCode, coversIssuer, trackerCode } from './countries.js';

test('codes read as names, with the sector when the archive keys one', () => {
  assert.equal(codeName('PRK'), 'North Korea');
  assert.equal(codeName('KOR-SPY'), 'South Korea (intelligence)');
  assert.equal(codeName('IGO'), 'an international body');
  assert.equal(codeName('---'), 'unidentified actors');
  assert.equal(codeName('----BUS'), 'unidentified actors (business)');
  assert.equal(codeName('XYZ'), 'XYZ');
});

test('international bodies are told apart by organisation, and a query for the kind or the body covers them', () => {
  assert.equal(trackerCode({ code: 'IGO', org: 'NATO' }), 'IGO:NATO');
  assert.equal(trackerCode({ code: 'KOR', org: 'NIS' }), 'KOR');
  assert.equal(codeName('IGO:NATO'), 'NATO');
  assert.ok(coversCode('IGO', 'IGO:NATO') && coversCode('NATO', 'IGO:NATO') && coversCode('IGO:NATO', 'IGO:NATO'));
  assert.ok(!coversCode('EU', 'IGO:NATO') && !coversCode('IGO', 'PRK') && !coversCode('PRK', 'PRK-GOV'));
});

test('an issuer filter takes the whole country, one body, or one international organisation', () => {
  assert.ok(coversIssuer('KOR', 'KOR-SPY') && coversIssuer('kor-spy', 'KOR-SPY') && coversIssuer('NATO', 'IGO:NATO') && coversIssuer('IGO', 'IGO:NATO'));
  assert.ok(!coversIssuer('KOR-MIL', 'KOR-SPY') && !coversIssuer('KO', 'KOR-SPY') && !coversIssuer('EU', 'IGO:NATO'));
});
