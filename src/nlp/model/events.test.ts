// Tests for the trigger tables: the shipped tables parse, inflections, and clear errors for bad rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEventModel, inflections } from './events.js';
import { readTableFrom, MODEL_DIR } from './load.js';

const shipped = readTableFrom(MODEL_DIR);
/** The shipped tables with triggers.tsv replaced by the given rows. */
const withTriggers = (rows: string) => (name: string) => (name === 'triggers.tsv' ? rows : shipped(name));

test('the shipped tables parse, and a trigger is found by its inflected and irregular forms', () => {
  const model = buildEventModel(shipped);
  for (const form of ['deploy', 'deploys', 'deployed', 'deploying', 'shot', 'fought', 'sent']) assert.ok(model.triggers.get(form)?.length, form);
  const send = model.triggers.get('sent')!.filter((r) => r.pos === 'V');
  assert.deepEqual(send.map((r) => `${r.object}:${r.type}`).slice(0, 2), ['petition:REQUEST', 'inspector:ACCUSE']);
  assert.ok(model.classes.get('soldier')?.has('troops'));
  assert.deepEqual(model.lightVerbs.get('carried'), [['out']]);
});

test('rows keep their target rules, required targets, negated classes and possessor marks', () => {
  const model = buildEventModel(shipped);
  const deploy = model.triggers.get('deploy')!.find((r) => r.type === 'AID')!;
  assert.equal(deploy.targetRequired, true);
  assert.ok(deploy.targetPreps.has('to'));
  const decline = model.triggers.get('decline')!.find((r) => r.pos === 'V')!;
  assert.equal(decline.without, 'speech');
  assert.equal(model.triggers.get('detention')![0].possessorIsTarget, true);
});

test('regular inflections double a final consonant and handle -e and -y', () => {
  assert.deepEqual(inflections('ship', 'V'), ['ship', 'ships', 'shipped', 'shipping']);
  assert.deepEqual(inflections('supply', 'V'), ['supply', 'supplies', 'supplied', 'supplying']);
  assert.deepEqual(inflections('seize', 'V'), ['seize', 'seizes', 'seized', 'seizing']);
  assert.deepEqual(inflections('talk', 'N'), ['talk', 'talks']);
});

test('bad rows fail with the file, the line and the problem', () => {
  assert.throws(() => buildEventModel(withTriggers('attack\tV\t*\tFIGHT\t-\t-\tobj\t-\t-\t-\n')), /triggers\.tsv line 1: "FIGHT" is not a PLOVER type/);
  assert.throws(() => buildEventModel(withTriggers('# c\nattack\tV\t*\tASSAULT\tnuclear\t-\tobj\t-\t-\t-\n')), /line 2: mode "nuclear" is not a mode of ASSAULT/);
  assert.throws(() => buildEventModel(withTriggers('send\tV\tgifts\tAID\t-\t-\tto\t-\t-\t-\n')), /class "gifts" is not in trigger-classes\.tsv/);
  assert.throws(() => buildEventModel(withTriggers('send\tX\t*\tAID\t-\t-\tto\t-\t-\t-\n')), /pos must be V, N or M/);
  assert.throws(() => buildEventModel(withTriggers('send\tV\t*\tAID\n')), /expected at least 9 columns/);
});
