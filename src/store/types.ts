// The archive's one Storage interface: plain values in and out, implemented by sqlite/ and postgres/ alike.
import type { Brand, DocId, EventId, IsoDate } from '../core/ids.js';
import type { EventStatus, ExtractionRecord, Span } from '../core/record.js';
import type { TrackingStore } from './tracking-types.js';

/** A story groups a document with its near-duplicates (syndicated copies, edited versions); its id is its first document's id. */
export type StoryId = Brand<string, 'StoryId'>;
/** An event cluster: the same event (type, dyad, status, close in time) reported by one or more articles. */
export type ClusterId = Brand<string, 'ClusterId'>;
export type JobId = Brand<number, 'JobId'>;

/** What dedup.ts computes from a document's text; the store keeps it to recognise copies. */
export interface Fingerprint {
  /** hex SHA-256 of the normalised text (case, whitespace, punctuation folded): equal means an exact duplicate */
  contentHash: string;
  /** MinHash signature over word shingles (unsigned 32-bit values, fixed length) */
  minhash: number[];
  /** LSH band keys derived from the signature (unsigned 32-bit); documents sharing a key are near-duplicate candidates,
   *  confirmed when the signatures agree in at least NEAR_DUPLICATE_JACCARD of positions (fingerprint.ts) */
  bands: number[];
}

/** Metadata a reader knows about a document before extraction. */
export interface DocumentMeta {
  /** the reader's own id (file name, feed guid, url ...); kept and searchable by `show`, not the archive's key */
  externalId?: string;
  title?: string;
  /** YYYY-MM-DD */
  published?: string;
  /** the outlet or feed ("Reuters") */
  source?: string;
  url?: string;
  /** who wrote it, as the source gives it ("By Jane Doe") */
  byline?: string;
}

export interface IngestInput {
  meta: DocumentMeta;
  /** the raw text as extracted from the source (the extraction's spans index into it) */
  text: string;
  fingerprint: Fingerprint;
  record: ExtractionRecord;
}

export type IngestStatus = 'new' | 'duplicate' | 'near-duplicate';

export interface IngestResult {
  /** for a duplicate: the id of the document already stored */
  docId: DocId;
  status: IngestStatus;
  storyId: StoryId;
}

/** Filters shared by the event queries; every value is bound as a parameter, never spliced into SQL. */
export interface EventFilter {
  /** an actor code on either side: "PRK" (country) or "PRK-MIL" / "PRKMIL" (country and sector) */
  actor?: string;
  /** source and target codes, each as in `actor` */
  dyad?: { source: string; target: string };
  type?: string;
  status?: EventStatus;
  /** inclusive bounds on the event date (when.start, else the document's date) */
  since?: IsoDate;
  until?: IsoDate;
  /** full-text query over the event's document */
  text?: string;
  /** only this document's events */
  docId?: DocId;
  limit?: number;
  offset?: number;
}

export interface EventActorRef { code: string; sector?: string; text: string; name?: string; org?: string }

/** One event as stored: the record's event flattened, with global ids and resolved actor codes. */
export interface StoredEvent {
  id: EventId;
  docId: DocId;
  /** the event's id within its record ("e1") */
  localId: string;
  clusterId: ClusterId;
  type: string;
  mode?: string;
  status: EventStatus;
  /** the day the event is placed at: when.start, else the document's date */
  date: IsoDate;
  docDate: IsoDate;
  source: EventActorRef[];
  target: EventActorRef[];
  attributionCode?: string;
  attributionText?: string;
  likelihood?: number;
  likelihoodCue?: string;
  windowStart?: IsoDate;
  windowEnd?: IsoDate;
  windowText?: string;
  magnitudeMin?: number;
  magnitudeMax?: number;
  magnitudeUnit?: string;
  placeCode?: string;
  trigger: { text: string; span: Span };
  sentenceSpan: Span;
  /** the text of that sentence (absent for events stored before schema version 2) */
  sentenceText?: string;
  confidence: number;
  docTitle?: string;
}

export interface ActorFilter {
  /** code or code+sector, as in EventFilter.actor */
  code?: string;
  /** substring of the actor's surface text or canonical name (case-insensitive) */
  text?: string;
  limit?: number;
  offset?: number;
}

/** Actors aggregated over the archive by code, sector and canonical name. */
export interface ActorSummary {
  code: string;
  sector?: string;
  name?: string;
  kind: string;
  /** a representative surface text (the alphabetically first of the stored ones) */
  text: string;
  documents: number;
  mentions: number;
  asSource: number;
  asTarget: number;
}

export interface SearchHit {
  docId: DocId;
  title?: string;
  published?: string;
  source?: string;
  /** a short excerpt around the match */
  snippet: string;
  /** higher is better; comparable within one result list only */
  rank: number;
}

export interface StoredDocument {
  id: DocId;
  storyId: StoryId;
  meta: DocumentMeta;
  text: string;
  contentHash: string;
  /** ISO timestamp of when it entered the archive */
  addedAt: string;
  /** the extraction stored whole, as the extractor returned it */
  record: ExtractionRecord;
}

export interface ClusterFilter {
  actor?: string;
  type?: string;
  status?: EventStatus;
  since?: IsoDate;
  until?: IsoDate;
  /** only clusters reported at least this many times */
  minMentions?: number;
  limit?: number;
  offset?: number;
}

