// The extraction record (format version 1): the contract between extractor, store, tracker, exports and UI.
// Mirrors spec/EXTRACTION.md; fields may be added, never renamed or dropped.
import type { PloverType } from './plover.js';

export type Span = [start: number, end: number];
export type ActorKind = 'state' | 'igo' | 'organization' | 'person' | 'group';
export type EventStatus = 'asserted' | 'forecast' | 'hypothetical' | 'negated';
export const EVENT_STATUSES: readonly EventStatus[] = ['asserted', 'forecast', 'hypothetical', 'negated'];

export interface DocumentInput {
  id?: string;
  text: string;
  title?: string;
  published?: string;
  source?: string;
  url?: string;
}

export interface RecordDocument {
  id: string;
  title?: string;
  published?: string;
  referenceDate: string;
  referenceAssumed: boolean;
  source?: string;
  url?: string;
  language: string;
}

export interface RecordActor {
  id: string;
  text: string;
  mentions: Span[];
  kind: ActorKind;
  code: string;
  sector?: string;
  name?: string;
  org?: string;
  title?: string;
}

export interface Attribution { actor?: string; cue: string; text?: string; span?: Span }
export interface Likelihood { cue: string; p: number; span?: Span }
export interface TimeWindow { text: string; start: string; end: string; span?: Span }
export interface Place { text: string; code?: string; name?: string; lat?: number; lon?: number; span?: Span }
export interface Magnitude { text: string; min: number; max: number; unit?: string; span?: Span }

export interface RecordEvent {
  id: string;
  type: PloverType;
  mode?: string;
  context: string[];
  source: string[];
  target: string[];
  status: EventStatus;
  attribution?: Attribution;
  likelihood?: Likelihood;
  when?: TimeWindow;
  where?: Place;
  magnitude?: Magnitude;
  trigger: { text: string; span: Span };
  sentence: { index: number; span: Span };
  confidence: number;
  /** the extractor's reasons for this coding, in words (trigger, frame, cues), for the explain views */
  why?: string[];
  /** further reports of the same act in this article (event coreference), each with its trigger and sentence */
  reports?: { trigger: { text: string; span: Span }; sentence: { index: number; span: Span } }[];
}

export interface ExtractionRecord {
  version: 1;
  document: RecordDocument;
  actors: RecordActor[];
  events: RecordEvent[];
}
