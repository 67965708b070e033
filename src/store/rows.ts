// Flattens a document and its extraction record into the archive's rows (pure; shared by both dialects).
import { toIsoDate, type DocId, type EventId, type IsoDate } from '../core/ids.js';
import type { ExtractionRecord, RecordActor, Span } from '../core/record.js';
import { trackerCode } from '../core/countries.js';
import { actorKeys, dyadKey } from './codes.js';
import { clusterKey } from './clusters.js';
import type { DocumentMeta, EventActorRef } from './types.js';

export type Param = string | number | null | Buffer;

export const DOCUMENT_COLUMNS = ['id', 'story_id', 'content_hash', 'external_id', 'title', 'published', 'source', 'url', 'doc_date', 'text', 'record', 'minhash', 'added_at', 'byline'] as const;
export const BAND_COLUMNS = ['band_key', 'doc_id'] as const;
export const ACTOR_COLUMNS = ['doc_id', 'local_id', 'text', 'kind', 'code', 'sector', 'name', 'org', 'title', 'mention_count', 'as_source', 'as_target'] as const;
export const MENTION_COLUMNS = ['doc_id', 'actor_id', 'span_start', 'span_end'] as const;
export const EVENT_COLUMNS = [
  'id', 'doc_id', 'local_id', 'cluster_id', 'type', 'mode', 'status', 'date', 'doc_date', 'source_refs', 'target_refs',
  'attribution_code', 'attribution_text', 'likelihood', 'likelihood_cue', 'window_start', 'window_end', 'window_text',
  'magnitude_min', 'magnitude_max', 'magnitude_unit', 'place_code', 'trigger_text', 'trigger_start', 'trigger_end',
  'sentence_start', 'sentence_end', 'confidence', 'sentence_text',
] as const;
/** event_keys and event_dyads share this shape: an index key, the event date, the event */
export const KEY_COLUMNS = ['key', 'date', 'event_id'] as const;
export const CLUSTER_COLUMNS = ['id', 'key', 'type', 'status', 'source_codes', 'target_codes', 'mention_count', 'first_date', 'last_date', 'first_report', 'last_report'] as const;

export interface EventRow {
  id: EventId;
  localId: string;
  type: string;
  mode: string | null;
  status: string;
  date: IsoDate;
  docDate: IsoDate;
  sourceRefs: EventActorRef[];
  targetRefs: EventActorRef[];
  sourceCodes: string[];
  targetCodes: string[];
  clusterKey: string;
  /** event_keys rows: every actor key on either side, once */
  keys: string[];
  /** event_dyads rows: every source key > target key pair, once */
  dyads: string[];
  values: Omit<Record<(typeof EVENT_COLUMNS)[number], Param>, 'cluster_id'>;
}

export interface DocumentRows {
  docDate: IsoDate;
  actors: Param[][];
  mentions: Param[][];
  events: EventRow[];
}

/** The document's own date: its published day, else the extraction's reference day, else the day it was added. */
export function documentDate(meta: DocumentMeta, record: ExtractionRecord, addedAt: string): IsoDate {
  return toIsoDate(String(meta.published ?? '').slice(0, 10)) ?? toIsoDate(String(record.document?.published ?? '').slice(0, 10))
    ?? toIsoDate(String(record.document?.referenceDate ?? '')) ?? (addedAt.slice(0, 10) as IsoDate);
}

