// Tests for event clustering: same type, status and dyad within the window is one event; anything else is another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IsoDate } from '../core/ids.js';
import { assignClusters, candidateRange, CLUSTER_WINDOW_DAYS, clusterKey, type ClusterableEvent, type ClusterState } from './clusters.js';

const ids = () => {
  let n = 0;
  return () => `c${++n}`;
};

function ev(id: string, date: string, over: Partial<ClusterableEvent> = {}): ClusterableEvent {
  const base = { id, type: 'MOBILIZE', status: 'asserted', sourceCodes: ['PRK'], targetCodes: ['RUS'], date: date as IsoDate, docDate: date as IsoDate, ...over };
  return { ...base, clusterKey: clusterKey(base.type, base.status, base.sourceCodes, base.targetCodes) };
}

test('reports within the window share a cluster with their count and date range', () => {
  const { clusterOf, created, updated } = assignClusters([ev('a', '2024-06-10'), ev('b', '2024-06-12', { docDate: '2024-06-14' as IsoDate }), ev('c', '2024-06-11')], [], ids());
  assert.equal(new Set(clusterOf.values()).size, 1);
  assert.equal(updated.length, 0);
  assert.deepEqual(created.map((c) => [c.mentionCount, c.firstDate, c.lastDate, c.firstReport, c.lastReport]), [[3, '2024-06-10', '2024-06-12', '2024-06-10', '2024-06-14']]);
});

test('a cluster never spans more than the window: a daily repeated event becomes several clusters', () => {
  const days = ['2024-06-01', '2024-06-02', '2024-06-03', '2024-06-04', '2024-06-05', '2024-06-06', '2024-06-07', '2024-06-08'];
  const { created } = assignClusters(days.map((d, i) => ev(`e${i}`, d)), [], ids());
  assert.equal(CLUSTER_WINDOW_DAYS, 3);
  assert.deepEqual(created.map((c) => [c.firstDate, c.lastDate, c.mentionCount]), [['2024-06-01', '2024-06-04', 4], ['2024-06-05', '2024-06-08', 4]]);
});

test('a different status, type or side is a different event even on the same day', () => {
  const { created } = assignClusters([
    ev('a', '2024-06-10'), ev('b', '2024-06-10', { status: 'forecast' }), ev('c', '2024-06-10', { type: 'ASSAULT' }),
    ev('d', '2024-06-10', { targetCodes: ['UKR'] }), ev('e', '2024-06-10', { sourceCodes: ['PRK', 'RUS'] }),
  ], [], ids());
  assert.equal(created.length, 5);
});

test('the result does not depend on the order the events come in', () => {
  const events = [ev('a', '2024-06-01'), ev('b', '2024-06-04'), ev('c', '2024-06-05'), ev('d', '2024-06-02'), ev('e', '2024-06-08')];
  const shape = (list: ClusterableEvent[]) => {
    const { clusterOf } = assignClusters(list, [], ids());
    const groups = new Map<string, string[]>();
    for (const [e, c] of clusterOf) groups.set(c, [...(groups.get(c) ?? []), e].sort());
    return [...groups.values()].map((g) => g.join('')).sort();
  };
  assert.deepEqual(shape(events), shape([...events].reverse()));
  assert.deepEqual(shape(events), ['abd', 'ce']);
});

test('an event joins the existing cluster that stays narrowest and reports it as updated', () => {
  const existing: ClusterState[] = [
    { id: 'old1', key: ev('x', '2024-06-01').clusterKey, type: 'MOBILIZE', status: 'asserted', sourceCodes: ['PRK'], targetCodes: ['RUS'], mentionCount: 2,
      firstDate: '2024-06-01' as IsoDate, lastDate: '2024-06-02' as IsoDate, firstReport: '2024-06-01' as IsoDate, lastReport: '2024-06-02' as IsoDate },
    { id: 'old2', key: ev('x', '2024-06-01').clusterKey, type: 'MOBILIZE', status: 'asserted', sourceCodes: ['PRK'], targetCodes: ['RUS'], mentionCount: 1,
      firstDate: '2024-06-04' as IsoDate, lastDate: '2024-06-04' as IsoDate, firstReport: '2024-06-04' as IsoDate, lastReport: '2024-06-04' as IsoDate },
  ];
  const { clusterOf, created, updated } = assignClusters([ev('n', '2024-06-04', { docDate: '2024-06-09' as IsoDate })], existing, ids());
  assert.equal(clusterOf.get('n'), 'old2');
  assert.equal(created.length, 0);
  assert.deepEqual(updated.map((c) => [c.id, c.mentionCount, c.lastReport]), [['old2', 2, '2024-06-09']]);
  assert.equal(existing[1].mentionCount, 1, 'the caller\'s cluster states are not modified');
});

test('the candidate range covers the window on both sides of the batch', () => {
  assert.deepEqual(candidateRange([ev('a', '2024-03-01'), ev('b', '2024-02-27')]), { from: '2024-02-24', to: '2024-03-04' });
  assert.equal(candidateRange([]), null);
});
