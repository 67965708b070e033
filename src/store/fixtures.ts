// Test support: realistic article texts and a compact builder for ingest inputs with hand-written extraction records.
import type { PloverType } from '../core/plover.js';
import type { ActorKind, EventStatus, ExtractionRecord, RecordEvent, Span } from '../core/record.js';
import { fingerprint } from '../ingest/dedup.js';
import type { IngestInput } from './types.js';

export const ARTICLE = `South Korea's National Intelligence Service (NIS) has issued a stark warning that North Korea may deploy troops to support Russia in the ongoing conflict in Ukraine as early as July or August. This development comes amid reports of North Korea supplying Russia with arms and ammunition.
According to NIS Director Ji Jae-ryeol, who briefed lawmakers, the troop deployment is expected to involve several thousand North Korean soldiers. The exact number and timing of the deployment remain uncertain, but the NIS believes it will likely occur in the coming months.
The NIS report suggests that North Korea's troop deployment would be a significant escalation of its involvement in the conflict, marking a shift from its current role as a supplier of arms and ammunition to Russia. This move would also underscore the deepening military cooperation between North Korea and Russia.
In recent months, there have been reports of North Korea supplying Russia with artillery shells and other military equipment. The United States and South Korea have condemned these shipments, citing violations of UN Security Council resolutions.`;

/** The same story as a syndicated copy: a new headline line, a dateline, two edited words, an agency tag at the end. */
export const SYNDICATED = `Seoul spy agency: Pyongyang could send soldiers to fight for Moscow
SEOUL (Wire) - ${ARTICLE.replace('stark warning', 'grave warning').replace('briefed lawmakers', 'briefed legislators')}
Reporting by a correspondent; editing by the desk.`;

/** Another article on the same topic: shares names and phrases, not the story. */
export const SAME_TOPIC = `North Korea and Russia signed a mutual defence treaty in Pyongyang on Wednesday, pledging to come to each other's aid if either is attacked. Russian President Vladimir Putin and North Korean leader Kim Jong Un called the pact a breakthrough. South Korea's National Intelligence Service said it was studying the agreement, and the United States said the deepening military cooperation between North Korea and Russia should concern anyone interested in peace on the Korean peninsula. Officials in Seoul summoned the Russian ambassador to protest against the treaty.`;

export interface ActorSpec { text: string; code: string; sector?: string; kind?: ActorKind; name?: string; org?: string }

export interface EventSpec {
  type: PloverType;
  status?: EventStatus;
  /** indexes into the article's actors */
  source: number[];
  target?: number[];
  /** a word of the text; its first occurrence is the trigger span */
  trigger: string;
  when?: [start: string, end: string, text?: string];
  likelihood?: { cue: string; p: number };
  attribution?: number;
  magnitude?: { min: number; max: number; unit?: string };
}

export interface ArticleSpec {
  text: string;
  title?: string;
  published?: string;
  source?: string;
  url?: string;
  byline?: string;
  externalId?: string;
  actors?: ActorSpec[];
  events?: EventSpec[];
}

/** An ingest input whose record is what a perfect extractor would return for the spec. */
export function article(spec: ArticleSpec): IngestInput {
  const involved = new Set((spec.events ?? []).flatMap((e) => [...e.source, ...(e.target ?? []), ...(e.attribution === undefined ? [] : [e.attribution])]));
  // an actor is in the record when the text names it or an event needs it; ids stay tied to the spec's indexes
  const actors = (spec.actors ?? []).map((a, i) => ({
    id: `a${i + 1}`, text: a.text, mentions: occurrences(spec.text, a.text), kind: a.kind ?? (a.sector ? 'organization' : 'state'), code: a.code,
    ...(a.sector ? { sector: a.sector } : {}), ...(a.name ? { name: a.name } : {}), ...(a.org ? { org: a.org } : {}),
  })).filter((a, i) => a.mentions.length > 0 || involved.has(i));
  const events = (spec.events ?? []).map((e, i): RecordEvent => {
    const trigger = firstSpan(spec.text, e.trigger);
    return {
      id: `e${i + 1}`, type: e.type, context: [], source: e.source.map((n) => `a${n + 1}`), target: (e.target ?? []).map((n) => `a${n + 1}`),
      status: e.status ?? 'asserted', trigger: { text: e.trigger, span: trigger }, sentence: { index: 0, span: sentenceAround(spec.text, trigger) },
      confidence: 0.8,
      ...(e.when ? { when: { text: e.when[2] ?? 'then', start: e.when[0], end: e.when[1] } } : {}),
      ...(e.likelihood ? { likelihood: e.likelihood } : {}),
      ...(e.attribution !== undefined ? { attribution: { actor: `a${e.attribution + 1}`, cue: 'said' } } : {}),
      ...(e.magnitude ? { magnitude: { text: 'some', ...e.magnitude } } : {}),
    };
  });
  const record: ExtractionRecord = {
    version: 1,
    document: {
      id: spec.externalId ?? 'doc', referenceDate: spec.published ?? '2024-06-01', referenceAssumed: !spec.published, language: 'en',
      ...(spec.title ? { title: spec.title } : {}), ...(spec.published ? { published: spec.published } : {}),
    },
    actors,
    events,
  };
  return {
    meta: { externalId: spec.externalId, title: spec.title, published: spec.published, source: spec.source, url: spec.url, ...(spec.byline ? { byline: spec.byline } : {}) },
    text: spec.text,
    fingerprint: fingerprint(spec.text),
    record,
  };
}

function occurrences(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  for (let i = text.indexOf(needle); i >= 0 && needle; i = text.indexOf(needle, i + needle.length)) spans.push([i, i + needle.length]);
  return spans;
}

function firstSpan(text: string, needle: string): Span {
  const i = text.indexOf(needle);
  return i >= 0 ? [i, i + needle.length] : [0, 0];
}

function sentenceAround(text: string, [start, end]: Span): Span {
  const dot = text.lastIndexOf('. ', start);
  const from = Math.max(dot < 0 ? 0 : dot + 2, text.lastIndexOf('\n', start) + 1);
  const stop = text.indexOf('.', end);
  return [from, stop < 0 ? text.length : stop + 1];
}