/** Rows for one document's extraction. Tolerates a malformed record (missing arrays, repeated ids) rather than failing the ingest. */
export function extractionRows(docId: DocId, record: ExtractionRecord, docDate: IsoDate, text: string): DocumentRows {
  const actors = uniqueBy(Array.isArray(record.actors) ? record.actors : [], (a) => String(a.id));
  const events = uniqueBy(Array.isArray(record.events) ? record.events : [], (e) => String(e.id));
  const byId = new Map(actors.map((a) => [String(a.id), a]));
  const roleCounts = new Map<string, { source: number; target: number }>();
  for (const e of events) {
    for (const id of new Set(asArray(e.source))) count(roleCounts, id).source++;
    for (const id of new Set(asArray(e.target))) count(roleCounts, id).target++;
  }
  const actorRows: Param[][] = [];
  const mentionRows: Param[][] = [];
  for (const a of actors) {
    const spans = uniqueBy(asArray(a.mentions).filter(isSpan), (s) => `${s[0]}:${s[1]}`);
    const roles = roleCounts.get(String(a.id)) ?? { source: 0, target: 0 };
    actorRows.push([docId, String(a.id), String(a.text ?? ''), String(a.kind ?? 'group'), actorCode(a), a.sector ?? null, a.name ?? null, a.org ?? null, a.title ?? null, spans.length, roles.source, roles.target]);
    for (const s of spans) mentionRows.push([docId, String(a.id), s[0], s[1]]);
  }
  const eventRows = events.map((e): EventRow => {
    const sourceRefs = refs(asArray(e.source), byId);
    const targetRefs = refs(asArray(e.target), byId);
    const sourceCodes = distinctSorted(sourceRefs.map((r) => r.code));
    const targetCodes = distinctSorted(targetRefs.map((r) => r.code));
    const windowStart = toIsoDate(String(e.when?.start ?? ''));
    const date = windowStart ?? docDate;
    const attributed = e.attribution?.actor !== undefined ? byId.get(String(e.attribution.actor)) : undefined;
    const id = `${docId}:${e.id}` as EventId;
    const trigger = isSpan(e.trigger?.span) ? e.trigger.span : [0, 0];
    const sentence = isSpan(e.sentence?.span) ? e.sentence.span : trigger;
    return {
      id, localId: String(e.id), type: String(e.type), mode: e.mode ?? null, status: String(e.status), date, docDate,
      sourceRefs, targetRefs, sourceCodes, targetCodes,
      clusterKey: clusterKey(String(e.type), String(e.status), sourceCodes, targetCodes),
      ...indexKeys(sourceRefs, targetRefs),
      values: {
        id, doc_id: docId, local_id: String(e.id), type: String(e.type), mode: e.mode ?? null, status: String(e.status), date, doc_date: docDate,
        source_refs: JSON.stringify(sourceRefs), target_refs: JSON.stringify(targetRefs),
        attribution_code: attributed ? fullCode(attributed) : null,
        attribution_text: e.attribution?.text ?? attributed?.text ?? null,
        likelihood: finite(e.likelihood?.p), likelihood_cue: e.likelihood?.cue ?? null,
        window_start: windowStart, window_end: toIsoDate(String(e.when?.end ?? '')), window_text: e.when?.text ?? null,
        magnitude_min: finite(e.magnitude?.min), magnitude_max: finite(e.magnitude?.max), magnitude_unit: e.magnitude?.unit ?? null,
        place_code: e.where?.code ?? null,
        trigger_text: String(e.trigger?.text ?? ''), trigger_start: trigger[0], trigger_end: trigger[1],
        sentence_start: sentence[0], sentence_end: sentence[1], confidence: finite(e.confidence) ?? 0,
        sentence_text: text.slice(sentence[0], sentence[1]),
      },
    };
  });
  return { docDate, actors: actorRows, mentions: mentionRows, events: eventRows };
}

/** The event_keys and event_dyads keys of an event's sides; also used to find an old event's rows when it is replaced. */
export function indexKeys(sourceRefs: EventActorRef[], targetRefs: EventActorRef[]): { keys: string[]; dyads: string[] } {
  const sourceKeys = sourceRefs.flatMap((r) => actorKeys(r.code, r.sector));
  const targetKeys = targetRefs.flatMap((r) => actorKeys(r.code, r.sector));
  return { keys: [...new Set([...sourceKeys, ...targetKeys])], dyads: [...new Set(sourceKeys.flatMap((s) => targetKeys.map((t) => dyadKey(s, t))))] };
}

/** The event's column values in EVENT_COLUMNS order, with its cluster. */
export function eventValues(row: EventRow, clusterId: string): Param[] {
  const values: Record<string, Param> = { ...row.values, cluster_id: clusterId };
  return EVENT_COLUMNS.map((c) => values[c]);
}

function refs(ids: unknown[], byId: Map<string, RecordActor>): EventActorRef[] {
  const out: EventActorRef[] = [];
  for (const id of ids) {
    const a = byId.get(String(id));
    if (!a) continue;
    const ref: EventActorRef = { code: actorCode(a), text: String(a.text ?? '') };
    if (a.sector) ref.sector = a.sector;
    if (a.name) ref.name = a.name;
    if (a.org) ref.org = a.org;
    out.push(ref);
  }
  return out;
}

function actorCode(a: RecordActor): string {
  return typeof a.code === 'string' && a.code ? a.code : '---';
}

/** Who says so, as the tracker scores issuers: country and sector, or the international body itself. */
function fullCode(a: RecordActor): string {
  const code = trackerCode({ code: actorCode(a), ...(a.org ? { org: a.org } : {}) });
  return a.sector && code === actorCode(a) ? `${code}-${a.sector}` : code;
}

function count(m: Map<string, { source: number; target: number }>, id: unknown): { source: number; target: number } {
  const key = String(id);
  let c = m.get(key);
  if (!c) m.set(key, (c = { source: 0, target: 0 }));
  return c;
}

function isSpan(s: unknown): s is Span {
  return Array.isArray(s) && s.length === 2 && Number.isInteger(s[0]) && Number.isInteger(s[1]);
}

function asArray<T>(x: T[] | undefined): T[] {
  return Array.isArray(x) ? x : [];
}

function finite(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function distinctSorted(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}
