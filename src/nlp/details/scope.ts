// Attachment: which of a sentence's details (times, counts, places) belongs to an event: the nearest one in its own clause.
import type { EventDraft, Token } from '../types.js';

export interface TokenRange {
  firstToken: number;
  endToken: number;
  /** a detail that heads the clause after it ("two days before ..."): only events after it take it */
  leadsClause?: boolean;
}

/** The clause-bound words, and which of them are reporting verbs. */
export interface ClauseWords { bounds: Set<string>; reporting: Set<string> }

const RELATIVES = new Set(['who', 'which', 'whose', 'whom']);
const SUBJECT_PRONOUNS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they']);
/** What a noun phrase is made of, up to its head noun. */
const OBJECT_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PRON']);

/**
 * Whether a verb among tokens [from, to) heads a clause of its own, so a detail on the far side is that verb's.
 * Before the trigger, any verb does ("on Friday proposed a package of sanctions") except one that hands on to
 * another ("is expected to deploy", "began holding") or takes the trigger as its object ("on Monday held talks"); after it, a verb with its own pronoun subject does
 * ("deploy troops under the treaty he signed last year") while purpose clauses do not ("deploy troops to support").
 */
function otherVerbBetween(tokens: Token[], from: number, to: number, before: boolean): boolean {
  for (let k = from; k < to; k++) {
    if (tokens[k].pos !== 'VERB') continue;
    if (before) {
      const next = tokens[k + 1];
      if (next && (next.lower === 'to' || next.pos === 'VERB' || next.pos === 'AUX' || k + 1 === to)) continue;
      if (!objectUpTo(tokens, k + 1, to)) return true;
    } else if (SUBJECT_PRONOUNS.has(tokens[k - 1]?.lower ?? '')) return true;
  }
  return false;
}

/** Whether tokens [from, to) only lead up to a noun trigger as its verb's object ("launched a missile attack"), not into a phrase of its own ("proposed a package of sanctions"). */
function objectUpTo(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!OBJECT_POS.has(tokens[k].pos)) return false;
  return true;
}

/**
 * What separates tokens [from, to) into two clauses, if anything: a word of the bounds table or a subordinating
 * conjunction ('bound'), or a coordinating conjunction that starts a new predicate ('coordination': "sent troops
 * and plans to send more").
 */
export function clauseBreak(tokens: Token[], from: number, to: number, words: ClauseWords): 'bound' | 'coordination' | null {
  let found: 'coordination' | null = null;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if ((words.bounds.has(t.lower) && !(t.lower === 'that' && t.pos === 'DET')) || t.pos === 'SCONJ') return 'bound';
    if (t.pos === 'CCONJ') {
      const next = tokens[k + 1]?.pos === 'ADV' ? k + 2 : k + 1;
      const pos = tokens[next]?.pos;
      if (pos === 'VERB' || pos === 'AUX' || (tokens[next + 1]?.lower === 'to' && tokens[next + 1].pos === 'PART')) found = 'coordination';
    }
  }
  return found;
}

/** Whether a detail stands in the subject of its clause (no verb between the clause start and it), shared by coordinated predicates. */
function inSubject(tokens: Token[], c: TokenRange, sentenceStart: number, words: ClauseWords): boolean {
  for (let k = c.firstToken - 1; k >= sentenceStart; k--) {
    const t = tokens[k];
    if (words.bounds.has(t.lower) || t.pos === 'SCONJ') return true;
    if (t.pos === 'VERB' || t.pos === 'AUX') return false;
  }
  return true;
}

/** A detail right beside a reporting verb dates or places the report ("told lawmakers on Wednesday", "on Friday said"). */
export function inReportingFrame(tokens: Token[], c: TokenRange, sentenceStart: number, words: ClauseWords): boolean {
  for (let k = c.firstToken - 1; k >= sentenceStart && k >= c.firstToken - 3; k--) {
    if (words.reporting.has(tokens[k].lower)) return true;
    if (tokens[k].pos === 'PUNCT' || tokens[k].pos === 'VERB') break;
  }
  return words.reporting.has(tokens[c.endToken]?.lower ?? '');
}

/** Whether a comma stands among tokens [from, to). */
function hasComma(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].text === ',') return true;
  return false;
}

/** A detail inside a relative clause set off by commas ("Choe, who left Pyongyang on Monday, is due to ...", "the bridge, on which work began in April, is ..."). */
function inRelativeClause(tokens: Token[], c: TokenRange, sentenceStart: number): boolean {
  for (let k = c.firstToken - 1; k >= sentenceStart; k--) {
    // ", which" or ", on which"
    if (RELATIVES.has(tokens[k].lower)) return tokens[k - 1]?.text === ',' || (tokens[k - 1]?.pos === 'ADP' && tokens[k - 2]?.text === ',');
    if (tokens[k].text === ',') return false;
  }
  return false;
}

/**
 * The candidate nearest the event's trigger (in tokens) that no clause bound, reporting frame or attribution cue
 * separates from it; ties go to the one after the trigger. Null when none qualifies. Times and places are
 * `adverbial`: beside a reporting verb they date or place the report; a count there starts the reported clause.
 */
export function pickForEvent<T extends TokenRange>(candidates: T[], event: EventDraft, tokens: Token[], sentenceStart: number, words: ClauseWords, adverbial = true): T | null {
  let best: T | null = null, bestDistance = Infinity;
  const cue = event.attribution?.span;
  for (const c of candidates) {
    const before = c.endToken <= event.triggerFirst;
    if (c.leadsClause && !before) continue;
    const from = before ? c.endToken : c.firstToken >= event.triggerEnd ? event.triggerEnd : 0;
    const to = before ? event.triggerFirst : c.firstToken >= event.triggerEnd ? c.firstToken : 0;
    const broken = to > from ? clauseBreak(tokens, from, to, words) : null;
    if (broken === 'bound' || (broken === 'coordination' && !(before && inSubject(tokens, c, sentenceStart, words)))) continue;
    if (cue && to > from && cue[0] >= tokens[from].start && cue[1] <= tokens[to - 1].end) continue;
    if (adverbial && inReportingFrame(tokens, c, sentenceStart, words)) continue;
    // a count in the subject measures the actors of every verb in the clause ("8,000 soldiers are in Kursk and are expected to go into battle")
    const sharedSubject = !adverbial && before && inSubject(tokens, c, sentenceStart, words);
    if (to > from && !c.leadsClause && !sharedSubject && otherVerbBetween(tokens, from, to, before)) continue;
    if (before && hasComma(tokens, from, to) && inRelativeClause(tokens, c, sentenceStart)) continue;
    const distance = to - from + (before ? 0.5 : 0);
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}
