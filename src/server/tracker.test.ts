// Tests for the server's tracker cache: results are reused until the archive or a decision changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tracker, type ServerStore } from './tracker.js';
import type { ResolutionEntry } from '../store/tracking-types.js';
import type { TrackEvent } from '../track/forecasts.js';

const forecast: TrackEvent = {
  id: 'd1#e1', docId: 'd1', docDate: '2024-06-20', type: 'AID', status: 'forecast', sourceCodes: ['PRK'], targetCodes: ['RUS'],
  issuer: 'KOR', likelihood: 0.4, windowStart: '2024-07-01', windowEnd: '2024-08-31',
};

function countingStore(events: TrackEvent[], counts: { documents: number; events: number }) {
  const calls = { trackEvents: 0 };
  const resolutions: ResolutionEntry[] = [];
  const store = {
    stats: async () => ({ ...counts, stories: 0, actors: 0, clusters: 0, jobs: { queued: 0, running: 0, done: 0, failed: 0 } }),
    trackEvents: async () => { calls.trackEvents++; return events; },
    resolutions: async () => resolutions,
    addResolution: async (e: ResolutionEntry) => { resolutions.push(e); },
  } as unknown as ServerStore;
  return { store, calls, resolutions };
}

test('the version moves with the archive and with every decision', async () => {
  const counts = { documents: 1, events: 1 };
  const { store, resolutions } = countingStore([forecast], counts);
  const tracker = new Tracker(store, []);
  const v1 = await tracker.version();
  counts.events = 3;
  const v2 = await tracker.version();
  resolutions.push({ forecastId: 'F-1', state: 'confirmed', by: 'a', at: '2024-09-01T00:00:00Z', on: '2024-09-01' });
  const v3 = await tracker.version();
  assert.equal(new Set([v1.version, v2.version, v3.version]).size, 3);
  assert.equal(v3.events, 3);
});

test('a snapshot is reused while the archive is unchanged and rebuilt when its counts move or it is invalidated', async () => {
  let clock = 0;
  const counts = { documents: 1, events: 1 };
  const { store, calls, resolutions } = countingStore([forecast], counts);
  const tracker = new Tracker(store, [], { asOf: '2024-07-15', checkEveryMs: 1000, now: () => new Date(clock) });
  const first = await tracker.snapshot();
  assert.equal(first.forecasts.length, 1);
  await tracker.snapshot();
  assert.equal(calls.trackEvents, 1);
  counts.events = 2;
  await tracker.snapshot();
  assert.equal(calls.trackEvents, 1, 'the archive is not asked again within checkEveryMs');
  clock = 1500;
  await tracker.snapshot();
  assert.equal(calls.trackEvents, 2);
  resolutions.push({ forecastId: first.forecasts[0].id, state: 'refuted', by: 'anna', at: '2024-07-15T00:00:00Z', on: '2024-07-15' });
  await tracker.snapshot();
  assert.equal(calls.trackEvents, 2, 'a decision made elsewhere shows at the next check');
  clock = 3000;
  const decided = await tracker.snapshot();
  assert.equal(calls.trackEvents, 3);
  tracker.invalidate();
  await tracker.snapshot();
  assert.equal(calls.trackEvents, 4, 'invalidate() does not wait for the check');
  assert.equal(decided.forecasts[0].state, 'refuted');
  assert.equal(decided.calibration.find((c) => c.issuer === 'KOR')?.scored, 1);
});
