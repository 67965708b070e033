// Event clustering, pure: reports of the same event (same type, status and dyad codes, all within a few days) form one cluster.
import { addDays, type IsoDate } from '../core/ids.js';

/** The widest spread of event dates inside one cluster. Wider would merge a recurring event (daily shelling) into one. */
export const CLUSTER_WINDOW_DAYS = 3;

export interface ClusterState {
  id: string;
  key: string;
  type: string;
  status: string;
  sourceCodes: string[];
  targetCodes: string[];
  mentionCount: number;
  firstDate: IsoDate;
  lastDate: IsoDate;
  firstReport: IsoDate;
  lastReport: IsoDate;
}

export interface ClusterableEvent {
  id: string;
  clusterKey: string;
  type: string;
  status: string;
  sourceCodes: string[];
  targetCodes: string[];
  date: IsoDate;
  docDate: IsoDate;
}

export interface ClusterAssignment {
  /** event id -> cluster id */
  clusterOf: Map<string, string>;
  /** clusters created by this assignment, final state */
  created: ClusterState[];
  /** existing clusters that gained mentions, final state */
  updated: ClusterState[];
}

/** Type, status and the sorted country codes of each side: what must be equal for two reports to be one event. */
export function clusterKey(type: string, status: string, sourceCodes: string[], targetCodes: string[]): string {
  return `${type}|${status}|${sourceCodes.join(',')}|${targetCodes.join(',')}`;
}

/** Places each event in the existing or new cluster of its key whose dates stay within the window with it,
 *  preferring the one that stays narrowest. Events are taken in date order so the result does not depend on input order.
 *  New clusters take ids from newId (random in the archive: an id must never be reused after its cluster empties). */
export function assignClusters(events: ClusterableEvent[], existing: ClusterState[], newId: () => string): ClusterAssignment {
  const byKey = new Map<string, ClusterState[]>();
  for (const c of existing) push(byKey, c.key, { ...c });
  const existingIds = new Set(existing.map((c) => c.id));
  const touched = new Map<string, ClusterState>();
  const clusterOf = new Map<string, string>();
  const ordered = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const e of ordered) {
    const day = dayNumber(e.date);
    let best: ClusterState | undefined;
    let bestSpan = Infinity;
    for (const c of byKey.get(e.clusterKey) ?? []) {
      const span = Math.max(dayNumber(c.lastDate), day) - Math.min(dayNumber(c.firstDate), day);
      if (span <= CLUSTER_WINDOW_DAYS && (span < bestSpan || (span === bestSpan && best && preferred(c, best)))) {
        best = c;
        bestSpan = span;
      }
    }
    if (!best) {
      best = {
        id: newId(), key: e.clusterKey, type: e.type, status: e.status, sourceCodes: e.sourceCodes, targetCodes: e.targetCodes,
        mentionCount: 0, firstDate: e.date, lastDate: e.date, firstReport: e.docDate, lastReport: e.docDate,
      };
      push(byKey, e.clusterKey, best);
    }
    best.mentionCount++;
    if (e.date < best.firstDate) best.firstDate = e.date;
    if (e.date > best.lastDate) best.lastDate = e.date;
    if (e.docDate < best.firstReport) best.firstReport = e.docDate;
    if (e.docDate > best.lastReport) best.lastReport = e.docDate;
    touched.set(best.id, best);
    clusterOf.set(e.id, best.id);
  }
  const all = [...touched.values()];
  return { clusterOf, created: all.filter((c) => !existingIds.has(c.id)), updated: all.filter((c) => existingIds.has(c.id)) };
}

/** The date range of existing clusters an event batch could join: clusters starting no earlier, and ending no later, than the window allows. */
export function candidateRange(events: ClusterableEvent[]): { from: IsoDate; to: IsoDate } | null {
  if (!events.length) return null;
  let min = events[0].date, max = events[0].date;
  for (const e of events) {
    if (e.date < min) min = e.date;
    if (e.date > max) max = e.date;
  }
  return { from: addDays(min, -CLUSTER_WINDOW_DAYS), to: addDays(max, CLUSTER_WINDOW_DAYS) };
}

/** Between two clusters an event fits equally well: the more reported, then the earlier, then by id, so that the choice
 *  never depends on the order the database returned them in. */
function preferred(a: ClusterState, b: ClusterState): boolean {
  if (a.mentionCount !== b.mentionCount) return a.mentionCount > b.mentionCount;
  if (a.firstDate !== b.firstDate) return a.firstDate < b.firstDate;
  return a.id < b.id;
}

function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
