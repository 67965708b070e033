// PostgreSQL schema, as numbered steps; sqlite/migrations.ts holds the same steps in SQLite's types.
import type { Migration } from '../db.js';

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'archive',
    sql: `
CREATE TABLE documents (
  id text PRIMARY KEY,
  story_id text NOT NULL,
  content_hash text NOT NULL UNIQUE,
  external_id text,
  title text,
  published text,
  source text,
  url text,
  doc_date date NOT NULL,
  text text NOT NULL,
  -- json, not jsonb: the record is read whole, never queried inside, and converting it to jsonb made bulk loads several times slower
  record json NOT NULL,
  minhash bytea NOT NULL,
  added_at timestamptz NOT NULL,
  -- tsvector input is capped: a tsvector may not exceed 1 MB, and the opening of a long text is what gets searched
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', left(text, 200000)), 'B')
  ) STORED
);
CREATE INDEX documents_story ON documents (story_id);
CREATE INDEX documents_external ON documents (external_id);
CREATE INDEX documents_url ON documents (url);
CREATE INDEX documents_tsv ON documents USING gin (tsv);

CREATE TABLE document_bands (
  band_key integer NOT NULL,
  doc_id text NOT NULL REFERENCES documents (id),
  PRIMARY KEY (band_key, doc_id)
);

CREATE TABLE actors (
  doc_id text NOT NULL REFERENCES documents (id),
  local_id text NOT NULL,
  text text NOT NULL,
  kind text NOT NULL,
  code text NOT NULL,
  sector text,
  name text,
  org text,
  title text,
  mention_count integer NOT NULL,
  as_source integer NOT NULL,
  as_target integer NOT NULL,
  PRIMARY KEY (doc_id, local_id)
);
CREATE INDEX actors_code ON actors (code, sector);

CREATE TABLE mentions (
  doc_id text NOT NULL,
  actor_id text NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  PRIMARY KEY (doc_id, actor_id, span_start, span_end),
  FOREIGN KEY (doc_id, actor_id) REFERENCES actors (doc_id, local_id)
);

CREATE TABLE clusters (
  id text PRIMARY KEY,
  key text NOT NULL,
  type text NOT NULL,
  status text NOT NULL,
  source_codes text NOT NULL,
  target_codes text NOT NULL,
  mention_count integer NOT NULL,
  first_date date NOT NULL,
  last_date date NOT NULL,
  first_report date NOT NULL,
  last_report date NOT NULL
);
CREATE INDEX clusters_key ON clusters (key, first_date);
CREATE INDEX clusters_mentions ON clusters (mention_count, last_date);

CREATE TABLE events (
  id text PRIMARY KEY,
  doc_id text NOT NULL REFERENCES documents (id),
  local_id text NOT NULL,
  cluster_id text NOT NULL REFERENCES clusters (id),
  type text NOT NULL,
  mode text,
  status text NOT NULL,
  date date NOT NULL,
  doc_date date NOT NULL,
  source_refs json NOT NULL,
  target_refs json NOT NULL,
  attribution_code text,
  attribution_text text,
  likelihood double precision,
  likelihood_cue text,
  window_start date,
  window_end date,
  window_text text,
  magnitude_min double precision,
  magnitude_max double precision,
  magnitude_unit text,
  place_code text,
  trigger_text text NOT NULL,
  trigger_start integer NOT NULL,
  trigger_end integer NOT NULL,
  sentence_start integer NOT NULL,
  sentence_end integer NOT NULL,
  confidence double precision NOT NULL
);
CREATE INDEX events_date ON events (date, id);
CREATE INDEX events_type ON events (type, date, id);
-- a status-only filter walks events_date: every status is common enough to fill a page quickly
CREATE INDEX events_type_status ON events (type, status, date, id);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_cluster ON events (cluster_id);

CREATE TABLE event_keys (
  key text NOT NULL,
  date date NOT NULL,
  event_id text NOT NULL REFERENCES events (id),
  PRIMARY KEY (key, date, event_id)
);
CREATE TABLE event_dyads (
  key text NOT NULL,
  date date NOT NULL,
  event_id text NOT NULL REFERENCES events (id),
  PRIMARY KEY (key, date, event_id)
);

CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload json NOT NULL,
  key text,
  state text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  worker text,
  lease_until timestamptz,
  error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
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
ALTER TABLE events ADD COLUMN sentence_text text;

-- analyst decisions on forecasts: appended, never updated (an audit trail); the latest per forecast is in force
CREATE TABLE resolutions (
  seq bigserial PRIMARY KEY,
  forecast_id text NOT NULL,
  state text NOT NULL,
  decided_by text NOT NULL,
  decided_at text NOT NULL,
  on_day text NOT NULL,
  evidence_doc text,
  note text
);
CREATE INDEX resolutions_forecast ON resolutions (forecast_id, seq);

-- API tokens: only a SHA-256 hash of each secret is kept
CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL,
  secret_hash text NOT NULL UNIQUE,
  created_at text NOT NULL,
  revoked boolean NOT NULL DEFAULT false
);
`,
  },
  {
    version: 3,
    name: 'byline',
    sql: `
-- who wrote a document, where its source says (HTML bylines, feed authors, a JSON article's "byline" or "author")
ALTER TABLE documents ADD COLUMN byline text;
`,
  },
];
