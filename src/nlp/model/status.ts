// Status cue tables (cues.tsv: modals, frames, negation, conditionals, reporting and denial words; likelihood.tsv: estimative word -> p), parsed into lookups.
import type { ReadTable } from './types.js';
import { tsvRows } from './tsv.js';

export const CUE_KINDS = [
  'future', 'possible', 'would', 'intent', 'commit', 'pledge', 'foresee', 'request', 'estimate', 'implicative', 'participate', 'neg-implicative', 'cancel', 'negation', 'occur', 'cease',
  'conditional', 'open', 'temporal', 'exclude', 'report', 'report-noun', 'according', 'deny', 'deny-word', 'perception', 'absence',
  'role', 'prospective', 'prospect',
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export const COMPLEMENTS = ['to', 'ing', 'np', 'that', '-'] as const;
export type Complement = (typeof COMPLEMENTS)[number];

/** A phrase of one or more words, matched against tokens by lower-case form or lemma. */
export interface Phrase {
  words: string[];
}

export interface Cue extends Phrase {
  kind: CueKind;
  complements: ReadonlySet<Complement>;
  trust: number;
}

export interface LikelihoodCue extends Phrase {
  p: number;
}

/** Phrases indexed by their last word, longest first, so that a right-to-left scan finds the longest match first. */
export type PhraseIndex<T extends Phrase> = Map<string, T[]>;

export interface StatusModel {
  cues: PhraseIndex<Cue>;
  likelihood: PhraseIndex<LikelihoodCue>;
}

/** The token fields a phrase is matched on. */
export interface WordForms {
  lower: string;
  lemma: string;
}

export function buildStatusModel(read: ReadTable): StatusModel {
  return {
    cues: indexPhrases(parseCues(read('cues.tsv'))),
    likelihood: indexPhrases(parseLikelihood(read('likelihood.tsv'))),
  };
}

export function parseCues(text: string, file = 'cues.tsv'): Cue[] {
  return tsvRows(text).map(({ cells, line }) => {
    const where = `${file} line ${line}`;
    if (cells.length < 4) throw new Error(`${where}: expected 4 tab-separated columns (phrase, kind, complement, trust), got ${cells.length}`);
    const [phrase, kind, complement, trustText] = cells;
    if (!(CUE_KINDS as readonly string[]).includes(kind)) throw new Error(`${where}: unknown kind "${kind}" (one of ${CUE_KINDS.join(', ')})`);
    const complements = complement.split(',').map((c) => c.trim());
    for (const c of complements) if (!(COMPLEMENTS as readonly string[]).includes(c)) throw new Error(`${where}: unknown complement "${c}" (one of ${COMPLEMENTS.join(', ')})`);
    return { words: words(phrase, where), kind: kind as CueKind, complements: new Set(complements as Complement[]), trust: unitNumber(trustText, 'trust', where) };
  });
}

export function parseLikelihood(text: string, file = 'likelihood.tsv'): LikelihoodCue[] {
  return tsvRows(text).map(({ cells, line }) => {
    const where = `${file} line ${line}`;
    if (cells.length < 2) throw new Error(`${where}: expected columns cue, p, basis`);
    return { words: words(cells[0], where), p: unitNumber(cells[1], 'p', where) };
  });
}

export function indexPhrases<T extends Phrase>(phrases: T[]): PhraseIndex<T> {
  const index: PhraseIndex<T> = new Map();
  for (const phrase of phrases) {
    const last = phrase.words[phrase.words.length - 1];
    const list = index.get(last) ?? [];
    list.push(phrase);
    index.set(last, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** True when the token's lower-case form or lemma is the word. */
export const wordMatches = (word: string, token: WordForms): boolean => word === token.lower || word === token.lemma;

/**
 * The longest phrase whose last word is tokens[end] and whose other words precede it, not reaching before `floor`,
 * among those that `accept` lets through. Allocation-free: it runs for every token the stage looks at.
 */
export function longestPhraseEndingAt<T extends Phrase>(index: PhraseIndex<T>, tokens: readonly WordForms[], end: number, floor: number, accept: (p: T) => boolean = () => true): T | undefined {
  const token = tokens[end];
  let best = bestIn(index.get(token.lower), tokens, end, floor, accept);
  if (token.lemma !== token.lower) {
    const byLemma = bestIn(index.get(token.lemma), tokens, end, floor, accept);
    if (byLemma && (!best || byLemma.words.length > best.words.length)) best = byLemma;
  }
  return best;
}

function bestIn<T extends Phrase>(candidates: T[] | undefined, tokens: readonly WordForms[], end: number, floor: number, accept: (p: T) => boolean): T | undefined {
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    const n = phrase.words.length;
    if (end - n + 1 < floor || !accept(phrase)) continue;
    let ok = true;
    for (let k = 0; k < n - 1 && ok; k++) ok = wordMatches(phrase.words[k], tokens[end - n + 1 + k]);
    if (ok) return phrase; // candidates are sorted longest first
  }
  return undefined;
}


function words(phrase: string, where: string): string[] {
  const list = phrase.toLowerCase().split(/\s+/).filter(Boolean);
  if (!list.length) throw new Error(`${where}: empty phrase`);
  return list;
}

function unitNumber(text: string, name: string, where: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new Error(`${where}: ${name} must be a number from 0 to 1, got "${text}"`);
  return value;
}
