// The tracker over the archive: forecasts, calibration, warning problems and trends computed from the store's events, cached until the archive changes.
import { addDays, isoDay, type IsoDate } from '../core/ids.js';
import type { BriefInput, Development } from '../brief/brief.js';
import type { ClusterId, Storage } from '../store/types.js';
import type { ResolutionEntry, TrackingStore } from '../store/tracking-types.js';
import { calibrate, type IssuerCalibration } from '../track/calibration.js';
import { buildForecasts, type Resolution, type TrackEvent, type TrackedForecast } from '../track/forecasts.js';
import { evaluateProblem, type ProblemStatus, type WarningProblem } from '../track/problems.js';
import { weeklySeries, type DyadSeries } from '../track/trends.js';

export type ServerStore = Storage & TrackingStore;

export interface Snapshot {
  /** the day forecasts are evaluated at */
  asOf: string;
  /** the newest report date in the archive (the natural end of a brief), or asOf when empty */
  latestReport: string;
  events: TrackEvent[];
  forecasts: TrackedForecast[];
  calibration: IssuerCalibration[];
  problems: ProblemStatus[];
  series: DyadSeries[];
}

export interface TrackerOptions {
  /** evaluate at this day instead of today (reproducible demos and tests) */
  asOf?: string;
  /** how often, at most, the archive is asked whether it changed */
  checkEveryMs?: number;
  now?: () => Date;
}

/** The latest decision per forecast (entries are appended; the last one is in force). */
export function latestResolutions(entries: ResolutionEntry[]): Map<string, Resolution> {
  const out = new Map<string, Resolution>();
  for (const e of entries) {
    const r: Resolution = { state: e.state, by: e.by, on: e.on };
    if (e.evidenceDoc) r.evidenceDoc = e.evidenceDoc;
    if (e.note) r.note = e.note;
    out.set(e.forecastId, r);
  }
  return out;
}

export class Tracker {
  private cached?: Promise<Snapshot>;
  private checkedAt = 0;
  private archiveVersion = '';

  constructor(private readonly store: ServerStore, readonly problems: WarningProblem[], private readonly options: TrackerOptions = {}) {}

  /** A cheap fingerprint of the archive and its decisions (no tracker work): changes whenever either does; clients poll it. */
  async version(): Promise<{ version: string; events: number }> {
    const [s, decisions] = await Promise.all([this.store.stats(), this.store.resolutions()]);
    return { version: `${s.documents}.${s.events}.${decisions.length}`, events: s.events };
  }

  /** Drops the cache at once (after a resolution or an ingest through this server), without waiting for the next check. */
  invalidate(): void {
    this.cached = undefined;
    // the version is read again with the rebuild, so the next periodic check does not see the same change as new
    this.checkedAt = -Infinity;
  }

  /** Cheap to call often: the version is checked at most every checkEveryMs, and the snapshot is rebuilt only when it moved
   *  (so ingests and decisions by other processes show up too). */
  async snapshot(): Promise<Snapshot> {
    const now = (this.options.now ?? (() => new Date()))().getTime();
    if (now - this.checkedAt >= (this.options.checkEveryMs ?? 2000)) {
      this.checkedAt = now;
      const { version } = await this.version();
      if (version !== this.archiveVersion) { this.archiveVersion = version; this.cached = undefined; }
    }
    if (!this.cached) {
      const building = this.build();
      this.cached = building;
      building.catch(() => { if (this.cached === building) this.cached = undefined; });
    }
    return this.cached;
  }

  private async build(): Promise<Snapshot> {
    const asOf = this.options.asOf ?? isoDay((this.options.now ?? (() => new Date()))());
    const [events, entries] = await Promise.all([this.store.trackEvents({ until: asOf }), this.store.resolutions()]);
    const forecasts = buildForecasts(events, latestResolutions(entries), { asOf });
    const latestReport = events.reduce((m, e) => (e.docDate > m ? e.docDate : m), '') || asOf;
    return {
      asOf, latestReport, events, forecasts,
      calibration: calibrate(forecasts),
      problems: this.problems.map((p) => evaluateProblem(p, events, asOf)),
      series: weeklySeries(events),
    };
  }

  /** What the brief needs for a period: developments from the archive's clusters, forecasts, problems then and now, dyads. */
  async briefInput(period: { since?: string; until?: string }): Promise<BriefInput> {
    const snap = await this.snapshot();
    const asOf = period.until ?? snap.latestReport;
    const since = period.since ?? addDays(asOf as IsoDate, -30);
    const events = snap.events.filter((e) => e.docDate <= asOf);
    return {
      since, asOf,
      developments: await this.developments(since, asOf),
      forecasts: snap.forecasts,
      problems: this.problems.map((p) => evaluateProblem(p, events, asOf)),
      problemsBefore: this.problems.map((p) => evaluateProblem(p, events, since)),
      dyads: weeklySeries(events, { from: since, to: asOf }),
    };
  }

  private async developments(since: string, until: string): Promise<Development[]> {
    const clusters = await this.store.clusters({ since: since as IsoDate, until: until as IsoDate, limit: 12 });
    const texts = new Map<string, { text: string; date: string } | null>();
    const docOf = async (id: string) => {
      if (!texts.has(id)) {
        const d = await this.store.document(id);
        texts.set(id, d ? { text: d.text, date: d.meta.published ?? d.record.document.referenceDate } : null);
      }
      return texts.get(id) ?? null;
    };
    const out: Development[] = [];
    for (const listed of clusters) {
      const cluster = await this.store.cluster(listed.id as ClusterId);
      if (!cluster) continue;
      const evidence = [];
      for (const m of cluster.mentions.slice(0, 2)) {
        const doc = await docOf(m.docId);
        if (doc) evidence.push({ eventId: m.eventId, docId: m.docId, docDate: doc.date, status: cluster.status, text: doc.text.slice(m.sentence[0], m.sentence[1]), span: m.sentence });
      }
      out.push({
        type: cluster.type, status: cluster.status, sourceCodes: cluster.sourceCodes, targetCodes: cluster.targetCodes,
        mentions: cluster.mentionCount, firstReport: cluster.firstReport, lastReport: cluster.lastReport, evidence,
      });
    }
    return out;
  }
}
