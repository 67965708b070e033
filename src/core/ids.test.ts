// Tests for the branded date helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths, lastDayOfMonth, toIsoDate } from './ids.js';

test('toIsoDate accepts real days and rejects impossible ones', () => {
  assert.equal(toIsoDate('2024-02-29'), '2024-02-29');
  assert.equal(toIsoDate('2023-02-29'), null);
  assert.equal(toIsoDate('2024-6-1'), null);
});

test('date arithmetic clamps to month ends', () => {
  assert.equal(addMonths(toIsoDate('2024-08-31')!, 6), '2025-02-28');
  assert.equal(addDays(toIsoDate('2024-12-31')!, 1), '2025-01-01');
  assert.equal(lastDayOfMonth(2024, 2), '2024-02-29');
});
