// The extractor: runs the numbered stages in order over one document and returns its extraction record. Pure: the model is injected.
import { createHash } from 'node:crypto';
import type { DocumentInput, ExtractionRecord } from '../core/record.js';
import { toIsoDate } from '../core/ids.js';
import type { Model } from './model/types.js';
import { analyseText, normaliseText } from './01-text.js';
import { findActors } from './02-actors.js';
import { findEvents } from './03-events.js';
import { assignStatus } from './04-status.js';
import { addDetails } from './05-details.js';
import { mergeEvents } from './06-merge.js';
import { recordDocument, toRecord } from './07-record.js';
import type { PipelineState } from './types.js';

/** Why a document cannot be extracted; the message names the problem for the user. */
export class InputError extends Error {
  constructor(message: string, readonly code: 'empty' | 'binary' | 'too-large' | 'bad-date' | 'not-english' | 'bad-input') {
    super(message);
    this.name = 'InputError';
  }
}

export interface ExtractOptions {
  /** the day used when the document has no published date; defaults to today (UTC) */
  fallbackDate?: string;
  /** the largest text accepted, in characters */
  maxChars?: number;
}

export const DEFAULT_MAX_CHARS = 5_000_000;

export function contentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function extract(input: DocumentInput, model: Model, options: ExtractOptions = {}): ExtractionRecord {
  if (typeof input.text !== 'string') throw new InputError('the document has no "text" string', 'bad-input');
  const text = normaliseText(input.text);
  checkText(text, options.maxChars ?? DEFAULT_MAX_CHARS);
  let referenceDate: string, assumed: boolean;
  if (input.published !== undefined && input.published !== null && input.published !== '') {
    const day = toIsoDate(String(input.published).slice(0, 10));
    if (!day) throw new InputError(`"published" is not a YYYY-MM-DD date: ${JSON.stringify(input.published)}`, 'bad-date');
    referenceDate = day;
    assumed = false;
  } else {
    referenceDate = options.fallbackDate ?? new Date().toISOString().slice(0, 10);
    assumed = true;
  }
  const id = input.id !== undefined && input.id !== null && String(input.id) !== '' ? String(input.id) : contentId(text);
  const analysed = analyseText(text, referenceDate, model.lm);
  const { actors, mentions } = findActors(analysed, model.actors);
  const state: PipelineState = { ...analysed, actors, mentions, events: [] };
  state.events = findEvents(state, model.events);
  assignStatus(state, model.status);
  addDetails(state, model.details);
  mergeEvents(state);
  const published = input.published ? referenceDate : undefined;
  return toRecord(state, recordDocument({ ...input, published }, id, referenceDate, assumed));
}

function checkText(text: string, maxChars: number): void {
  if (!text.trim()) throw new InputError('the text is empty', 'empty');
  if (text.length > maxChars) throw new InputError(`the text is ${text.length} characters, over the limit of ${maxChars}`, 'too-large');
  if (text.includes('\ufffd')) {
    const bad = (text.match(/\ufffd/g) ?? []).length;
    if (bad / text.length > 0.01) throw new InputError('the text is not valid UTF-8 (or is binary data)', 'binary');
  }
  const letters = (text.match(/[A-Za-z]/g) ?? []).length;
  const nonSpace = (text.match(/\S/g) ?? []).length;
  if (nonSpace > 20 && letters / nonSpace < 0.3) {
    const other = (text.match(/\p{L}/gu) ?? []).length;
    if (other / nonSpace > 0.5) throw new InputError('the text is not in English (only English is supported)', 'not-english');
    throw new InputError('the text does not look like prose (binary data or markup?)', 'binary');
  }
}
