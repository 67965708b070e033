// Tests for time windows: each phrase, said on a reference day, resolves to the earliest and latest day it allows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFormula, compileTimeGrammar, findTimeExpressions, resolveTimeWindow, type Direction } from './time.js';
import { dayNumber, isoDay } from './calendar.js';
import { detailModel } from './test-model.js';

const grammar = () => detailModel().time;
const window = (phrase: string, ref: string, direction: Direction = 'forward') => {
  const w = resolveTimeWindow(phrase, ref, direction, grammar());
  return w && `${w.start}..${w.end}`;
};

test('forecast windows from the spec and the brief', () => {
  assert.equal(window('as early as July or August', '2024-06-20'), '2024-07-01..2024-08-31');
  assert.equal(window('in the coming months', '2024-10-31'), '2024-10-31..2025-04-30');
  assert.equal(window('in the coming days', '2024-10-31'), '2024-10-31..2024-11-10');
  assert.equal(window('within days', '2025-09-10'), '2025-09-10..2025-09-20');
  assert.equal(window('in the coming weeks', '2024-10-31'), '2024-10-31..2024-12-12');
  assert.equal(window('within weeks', '2024-10-31'), '2024-10-31..2024-12-12');
  assert.equal(window('later this week', '2024-10-31'), '2024-10-31..2024-11-03');
  assert.equal(window('by December', '2024-10-23'), '2024-10-23..2024-12-31');
  assert.equal(window('by the end of the year', '2024-11-01'), '2024-11-01..2024-12-31');
  assert.equal(window('in the first half of this year', '2025-01-13'), '2025-01-13..2025-06-30');
  assert.equal(window('before the summer', '2025-02-24'), '2025-02-24..2025-06-20');
  assert.equal(window('by 2027', '2024-10-31'), '2024-10-31..2027-12-31');
  assert.equal(window('the second half of 2025', '2024-10-31'), '2025-07-01..2025-12-31');
  assert.equal(window('within 48 hours', '2024-10-31'), '2024-10-31..2024-11-02');
});

test('a named period keeps its bounds; a deictic one starts at the reference day', () => {
  assert.equal(window('in the first half of 2025', '2025-06-02'), '2025-01-01..2025-06-30');
  assert.equal(window('this year', '2025-06-02'), '2025-06-02..2025-12-31');
  assert.equal(window('this year', '2025-06-02', 'backward'), '2025-01-01..2025-06-02');
});

test('weekdays: the next such day for a forecast (today included), the last one for a report', () => {
  assert.equal(window('as early as Monday', '2024-10-14'), '2024-10-14..2024-10-14');
  assert.equal(window('from midnight on Thursday', '2025-09-10'), '2025-09-11..2025-09-11');
  assert.equal(window('on Wednesday', '2024-10-31', 'backward'), '2024-10-30..2024-10-30');
  assert.equal(window('on Wednesday', '2024-10-31', 'forward'), '2024-11-06..2024-11-06');
});

test('weeks, months and parts of them', () => {
  assert.equal(window('next week', '2024-10-31'), '2024-11-04..2024-11-10');
  assert.equal(window('early next week', '2025-09-20'), '2025-09-22..2025-09-24');
  assert.equal(window('last week', '2024-10-31', 'backward'), '2024-10-21..2024-10-27');
  // a reported first in years looks back over them; a forecast "in two years" is a day ahead
  assert.equal(window('in 24 years', '2024-06-19', 'backward'), '2000-06-19..2024-06-19');
  assert.equal(window('in two years', '2024-06-19', 'forward'), '2026-06-19..2026-06-19');
  assert.equal(window('next month', '2024-10-31'), '2024-11-01..2024-11-30');
  assert.equal(window('this month', '2024-10-23', 'backward'), '2024-10-01..2024-10-23');
  assert.equal(window('in January and February', '2024-10-31'), '2025-01-01..2025-02-28');
  assert.equal(window('in mid-January', '2024-10-31', 'backward'), '2024-01-11..2024-01-21');
  assert.equal(window('since September 2023', '2024-10-31', 'backward'), '2023-09-01..2024-10-31');
  assert.equal(window('in early 2025', '2024-10-31'), '2025-01-01..2025-04-30');
  assert.equal(window('around the Nov. 5 vote', '2024-11-01'), '2024-11-01..2024-11-12');
  assert.equal(window('from January 2027', '2025-09-20'), '2027-01-01..2027-01-31');
  assert.equal(window('over a one-year transition period', '2025-02-24'), '2025-02-24..2026-02-24');
  assert.equal(window('two weeks ago', '2024-10-31', 'backward'), '2024-10-17..2024-10-17');
  assert.equal(window('over the past three years', '2024-10-31', 'backward'), '2021-10-31..2024-10-31');
});

