// Tests for actor code parsing: the forms users type, and refusal of anything else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorKeys, parseActorCode, parseDyad } from './codes.js';
import { StoreError } from './types.js';

test('actor codes are accepted with or without a sector, in any case and with common separators', () => {
  assert.equal(parseActorCode('prk'), 'PRK');
  assert.equal(parseActorCode(' PRK-MIL '), 'PRK-MIL');
  assert.equal(parseActorCode('prk/mil'), 'PRK-MIL');
  assert.equal(parseActorCode('PRKMIL'), 'PRK-MIL');
  assert.equal(parseActorCode('---'), '---');
  assert.equal(parseActorCode('IGO'), 'IGO');
});

test('anything else is refused with a StoreError naming the value', () => {
  for (const bad of ['', 'PR', 'PRKX', "PRK' OR 1=1", 'PRK-MILITARY', 'P%K']) {
    assert.throws(() => parseActorCode(bad), (e: unknown) => e instanceof StoreError && e.code === 'bad-input' && e.message.includes(JSON.stringify(bad)));
  }
});

test('a dyad is two codes separated by ":" or ">"', () => {
  assert.deepEqual(parseDyad('prk:rus'), { source: 'PRK', target: 'RUS' });
  assert.deepEqual(parseDyad('PRK-MIL>UKR'), { source: 'PRK-MIL', target: 'UKR' });
  assert.throws(() => parseDyad('PRK'), StoreError);
  assert.throws(() => parseDyad('PRK:MIL:UKR'), StoreError);
});

test('an actor is indexed by its country code, and by code-sector when it has a sector', () => {
  assert.deepEqual(actorKeys('PRK'), ['PRK']);
  assert.deepEqual(actorKeys('PRK', 'MIL'), ['PRK', 'PRK-MIL']);
});