export interface ClusterMention { eventId: EventId; docId: DocId; source?: string; trigger: Span; sentence: Span }

export interface EventCluster {
  id: ClusterId;
  type: string;
  status: EventStatus;
  /** sorted distinct country codes of the sides, as clustered */
  sourceCodes: string[];
  targetCodes: string[];
  mentionCount: number;
  /** distinct stories (near-duplicates count once) */
  storyCount: number;
  /** earliest and latest event date of the mentions */
  firstDate: IsoDate;
  lastDate: IsoDate;
  /** earliest and latest document date reporting it */
  firstReport: IsoDate;
  lastReport: IsoDate;
  /** every mention with its spans; filled by `cluster(id)`, empty in listings */
  mentions: ClusterMention[];
}

export interface ArchiveStats {
  documents: number;
  stories: number;
  events: number;
  actors: number;
  clusters: number;
  jobs: Record<JobState, number>;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobInput {
  /** what the worker should do ("url", "file", "text", ...), chosen by the ingest layer */
  kind: string;
  /** JSON-serialisable */
  payload: unknown;
  /** when set, a job is not enqueued while another with the same key is queued or running */
  key?: string;
}

export interface Job {
  id: JobId;
  kind: string;
  payload: unknown;
  key?: string;
  /** how many times it has been claimed, this claim included */
  attempts: number;
  state: JobState;
  error?: string;
}

export interface ClaimOptions {
  /** a claimed job not completed within this many ms may be claimed again (its worker is presumed dead); default 10 minutes */
  leaseMs?: number;
}

export interface Page { after?: DocId; limit: number }

/** The archive: documents, extractions, clusters and the job queue, with the tracker's resolutions and API tokens. */
export interface Storage extends TrackingStore {
  /** 'sqlite' or 'postgres', for messages and benchmarks */
  readonly dialect: 'sqlite' | 'postgres';

  /** Applies pending migrations (idempotent; safe from several processes at once). openStore calls it. */
  migrate(): Promise<void>;
  /** Releases the file handle or the pool. */
  close(): Promise<void>;

  /** Stores a document and its extraction in one transaction: an exact duplicate (same contentHash) is not stored again;
   *  a near-duplicate is stored and joins the story of the document it copies; events join their clusters. */
  ingest(input: IngestInput): Promise<IngestResult>;
  /** The same for many documents in one transaction per batch; the fast path for bulk loads. */
  ingestMany(inputs: IngestInput[]): Promise<IngestResult[]>;
  /** True when a document with this normalised-content hash is stored (lets a reader skip extraction). */
  hasContentHash(contentHash: string): Promise<boolean>;

  /** Events matching every given filter, newest event date first, then by id. */
  events(filter?: EventFilter): Promise<StoredEvent[]>;
  /** How many events match (ignores limit/offset). */
  countEvents(filter?: EventFilter): Promise<number>;
  /** Actors aggregated by code/sector/name, most mentioned first. */
  actors(filter?: ActorFilter): Promise<ActorSummary[]>;
  /** Full-text search over titles and texts, best first. */
  search(query: string, options?: { limit?: number; offset?: number }): Promise<SearchHit[]>;
  /** A document with its extraction, by archive id or by its external id / url; null when none. */
  document(idOrExternal: string): Promise<StoredDocument | null>;
  /** Event clusters, most mentioned first. */
  clusters(filter?: ClusterFilter): Promise<EventCluster[]>;
  /** One cluster with every mention and its spans; null when none. */
  cluster(id: ClusterId): Promise<EventCluster | null>;
  /** Documents in id order, a page at a time (for reprocessing and exports). */
  documents(page: Page): Promise<StoredDocument[]>;
  /** Swaps a document's extraction (whole and rows) for a new one, re-clustering its events; false if the document is unknown. */
  replaceExtraction(docId: DocId, record: ExtractionRecord): Promise<boolean>;
  /** Counts of what the archive holds. */
  stats(): Promise<ArchiveStats>;

  /** Adds jobs to the work queue; returns the ids of those enqueued (a job whose key is already queued or running is skipped). */
  enqueue(jobs: JobInput[]): Promise<JobId[]>;
  /** Atomically takes up to n queued (or lease-expired) jobs for this worker, oldest first; two workers never get the same job. */
  claim(workerId: string, n: number, options?: ClaimOptions): Promise<Job[]>;
  /** Marks a claimed job done. */
  complete(id: JobId): Promise<void>;
  /** Records a failure: the job is queued again while attempts < maxAttempts (default 3) and retry is not false, else failed. */
  fail(id: JobId, reason: string, options?: { retry?: boolean; maxAttempts?: number }): Promise<void>;
  /** Jobs in a state, oldest first (for `watchfloor jobs`-style listings). */
  jobs(state?: JobState, limit?: number): Promise<Job[]>;
}

/** A problem with the store itself (bad URL, unreadable file, unreachable server), with a message for the user. */
export class StoreError extends Error {
  constructor(message: string, readonly code: 'bad-url' | 'unreadable' | 'unreachable' | 'schema' | 'bad-input') {
    super(message);
    this.name = 'StoreError';
  }
}