test('a yearless month points forward for a forecast and back for a report', () => {
  assert.equal(window('in March', '2024-10-31', 'forward'), '2025-03-01..2025-03-31');
  assert.equal(window('in March', '2024-10-31', 'backward'), '2024-03-01..2024-03-31');
  assert.equal(window('on Oct. 12', '2024-10-31', 'backward'), '2024-10-12..2024-10-12');
  assert.equal(window('December or January', '2024-10-31'), null, 'bare months need a time word before them');
  assert.equal(window('in December or January', '2024-10-31'), '2024-12-01..2025-01-31');
});

test('numeric dates are read by chrono-node', () => {
  assert.equal(window('on 2024-10-12', '2024-10-31', 'backward'), '2024-10-12..2024-10-12');
});

test('words that only look like dates are not dates', () => {
  assert.deepEqual(findTimeExpressions('North Korea may march on. The 2027 budget grew.', '2024-10-31', 'forward', grammar()), []);
  assert.deepEqual(findTimeExpressions('a 48-hour ceasefire and three days of talks', '2024-10-31', 'forward', grammar()), []);
  assert.deepEqual(findTimeExpressions('Zapad-2025 exercises', '2024-10-31', 'forward', grammar()), []);
});

test('spans are offsets into the text searched, shifted by the offset given', () => {
  const text = 'Troops may deploy as early as July, officials said.';
  const [found] = findTimeExpressions(text, '2024-06-20', 'forward', grammar(), 100);
  assert.equal(found.text, 'as early as July');
  assert.deepEqual(found.span, [100 + text.indexOf('as early'), 100 + text.indexOf(',')]);
});

test('date formulas and table errors', () => {
  const ref = dayNumber('2024-02-29');
  assert.equal(isoDay(compileFormula('month+1.end')(ref)), '2024-03-31');
  assert.equal(isoDay(compileFormula('week.start')(ref)), '2024-02-26');
  assert.equal(isoDay(compileFormula('year.end-30d')(ref)), '2024-12-01');
  assert.equal(isoDay(compileFormula('ref+1y')(ref)), '2025-02-28');
  assert.throws(() => compileFormula('week+1'), /week\+1/);
  assert.throws(() => compileTimeGrammar('period\tsoon\tref..later', new Map(), 'x.tsv'), /x\.tsv:1/);
  assert.throws(() => compileTimeGrammar('prefix\tby\tsometime', new Map(), 'x.tsv'), /unknown prefix operation/);
  assert.throws(() => findTimeExpressions('in July', '2024-13-01', 'forward', grammar()), /2024-13-01/);
});

test('ranges and unions of names: the second name is the next one after the first', () => {
  assert.equal(window('from Monday to Friday', '2024-10-31'), '2024-11-04..2024-11-08');
  assert.equal(window('between 2025 and 2027', '2024-10-31'), '2025-01-01..2027-12-31');
  assert.equal(window('before the end of the year', '2024-10-31'), '2024-10-31..2024-12-31');
  assert.equal(window('by mid-2025', '2024-10-31'), '2024-10-31..2025-08-31');
  assert.equal(window('in the next two weeks', '2024-10-31'), '2024-10-31..2024-11-14');
});

test('"since" and "last" look back, "next" ahead, whatever the status; "early" shapes only the name after it', () => {
  assert.equal(window('since January', '2025-04-27', 'forward'), '2025-01-01..2025-04-27');
  assert.equal(window('since last autumn', '2025-06-18', 'forward'), '2024-09-23..2025-06-18');
  assert.equal(window('in recent months', '2024-06-20', 'forward'), '2023-12-20..2024-06-20');
  assert.equal(window('last October', '2024-11-20', 'forward'), '2024-10-01..2024-10-31');
  assert.equal(window('next Monday', '2024-10-31', 'backward'), '2024-11-04..2024-11-04');
  assert.equal(window('between late Tuesday and early Wednesday', '2025-09-10', 'forward'), '2025-09-16..2025-09-17');
  assert.equal(window('it would end within six months', '2025-10-24'), '2025-10-24..2026-04-24');
});

test('"N days before/after" dates the clause it leads, from the reference date', () => {
  const [found] = findTimeExpressions('The incursion came two days before Russia and Belarus begin drills.', '2025-09-10', 'forward', grammar());
  assert.deepEqual([found.text, found.start, found.end, found.leadsClause], ['two days before', '2025-09-12', '2025-09-12', true]);
  assert.equal(window('a day after', '2025-09-10', 'backward'), '2025-09-09..2025-09-09');
});

test('a month followed by "next year" or "this year" takes that year', () => {
  assert.equal(window('from January next year', '2025-09-03'), '2026-01-01..2026-01-31');
  assert.equal(window('in May this year', '2025-09-03', 'backward'), '2025-05-01..2025-05-31');
});
