// The dashboard's one way to the server: JSON requests with the session's token, and errors turned into messages.
import type { IssuerCalibration } from '../../src/track/calibration.js';
import type { ProblemStatus, WarningProblem } from '../../src/track/problems.js';
import type { TrackedForecast } from '../../src/track/forecasts.js';
import type { EventCluster, StoredDocument, StoredEvent, ClusterMention } from '../../src/store/types.js';

export type { IssuerCalibration, ProblemStatus, TrackedForecast, StoredEvent, EventCluster };

export interface Page<T> { items: T[]; total?: number; limit: number; offset: number; next: number | null }
export type Forecast = TrackedForecast & { text: string; history?: { state: string; by: string; at: string; on: string; note?: string }[] };
export type ArticleData = StoredDocument & { events: StoredEvent[] };
export type ClusterDetail = Omit<EventCluster, 'mentions'> & { mentions: (ClusterMention & { title?: string; published?: string; sentenceText?: string })[] };
export interface NetworkData { nodes: { id: string; name: string; events: number }[]; edges: { source: string; target: string; events: number; score: number; types: Record<string, number> }[] }
export interface MapData { points: { code: string; name: string; lat: number; lon: number; events: number; score: number; types: Record<string, number> }[]; placed: number; unplaced: number; truncated: boolean }
export interface Me { name: string | null; role: 'reader' | 'analyst' | 'admin' | 'public' | null }
export interface Version { version: string; events: number }
export interface ProblemsData { asOf: string; items: ProblemStatus[]; definitions: WarningProblem[] }
export interface CalibrationData { asOf: string; issuers: (IssuerCalibration & { name: string })[] }

const TOKEN_KEY = 'watchfloor-token';

export class ApiFailure extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (t: string | null) => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY)),
};

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const t = token.get();
  if (t) headers.set('authorization', `Bearer ${t}`);
  const res = await fetch(path, { ...init, headers });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = await res.json() as { error?: { message?: string; issues?: { path: string; message: string }[] } };
      if (body.error?.message) message = [body.error.message, ...(body.error.issues ?? []).map((i) => `${i.path}: ${i.message}`)].join('; ');
    } catch { /* not JSON: keep the status line */ }
    throw new ApiFailure(res.status, message);
  }
  return res;
}

export const getJson = async <T>(path: string): Promise<T> => (await request(path)).json() as Promise<T>;
export const getText = async (path: string): Promise<string> => (await request(path)).text();
export const postJson = async <T>(path: string, body: unknown): Promise<T> =>
  (await request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<T>;

/** A query string from the set values only. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
