// Stage 1: normalise the text, then split it into sentences and tokens with part of speech and lemma (wink-nlp).
import type { Analysed, Sentence, Token } from './types.js';
import type { LanguageModel } from './model/types.js';

/** Control characters other than tab and newlines become spaces, so offsets stay stable. */
export function normaliseText(raw: string): string {
  // a CR before LF becomes a space rather than being dropped, so that spans still index the caller's text
  // eslint-disable-next-line no-control-regex
  return raw.replace(/\r(?=\n)/g, ' ').replace(/\r/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/g, ' ');
}

/** Longest run of non-space characters that wink-nlp is given as one piece; longer runs are broken for speed. */
const MAX_WORD = 200;

export function analyseText(text: string, referenceDate: string, lm: LanguageModel): Analysed {
  const its = lm.nlp.its;
  const doc = lm.nlp.readDoc(breakLongRuns(text));
  const values: string[] = doc.tokens().out(its.value);
  const spaces: string[] = doc.tokens().out(its.precedingSpaces);
  const pos: string[] = doc.tokens().out(its.pos);
  const lemmas: string[] = doc.tokens().out(its.lemma);
  // wink keeps runs of newlines as SPACE tokens; they are layout, not words, so they get no token of ours
  const ours = new Int32Array(values.length + 1);
  const tokens: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const expected = offset + spaces[i].length;
    // wink leaves some spaces (U+3000 and the like) out of its count: then the token is found where it really stands
    const found = text.startsWith(value, expected) ? expected : text.indexOf(value, offset);
    offset = found >= 0 ? found : expected;
    ours[i] = tokens.length;
    if (pos[i] !== 'SPACE' && value.trim()) {
      tokens.push({ i: tokens.length, text: value, lower: value.toLowerCase(), lemma: lemmas[i].toLowerCase(), pos: pos[i], start: offset, end: offset + value.length, sentence: 0 });
    }
    offset += value.length;
  }
  ours[values.length] = tokens.length;
  const sentences: Sentence[] = [];
  // each sentence as its [first, last] wink token indexes: cheaper than walking wink's per-sentence token collections
  const spans: [number, number][] = doc.sentences().out(its.span);
  for (const [winkFirst, winkLast] of spans) {
    if (winkLast < winkFirst) continue;
    const first = ours[winkFirst];
    const end = ours[winkLast + 1];
    if (end <= first) continue;
    for (let t = first; t < end; t++) tokens[t].sentence = sentences.length;
    sentences.push({ index: sentences.length, start: tokens[first].start, end: tokens[end - 1].end, firstToken: first, endToken: end });
  }
  return { text, tokens, sentences, referenceDate };
}

/** Inserts nothing, but replaces one character inside over-long runs with a space so the tokenizer stays linear; offsets are preserved. */
function breakLongRuns(text: string): string {
  if (!hasLongRun(text)) return text;
  return text.replace(new RegExp(`\\S{${MAX_WORD}}(?=\\S)`, 'g'), (run) => run.slice(0, -1) + ' ');
}

/** What the regex class \s counts as space, so that the check agrees with the replacement in breakLongRuns. */
const SPACE = /\s/;

/** Whether some run of non-space characters is longer than MAX_WORD: one pass over the characters, where a regex would retry at every start. */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(text[i]))) run = 0;
    else if (++run > MAX_WORD) return true;
  }
  return false;
}
