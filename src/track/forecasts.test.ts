// Tests for the forecast registry: grouping reports and proposing confirmation, refutation and expiry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildForecasts, type TrackEvent } from './forecasts.js';

let n = 0;
const ev = (e: Partial<TrackEvent> & Pick<TrackEvent, 'docId' | 'docDate' | 'status'>): TrackEvent => ({
  id: `ev${++n}`, type: 'AID', sourceCodes: ['PRK'], targetCodes: ['RUS'], ...e,
});
const asOf = '2026-01-01';

const warning = ev({ docId: 'd1', docDate: '2024-06-20', status: 'forecast', issuer: 'KOR', likelihood: 0.4, likelihoodCue: 'may',
  windowStart: '2024-07-01', windowEnd: '2024-08-31', windowText: 'as early as July or August', magnitudeMin: 2000, magnitudeMax: 9999 });

test('the same forecast in several articles is one tracked forecast with all its sources', () => {
  const again = ev({ docId: 'd2', docDate: '2024-06-21', status: 'forecast', issuer: 'KOR', type: 'MOBILIZE', windowStart: '2024-07-01', windowEnd: '2024-09-30' });
  const other = ev({ docId: 'd2', docDate: '2024-06-21', status: 'forecast', issuer: 'USA' });
  const fs = buildForecasts([warning, again, other], new Map(), { asOf: '2024-06-22' });
  assert.equal(fs.length, 2);
  assert.deepEqual(fs[0].sources.map((s) => s.docId), ['d1', 'd2']);
  assert.equal(fs[0].state, 'open');
});

test('a later report of the act confirms, citing it; a soft window end tolerates a late act', () => {
  const sent = ev({ docId: 'd3', docDate: '2024-10-23', status: 'asserted', issuer: 'KOR', windowStart: '2024-10-01', windowEnd: '2024-10-31', magnitudeMin: 2700, magnitudeMax: 3300 });
  const [f] = buildForecasts([warning, sent], new Map(), { asOf });
  assert.equal(f.state, 'confirmed');
  assert.deepEqual(f.proposal?.evidence.map((e) => e.docId), ['d3']);
});

test('an act in the same article, of another dyad, or far too small does not confirm', () => {
  const sameDoc = ev({ docId: 'd1', docDate: '2024-06-20', status: 'asserted' });
  const otherDyad = ev({ docId: 'd4', docDate: '2024-07-10', status: 'asserted', targetCodes: ['UKR'] });
  const tiny = ev({ docId: 'd5', docDate: '2024-07-10', status: 'asserted', magnitudeMin: 10, magnitudeMax: 12 });
  const [f] = buildForecasts([warning, sameDoc, otherDyad, tiny], new Map(), { asOf: '2024-07-15' });
  assert.equal(f.state, 'open');
});

test('a denial after a hard window closes refutes; one while time remains does not; an empty window expires', () => {
  const visit = ev({ docId: 'v1', docDate: '2025-01-13', status: 'forecast', type: 'CONSULT', issuer: 'KOR', likelihood: 0.7, windowStart: '2025-01-13', windowEnd: '2025-06-30', windowText: 'in the first half of this year' });
  const early = ev({ docId: 'v2', docDate: '2025-03-01', status: 'negated', type: 'CONSULT' });
  assert.equal(buildForecasts([visit, early], new Map(), { asOf: '2025-03-02' })[0].state, 'open');
  const late = ev({ docId: 'v3', docDate: '2025-09-04', status: 'negated', type: 'CONSULT', windowStart: '2025-01-01', windowEnd: '2025-12-31' });
  const [refuted] = buildForecasts([visit, late], new Map(), { asOf });
  assert.equal(refuted.state, 'refuted');
  assert.equal(refuted.proposal?.evidence[0].docId, 'v3');
  assert.equal(buildForecasts([visit], new Map(), { asOf })[0].state, 'expired');
});

test('an analyst resolution overrides the proposal', () => {
  const [f0] = buildForecasts([warning], new Map(), { asOf: '2024-06-21' });
  const [f] = buildForecasts([warning], new Map([[f0.id, { state: 'withdrawn' as const, by: 'analyst', on: '2024-07-01', note: 'source retracted' }]]), { asOf: '2024-07-02' });
  assert.equal(f.state, 'withdrawn');
  assert.equal(f.proposal, undefined);
});

