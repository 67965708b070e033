// Calibration scores checked against hand-computed values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brierScore, calibrate, logScore } from './calibration.js';
import type { TrackedForecast } from './forecasts.js';

const forecast = (issuer: string, state: TrackedForecast['state'], p?: number): TrackedForecast => ({
  id: `F-${issuer}-${state}-${p}`, issuer, type: 'AID', sourceCodes: ['PRK'], targetCodes: ['RUS'], issued: '2024-06-20', sources: [], state,
  ...(p === undefined ? {} : { likelihood: { p } }),
});

test('Brier and log scores match hand computation', () => {
  const pairs = [{ p: 0.7, outcome: 1 as const }, { p: 0.4, outcome: 0 as const }, { p: 0.9, outcome: 1 as const }];
  // (0.3² + 0.4² + 0.1²) / 3 = 0.26 / 3
  assert.ok(Math.abs(brierScore(pairs) - 0.26 / 3) < 1e-12);
  // -(ln 0.7 + ln 0.6 + ln 0.9) / 3
  assert.ok(Math.abs(logScore(pairs) - -(Math.log(0.7) + Math.log(0.6) + Math.log(0.9)) / 3) < 1e-12);
});

test('per-issuer calibration scores only resolved forecasts with a likelihood and reports the rest apart', () => {
  const table = calibrate([
    forecast('KOR', 'confirmed', 0.7), forecast('KOR', 'refuted', 0.4), forecast('KOR', 'confirmed', 0.9),
    forecast('KOR', 'confirmed'), forecast('KOR', 'open', 0.5),
    forecast('USA', 'refuted', 0.8),
  ]);
  const kor = table.find((c) => c.issuer === 'KOR')!;
  assert.equal(kor.scored, 3);
  assert.equal(kor.brier, Math.round((0.26 / 3) * 10000) / 10000);
  assert.deepEqual(kor.unscored, { resolved: 1, confirmed: 1 });
  assert.equal(kor.open, 1);
  assert.deepEqual(kor.bands.map((b) => [b.from, b.count, b.observed]), [[0.4, 1, 0], [0.6, 1, 1], [0.8, 1, 1]]);
  const usa = table.find((c) => c.issuer === 'USA')!;
  assert.equal(usa.brier, 0.64);
  assert.ok(Math.abs(usa.logScore! - -Math.log(0.2)) < 1e-4);
});
