// The tracker over the archive: forecasts, calibration, warning problems and trends computed from the store's events, cached until the archive changes.
import { calibrate, type IssuerCalibration } from '../track/calibration.js';
import type { TrackEvent, TrackedForecast } from '../track/forecasts.js';
import { evaluateProblem, type ProblemStatus, type WarningProblem } from '../track/problems.js';
import { loadForecasts } from '../track/service.js';
import type { Storage } from '../store/types.js';
import { weeklySeries, type DyadSeries } from '../track/trends.js';

/** The archive with its tracking tables (resolutions, tokens), as the server uses it. */
export type ServerStore = Storage;

export interface Snapshot {
  /** the day forecasts and warnings are evaluated at: --as-of, else the newest report in the archive (as the CLI does) */
  asOf: string;
  events: TrackEvent[];
  forecasts: TrackedForecast[];
  calibration: IssuerCalibration[];
  problems: ProblemStatus[];
  series: DyadSeries[];
}

export interface TrackerOptions {
  /** evaluate at this day instead of the newest report */
  asOf?: string;
  /** how often, at most, the archive is asked whether it changed */
  checkEveryMs?: number;
  now?: () => Date;
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
    const { forecasts, events, asOf } = await loadForecasts(this.store, this.options.asOf);
    return {
      asOf, events, forecasts,
      calibration: calibrate(forecasts),
      problems: this.problems.map((p) => evaluateProblem(p, events, asOf)),
      series: weeklySeries(events),
    };
  }
}