test('a visit is fulfilled by a meeting in the host country, not by one in a third country', () => {
  const visit = ev({ docId: 'p1', docDate: '2025-02-01', status: 'forecast', type: 'CONSULT', mode: 'visit', issuer: 'KOR', windowStart: '2025-02-01', windowEnd: '2025-05-31' });
  const elsewhere = ev({ docId: 'p2', docDate: '2025-04-10', status: 'asserted', type: 'CONSULT', mode: 'meeting', place: 'CHN' });
  assert.equal(buildForecasts([visit, elsewhere], new Map(), { asOf: '2025-04-11' })[0].state, 'open');
  const there = ev({ docId: 'p3', docDate: '2025-04-12', status: 'asserted', type: 'CONSULT', mode: 'meeting', place: 'RUS' });
  const [f] = buildForecasts([visit, elsewhere, there], new Map(), { asOf: '2025-04-13' });
  assert.equal(f.state, 'confirmed');
  assert.deepEqual(f.proposal?.evidence.map((e) => e.docId), ['p3']);
});

test('a weapons test is its own act: troop dispatches neither confirm it nor join its forecast', () => {
  const test = ev({ docId: 't1', docDate: '2024-11-01', status: 'forecast', type: 'MOBILIZE', mode: 'arms-test', targetCodes: [], issuer: 'KOR', windowStart: '2024-11-01', windowEnd: '2024-11-12' });
  const troops = ev({ docId: 't2', docDate: '2024-11-05', status: 'forecast', type: 'MOBILIZE', mode: 'troops', targetCodes: [], issuer: 'KOR', windowStart: '2024-11-01', windowEnd: '2024-12-31' });
  const sent = ev({ docId: 't3', docDate: '2024-11-08', status: 'asserted', type: 'MOBILIZE', mode: 'troops', targetCodes: [] });
  const fs = buildForecasts([test, troops, sent], new Map(), { asOf: '2024-11-10' });
  assert.equal(fs.length, 2);
  assert.equal(fs[0].state, 'open');
  assert.equal(fs[1].state, 'confirmed');
});

test('a report without a target joins a forecast with one only when it names the same act', () => {
  const aid = ev({ docId: 'a1', docDate: '2024-10-23', status: 'forecast', type: 'AID', issuer: 'KOR', windowStart: '2024-10-23', windowEnd: '2024-12-31' });
  const untargetedMobilize = ev({ docId: 'a2', docDate: '2024-11-01', status: 'forecast', type: 'MOBILIZE', targetCodes: [], issuer: 'KOR', windowStart: '2024-11-01', windowEnd: '2024-11-12' });
  const untargetedAid = ev({ docId: 'a3', docDate: '2024-11-02', status: 'forecast', type: 'AID', targetCodes: [], issuer: 'KOR', windowStart: '2024-11-01', windowEnd: '2024-12-31' });
  const fs = buildForecasts([aid, untargetedMobilize, untargetedAid], new Map(), { asOf: '2024-11-03' });
  assert.deepEqual(fs.map((f) => f.sources.map((s) => s.docId)), [['a1', 'a3'], ['a2']]);
});

test('a dated forecast restated months later is the same forecast, and the article looking back after its window can refute it', () => {
  const visit = ev({ docId: 'r1', docDate: '2025-01-13', status: 'forecast', type: 'CONSULT', issuer: 'KOR', windowStart: '2025-01-13', windowEnd: '2025-06-30' });
  const restated = ev({ docId: 'r2', docDate: '2025-09-04', status: 'forecast', type: 'CONSULT', issuer: 'KOR', windowStart: '2025-01-01', windowEnd: '2025-06-30' });
  const denial = ev({ docId: 'r2', docDate: '2025-09-04', status: 'negated', type: 'CONSULT', windowStart: '2025-01-01', windowEnd: '2025-09-04' });
  const fs = buildForecasts([visit, restated, denial], new Map(), { asOf: '2025-09-05' });
  assert.equal(fs.length, 1);
  assert.equal(fs[0].state, 'refuted');
  assert.deepEqual(fs[0].proposal?.evidence.map((e) => e.docId), ['r2']);
});

