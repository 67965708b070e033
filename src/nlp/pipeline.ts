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

export type InputErrorCode = 'empty' | 'binary' | 'bad-encoding' | 'too-large' | 'not-prose' | 'not-english' | 'bad-date' | 'bad-input';

/** Why a document cannot be extracted; the message names the problem for the user. */
export class InputError extends Error {
  constructor(message: string, readonly code: InputErrorCode) {
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

/** About 350,000 words: far above any news article or report, low enough that one document's analysis stays within a few hundred MB. */
export const DEFAULT_MAX_CHARS = 2_000_000;

export function contentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function extract(input: DocumentInput, model: Model, options: ExtractOptions = {}): ExtractionRecord {
  if (typeof input.text !== 'string') throw new InputError('the document has no "text" string', 'bad-input');
  checkText(input.text, options.maxChars ?? DEFAULT_MAX_CHARS);
  const text = normaliseText(input.text);
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
  const { actors, mentions, dormant } = findActors(analysed, model.actors);
  const state: PipelineState = { ...analysed, actors, mentions, dormant, events: [] };
  state.events = findEvents(state, model.events, model.details.places);
  assignStatus(state, model.status);
  addDetails(state, model.details);
  mergeEvents(state);
  const published = input.published ? referenceDate : undefined;
  return toRecord(state, recordDocument({ ...input, published }, id, referenceDate, assumed));
}

/** Runs of non-space characters longer than this are not words (the same bound as 01-text's tokenizer guard). */
const LONG_RUN = 200;
/** Words read from the start of the text for the language check; enough to be sure, cheap on a long text. */
const LANGUAGE_SAMPLE_CHARS = 20_000;
const LANGUAGE_MIN_WORDS = 40;
/** English prose has 15-30% of these words (the dev articles 10% at the least); other languages in Latin script stay near 1%. */
const MIN_ENGLISH_SHARE = 0.04;
/** Shares of the non-space characters: a few stray control or undecodable characters are tolerated, more mean binary or mis-decoded bytes. */
const MAX_BAD_CHAR_SHARE = 0.01;
/** English prose is about 80% ASCII letters; below this share it is another script, figures or markup. */
const MIN_LETTER_SHARE = 0.3;
const MIN_OTHER_SCRIPT_SHARE = 0.5;
/** Frequent English words that are not also common words of other Latin-script languages (so no "a", "in", "on", "die"). */
const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'that', 'for', 'with', 'was', 'were', 'has', 'have', 'had', 'been', 'are', 'is', 'will',
  'would', 'said', 'says', 'this', 'which', 'from', 'by', 'at', 'it', 'its', 'they', 'their', 'he', 'his', 'she', 'her',
  'who', 'not', 'but', 'be', 'as', 'an', 'or', 'than', 'after', 'could', 'should', 'may', 'we', 'there', 'also',
]);

/**
 * Rejects text that cannot be meaningful English prose, with an InputError naming the problem.
 * Checks the raw text (before normalisation hides control characters); one pass over the characters.
 */
export function checkText(text: string, maxChars: number = DEFAULT_MAX_CHARS): void {
  if (text.length > maxChars) throw new InputError(`the text is ${text.length.toLocaleString('en')} characters, over the limit of ${maxChars.toLocaleString('en')}`, 'too-large');
  let nonSpace = 0, controls = 0, undecodable = 0, asciiLetters = 0, otherLetters = 0, inLongRuns = 0, run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0 || c === 0x2028 || c === 0x2029) {
      if (run > LONG_RUN) inLongRuns += run;
      run = 0;
      continue;
    }
    nonSpace++;
    run++;
    if ((c | 32) >= 97 && (c | 32) <= 122) asciiLetters++;
    else if (c < 32 || c === 127) controls++;
    else if (c === 0xfffd) undecodable++;
    else if (c > 127 && LETTER.test(text[i])) otherLetters++;
  }
  if (run > LONG_RUN) inLongRuns += run;
  if (nonSpace === 0) throw new InputError('the text is empty', 'empty');
  if (controls > Math.max(2, nonSpace * MAX_BAD_CHAR_SHARE)) throw new InputError(`the text contains ${controls} control characters: binary data, not text`, 'binary');
  if (undecodable > Math.max(2, nonSpace * MAX_BAD_CHAR_SHARE)) throw new InputError(`the text has ${undecodable} undecodable characters (U+FFFD): it was not valid UTF-8`, 'bad-encoding');
  if (inLongRuns > nonSpace / 2) throw new InputError(`the text is mostly runs of over ${LONG_RUN} characters without a space (encoded data or minified code?), not prose`, 'not-prose');
  if (nonSpace > 20 && asciiLetters / nonSpace < MIN_LETTER_SHARE) {
    if (otherLetters / nonSpace > MIN_OTHER_SCRIPT_SHARE) throw new InputError('the text is not in English (only English is supported)', 'not-english');
    throw new InputError('the text has too few letters to be prose (a table of figures, markup or binary data?)', 'not-prose');
  }
  if (!looksEnglish(text.slice(0, LANGUAGE_SAMPLE_CHARS))) throw new InputError('the text is not in English (only English is supported)', 'not-english');
}

const LETTER = /\p{L}/u;
/** Longer words cannot be function words, so they are counted without being looked up. */
const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH_FUNCTION_WORDS].map((w) => w.length));

/** Counts the runs of ASCII letters (the words of /[A-Za-z]+/) and how many are English function words, in one pass without regex matches. */
function looksEnglish(sample: string): boolean {
  let words = 0, english = 0, start = -1;
  for (let i = 0; i <= sample.length; i++) {
    const c = i < sample.length ? sample.charCodeAt(i) | 32 : 0;
    if (c >= 97 && c <= 122) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    words++;
    if (i - start <= LONGEST_FUNCTION_WORD && ENGLISH_FUNCTION_WORDS.has(sample.slice(start, i).toLowerCase())) english++;
    start = -1;
  }
  return words < LANGUAGE_MIN_WORDS || english / words >= MIN_ENGLISH_SHARE;
}
