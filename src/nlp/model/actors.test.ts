// Tests for the actor tables: the phrase index built from the data files, and the user dictionary parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildActorModel, parseActorDictionary } from './actors.js';
import { MODEL_DIR, readTableFrom } from './load.js';

test('the tables load into one phrase index with the prefixes that matching extends through', () => {
  const model = buildActorModel(readTableFrom(MODEL_DIR), []);
  assert.ok(model.phrases.get('north korean')!.senses.some((s) => s.type === 'country' && s.code === 'PRK'));
  for (const prefix of ['north', 'joint chiefs', 'workers', 'u.n', 'un security']) assert.ok(model.prefixes.has(prefix), prefix);
  assert.ok(!model.prefixes.has('north korean soldiers'));
  const us = model.phrases.get('us')!;
  assert.equal(us.exact, 'US', 'acronyms must match in capitals, so "us" is not the United States');
  assert.equal(model.countryNames.get('KOR'), 'South Korea');
});

test('a broken table row is reported with its file and line', () => {
  const read = (name: string) => (name === 'titles.tsv' ? '# header\npresident\tXYZ\n' : readTableFrom(MODEL_DIR)(name));
  assert.throws(() => buildActorModel(read, []), /titles\.tsv:2: unknown sector "XYZ"/);
});

test('a YAML dictionary becomes actor entries', () => {
  const entries = parseActorDictionary('- {phrase: "Ji Jae-ryeol", code: KOR, sector: SPY, kind: person, title: Director}\n- phrase: Blue Dragon Brigade\n  code: phl\n  sector: REB\n', 'mine.yaml');
  assert.deepEqual(entries, [
    { phrase: 'Ji Jae-ryeol', code: 'KOR', kind: 'person', sector: 'SPY', title: 'Director' },
    { phrase: 'Blue Dragon Brigade', code: 'PHL', kind: 'organization', sector: 'REB' },
  ]);
});

test('a JSON dictionary with an "actors" list is read too', () => {
  const entries = parseActorDictionary('{"actors": [{"phrase": "Freedonia", "code": "FRD"}]}', 'extra.json');
  assert.deepEqual(entries, [{ phrase: 'Freedonia', code: 'FRD', kind: 'state' }]);
});

test('a bad dictionary throws an error naming the file, the entry and the problem', () => {
  assert.throws(() => parseActorDictionary('- {phrase: X, code: KOR}\n- {phrase: Y}\n', 'd.yaml'), /d\.yaml: entry 2: missing field "code"/);
  assert.throws(() => parseActorDictionary('- {phrase: X, code: KOR, kind: alien}\n', 'd.yaml'), /d\.yaml: entry 1: unknown kind "alien"/);
  assert.throws(() => parseActorDictionary('phrase: X\n', 'd.yaml'), /d\.yaml: expected a list/);
  assert.throws(() => parseActorDictionary('- {phrase: X, code: [KOR}\n', 'bad.json'), /bad\.json: not valid YAML or JSON/);
  assert.throws(() => parseActorDictionary('- {phrase: X, code: KOREA}\n', 'd.yaml'), /entry 1: code "KOREA"/);
});

test('titles carry the body they head, cue lists their kinds, and the hand-written people override generated leaders', () => {
  const model = buildActorModel(readTableFrom(MODEL_DIR), []);
  const title = model.phrases.get('defence minister')!.senses.find((s) => s.type === 'title');
  assert.deepEqual(title, { type: 'title', sector: 'GOV', body: 'ministry' });
  assert.ok(model.cues.act.has('offensive') && model.cues.holding.has('goods') && model.cues.agency.has('led'));
  assert.ok(model.cues.verb.has('lack') && model.cues.region.has('province'));
  const bush = model.phrases.get('president bush')!.senses.find((s) => s.type === 'person');
  assert.equal(bush?.type === 'person' && bush.code, 'USA');
  const read = (name: string) => (name === 'leaders.tsv' ? '# header\nKim Jong Un\tCHN\tGOV\tPresident\tKim Jong Un\n' : readTableFrom(MODEL_DIR)(name));
  const kim = buildActorModel(read, []).phrases.get('kim jong un')!.senses.find((s) => s.type === 'person');
  assert.equal(kim?.type === 'person' && kim.code, 'PRK');
});

test('an unknown cue kind is reported with its file and line', () => {
  const read = (name: string) => (name === 'actor-cues.tsv' ? '# header\nlack\tverbs\n' : readTableFrom(MODEL_DIR)(name));
  assert.throws(() => buildActorModel(read, []), /actor-cues\.tsv:2: unknown kind "verbs"/);
});
