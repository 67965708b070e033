// SQLite schema, as numbered steps; postgres/migrations.ts holds the same steps in PostgreSQL's types.
import type { Migration } from '../db.js';

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'archive',
    sql: `
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,            -- stable rowid for the external-content FTS table
  id TEXT NOT NULL UNIQUE,
  story_id TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  external_id TEXT,
  title TEXT,
  published TEXT,
  source TEXT,
  url TEXT,
  doc_date TEXT NOT NULL,
  text TEXT NOT NULL,
  record TEXT NOT NULL,               -- the extraction record, JSON
  minhash BLOB NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX documents_story ON documents (story_id);
CREATE INDEX documents_external ON documents (external_id);
CREATE INDEX documents_url ON documents (url);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='seq', tokenize='porter unicode61');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TABLE document_bands (
  band_key INTEGER NOT NULL,
  doc_id TEXT NOT NULL REFERENCES documents (id),
  PRIMARY KEY (band_key, doc_id)
) WITHOUT ROWID;

CREATE TABLE actors (
  doc_id TEXT NOT NULL REFERENCES documents (id),
  local_id TEXT NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  code TEXT NOT NULL,
  sector TEXT,
  name TEXT,
  org TEXT,
  title TEXT,
  mention_count INTEGER NOT NULL,
  as_source INTEGER NOT NULL,
  as_target INTEGER NOT NULL,
  PRIMARY KEY (doc_id, local_id)
) WITHOUT ROWID;
CREATE INDEX actors_code ON actors (code, sector);

CREATE TABLE mentions (
  doc_id TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (doc_id, actor_id, span_start, span_end),
  FOREIGN KEY (doc_id, actor_id) REFERENCES actors (doc_id, local_id)
) WITHOUT ROWID;

CREATE TABLE clusters (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  source_codes TEXT NOT NULL,         -- sorted country codes, comma-joined
  target_codes TEXT NOT NULL,
  mention_count INTEGER NOT NULL,
  first_date TEXT NOT NULL,
  last_date TEXT NOT NULL,
  first_report TEXT NOT NULL,
  last_report TEXT NOT NULL
);
CREATE INDEX clusters_key ON clusters (key, first_date);
CREATE INDEX clusters_mentions ON clusters (mention_count, last_date);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents (id),
  local_id TEXT NOT NULL,
  cluster_id TEXT NOT NULL REFERENCES clusters (id),
  type TEXT NOT NULL,
  mode TEXT,
  status TEXT NOT NULL,
  date TEXT NOT NULL,                 -- when.start, else the document's date
  doc_date TEXT NOT NULL,
  source_refs TEXT NOT NULL,          -- JSON [{code, sector?, text, name?}]
  target_refs TEXT NOT NULL,
  attribution_code TEXT,
  attribution_text TEXT,
  likelihood REAL,
  likelihood_cue TEXT,
  window_start TEXT,
  window_end TEXT,
  window_text TEXT,
  magnitude_min REAL,
  magnitude_max REAL,
  magnitude_unit TEXT,
  place_code TEXT,
  trigger_text TEXT NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  confidence REAL NOT NULL
);
CREATE INDEX events_date ON events (date, id);
CREATE INDEX events_type ON events (type, date, id);
-- a status-only filter walks events_date: every status is common enough to fill a page quickly
CREATE INDEX events_type_status ON events (type, status, date, id);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_cluster ON events (cluster_id);

-- Access paths for actor and dyad filters, ordered by date so that a filtered page is an index range.
CREATE TABLE event_keys (
  key TEXT NOT NULL,
  date TEXT NOT NULL,
  event_id TEXT NOT NULL REFERENCES events (id),
  PRIMARY KEY (key, date, event_id)
) WITHOUT ROWID;
CREATE TABLE event_dyads (
  key TEXT NOT NULL,
  date TEXT NOT NULL,
  event_id TEXT NOT NULL REFERENCES events (id),
  PRIMARY KEY (key, date, event_id)
) WITHOUT ROWID;

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,              -- JSON
  key TEXT,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  worker TEXT,
  lease_until TEXT,
  error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_state ON jobs (state, id);
CREATE UNIQUE INDEX jobs_live_key ON jobs (key) WHERE state IN ('queued', 'running');
`,
  },
  {
    version: 2,
    name: 'tracking',
    sql: `
-- the sentence that carries each event, cut in JavaScript so that its offsets agree with the record's spans
ALTER TABLE events ADD COLUMN sentence_text TEXT;

-- analyst decisions on forecasts: appended, never updated (an audit trail); the latest per forecast is in force
CREATE TABLE resolutions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  forecast_id TEXT NOT NULL,
  state TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  on_day TEXT NOT NULL,
  evidence_doc TEXT,
  note TEXT
);
CREATE INDEX resolutions_forecast ON resolutions (forecast_id, seq);

-- API tokens: only a SHA-256 hash of each secret is kept
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
`,
  },
  {
    version: 3,
    name: 'byline',
    sql: `
-- who wrote a document, where its source says (HTML bylines, feed authors, a JSON article's "byline" or "author")
ALTER TABLE documents ADD COLUMN byline TEXT;
`,
  },
];
