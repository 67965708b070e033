// The tracking tables over one Db, in SQL common to both dialects: resolutions (append-only), API tokens (hashed), tracker events.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { trackerCode } from '../core/countries.js';
import type { TrackEvent } from '../track/forecasts.js';
import type { Db, Row } from './db.js';
import type { ResolutionEntry, Role, TokenInfo } from './tracking-types.js';
import { StoreError, type EventActorRef } from './types.js';

const STATES = new Set(['confirmed', 'refuted', 'withdrawn', 'open']);
const ROLES = new Set<Role>(['reader', 'analyst', 'admin']);

export async function addResolution(db: Db, r: ResolutionEntry): Promise<void> {
  if (!STATES.has(r.state)) throw new StoreError(`a resolution's state must be confirmed, refuted, withdrawn or open, not ${JSON.stringify(r.state)}`, 'bad-input');
  if (!r.forecastId || !r.by) throw new StoreError('a resolution needs a forecast id and who decided', 'bad-input');
  await db.run('INSERT INTO resolutions (forecast_id, state, decided_by, decided_at, on_day, evidence_doc, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [r.forecastId, r.state, r.by, r.at, r.on, r.evidenceDoc ?? null, r.note ?? null]);
}

export async function resolutions(db: Db, forecastId?: string): Promise<ResolutionEntry[]> {
  const rows = await db.all<Row>(`SELECT * FROM resolutions ${forecastId === undefined ? '' : 'WHERE forecast_id = ?'} ORDER BY seq`, forecastId === undefined ? [] : [forecastId]);
  return rows.map((r) => {
    const entry: ResolutionEntry = { forecastId: String(r.forecast_id), state: r.state as ResolutionEntry['state'], by: String(r.decided_by), at: String(r.decided_at), on: String(r.on_day) };
    if (r.evidence_doc !== null && r.evidence_doc !== undefined) entry.evidenceDoc = String(r.evidence_doc);
    if (r.note !== null && r.note !== undefined) entry.note = String(r.note);
    return entry;
  });
}

const day = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const codesOf = (json: unknown): string[] => [...new Set((JSON.parse(String(json)) as EventActorRef[]).map(trackerCode))];

export async function trackEvents(db: Db, options: { since?: string; until?: string } = {}): Promise<TrackEvent[]> {
  const rows = await db.all<Row>(
    `SELECT e.id, e.doc_id, e.doc_date, e.date, e.type, e.status, e.source_refs, e.target_refs, e.attribution_code, e.likelihood, e.likelihood_cue,
            e.mode, e.place_code, e.window_start, e.window_end, e.window_text, e.magnitude_min, e.magnitude_max, e.magnitude_unit,
            e.sentence_start, e.sentence_end, e.sentence_text, e.confidence, d.story_id
     FROM events e JOIN documents d ON d.id = e.doc_id
     WHERE e.doc_date >= ? AND e.doc_date <= ? ORDER BY e.doc_date, e.id`,
    [options.since ?? '0001-01-01', options.until ?? '9999-12-31']);
  return rows.map((r) => {
    const t: TrackEvent = {
      id: String(r.id), docId: String(r.doc_id), docDate: day(r.doc_date), date: day(r.date), type: String(r.type), status: r.status as TrackEvent['status'],
      sourceCodes: codesOf(r.source_refs), targetCodes: codesOf(r.target_refs), sourceKey: String(r.story_id), confidence: Number(r.confidence),
      sentence: { span: [Number(r.sentence_start), Number(r.sentence_end)], text: r.sentence_text === null || r.sentence_text === undefined ? '' : String(r.sentence_text) },
    };
    if (r.attribution_code !== null && r.attribution_code !== undefined) t.issuer = String(r.attribution_code);
    if (r.mode) t.mode = String(r.mode);
    if (r.place_code) t.place = String(r.place_code);
    if (r.likelihood !== null && r.likelihood !== undefined) { t.likelihood = Number(r.likelihood); if (r.likelihood_cue) t.likelihoodCue = String(r.likelihood_cue); }
    if (r.window_start && r.window_end) { t.windowStart = day(r.window_start); t.windowEnd = day(r.window_end); if (r.window_text) t.windowText = String(r.window_text); }
    if (r.magnitude_min !== null && r.magnitude_min !== undefined && r.magnitude_max !== null && r.magnitude_max !== undefined) {
      t.magnitudeMin = Number(r.magnitude_min); t.magnitudeMax = Number(r.magnitude_max);
      if (r.magnitude_unit) t.magnitudeUnit = String(r.magnitude_unit);
    }
    return t;
  });
}

const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
const toToken = (r: Row): TokenInfo => ({ id: String(r.id), name: String(r.name), role: r.role as Role, createdAt: String(r.created_at), revoked: Boolean(Number(r.revoked) || r.revoked === true) });

export async function createToken(db: Db, name: string, role: Role): Promise<{ info: TokenInfo; secret: string }> {
  if (!ROLES.has(role)) throw new StoreError(`a token's role must be reader, analyst or admin, not ${JSON.stringify(role)}`, 'bad-input');
  if (!name.trim()) throw new StoreError('a token needs a name', 'bad-input');
  const secret = `wf_${randomBytes(24).toString('base64url')}`;
  const info: TokenInfo = { id: randomBytes(6).toString('hex'), name, role, createdAt: new Date().toISOString(), revoked: false };
  await db.run('INSERT INTO api_tokens (id, name, role, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)', [info.id, name, role, hashSecret(secret), info.createdAt]);
  return { info, secret };
}

export async function verifyToken(db: Db, secret: string): Promise<TokenInfo | null> {
  if (typeof secret !== 'string' || !secret.startsWith('wf_') || secret.length > 200) return null;
  const hash = hashSecret(secret);
  const [row] = await db.all<Row>('SELECT * FROM api_tokens WHERE secret_hash = ?', [hash]);
  if (!row || !timingSafeEqual(Buffer.from(String(row.secret_hash)), Buffer.from(hash))) return null;
  const info = toToken(row);
  return info.revoked ? null : info;
}

export async function listTokens(db: Db): Promise<TokenInfo[]> {
  return (await db.all<Row>('SELECT * FROM api_tokens ORDER BY created_at, id')).map(toToken);
}

export async function revokeToken(db: Db, id: string): Promise<boolean> {
  // 1 reads as true in PostgreSQL's boolean column too
  return (await db.run('UPDATE api_tokens SET revoked = ? WHERE id = ?', [1, id])) > 0;
}
