// The Storage implementation shared by both dialects: the SQL here is common to SQLite and PostgreSQL; what differs comes from a Dialect.
import { randomBytes } from 'node:crypto';
import type { DocId, EventId, IsoDate } from '../core/ids.js';
import type { EventStatus, ExtractionRecord } from '../core/record.js';
import { assignClusters, candidateRange, type ClusterableEvent, type ClusterState } from './clusters.js';
import { dyadKey, parseActorCode } from './codes.js';
import type { BindValue, Db, Dialect, Row } from './db.js';
import * as tracking from './tracking.js';
import type { ResolutionEntry, Role, TokenInfo } from './tracking-types.js';
import type { TrackEvent } from '../track/forecasts.js';
import { decodeSignature, encodeSignature, estimatedJaccard, NEAR_DUPLICATE_JACCARD } from './fingerprint.js';
import {
  ACTOR_COLUMNS, BAND_COLUMNS, CLUSTER_COLUMNS, DOCUMENT_COLUMNS, EVENT_COLUMNS, KEY_COLUMNS, MENTION_COLUMNS,
  documentDate, eventValues, extractionRows, indexKeys, type EventRow, type Param,
} from './rows.js';
import {
  StoreError, type ActorFilter, type ActorSummary, type ArchiveStats, type ClaimOptions, type ClusterFilter, type ClusterId,
  type DocumentMeta, type EventActorRef, type EventCluster, type EventFilter, type IngestInput, type IngestResult, type Job,
  type JobId, type JobInput, type JobState, type Page, type SearchHit, type Storage, type StoredDocument, type StoredEvent, type StoryId,
} from './types.js';

/** Documents per write transaction in ingestMany: large enough to amortise the commit, small enough to keep locks short. */
const BATCH_DOCUMENTS = 500;
/** Parameters per IN (...) list, well under both engines' limits. */
const IN_LIST_MAX = 900;
export const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 10_000;
const DEFAULT_LEASE_MS = 10 * 60_000;
const DEFAULT_MAX_ATTEMPTS = 3;
const JOB_STATES: readonly JobState[] = ['queued', 'running', 'done', 'failed'];

interface Candidate { id: string; storyId: string; minhash: number[] }
interface NewExtraction { docId: DocId; record: ExtractionRecord; docDate: IsoDate; text: string }

export class Archive implements Storage {
  readonly dialect: 'sqlite' | 'postgres';
  private readonly newClusterId = clusterIds();

  constructor(private readonly db: Db, private readonly sql: Dialect) {
    this.dialect = sql.name;
  }

