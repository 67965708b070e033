// Tests for watch rules: parsing and firing once per new matching event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchRules, parseRules } from './rules.js';
import type { TrackEvent } from './forecasts.js';

const RULES = `rules:
  - name: PRK troops or arms to RUS
    query: { types: [MOBILIZE, AID], source: [PRK], target: [RUS] }
`;
const ev = (id: string, type: string, target = 'RUS'): TrackEvent => ({ id, docId: 'd', docDate: '2024-10-23', type, status: 'asserted', sourceCodes: ['PRK'], targetCodes: [target] });

test('a rule fires on each new matching event once', () => {
  const rules = parseRules(RULES, 'rules.yaml');
  const seen = new Set<string>();
  const first = matchRules(rules, [ev('1', 'AID'), ev('2', 'ASSAULT'), ev('3', 'MOBILIZE', 'UKR')], seen);
  assert.deepEqual(first.map((a) => a.eventId), ['1']);
  const again = matchRules(rules, [ev('1', 'AID'), ev('4', 'MOBILIZE')], seen);
  assert.deepEqual(again.map((a) => a.eventId), ['4']);
});

test('bad rule files name the problem', () => {
  assert.throws(() => parseRules('- query: {}', 'r.yaml'), /r\.yaml: rules\[0\] needs a "name"/);
  assert.throws(() => parseRules('- name: x\n  query: { types: [NOPE] }', 'r.yaml'), /"NOPE" is not a PLOVER type/);
});