test('a hard window tolerates an act a few weeks late, not a season late', () => {
  const half = ev({ docId: 'h1', docDate: '2025-01-10', status: 'forecast', issuer: 'KOR', windowStart: '2025-01-01', windowEnd: '2025-06-30' });
  const season = ev({ docId: 'h2', docDate: '2025-09-04', status: 'asserted' });
  assert.equal(buildForecasts([half, season], new Map(), { asOf: '2025-09-05' })[0].state, 'expired');
  const weeks = ev({ docId: 'h3', docDate: '2025-07-20', status: 'asserted', windowStart: '2025-07-14', windowEnd: '2025-07-14' });
  assert.equal(buildForecasts([half, weeks], new Map(), { asOf: '2025-09-05' })[0].state, 'confirmed');
});

test('a joint act told as one event per direction is one mutual forecast, fulfilled by either side', () => {
  const sentence = { span: [10, 90] as [number, number], text: 'Russia and Belarus are due to begin joint exercises on Friday.' };
  const one = ev({ docId: 'm1', docDate: '2025-09-10', status: 'forecast', type: 'COOPERATE', sourceCodes: ['RUS'], targetCodes: ['BLR'], sentence, windowStart: '2025-09-12', windowEnd: '2025-09-12' });
  const other = ev({ docId: 'm1', docDate: '2025-09-10', status: 'forecast', type: 'COOPERATE', sourceCodes: ['BLR'], targetCodes: ['RUS'], sentence, windowStart: '2025-09-12', windowEnd: '2025-09-12' });
  const held = ev({ docId: 'm2', docDate: '2025-09-20', status: 'asserted', type: 'COOPERATE', sourceCodes: ['BLR'], targetCodes: ['RUS'], windowStart: '2025-09-12', windowEnd: '2025-09-12' });
  const fs = buildForecasts([one, other, held], new Map(), { asOf: '2025-09-21' });
  assert.equal(fs.length, 1);
  assert.equal(fs[0].mutual, true);
  assert.equal(fs[0].state, 'confirmed');
  const apart = ev({ docId: 'm3', docDate: '2025-09-10', status: 'forecast', type: 'COOPERATE', sourceCodes: ['BLR'], targetCodes: ['RUS'], sentence: { span: [200, 260], text: 'Belarus will help Russia.' } });
  assert.equal(buildForecasts([one, apart], new Map(), { asOf: '2025-09-11' }).length, 2);
  const restated = { span: [0, 60] as [number, number], text: 'Russia and Belarus will begin joint exercises on Friday.' };
  const again = [ev({ ...one, id: 'm4a', docId: 'm4', docDate: '2025-09-11', sentence: restated }), ev({ ...other, id: 'm4b', docId: 'm4', docDate: '2025-09-11', sentence: restated })];
  assert.equal(buildForecasts([one, other, ...again], new Map(), { asOf: '2025-09-11' }).length, 1, 'a later report of the joint act joins it');
});

test('talks with someone are not shown by a report of talks with no one named; a dispatch is shown by troops sent', () => {
  const talks = ev({ docId: 'c1', docDate: '2025-01-10', status: 'forecast', type: 'CONSULT', issuer: 'KOR', windowStart: '2025-01-10', windowEnd: '2025-03-31' });
  const meeting = ev({ docId: 'c2', docDate: '2025-02-01', status: 'asserted', type: 'CONSULT', targetCodes: [] });
  assert.equal(buildForecasts([talks, meeting], new Map(), { asOf: '2025-02-02' })[0].state, 'open');
  const dispatch = ev({ docId: 'c3', docDate: '2025-01-10', status: 'forecast', type: 'AID', issuer: 'KOR', windowStart: '2025-01-10', windowEnd: '2025-03-31' });
  const sent = ev({ docId: 'c4', docDate: '2025-02-01', status: 'asserted', type: 'MOBILIZE', targetCodes: [] });
  assert.equal(buildForecasts([dispatch, sent], new Map(), { asOf: '2025-02-02' })[0].state, 'confirmed');
});