  async migrate(): Promise<void> {
    const known = Math.max(0, ...this.sql.migrations.map((m) => m.version));
    await this.db.transaction(async (tx) => {
      await this.sql.lockForMigrate(tx);
      await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const applied = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
      const newest = Math.max(0, ...applied);
      if (newest > known) throw new StoreError(`the archive has schema version ${newest}, newer than this watchfloor knows (${known}): upgrade watchfloor`, 'schema');
      for (const m of this.sql.migrations) {
        if (applied.has(m.version)) continue;
        await tx.exec(m.sql);
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      }
    });
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async ingest(input: IngestInput): Promise<IngestResult> {
    const [result] = await this.ingestMany([input]);
    return result;
  }

  async ingestMany(inputs: IngestInput[]): Promise<IngestResult[]> {
    inputs.forEach(checkInput);
    const results: IngestResult[] = [];
    for (let i = 0; i < inputs.length; i += BATCH_DOCUMENTS) {
      const batch = inputs.slice(i, i + BATCH_DOCUMENTS);
      results.push(...(await this.db.transaction((tx) => this.ingestBatch(tx, batch))));
    }
    return results;
  }

  async hasContentHash(contentHash: string): Promise<boolean> {
    return (await this.db.all('SELECT 1 AS found FROM documents WHERE content_hash = ?', [contentHash])).length > 0;
  }

  private async ingestBatch(tx: Db, inputs: IngestInput[]): Promise<IngestResult[]> {
    await this.sql.lockForWrite(tx);
    const addedAt = new Date().toISOString();
    const { stored, candidates } = await storedCopies(tx, this.sql, inputs);
    const results: IngestResult[] = [];
    const documents: Param[][] = [];
    const bands: Param[][] = [];
    const extractions: NewExtraction[] = [];
    for (const input of inputs) {
      const { contentHash, minhash } = input.fingerprint;
      const copyOf = stored.get(contentHash);
      if (copyOf) {
        results.push({ docId: copyOf.id as DocId, status: 'duplicate', storyId: copyOf.storyId as StoryId });
        continue;
      }
      const docId = contentHash.slice(0, 16) as DocId;
      const original = nearestCopy(input.fingerprint.bands.map(toInt32), minhash, candidates);
      const storyId = (original?.storyId ?? docId) as StoryId;
      const meta = input.meta ?? {};
      const docDate = documentDate(meta, input.record, addedAt);
      documents.push([docId, storyId, contentHash, meta.externalId ?? null, meta.title ?? null, meta.published ?? null, meta.source ?? null, meta.url ?? null,
        docDate, input.text, JSON.stringify(input.record), encodeSignature(minhash), addedAt, meta.byline ?? null]);
      // Only a story's first document is indexed for near-duplicate lookup: a copy is compared with the stories it may belong to,
      // once each, however many copies they already have.
      if (!original) {
        for (const k of unique(input.fingerprint.bands.map(toInt32))) {
          bands.push([k, docId]);
          push(candidates, k, { id: docId, storyId, minhash });
        }
      }
      stored.set(contentHash, { id: docId, storyId });
      extractions.push({ docId, record: input.record, docDate, text: input.text });
      results.push({ docId, status: original ? 'near-duplicate' : 'new', storyId });
    }
    await tx.insertMany('documents', DOCUMENT_COLUMNS, documents);
    await tx.insertMany('document_bands', BAND_COLUMNS, bands);
    await this.writeExtractions(tx, extractions);
    return results;
  }

  /** Inserts the rows of new extractions and places their events in clusters. */
  private async writeExtractions(tx: Db, items: NewExtraction[]): Promise<void> {
    const actors: Param[][] = [];
    const mentions: Param[][] = [];
    const events: EventRow[] = [];
    for (const item of items) {
      const rows = extractionRows(item.docId, item.record, item.docDate, item.text);
      actors.push(...rows.actors);
      mentions.push(...rows.mentions);
      events.push(...rows.events);
    }
    const existing = await this.candidateClusters(tx, events);
    const { clusterOf, created, updated } = assignClusters(events, existing, this.newClusterId);
    await tx.insertMany('clusters', CLUSTER_COLUMNS, [...created, ...updated].map(clusterValues), CLUSTER_UPSERT);
    await tx.insertMany('actors', ACTOR_COLUMNS, actors);
    await tx.insertMany('mentions', MENTION_COLUMNS, mentions);
    await tx.insertMany('events', EVENT_COLUMNS, events.map((e) => eventValues(e, clusterOf.get(e.id)!)));
    await tx.insertMany('event_keys', KEY_COLUMNS, events.flatMap((e) => e.keys.map((k) => [k, e.date, e.id])));
    await tx.insertMany('event_dyads', KEY_COLUMNS, events.flatMap((e) => e.dyads.map((k) => [k, e.date, e.id])));
  }

  private async candidateClusters(tx: Db, events: ClusterableEvent[]): Promise<ClusterState[]> {
    const range = candidateRange(events);
    if (!range) return [];
    const rows = await selectIn<Row>(tx, this.sql, 'SELECT * FROM clusters WHERE first_date >= ? AND last_date <= ? AND', ['key', 'text'], unique(events.map((e) => e.clusterKey)), [range.from, range.to]);
    return rows.map(toClusterState);
  }

  async replaceExtraction(docId: DocId, record: ExtractionRecord): Promise<boolean> {
    if (!record || typeof record !== 'object') throw new StoreError(`the extraction for ${docId} is not a record`, 'bad-input');
    return this.db.transaction(async (tx) => {
      await this.sql.lockForWrite(tx);
      const [doc] = await tx.all<Row>('SELECT published, added_at, text FROM documents WHERE id = ?', [docId]);
      if (!doc) return false;
      const old = await tx.all<Row>('SELECT id, cluster_id, date, source_refs, target_refs FROM events WHERE doc_id = ?', [docId]);
      // the index rows are found by their full keys, recomputed from the stored sides, so they need no index by event
      for (const e of old) {
        const { keys, dyads } = indexKeys(parseJson(e.source_refs), parseJson(e.target_refs));
        for (const key of keys) await tx.run('DELETE FROM event_keys WHERE key = ? AND date = ? AND event_id = ?', [key, e.date as string, e.id as string]);
        for (const key of dyads) await tx.run('DELETE FROM event_dyads WHERE key = ? AND date = ? AND event_id = ?', [key, e.date as string, e.id as string]);
      }
      const oldClusters = unique(old.map((e) => String(e.cluster_id)));
      for (const table of ['events', 'mentions', 'actors']) await tx.run(`DELETE FROM ${table} WHERE doc_id = ?`, [docId]);
      await this.recountClusters(tx, oldClusters);
      const docDate = documentDate({ published: optional(doc.published) }, record, isoTimestamp(doc.added_at));
      await tx.run('UPDATE documents SET record = ?, doc_date = ? WHERE id = ?', [JSON.stringify(record), docDate, docId]);
      await this.writeExtractions(tx, [{ docId, record, docDate, text: String(doc.text) }]);
      return true;
    });
  }

  /** Recomputes clusters that lost mentions from the events they still hold, and drops those left empty. */
  private async recountClusters(tx: Db, ids: string[]): Promise<void> {
    const left = new Map<string, Row>();
    for (const r of await selectIn<Row>(tx, this.sql, `SELECT cluster_id, COUNT(*) AS n, MIN(date) AS first_date, MAX(date) AS last_date,
        MIN(doc_date) AS first_report, MAX(doc_date) AS last_report FROM events WHERE`, ['cluster_id', 'text'], ids, [], ' GROUP BY cluster_id')) {
      left.set(String(r.cluster_id), r);
    }
    for (const id of ids) {
      const r = left.get(id);
      if (!r) await tx.run('DELETE FROM clusters WHERE id = ?', [id]);
      else await tx.run('UPDATE clusters SET mention_count = ?, first_date = ?, last_date = ?, first_report = ?, last_report = ? WHERE id = ?',
        [Number(r.n), r.first_date as string, r.last_date as string, r.first_report as string, r.last_report as string, id]);
    }
  }

  async events(filter: EventFilter = {}): Promise<StoredEvent[]> {
    const q = this.eventQuery(filter);
    if (!q) return [];
    const rows = await this.db.all<Row>(
      `SELECT e.*, d.title AS doc_title FROM ${q.from} LEFT JOIN documents d ON d.id = e.doc_id ${where(q.conditions)}
       ORDER BY ${q.order} LIMIT ? OFFSET ?`, [...q.params, ...page(filter)]);
    return rows.map(toStoredEvent);
  }

  async countEvents(filter: EventFilter = {}): Promise<number> {
    const q = this.eventQuery(filter);
    if (!q) return 0;
    const [row] = await this.db.all<Row>(`SELECT COUNT(*) AS n FROM ${q.from} ${where(q.conditions)}`, q.params);
    return Number(row.n);
  }

  /** The event query's parts. It is driven from the index table that the most selective filter names (dyad, then actor,
   *  then events itself), so that a page of newest events is a range scan of one index. Null when it can match nothing. */
  private eventQuery(filter: EventFilter): { from: string; conditions: string[]; params: BindValue[]; order: string } | null {
    const conditions: string[] = [];
    const params: BindValue[] = [];
    let from = 'events e';
    let dated = 'e.date', id = 'e.id';
    if (filter.dyad) {
      from = 'event_dyads k JOIN events e ON e.id = k.event_id';
      dated = 'k.date'; id = 'k.event_id';
      conditions.push('k.key = ?');
      params.push(dyadKey(parseActorCode(filter.dyad.source), parseActorCode(filter.dyad.target)));
      if (filter.actor) {
        // the whole primary key (key, date, event_id), so that the check is one index probe per row
        conditions.push('EXISTS (SELECT 1 FROM event_keys a WHERE a.key = ? AND a.date = k.date AND a.event_id = e.id)');
        params.push(parseActorCode(filter.actor));
      }
    } else if (filter.actor) {
      from = 'event_keys k JOIN events e ON e.id = k.event_id';
      dated = 'k.date'; id = 'k.event_id';
      conditions.push('k.key = ?');
      params.push(parseActorCode(filter.actor));
    }
    if (filter.type) { conditions.push('e.type = ?'); params.push(filter.type.toUpperCase()); }
    if (filter.status) { conditions.push('e.status = ?'); params.push(filter.status); }
    if (filter.docId) { conditions.push('e.doc_id = ?'); params.push(filter.docId); }
    if (filter.since) { conditions.push(`${dated} >= ?`); params.push(checkDate(filter.since, 'since')); }
    if (filter.until) { conditions.push(`${dated} <= ?`); params.push(checkDate(filter.until, 'until')); }
    if (filter.text !== undefined) {
      const fts = this.sql.ftsQuery(filter.text);
      if (fts === null) return null;
      conditions.push(`e.doc_id IN (${this.sql.matchingDocIds})`);
      params.push(fts);
    }
    return { from, conditions, params, order: `${dated} DESC, ${id} DESC` };
  }

  async actors(filter: ActorFilter = {}): Promise<ActorSummary[]> {
    const conditions: string[] = [];
    const params: BindValue[] = [];
    if (filter.code) {
      const [code, sector] = parseActorCode(filter.code).split(/-(?=[A-Z]{3}$)/);
      conditions.push('a.code = ?');
      params.push(code);
      if (sector) { conditions.push('a.sector = ?'); params.push(sector); }
    }
    if (filter.text) {
      conditions.push(`(a.text ${this.sql.ilike} ? ESCAPE '\\' OR a.name ${this.sql.ilike} ? ESCAPE '\\')`);
      const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(pattern, pattern);
    }
    const rows = await this.db.all<Row>(
      `SELECT a.code, a.sector, a.name, MIN(a.kind) AS kind, MIN(a.text) AS text, COUNT(DISTINCT a.doc_id) AS documents,
              SUM(a.mention_count) AS mentions, SUM(a.as_source) AS as_source, SUM(a.as_target) AS as_target
       FROM actors a ${where(conditions)}
       GROUP BY a.code, a.sector, a.name
       ORDER BY mentions DESC, a.code, COALESCE(a.sector, ''), COALESCE(a.name, '')
       LIMIT ? OFFSET ?`, [...params, ...page(filter)]);
    return rows.map((r) => omitEmpty({
      code: String(r.code), sector: optional(r.sector), name: optional(r.name), kind: String(r.kind), text: String(r.text),
      documents: Number(r.documents), mentions: Number(r.mentions), asSource: Number(r.as_source), asTarget: Number(r.as_target),
    }));
  }

  async search(query: string, options: { limit?: number; offset?: number } = {}): Promise<SearchHit[]> {
    const fts = this.sql.ftsQuery(query);
    if (fts === null) return [];
    const rows = await this.db.all<Row>(this.sql.searchSql, [fts, ...page(options)]);
    return rows.map((r) => omitEmpty({
      docId: String(r.id) as DocId, title: optional(r.title), published: optional(r.published), source: optional(r.source),
      snippet: String(r.snippet ?? ''), rank: Number(r.rank),
    }));
  }

  async document(idOrExternal: string): Promise<StoredDocument | null> {
    const [byId] = await this.db.all<Row>('SELECT * FROM documents WHERE id = ?', [idOrExternal]);
    const row = byId ?? (await this.db.all<Row>('SELECT * FROM documents WHERE external_id = ? OR url = ? ORDER BY added_at, id LIMIT 1', [idOrExternal, idOrExternal]))[0];
    return row ? toStoredDocument(row) : null;
  }

  async documents(p: Page): Promise<StoredDocument[]> {
    const rows = p.after === undefined
      ? await this.db.all<Row>('SELECT * FROM documents ORDER BY id LIMIT ?', [clampLimit(p.limit)])
      : await this.db.all<Row>('SELECT * FROM documents WHERE id > ? ORDER BY id LIMIT ?', [p.after, clampLimit(p.limit)]);
    return rows.map(toStoredDocument);
  }

  async clusters(filter: ClusterFilter = {}): Promise<EventCluster[]> {
    const conditions: string[] = [];
    const params: BindValue[] = [];
    if (filter.actor) {
      // the actor's events name their clusters: work bounded by how often the actor appears, not by the number of clusters
      conditions.push('c.id IN (SELECT e.cluster_id FROM event_keys k JOIN events e ON e.id = k.event_id WHERE k.key = ?)');
      params.push(parseActorCode(filter.actor));
    }
    if (filter.type) { conditions.push('c.type = ?'); params.push(filter.type.toUpperCase()); }
    if (filter.status) { conditions.push('c.status = ?'); params.push(filter.status); }
    if (filter.since) { conditions.push('c.last_date >= ?'); params.push(checkDate(filter.since, 'since')); }
    if (filter.until) { conditions.push('c.first_date <= ?'); params.push(checkDate(filter.until, 'until')); }
    if (filter.minMentions !== undefined) { conditions.push('c.mention_count >= ?'); params.push(Math.trunc(filter.minMentions)); }
    const rows = await this.db.all<Row>(
      `SELECT c.*, ${STORY_COUNT} AS story_count FROM clusters c ${where(conditions)}
       ORDER BY c.mention_count DESC, c.last_date DESC, c.id LIMIT ? OFFSET ?`, [...params, ...page(filter)]);
    return rows.map((r) => toCluster(r, []));
  }

  async cluster(id: ClusterId): Promise<EventCluster | null> {
    const [row] = await this.db.all<Row>(`SELECT c.*, ${STORY_COUNT} AS story_count FROM clusters c WHERE c.id = ?`, [id]);
    if (!row) return null;
    const mentions = await this.db.all<Row>(
      `SELECT e.id, e.doc_id, d.source, e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end
       FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster_id = ? ORDER BY e.date, e.id`, [id]);
    return toCluster(row, mentions.map((m) => omitEmpty({
      eventId: String(m.id) as EventId, docId: String(m.doc_id) as DocId, source: optional(m.source),
      trigger: [Number(m.trigger_start), Number(m.trigger_end)] as [number, number],
      sentence: [Number(m.sentence_start), Number(m.sentence_end)] as [number, number],
    })));
  }

  async stats(): Promise<ArchiveStats> {
    const count = async (sql: string) => Number((await this.db.all<Row>(sql))[0].n);
    const jobs = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
    for (const r of await this.db.all<Row>('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state')) jobs[r.state as JobState] = Number(r.n);
    return {
      documents: await count('SELECT COUNT(*) AS n FROM documents'),
      stories: await count('SELECT COUNT(DISTINCT story_id) AS n FROM documents'),
      events: await count('SELECT COUNT(*) AS n FROM events'),
      actors: await count('SELECT COUNT(*) AS n FROM (SELECT DISTINCT code, sector, name FROM actors) a'),
      clusters: await count('SELECT COUNT(*) AS n FROM clusters'),
      jobs,
    };
  }

  async enqueue(jobs: JobInput[]): Promise<JobId[]> {
    for (const j of jobs) if (!j || typeof j.kind !== 'string' || !j.kind) throw new StoreError('a job needs a "kind" string', 'bad-input');
    return this.db.transaction(async (tx) => {
      const ids: JobId[] = [];
      const now = new Date().toISOString();
      for (const j of jobs) {
        const rows = await tx.all<Row>(
          `INSERT INTO jobs (kind, payload, key, state, attempts, created_at, updated_at) VALUES (?, ?, ?, 'queued', 0, ?, ?)
           ON CONFLICT DO NOTHING RETURNING id`, [j.kind, JSON.stringify(j.payload ?? null), j.key ?? null, now, now]);
        if (rows.length) ids.push(Number(rows[0].id) as JobId);
      }
      return ids;
    });
  }

  async claim(workerId: string, n: number, options: ClaimOptions = {}): Promise<Job[]> {
    const limit = Math.trunc(n);
    if (!(limit > 0)) return [];
    const now = Date.now();
    const leaseUntil = new Date(now + (options.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
    const rows = await this.db.transaction((tx) => tx.all<Row>(
      `WITH picked AS (
         SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND lease_until < ?) ORDER BY id LIMIT ?${this.sql.claimLock}
       )
       UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = ?, lease_until = ?, updated_at = ?
       WHERE id IN (SELECT id FROM picked)
       RETURNING id, kind, payload, key, attempts, state, error`,
      [new Date(now).toISOString(), limit, workerId, leaseUntil, new Date(now).toISOString()]));
    return rows.map(toJob).sort((a, b) => a.id - b.id);
  }

  async complete(id: JobId): Promise<void> {
    await this.db.transaction((tx) => tx.run(
      "UPDATE jobs SET state = 'done', worker = NULL, lease_until = NULL, error = NULL, updated_at = ? WHERE id = ?", [new Date().toISOString(), id]));
  }

  async fail(id: JobId, reason: string, options: { retry?: boolean; maxAttempts?: number } = {}): Promise<void> {
    const retry = options.retry === false ? 0 : 1;
    await this.db.transaction((tx) => tx.run(
      `UPDATE jobs SET state = CASE WHEN ? = 1 AND attempts < ? THEN 'queued' ELSE 'failed' END,
              error = ?, worker = NULL, lease_until = NULL, updated_at = ? WHERE id = ?`,
      [retry, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, String(reason), new Date().toISOString(), id]));
  }

  async jobs(state?: JobState, limit = DEFAULT_LIMIT): Promise<Job[]> {
    const rows = state
      ? await this.db.all<Row>('SELECT * FROM jobs WHERE state = ? ORDER BY id LIMIT ?', [state, clampLimit(limit)])
      : await this.db.all<Row>('SELECT * FROM jobs ORDER BY id LIMIT ?', [clampLimit(limit)]);
    return rows.map(toJob);
  }

  addResolution(entry: ResolutionEntry): Promise<void> {
    return tracking.addResolution(this.db, entry);
  }

  resolutions(forecastId?: string): Promise<ResolutionEntry[]> {
    return tracking.resolutions(this.db, forecastId);
  }

  trackEvents(options?: { since?: string; until?: string }): Promise<TrackEvent[]> {
    return tracking.trackEvents(this.db, options);
  }

  createToken(name: string, role: Role): Promise<{ info: TokenInfo; secret: string }> {
    return tracking.createToken(this.db, name, role);
  }

  verifyToken(secret: string): Promise<TokenInfo | null> {
    return tracking.verifyToken(this.db, secret);
  }

  listTokens(): Promise<TokenInfo[]> {
    return tracking.listTokens(this.db);
  }

  revokeToken(id: string): Promise<boolean> {
    return tracking.revokeToken(this.db, id);
  }
}

/** A cluster that gained mentions is written back whole: its key columns never change. */
const CLUSTER_UPSERT = { key: 'id', update: ['mention_count', 'first_date', 'last_date', 'first_report', 'last_report'] };
const STORY_COUNT = '(SELECT COUNT(DISTINCT d.story_id) FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster_id = c.id)';

/** Cluster ids: a random prefix per open archive and a counter, unique across processes and never reused after a cluster empties. */
function clusterIds(): () => string {
  const prefix = `c${randomBytes(5).toString('hex')}`;
  let n = 0;
  return () => `${prefix}${(n++).toString(36)}`;
}

/** What the archive already holds that a batch may copy: documents by content hash, and story founders by LSH band key. */
async function storedCopies(tx: Db, dialect: Dialect, inputs: IngestInput[]) {
  const stored = new Map<string, { id: string; storyId: string }>();
  for (const r of await selectIn<Row>(tx, dialect, 'SELECT id, story_id, content_hash FROM documents WHERE', ['content_hash', 'text'], unique(inputs.map((x) => x.fingerprint.contentHash)))) {
    stored.set(String(r.content_hash), { id: String(r.id), storyId: String(r.story_id) });
  }
  const candidates = new Map<number, Candidate[]>();
  const bandRows = await selectIn<Row>(tx, dialect, 'SELECT b.band_key, d.id, d.story_id, d.minhash FROM document_bands b JOIN documents d ON d.id = b.doc_id WHERE',
    ['b.band_key', 'integer'], unique(inputs.flatMap((x) => x.fingerprint.bands.map(toInt32))));
  for (const r of bandRows) push(candidates, Number(r.band_key), { id: String(r.id), storyId: String(r.story_id), minhash: decodeSignature(r.minhash as Buffer) });
  return { stored, candidates };
}

/** The stored document whose signature is closest to this one, if it is close enough to be the same story. */
function nearestCopy(bandKeys: number[], minhash: number[], candidates: Map<number, Candidate[]>): Candidate | undefined {
  let best: Candidate | undefined;
  let bestScore = NEAR_DUPLICATE_JACCARD;
  const seen = new Set<string>();
  for (const k of bandKeys) {
    for (const c of candidates.get(k) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const score = estimatedJaccard(minhash, c.minhash);
      if (score >= bestScore) { best = c; bestScore = score; }
    }
  }
  return best;
}

function checkInput(input: IngestInput, index: number): void {
  const name = input?.meta?.externalId ?? `document ${index + 1}`;
  const fp = input?.fingerprint;
  if (typeof input?.text !== 'string') throw new StoreError(`${name}: no text`, 'bad-input');
  if (!fp || typeof fp.contentHash !== 'string' || fp.contentHash.length < 16) throw new StoreError(`${name}: the fingerprint has no content hash`, 'bad-input');
  if (!Array.isArray(fp.minhash) || !fp.minhash.length || !Array.isArray(fp.bands)) throw new StoreError(`${name}: the fingerprint has no MinHash signature or bands`, 'bad-input');
  if (!input.record || typeof input.record !== 'object') throw new StoreError(`${name}: no extraction record`, 'bad-input');
}

/** Runs `prefix <column IN list> suffix` over values in chunks and concatenates the rows; `before` params come ahead of the list. */
async function selectIn<T>(db: Db, dialect: Dialect, prefix: string, [column, type]: [string, 'text' | 'integer'], values: BindValue[],
  before: BindValue[] = [], suffix = ''): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += IN_LIST_MAX) {
    const list = dialect.inList(column, values.slice(i, i + IN_LIST_MAX), type);
    out.push(...(await db.all<T>(`${prefix} ${list.sql}${suffix}`, [...before, ...list.params])));
  }
  return out;
}

function where(conditions: string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

function page(p: { limit?: number; offset?: number }): number[] {
  return [clampLimit(p.limit ?? DEFAULT_LIMIT), Math.max(0, Math.trunc(p.offset ?? 0) || 0)];
}

function clampLimit(n: number): number {
  return Math.min(MAX_LIMIT, Math.max(0, Math.trunc(n) || 0));
}

function checkDate(day: string, what: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new StoreError(`--${what} is not a YYYY-MM-DD date: ${JSON.stringify(day)}`, 'bad-input');
  return day;
}

/** Band keys are stored as signed 32-bit integers, the widest integer both engines index natively. */
function toInt32(n: number): number {
  return n | 0;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function optional(v: unknown): string | undefined {
  return v === null || v === undefined ? undefined : String(v);
}

function optionalNumber(v: unknown): number | undefined {
  return v === null || v === undefined ? undefined : Number(v);
}

/** Drops undefined properties so results compare equal across dialects and serialise cleanly. */
function omitEmpty<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function parseJson<T>(v: unknown): T {
  return JSON.parse(String(v)) as T;
}

function isoTimestamp(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v);
}

function clusterValues(c: ClusterState): Param[] {
  return [c.id, c.key, c.type, c.status, c.sourceCodes.join(','), c.targetCodes.join(','), c.mentionCount, c.firstDate, c.lastDate, c.firstReport, c.lastReport];
}

function codes(v: unknown): string[] {
  return v ? String(v).split(',') : [];
}

function toClusterState(r: Row): ClusterState {
  return {
    id: String(r.id), key: String(r.key), type: String(r.type), status: String(r.status),
    sourceCodes: codes(r.source_codes), targetCodes: codes(r.target_codes), mentionCount: Number(r.mention_count),
    firstDate: r.first_date as IsoDate, lastDate: r.last_date as IsoDate, firstReport: r.first_report as IsoDate, lastReport: r.last_report as IsoDate,
  };
}

function toCluster(r: Row, mentions: EventCluster['mentions']): EventCluster {
  const c = toClusterState(r);
  return {
    id: c.id as ClusterId, type: c.type, status: c.status as EventStatus, sourceCodes: c.sourceCodes, targetCodes: c.targetCodes,
    mentionCount: c.mentionCount, storyCount: Number(r.story_count), firstDate: c.firstDate, lastDate: c.lastDate,
    firstReport: c.firstReport, lastReport: c.lastReport, mentions,
  };
}

function toStoredDocument(r: Row): StoredDocument {
  const meta: DocumentMeta = omitEmpty({
    externalId: optional(r.external_id), title: optional(r.title), published: optional(r.published), source: optional(r.source), url: optional(r.url), byline: optional(r.byline),
  });
  return {
    id: String(r.id) as DocId, storyId: String(r.story_id) as StoryId, meta, text: String(r.text), contentHash: String(r.content_hash),
    addedAt: isoTimestamp(r.added_at), record: parseJson<ExtractionRecord>(r.record),
  };
}

function toStoredEvent(r: Row): StoredEvent {
  return omitEmpty({
    id: String(r.id) as EventId, docId: String(r.doc_id) as DocId, localId: String(r.local_id), clusterId: String(r.cluster_id) as ClusterId,
    type: String(r.type), mode: optional(r.mode), status: r.status as EventStatus, date: r.date as IsoDate, docDate: r.doc_date as IsoDate,
    source: parseJson<EventActorRef[]>(r.source_refs), target: parseJson<EventActorRef[]>(r.target_refs),
    attributionCode: optional(r.attribution_code), attributionText: optional(r.attribution_text),
    likelihood: optionalNumber(r.likelihood), likelihoodCue: optional(r.likelihood_cue),
    windowStart: optional(r.window_start) as IsoDate | undefined, windowEnd: optional(r.window_end) as IsoDate | undefined, windowText: optional(r.window_text),
    magnitudeMin: optionalNumber(r.magnitude_min), magnitudeMax: optionalNumber(r.magnitude_max), magnitudeUnit: optional(r.magnitude_unit),
    placeCode: optional(r.place_code),
    trigger: { text: String(r.trigger_text), span: [Number(r.trigger_start), Number(r.trigger_end)] as [number, number] },
    sentenceSpan: [Number(r.sentence_start), Number(r.sentence_end)] as [number, number],
    sentenceText: optional(r.sentence_text),
    confidence: Number(r.confidence), docTitle: optional(r.doc_title),
  });
}

function toJob(r: Row): Job {
  return omitEmpty({
    id: Number(r.id) as JobId, kind: String(r.kind), payload: parseJson<unknown>(r.payload), key: optional(r.key),
    attempts: Number(r.attempts), state: r.state as JobState, error: optional(r.error),
  });
}
