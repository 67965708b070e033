// Tests for locations: a gazetteer place counts where a locative preposition puts something in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { analyseText } from '../01-text.js';
import { compileGazetteer, findPlaces } from './place.js';
import { detailModel } from './test-model.js';

const lm = { nlp: winkNLP(winkModel) };
const places = (text: string) => {
  const a = analyseText(text, '2024-10-31', lm);
  return a.sentences.flatMap((s) => findPlaces(text, a.tokens, s.firstToken, s.endToken, detailModel().places)).map((p) => `${p.text}|${p.name}|${p.code ?? ''}|${p.lat ?? ''}`);
};

test('countries, cities, regions and seas after a locative preposition', () => {
  assert.deepEqual(places('Troops fought in Ukraine.'), ['Ukraine|Ukraine|UKR|49']);
  assert.deepEqual(places('Drones flew over Pyongyang.'), ['Pyongyang|Pyongyang|PRK|39.04']);
  assert.deepEqual(places('NATO will step up its presence in the Baltic Sea.'), ['Baltic Sea|Baltic Sea||58']);
  assert.deepEqual(places('Fighting went on in eastern Ukraine and north of Kyiv.'), ['Ukraine|Ukraine|UKR|49', 'Kyiv|Kyiv|UKR|50.45']);
  assert.deepEqual(places('They fought in the southern city of Kherson.'), ['Kherson|Kherson|UKR|46.64']);
});

test('the more specific place wins over its possessor; unknown islands keep their name', () => {
  assert.deepEqual(places("Soldiers arrived in Russia's Kursk region."), ['Kursk region|Kursk|RUS|51.73']);
  assert.deepEqual(places('A helicopter flew near Vaindloo island.'), ['Vaindloo island|Vaindloo island||']);
});

test('a place named as an actor or inside a name is not a location', () => {
  assert.deepEqual(places('Moscow said Russia would respond.'), []);
  assert.deepEqual(places("NATO's North Atlantic Council will meet."), []);
  assert.deepEqual(places('He met Turkey hunters in turkey season.'), []);
});

test('bad gazetteer rows are reported with file and line', () => {
  assert.throws(() => compileGazetteer('Kyiv\tKyiv\tUKR\tcity\t50.45', 'p.tsv'), /p\.tsv:1/);
  assert.throws(() => compileGazetteer('# h\nKyiv\tKyiv\tUKR\tcity\t95\t30', 'p.tsv'), /p\.tsv:2/);
});

test('a place in the possessive before something that is not a place is not a location', () => {
  assert.deepEqual(places("It marked an escalation of the involvement in Russia's illegal war."), []);
});
