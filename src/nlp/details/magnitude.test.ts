// Tests for magnitudes: number phrases become ranges, with the counted noun as unit; dates, measures and names do not count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { analyseText } from '../01-text.js';
import { compileQuantities, findQuantities, parseQuantityPhrase } from './magnitude.js';
import { detailModel } from './test-model.js';

const tables = () => detailModel().quantities;
const lm = { nlp: winkNLP(winkModel) };
const range = (phrase: string) => {
  const v = parseQuantityPhrase(phrase, tables());
  return v && `${v.min}..${v.max}`;
};
/** The counts of a one-sentence text, as "text min..max unit". */
const counts = (text: string) => {
  const a = analyseText(text, '2024-10-31', lm);
  return a.sentences.flatMap((s) => findQuantities(text, a.tokens, s.firstToken, s.endToken, tables())).map((q) => `${q.text} ${q.min}..${q.max}${q.unit ? ` ${q.unit}` : ''}`);
};

test('number phrases: modifiers, vague quantities and scales', () => {
  assert.equal(range('about 3,000'), '2700..3300');
  assert.equal(range('roughly 10,000'), '9000..11000');
  assert.equal(range('at least 3,000'), '3000..30000');
  assert.equal(range('up to 12,000'), '1..12000');
  assert.equal(range('a total of 10,000'), '10000..10000');
  assert.equal(range('several thousand'), '2000..9999');
  assert.equal(range('thousands of'), '2000..99999');
  assert.equal(range('hundreds'), '200..999');
  assert.equal(range('dozens'), '24..99');
  assert.equal(range('a few'), '2..5');
  assert.equal(range('several'), '3..9');
  assert.equal(range('tens of thousands'), '20000..99999');
  assert.equal(range('1.5 million'), '1500000..1500000');
  assert.equal(range('a dozen'), '12..12');
  assert.equal(range('six'), '6..6');
  assert.equal(range('between 10,000 and 12,000'), '10000..12000');
  assert.equal(range('5,000-7,000'), '5000..7000');
  assert.equal(range('the army'), null);
});

test('counts take the noun they count as unit; soldiers and troops are one unit', () => {
  assert.deepEqual(counts('It will involve several thousand North Korean soldiers.'), ['several thousand North Korean soldiers 2000..9999 troops']);
  assert.deepEqual(counts('About 3,000 troops arrived.'), ['About 3,000 troops 2700..3300 troops']);
  assert.deepEqual(counts('It fired six missiles and a dozen drones.'), ['six missiles 6..6 missiles', 'a dozen drones 12..12 drones']);
  assert.deepEqual(counts('The EU listed 118 more shadow fleet vessels.'), ['118 more shadow fleet vessels 118..118 vessels']);
  assert.deepEqual(counts('More than 20,000 containers of shells were sent.'), ['More than 20,000 containers 20000..200000 containers']);
  assert.deepEqual(counts('Thousands of workers left.'), ['Thousands of workers 2000..99999 workers']);
});

test('a count without its noun keeps no unit; a bare number word is not a count', () => {
  assert.deepEqual(counts('It plans to dispatch a total of 10,000 by December.'), ['a total of 10,000 10000..10000']);
  assert.deepEqual(counts('One of them left, and the two countries met.'), []);
});

test('dates, years, percentages, measures, calibres, times and names are not counts', () => {
  assert.deepEqual(counts('Troops arrived on Oct. 5, 2024, and on 12 November.'), []);
  assert.deepEqual(counts('Prices rose 5% in 2023 and 3 percent in the 2024 budget.'), []);
  assert.deepEqual(counts('The 170 mm guns have a range of 60 km.'), []);
  assert.deepEqual(counts('It ended at 10 a.m. after 48 hours and three days.'), []);
  assert.deepEqual(counts('Estonia invoked Article 4 after Su-25 jets and the 17th package.'), []);
});

test('money is marked as such, with its currency as unit', () => {
  const a = analyseText('Seoul signed a $1.5 billion deal.', '2024-10-31', lm);
  const [q] = findQuantities(a.text, a.tokens, 0, a.tokens.length, tables());
  assert.equal(q.money, true);
  assert.equal(q.unit, 'USD');
  assert.equal(q.min, 1.5e9);
});

test('bad table rows are reported with file and line', () => {
  assert.throws(() => compileQuantities('vague\tmany\tlots\t9', 'q.tsv'), /q\.tsv:1: "lots" is not a number/);
  assert.throws(() => compileQuantities('# c\nmodifier\tabout\troughly', 'q.tsv'), /q\.tsv:2: unknown modifier kind/);
  assert.throws(() => compileQuantities('colour\tred', 'q.tsv'), /unknown kind "colour"/);
});

test('a measure joined to its number by a hyphen is not a count', () => {
  assert.deepEqual(counts('A 12-minute incursion by 170-mm guns and a 48-hour ceasefire.'), []);
});

test('a bare number counts only when it says so; hyphenated modifiers and participles are handled', () => {
  assert.deepEqual(counts('The listings bring to 342 the number of vessels.'), []);
  assert.deepEqual(counts('It shipped the first 1,500 of them to Russia.'), ['1,500 1500..1500']);
  assert.deepEqual(counts('It fired dozens of short-range ballistic missiles.'), ['dozens of short-range ballistic missiles 24..99 missiles']);
  assert.deepEqual(counts('An 11-nation coalition formed.'), []);
  assert.deepEqual(counts('About 2,700 wounded were counted.'), ['About 2,700 wounded 2430..2970 wounded']);
});
