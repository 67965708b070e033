// Tests for warning problems: parsing with clear errors, and indicators moving from not observed to corroborated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateProblem, parseProblem, ProblemError } from './problems.js';
import type { TrackEvent } from './forecasts.js';

const YAML = `
id: prk-troops
title: North Korean troops to Russia
indicators:
  - id: warned
    title: Officials warn of a dispatch
    query: { types: [AID, MOBILIZE], source: PRK, target: RUS, statuses: [forecast], keywords: [troops, soldiers] }
    weight: 1
  - id: deployed
    title: Troops reported in Russia
    query: { types: [AID, MOBILIZE], source: [PRK], target: [RUS], statuses: [asserted] }
    weight: 3
`;

const ev = (id: string, docDate: string, status: TrackEvent['status'], text: string, sourceKey = id): TrackEvent => ({
  id, docId: `d-${id}`, docDate, status, type: 'AID', sourceCodes: ['PRK'], targetCodes: ['RUS'], sentence: { span: [0, text.length], text }, sourceKey,
});

test('indicators move as reports arrive, and the level follows the weighted score', () => {
  const p = parseProblem(YAML, 'prk.yaml');
  const events = [
    ev('a', '2024-06-20', 'forecast', 'North Korea may send troops to Russia'),
    ev('b', '2024-10-23', 'asserted', 'North Korea has sent soldiers to Russia'),
    ev('c', '2024-10-31', 'asserted', 'North Korean soldiers are in Kursk'),
  ];
  const june = evaluateProblem(p, events, '2024-06-30');
  assert.deepEqual(june.indicators.map((i) => i.state), ['observed', 'not observed']);
  assert.equal(june.score, 0.125);
  assert.equal(june.level, 'low');
  const nov = evaluateProblem(p, events, '2024-11-01');
  assert.deepEqual(nov.indicators.map((i) => i.state), ['observed', 'corroborated']);
  assert.equal(nov.score, 0.875);
  assert.equal(nov.level, 'critical');
  assert.match(nov.reasons[0], /Troops reported in Russia: corroborated \(2 sources since 2024-10-23/);
});

test('copies of one story count as one source; keywords must match', () => {
  const p = parseProblem(YAML, 'prk.yaml');
  const s = evaluateProblem(p, [ev('b', '2024-10-23', 'asserted', 'x', 'story1'), ev('c', '2024-10-24', 'asserted', 'y', 'story1'), ev('d', '2024-06-01', 'forecast', 'shells may be sent')], '2024-11-01');
  assert.deepEqual(s.indicators.map((i) => [i.state, i.sources]), [['not observed', 0], ['observed', 1]]);
});

test('malformed problems are rejected with the file and the field named', () => {
  const bad: [string, RegExp][] = [
    ['id: x\ntitle: y\nindicators: [', /p\.yaml: not valid YAML/],
    ['id: x\ntitle: y\n', /p\.yaml: indicators must be a non-empty list/],
    ['id: x\ntitle: y\nindicators:\n  - id: a\n    query: { types: [INVADE] }\n', /indicators\[0\]\.query\.types: "INVADE" is not a PLOVER type/],
    ['id: x\ntitle: y\nindicators:\n  - id: a\n    query: { actor: PRK }\n', /unknown field "actor"/],
    ['- just a list', /p\.yaml: the file must be a mapping/],
  ];
  for (const [text, message] of bad) assert.throws(() => parseProblem(text, 'p.yaml'), (e: unknown) => e instanceof ProblemError && message.test(e.message));
});
