// Tests for weekly dyad series and the spike detector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectSpikes, weekOf, weeklySeries } from './trends.js';
import type { TrackEvent } from './forecasts.js';

let n = 0;
const ev = (docDate: string, type = 'ASSAULT', status: TrackEvent['status'] = 'asserted'): TrackEvent =>
  ({ id: `e${++n}`, docId: `d${n}`, docDate, type, status, sourceCodes: ['RUS'], targetCodes: ['UKR'] });

test('weeks start on Monday', () => {
  assert.equal(weekOf('2024-10-23'), '2024-10-21');
  assert.equal(weekOf('2024-10-21'), '2024-10-21');
  assert.equal(weekOf('2024-10-27'), '2024-10-21');
});

test('series sum PLOVER scores per week, fill empty weeks and ignore forecasts', () => {
  const [s] = weeklySeries([ev('2024-10-01'), ev('2024-10-02', 'AID'), ev('2024-10-20'), ev('2024-10-20', 'ASSAULT', 'forecast')]);
  assert.deepEqual(s.points.map((p) => [p.week, p.events, p.net]), [['2024-09-30', 2, -3], ['2024-10-07', 0, 0], ['2024-10-14', 1, -10]]);
  assert.equal(s.points[0].cooperation, 7);
  assert.equal(s.points[0].conflict, -10);
});

test('a burst over a quiet baseline is a spike; steady activity is not', () => {
  const steady = [];
  for (let w = 0; w < 14; w++) steady.push(ev(new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10)));
  assert.deepEqual(detectSpikes(weeklySeries(steady)), []);
  const burst = [...steady, ...Array.from({ length: 6 }, () => ev('2024-04-08'))];
  const spikes = detectSpikes(weeklySeries(burst));
  assert.deepEqual(spikes.map((s) => [s.week, s.events]), [['2024-04-08', 6]]);
});
