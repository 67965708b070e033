// The archive's tracking capabilities beside Storage: forecast resolutions (an audit trail), API tokens, and events as the tracker reads them.
import type { TrackEvent } from '../track/forecasts.js';

/** One analyst decision on a forecast; entries are appended, never overwritten: the latest per forecast is in force. */
export interface ResolutionEntry {
  forecastId: string;
  state: 'confirmed' | 'refuted' | 'withdrawn' | 'open';
  /** who decided (a user or token name) */
  by: string;
  /** ISO timestamp of the decision */
  at: string;
  /** the day the outcome is dated (YYYY-MM-DD): the confirming report's date, or the decision day */
  on: string;
  /** the document the analyst cites */
  evidenceDoc?: string;
  note?: string;
}

export type Role = 'reader' | 'analyst' | 'admin';

export interface TokenInfo { id: string; name: string; role: Role; createdAt: string; revoked: boolean }

export interface TrackingStore {
  /** Appends an analyst decision. */
  addResolution(entry: ResolutionEntry): Promise<void>;
  /** Every decision, oldest first; for one forecast when given. */
  resolutions(forecastId?: string): Promise<ResolutionEntry[]>;
  /** Events as the tracker reads them (codes, issuer, window, sentence text), reported up to `until`, oldest report first. */
  trackEvents(options?: { since?: string; until?: string }): Promise<TrackEvent[]>;
  /** Creates an API token; the secret is returned once and stored only as a hash. */
  createToken(name: string, role: Role): Promise<{ info: TokenInfo; secret: string }>;
  /** The token's info when the secret is valid and not revoked, else null (constant-time compare of hashes). */
  verifyToken(secret: string): Promise<TokenInfo | null>;
  listTokens(): Promise<TokenInfo[]>;
  revokeToken(id: string): Promise<boolean>;
}
