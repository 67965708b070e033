// A light clause analyser for one sentence: noun-phrase chunks, verb groups, and who is the subject of a verb group.
import type { Mention, Token } from '../types.js';

/** A noun-phrase chunk: token range (end exclusive), its head, and the preposition that governs it, if any. */
export interface Chunk {
  start: number;
  end: number;
  head: number;
  prep: string | null;
}

/** A verb group: auxiliaries, adverbs and verbs ending in a head verb ("has already sent", "to dispatch"). */
export interface VerbGroup {
  start: number;
  head: number;
  /** first token after the group */
  end: number;
  passive: boolean;
  /** introduced by "to" */
  infinitive: boolean;
  /** only auxiliaries: a copula ("is likely to") */
  copula: boolean;
}

/** Where a subject was found, for confidence and explanations. */
export type SubjectRoute = 'subject' | 'relative' | 'infinitive' | 'object-control' | 'coordination' | 'gerund' | 'reduced-relative' | 'apposition' | 'participle';

export interface Subject {
  chunks: Chunk[];
  route: SubjectRoute;
}

export interface Clause {
  tokens: Token[];
  first: number;
  end: number;
  /** tokens read as verbs, after fixing common tagger slips ("Poland shot down", "will close", "and plans to") */
  verbal: Uint8Array;
  chunks: Chunk[];
  groups: VerbGroup[];
  /** token -> chunk index, -1 outside chunks (offset by first) */
  chunkAt: Int32Array;
  /** token -> verb group index, -1 outside groups (offset by first) */
  groupAt: Int32Array;
  /** token -> actor mention covering it, -1 none (whole text) */
  mentionAt: Int32Array;
}

const MODALS = new Set(['will', 'would', 'may', 'might', 'can', 'could', 'shall', 'should', 'must', 'to']);
const RELATIVES = new Set(['who', 'which', 'whom']);
const PERSONAL = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'him', 'her', 'them', 'us', 'me']);
const POSSESSIVE = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const QUANTIFIERS = new Set(['about', 'nearly', 'roughly', 'some', 'more', 'than', 'least', 'almost', 'around', 'approximately', 'over', 'only']);
const COORDINATORS = new Set(['and', 'or', 'nor', 'but']);
/** verbs whose object is the subject of the infinitive that follows ("urged Seoul to ...") */
const OBJECT_CONTROL = new Set(['ask', 'urge', 'tell', 'order', 'invite', 'allow', 'force', 'encourage', 'persuade', 'press', 'call', 'help', 'authorize', 'authorise', 'permit', 'expect', 'want', 'let', 'warn']);
const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);
/** Time words that head an adverbial noun phrase of their own (a closed class, like the determiners above). */
const TIME_WORDS = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night']);
/** Month names, which head a date phrase ("Oct. 15", "in October"); "may" only as a name, never the modal. */
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.']);
/** Words that place a time phrase ("last week", "this morning", "early Friday"), part of the phrase they open. */
const TIME_MODIFIERS = new Set(['last', 'next', 'this', 'that', 'early', 'late', 'earlier', 'later', 'same', 'previous', 'following', 'past', 'coming']);

/** Units that count time ("three days later", "the next day") without heading an adverbial alone ("Victory Day"). */
const TIME_UNITS = new Set(['day', 'hour']);

/** Whether a token names a time: a time word or unit (in any number: "weeks") or a month name. */
const isTimeWord = (t: Token): boolean => TIME_WORDS.has(t.lower) || TIME_WORDS.has(t.lemma) || TIME_UNITS.has(t.lemma) || (t.pos === 'PROPN' && MONTHS.has(t.lower));

/**
 * Whether tokens [start, i) are a time phrase that token i cannot extend: only time words, numbers and the words that
 * place them ("On Monday", "Last week", "Oct. 15"), ending in a time word or a number. `named` asks only for a name
 * after it ("On Monday Iran"); a common noun after a bare day name may be what it modifies ("after Friday prayers").
 */
function endsTimePhrase(tokens: Token[], start: number, i: number, named: boolean): boolean {
  if (start < 0 || !(isTimeWord(tokens[i - 1]) || tokens[i - 1].pos === 'NUM')) return false;
  let timed = false;
  for (let k = start; k < i; k++) {
    const t = tokens[k];
    if (isTimeWord(t)) timed = true;
    else if (t.pos !== 'NUM' && !TIME_MODIFIERS.has(t.lower) && !(t.lower === 'the' && TIME_MODIFIERS.has(tokens[k + 1]?.lower ?? ''))) return false;
  }
  return timed && (named || i - start > 1);
}
const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'as', 'because', 'while', 'when', 'once', 'if', 'unless', 'though', 'although', 'whether']);

/** Parts of speech before "<word>-<verb>" that make the compound a modifier ("a war-torn", "the Russian-made") rather than a predicate. */
const MODIFIER_OPENERS = new Set(['DET', 'ADJ', 'NUM', 'ADP', 'PART']);

/** Whether a word is its lemma's base form; British "-ise" spellings ("modernise") have an American "-ize" lemma. */
export const isBaseForm = (t: Token): boolean => t.lower === t.lemma || t.lower.replace(/s/g, 'z') === t.lemma;

const isNominal = (t: Token) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || (t.pos === 'PRON' && (PERSONAL.has(t.lower) || POSSESSIVE.has(t.lower)));

/** What the trigger tables know of a word: whether it is a trigger verb form, and whether a trigger noun ("hearing"). */
export interface WordKnowledge {
  isVerbForm: (t: Token) => boolean;
  isNounForm: (t: Token) => boolean;
  /** a light verb whose event noun follows "to" ("returned to combat", "return to talks") */
  takesNounAfterTo: (t: Token) => boolean;
  /** a verb of giving whose recipient may come first as a bare object ("gave Kyiv tanks" = "gave tanks to Kyiv") */
  takesTwoObjects: (t: Token) => boolean;
}

/** Reads the sentence [first, end) into chunks and verb groups. `mentionAt` maps a token to the mention covering it (-1 none). */
export function analyseClause(tokens: Token[], first: number, end: number, mentionAt: Int32Array, mentions: Mention[], words: WordKnowledge): Clause {
  const n = end - first;
  const verbal = new Uint8Array(n);
  for (let i = first; i < end; i++) verbal[i - first] = readsAsVerb(tokens, i, first, end, mentionAt, words) ? 1 : 0;
  const clause: Clause = { tokens, first, end, verbal, chunks: [], groups: [], chunkAt: new Int32Array(n).fill(-1), groupAt: new Int32Array(n).fill(-1), mentionAt };
  chunkNouns(clause, mentionAt, mentions, words);
  groupVerbs(clause);
  return clause;
}

/** Whether token k is a hyphen written without spaces between the words on either side ("test-fire", "U.S.-Iranian"). */
export const joiningHyphen = (tokens: Token[], k: number): boolean =>
  k > 0 && k + 1 < tokens.length && tokens[k].text === '-' && tokens[k - 1].end === tokens[k].start && tokens[k].end === tokens[k + 1].start;

/**
 * The word that a hyphenated compound starting at token i makes ("test-fire", "test-fired"), with its lemma, or null
 * when tokens i..i+2 are not a word, a hyphen and a word written without spaces.
 */
export function hyphenCompound(tokens: Token[], i: number, end: number): Token | null {
  if (i + 2 >= end || !joiningHyphen(tokens, i + 1)) return null;
  const [a, b] = [tokens[i], tokens[i + 2]];
  return { ...a, text: `${a.text}-${b.text}`, lower: `${a.lower}-${b.lower}`, lemma: `${a.lower}-${b.lemma}`, end: b.end };
}

function readsAsVerb(tokens: Token[], i: number, first: number, end: number, mentionAt: Int32Array, { isVerbForm, isNounForm, takesNounAfterTo }: WordKnowledge): boolean {
  const t = tokens[i];
  if (mentionAt[i] >= 0 || perfectHave(tokens, i, end)) return false;
  const prev = i > first ? tokens[i - 1] : undefined;
  const next = i + 1 < end ? tokens[i + 1] : undefined;
  // "could test-fire", "to test-launch": a hyphenated verb of the trigger table is one verb, all of its parts, unless
  // a determiner, adjective or possessive makes it a noun ("the test-fire")
  for (let at = Math.max(first, i - 2); at <= i; at++) {
    const compound = hyphenCompound(tokens, at, end);
    if (!compound || mentionAt[at] >= 0 || !isVerbForm(compound)) continue;
    const before = at > first ? tokens[at - 1] : undefined;
    return !!before && (before.lower === 'to' || !(MODIFIER_OPENERS.has(before.pos) || POSSESSIVE.has(before.lower)));
  }
  // the first part of a hyphenated word ("war-torn") is never the verb; the last part is one only after a subject ("North Korea test-fired")
  if (next?.text === '-' && next.start === t.end) return false;
  if (prev?.text === '-' && prev.end === t.start) {
    const part = i - 2 >= first ? i - 2 : -1;
    const before = part > first ? tokens[part - 1] : undefined;
    if (part < 0 || mentionAt[part] >= 0 || tokens[part].pos === 'PROPN' || !before || MODIFIER_OPENERS.has(before.pos) || POSSESSIVE.has(before.lower)) return false;
    return t.pos === 'VERB';
  }
  if (t.pos === 'VERB') {
    // a participle or gerund inside a noun phrase ("the fighting", "the wounded") is nominal
    if (prev && (prev.pos === 'DET' || POSSESSIVE_MARKS.has(prev.lower)) && next?.pos !== 'DET') return false;
    // "a landmark hearing", "fierce fighting", "military exercises": an event noun after a modifier
    if (prev && isNounForm(t) && (prev.pos === 'ADJ' || prev.pos === 'NUM' || (t.lower.endsWith('ing') && prev.pos === 'NOUN' && mentionAt[i - 1] < 0))) return false;
    // "a round of U.S.-Iranian talks", "the Russian attacks": an event noun after a name that itself modifies (but
    // "saw the North Koreans fighting Ukrainian troops" is a participle)
    if (prev && isNounForm(t) && !t.lower.endsWith('ing') && mentionAt[i - 1] >= 0 && nameModifies(tokens, i - 1, first, mentionAt)) return false;
    // "a significant and concerning escalation": a participle coordinated with an adjective before a noun modifies it
    if (prev && COORDINATORS.has(prev.lower) && i - 2 >= first && tokens[i - 2].pos === 'ADJ' && next?.pos === 'NOUN') return false;
    // an infinitive has no "-s" ("return to talks"), and a bare verb does not follow a preposition ("a role in earlier damage")
    if (prev?.lower === 'to' && !isBaseForm(t) && t.lower.endsWith('s')) return false;
    if (prev?.lower === 'to' && i - 2 >= first && takesNounAfterTo(tokens[i - 2]) && isNounForm(t)) return false;
    let lead = i - 1;
    while (lead > first && tokens[lead].pos === 'ADV') lead--;
    if (lead >= first && tokens[lead].pos === 'ADP' && tokens[lead].lower !== 'to' && isBaseForm(t)) return false;
    // a past participle right after a main verb and before a noun is an adjective ("reject proposed changes")
    const participle = !isBaseForm(t) && !t.lower.endsWith('ing');
    const mainVerb = prev?.pos === 'VERB' && prev.lemma !== 'have' && prev.lemma !== 'be' && prev.lemma !== 'get';
    return !(participle && mainVerb && (next?.pos === 'NOUN' || next?.pos === 'ADJ' || next?.pos === 'PROPN'));
  }
  if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return false;
  // after a determiner or a possessive ("its demand") a word is a noun
  if (!prev || prev.pos === 'DET' || POSSESSIVE.has(prev.lower) || POSSESSIVE_MARKS.has(prev.lower)) return false;
  // "will close its border": a modal is never followed by a noun; "had informed the U.S. military": nor is a perfect "have" by an adjective in "-ed"
  if (prev.pos === 'AUX' && MODALS.has(prev.lower)) return true;
  // "could in return share", "will in turn supply": nor is one after an adverbial that follows it, if a verb of the table
  if (isBaseForm(t) && isVerbForm(t) && adverbialAfterModal(tokens, i, first)) return true;
  if (prev.pos === 'AUX' && prev.lemma === 'have' && t.pos === 'ADJ' && t.lower.endsWith('ed')) return true;
  // "and plans to dispatch", "Pyongyang plans to dispatch"
  if (next?.lower === 'to' && next.pos === 'PART' && (prev.pos === 'CCONJ' || prev.pos === 'ADV' || prev.pos === 'PRON' || prev.pos === 'PROPN' || mentionAt[i - 1] >= 0)) return true;
  // "a role in damaging the cables": an "-ing" word between a preposition and a determiner is a gerund with its object
  if (t.lower.endsWith('ing') && prev.pos === 'ADP' && !!next && (next.pos === 'DET' || POSSESSIVE.has(next.lower))) return true;
  // the rest concerns trigger verb forms tagged as nouns
  if (t.pos !== 'NOUN' || !isVerbForm(t) || next?.pos === 'VERB' || next?.pos === 'AUX') return false;
  // "to help support the rights", "to demand the return": a verb form between a verb (or "to") and its object
  if ((prev.pos === 'VERB' || (prev.lower === 'to' && prev.pos === 'PART')) && next && (next.pos === 'DET' || POSSESSIVE.has(next.lower))) return true;
  // "Poland shot down drones", "they shot down": right after a name or pronoun
  if (prev.pos === 'PRON' && PERSONAL.has(prev.lower)) return true;
  if (prev.pos !== 'PROPN' && mentionAt[i - 1] < 0) return false;
  // the name must stand as a subject, not modify a noun ("a Russian attack")
  const opener = nameOpener(tokens, i - 1, first, mentionAt);
  // "after Israeli and U.S. strikes": names joined by "and" take a verb without "-s", so a word in "-s" after them is
  // the plural noun they modify
  if (opener && COORDINATORS.has(opener.lower) && t.lower.endsWith('s') && !isBaseForm(t) && coordinatedName(tokens, i - 1, first, mentionAt)) return false;
  // "attack Israeli ships.": after a verb, a name with nothing after its noun is that verb's object
  const objectOfVerb = opener?.pos === 'VERB' && (!next || next.pos === 'PUNCT' || next.pos === 'ADP');
  return !opener || !(objectOfVerb || nameModifies(tokens, i - 1, first, mentionAt));
}

/** Longest adverbial phrase between an auxiliary and its verb ("in return", "in the end"): a preposition and two words. */
const ADVERBIAL_SPAN = 3;

/**
 * Whether the tokens right before token i are a short prepositional phrase, and maybe adverbs, after a modal: the
 * adverbial ("could in return share") that separates a modal from the verb it governs.
 */
function adverbialAfterModal(tokens: Token[], i: number, first: number): boolean {
  let k = i - 1;
  while (k > first && tokens[k].pos === 'ADV') k--;
  const last = k;
  while (k > first && last - k < ADVERBIAL_SPAN && (tokens[k].pos === 'NOUN' || tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ')) k--;
  if (k === last || tokens[k].pos !== 'ADP') return false;
  k--;
  while (k > first && tokens[k].pos === 'ADV') k--;
  return k >= first && tokens[k].pos === 'AUX' && MODALS.has(tokens[k].lower);
}

/** The word before the name that ends at token `last`, over names joined by hyphens ("of U.S.-Iranian"). */
function nameOpener(tokens: Token[], last: number, first: number, mentionAt: Int32Array): Token | undefined {
  let k = last;
  const sameName = (j: number) => tokens[j].pos === 'PROPN' || (mentionAt[j] >= 0 && mentionAt[j] === mentionAt[last]);
  for (;;) {
    while (k > first && sameName(k - 1)) k--;
    // a hyphen written without spaces joins a second name ("U.S.-Iranian")
    if (k - 2 >= first && joiningHyphen(tokens, k - 1) && (mentionAt[k - 2] >= 0 || tokens[k - 2].pos === 'PROPN')) { k -= 2; continue; }
    return k > first ? tokens[k - 1] : undefined;
  }
}

/** Whether the name ending at token `last` follows a coordinator that follows another name or an adjective ("Israeli and U.S."). */
function coordinatedName(tokens: Token[], last: number, first: number, mentionAt: Int32Array): boolean {
  let k = last;
  while (k > first && (tokens[k - 1].pos === 'PROPN' || (mentionAt[k - 1] >= 0 && mentionAt[k - 1] === mentionAt[last]))) k--;
  const before = k - 2 >= first ? tokens[k - 2] : undefined;
  return !!before && (before.pos === 'PROPN' || before.pos === 'ADJ' || mentionAt[k - 2] >= 0);
}

/** Whether the name ending at token `last` modifies what follows: it comes after a determiner, a preposition that is no subordinator, an adjective, a number or a possessive. */
function nameModifies(tokens: Token[], last: number, first: number, mentionAt: Int32Array): boolean {
  const opener = nameOpener(tokens, last, first, mentionAt);
  if (!opener) return false;
  return opener.pos === 'DET' || (opener.pos === 'ADP' && !SUBORDINATORS.has(opener.lower)) || opener.pos === 'ADJ' || opener.pos === 'NUM' || POSSESSIVE.has(opener.lower);
}

function chunkNouns(c: Clause, mentionAt: Int32Array, mentions: Mention[], words: WordKnowledge): void {
  const { tokens, first, end } = c;
  let start = -1, hasNoun = false;
  const close = (stop: number) => {
    if (start >= 0 && hasNoun) {
      let head = stop - 1;
      while (head > start && !isNominal(tokens[head]) && !words.isNounForm(tokens[head]) && mentionAt[head] < 0) head--;
      // an adverb between the preposition and its phrase does not end the phrase's link to it ("in earlier damage")
      const adverb = start - 2 >= first && tokens[start - 1].pos === 'ADV' && tokens[start - 2].pos === 'ADP' && !QUANTIFIERS.has(tokens[start - 1].lower);
      const before = start > first ? tokens[adverb ? start - 2 : start - 1] : undefined;
      // "up to 4,000 troops", "about 8,000 soldiers", "at least 20 people" are quantities, not prepositional phrases
      const quantity = (before?.lower === 'to' && start - 2 >= first && tokens[start - 2].lower === 'up') || (!!before && QUANTIFIERS.has(before.lower) && tokens[start].pos === 'NUM')
        || (before?.lower === 'at' && tokens[start].lower === 'least');
      const prep = before && !quantity && (before.pos === 'ADP' || (before.lower === 'to' && before.pos === 'PART')) ? before.lower : null;
      const k = c.chunks.push({ start, end: stop, head, prep }) - 1;
      for (let j = start; j < stop; j++) c.chunkAt[j - first] = k;
    }
    start = -1;
    hasNoun = false;
  };
  for (let i = first; i < end; i++) {
    const t = tokens[i];
    if (mentionAt[i] >= 0) {
      const m = mentions[mentionAt[i]];
      const mentionEnd = Math.min(m.endToken, end);
      // a mention right after a name or another mention starts a new chunk ("Seoul Friday"); after a determiner,
      // number, adjective, common noun or possessive it continues the phrase ("11 North Korean individuals")
      // "On Monday Iran fired", "On Oct. 15 the North blew up": a time phrase, or a phrase a determiner ends, ends before a name
      if (start >= 0 && hasNoun && (endsTimePhrase(tokens, start, i, true) || tokens[i].pos === 'DET')) close(i);
      if (start >= 0 && hasNoun) {
        const prev = tokens[i - 1];
        // "the troops Pyongyang has sent": a name right before a verb is the subject of a relative clause
        const relativeSubject = prev.pos === 'NOUN' && mentionEnd < end && (c.verbal[mentionEnd - first] === 1 || tokens[mentionEnd].pos === 'AUX');
        if (!POSSESSIVE.has(prev.lower) && (mentionAt[i - 1] >= 0 || PERSONAL.has(prev.lower) || relativeSubject)) close(i);
      }
      if (start < 0) start = i;
      if (start === i && recipientFirst(c, i, mentionEnd, words)) {
        hasNoun = true;
        close(mentionEnd);
        i = mentionEnd - 1;
        continue;
      }
      // a possessive pronoun standing for an actor ("its 16th package") is a determiner of what follows
      hasNoun = !(mentionEnd === i + 1 && POSSESSIVE.has(t.lower) && tokens[i + 1] && (isNominal(tokens[i + 1]) || tokens[i + 1].pos === 'ADJ' || mentionAt[i + 1] >= 0));
      i = mentionEnd - 1;
      continue;
    }
    if (c.verbal[i - first] || perfectHave(tokens, i, end)) { close(i); continue; }
    const joined = i > first && tokens[i - 1].end === t.start && (t.text === '-' || tokens[i - 1].text === '-');
    if (joined && start >= 0) continue;
    const opener = t.pos === 'DET' || (t.pos === 'PRON' && POSSESSIVE.has(t.lower)) || t.pos === 'NUM' || (t.pos === 'ADV' && QUANTIFIERS.has(t.lower) && tokens[i + 1]?.pos === 'NUM');
    if (opener) {
      // a number after a number goes on ("3 million"), and one between a name and its "of" phrase is part of the name
      // ("Article 4 of the treaty"), which the "of" phrase complements
      const numbered = start >= 0 && (tokens[i - 1].pos === 'NUM' || (t.pos === 'NUM' && MONTHS.has(tokens[i - 1].lower)) || (tokens[i - 1].pos === 'PROPN' && tokens[i + 1]?.lower === 'of'));
      if (hasNoun && !(t.pos === 'NUM' && numbered)) close(i);
      if (start < 0) start = i;
      // a number, or a possessive or quantifier standing alone ("some of the soldiers", "their"), is a phrase of its own
      const next = tokens[i + 1];
      const modifies = next && i + 1 < end && (next.pos === 'ADJ' || next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'NUM' || mentionAt[i + 1] >= 0);
      if (t.pos === 'NUM' || ((t.pos === 'PRON' || next?.lower === 'of') && !modifies)) hasNoun = true;
      continue;
    }
    if (t.pos === 'PRON' && PERSONAL.has(t.lower)) { close(i); start = i; hasNoun = true; close(i + 1); continue; }
    // adjectives and participles that are not verbs here ("the besieged Bosnian town") modify the noun that follows
    if (t.pos === 'ADJ' || t.pos === 'VERB') {
      const next = i + 1 < end ? tokens[i + 1] : undefined;
      const premodifier = !!next && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ' || (next.pos === 'VERB' && !c.verbal[i + 1 - first]));
      // an adjective after a complete noun ends it ("called Russia's behaviour reckless") unless it modifies what follows;
      // an event noun after an adjective is the head the adjective modifies ("their Zapad-2025 military exercises")
      const modifiedHead = t.pos === 'VERB' && tokens[i - 1].pos === 'ADJ' && words.isNounForm(t);
      if (hasNoun && ((tokens[i - 1].pos !== 'NUM' && !premodifier && !modifiedHead) || endsTimePhrase(tokens, start, i, false))) close(i);
      if (start < 0) start = i;
      // a verb form that is not read as a verb, or an event noun tagged as an adjective, that ends the phrase is its
      // head ("military exercises", "a new military offensive")
      if ((t.pos === 'VERB' || words.isNounForm(t)) && !premodifier) hasNoun = true;
      continue;
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN') {
      // a time word after a noun is an adverbial of its own ("renewed negotiations today"), unless it goes on a time
      // phrase ("Tuesday night"); a time phrase ends before a noun or name ("Last week officials said")
      if (hasNoun && ((TIME_WORDS.has(t.lower) && !endsTimePhrase(tokens, start, i, true)) || (!isTimeWord(t) && endsTimePhrase(tokens, start, i, t.pos === 'PROPN')))) close(i);
      if (start < 0) start = i;
      hasNoun = true;
      continue;
    }
    if (t.pos === 'PART' && POSSESSIVE_MARKS.has(t.lower) && start >= 0) { hasNoun = false; continue; }
    // "three more satellites", "10,000 fewer troops": a comparative after a number stays inside its phrase
    if (start >= 0 && tokens[i - 1].pos === 'NUM' && (t.lower === 'more' || t.lower === 'fewer')) { hasNoun = false; continue; }
    if (t.text === '-' && start >= 0) continue;
    close(i);
  }
  close(end);
}

/**
 * Whether the name [i, mentionEnd) right after a verb of giving is its first object, the recipient, and the bare noun
 * phrase after it the second ("has given Pyongyang air-defence systems"), rather than a name modifying that noun: not
 * when a "to" phrase after the noun names the recipient ("sent U.S. weapons to Israel").
 */
function recipientFirst(c: Clause, i: number, mentionEnd: number, words: WordKnowledge): boolean {
  const { tokens, first, end } = c;
  if (i === first || !c.verbal[i - 1 - first] || !words.takesTwoObjects(tokens[i - 1]) || tokens[mentionEnd - 1].pos !== 'PROPN') return false;
  let k = mentionEnd;
  while (k < end && c.mentionAt[k] < 0 && (tokens[k].pos === 'NOUN' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'PROPN' || (tokens[k].text === '-' && k > mentionEnd))) k++;
  return k > mentionEnd && tokens[k - 1].pos !== 'ADJ' && tokens[k]?.lower !== 'to';
}

/** "have" before "been" is an auxiliary, whichever tag wink gives it ("are believed to have been killed"). */
const perfectHave = (tokens: Token[], i: number, end: number): boolean => tokens[i].lemma === 'have' && i + 1 < end && tokens[i + 1].lower === 'been';

/** "to" before a verb, whichever tag wink gives it. */
const infinitiveTo = (c: Clause, i: number): boolean =>
  c.tokens[i].lower === 'to' && (c.tokens[i].pos === 'PART' || (i + 1 < c.end && c.verbal[i + 1 - c.first] === 1));

function groupVerbs(c: Clause): void {
  const { tokens, first, end } = c;
  let i = first;
  while (i < end) {
    const t = tokens[i];
    const isTo = infinitiveTo(c, i);
    if (!(c.verbal[i - first] || t.pos === 'AUX' || perfectHave(tokens, i, end) || isTo)) { i++; continue; }
    const start = i;
    let head = -1, j = i;
    for (; j < end; j++) {
      const u = tokens[j];
      if (j > start && infinitiveTo(c, j)) break;
      if (c.verbal[j - first]) head = j;
      else if (u.pos === 'AUX' || perfectHave(tokens, j, end) || (u.pos === 'PART' && (u.lower === 'not' || u.lower === "n't")) || (j === start && isTo)) { if (head >= 0 && u.pos === 'AUX') break; }
      else if (u.pos === 'ADV' && c.chunkAt[j - first] < 0) continue;
      else if (head < 0 && u.pos === 'ADP' && tokens[start].pos === 'AUX' && verbAfterAdverbial(c, j) > 0) j = verbAfterAdverbial(c, j) - 1;
      else break;
    }
    if (head < 0) {
      // auxiliaries alone: a copula group ("is likely to"), headed by its last auxiliary
      let last = -1;
      for (let k = start; k < j; k++) if (tokens[k].pos === 'AUX') last = k;
      if (last < 0) { i = Math.max(j, i + 1); continue; }
      head = last;
    }
    const groupEnd = head + 1;
    const h = tokens[head];
    let passive = false;
    if (c.verbal[head - first] && !h.lower.endsWith('ing') && !isBaseForm(h)) {
      for (let k = head - 1; k >= start; k--) {
        const a = tokens[k];
        // adverbs, a negation ("was not invited") and an adverbial phrase ("had until now been") stand between the
        // auxiliary and its participle
        if (a.pos === 'ADV' || a.pos === 'PART' || a.pos === 'ADP' || a.pos === 'NOUN' || a.pos === 'DET' || a.pos === 'ADJ') continue;
        passive = a.lemma === 'be' || a.lemma === 'get';
        break;
      }
    }
    // "had been killed and wounded": a participle coordinated with a passive one is passive too
    const previous = c.groups[c.groups.length - 1];
    if (!passive && start === head && c.verbal[head - first] && !h.lower.endsWith('ing') && !isBaseForm(h) && previous?.passive && previous.end === start - 1 && COORDINATORS.has(tokens[start - 1].lower)) passive = true;
    const k = c.groups.push({ start, head, end: groupEnd, passive, infinitive: isTo, copula: !c.verbal[head - first] }) - 1;
    for (let m = start; m < groupEnd; m++) c.groupAt[m - first] = k;
    i = groupEnd;
  }
}

/**
 * The verb right after the short adverbial phrase that the preposition at j opens ("had until now refused", "could in
 * return share"), or -1.
 */
function verbAfterAdverbial(c: Clause, j: number): number {
  const { tokens, end } = c;
  let k = j + 1;
  while (k < end && k - j <= ADVERBIAL_SPAN && ['NOUN', 'DET', 'ADJ', 'ADV'].includes(tokens[k].pos) && !c.verbal[k - c.first]) k++;
  return k > j + 1 && k < end && c.verbal[k - c.first] ? k : -1;
}

export const chunkAtToken = (c: Clause, i: number): Chunk | null => {
  if (i < c.first || i >= c.end) return null;
  const k = c.chunkAt[i - c.first];
  return k >= 0 ? c.chunks[k] : null;
};

export const groupAtToken = (c: Clause, i: number): VerbGroup | null => {
  if (i < c.first || i >= c.end) return null;
  const k = c.groupAt[i - c.first];
  return k >= 0 ? c.groups[k] : null;
};

/** The chunk ending right at token i, if any. */
function chunkEndingAt(c: Clause, i: number): Chunk | null {
  const ch = chunkAtToken(c, i);
  return ch && ch.end === i + 1 ? ch : null;
}

/** The coordinated chunks ending with `last` ("The United States, South Korea and Japan"). */
export function coordinatedBefore(c: Clause, last: Chunk): Chunk[] {
  const out = [last];
  let cur = last;
  let conjoined = false;
  for (;;) {
    const sep = c.tokens[cur.start - 1];
    if (!sep || cur.start - 1 < c.first || !(sep.lower === 'and' || sep.lower === ',' || sep.lower === 'or' || sep.lower === 'nor')) break;
    // a comma joins only a list that ends in "and" ("The United States, South Korea and Japan"), not "..., a rights group"
    if (sep.lower === ',' && !conjoined) break;
    conjoined = true;
    const prev = chunkEndingAt(c, cur.start - 2);
    // "before Russia and Belarus are due to": the conjunction opens the whole coordinated subject
    const opened = cur.prep === null && prev?.prep !== null && SUBORDINATORS.has(prev?.prep ?? '');
    if (!prev || (prev.prep !== cur.prep && !opened)) break;
    out.unshift(prev);
    if (opened) break;
    cur = prev;
  }
  return out;
}

/** The coordinated chunks starting with `firstChunk` ("with Finland and Estonia"). */
export function coordinatedAfter(c: Clause, firstChunk: Chunk, limit: number): Chunk[] {
  const out = [firstChunk];
  let cur = firstChunk;
  for (;;) {
    const sep = c.tokens[cur.end];
    if (cur.end >= limit || !sep || !(sep.lower === 'and' || sep.lower === ',' || sep.lower === 'or')) break;
    const next = chunkAtToken(c, cur.end + 1);
    if (!next || next.start !== cur.end + 1 || next.end > limit || next.prep !== null) break;
    // after a comma, only a list goes on ("Denmark, France, Germany and Britain"), not "..., chief negotiator X said"
    if (sep.lower === ',' && ![',', 'and', 'or'].includes(c.tokens[next.end]?.lower ?? '')) break;
    out.push(next);
    cur = next;
  }
  return out;
}

/** The verb group that ends last before token i, if any. */
export function groupBefore(c: Clause, i: number): VerbGroup | null {
  let best: VerbGroup | null = null;
  for (const g of c.groups) if (g.end <= i && (!best || g.end > best.end)) best = g;
  return best;
}

/** The chunk right after a verb group (its direct object), if any. */
export function objectOf(c: Clause, g: VerbGroup, particles = 0): Chunk | null {
  const ch = chunkAtToken(c, g.end + particles);
  // after a particle ("called on Pyongyang") the object carries the particle as its preposition
  const prep = particles ? c.tokens[g.end + particles - 1].lower : null;
  return ch && ch.start === g.end + particles && ch.prep === prep ? ch : null;
}

/**
 * The subject of a verb group: the noun phrase before it, or, when the verb has none of its own, the subject its
 * construction shares (an infinitive's governing verb, the first of two coordinated verbs, a relative pronoun's antecedent).
 */
export function subjectOf(c: Clause, g: VerbGroup, depth = 0): Subject | null {
  if (depth > 6) return null;
  const { tokens, first } = c;
  let p = g.start - 1;
  let route: SubjectRoute = 'subject';
  // the first token of what stands between the phrase looked at and the verb, when that is only adverbs and "of"
  // complements ("after Russia's chief of staff publicly thanked")
  let front = g.start;
  for (;;) {
    const touching = p === front - 1;
    while (p >= first && (tokens[p].pos === 'ADV' || tokens[p].text === '"' || tokens[p].text === '“' || tokens[p].text === '”')) p--;
    if (touching) front = p + 1;
    // "The International Labor Office (ILO) reiterated": skip a parenthesis after the subject
    if (p >= first && tokens[p].text === ')') {
      let open = p;
      while (open > first && tokens[open].text !== '(') open--;
      if (tokens[open].text === '(' && open > first) { p = open - 1; continue; }
    }
    if (p < first) return openingParticiple(c, g, depth);
    const ch = chunkEndingAt(c, p);
    // "Iran today threatened", "agreed earlier this month to blacklist": a time phrase before the verb is no subject
    if (ch && ch.prep === null && timeChunk(c, ch)) { p = ch.start - 1; continue; }
    // "urged Seoul to impose": an object before an infinitive is decided below, by its governing verb
    if (ch && ch.prep === null && !(g.infinitive && groupAtToken(c, ch.start - 1))) return { chunks: coordinatedBefore(c, ch), route };
    if (ch && ch.prep === null) break;
    // "reports of North Korea supplying Russia": the noun right before a gerund is its subject
    if (ch && ch.prep !== null && ch.end === front && g.start === g.head && tokens[g.head].lower.endsWith('ing') && !timeChunk(c, ch)) return { chunks: [ch], route: 'gerund' };
    // "after Russia vetoed": a conjunction that wink reads as a preposition opens a clause whose subject this is
    if (ch && ch.prep !== null && ch.end === front && SUBORDINATORS.has(ch.prep)) return { chunks: coordinatedBefore(c, ch), route };
    if (ch && ch.prep !== null) {
      if (ch.prep === 'of' && ch.end === front) front = ch.start - 1;
      // a prepositional phrase between subject and verb ("Seoul on Friday imposed", "Residents of frontline towns have")
      let q = ch.start - 2;
      const before = tokens[q];
      if (q < first || before.text === ',') return null;
      const participle = groupAtToken(c, q);
      if (participle && participle.head === q && !participle.copula) {
        // a reduced relative inside the subject ("soldiers deployed to Russia have begun")
        q = participle.start - 1;
        route = 'reduced-relative';
      }
      p = q;
      continue;
    }
    break;
  }
  const t = tokens[p];
  if (RELATIVES.has(t.lower) || (t.lower === 'that' && t.pos === 'PRON')) {
    let q = p - 1;
    if (q >= first && tokens[q].text === ',') q--;
    let ante = chunkEndingAt(c, q);
    // "signed a treaty on Wednesday that commits": the antecedent is before the time phrase
    while (ante && timeChunk(c, ante)) ante = chunkEndingAt(c, ante.start - (ante.prep ? 2 : 1));
    return ante ? { chunks: [ante], route: 'relative' } : null;
  }
  if (g.infinitive) {
    let q = p;
    // "is likely to", "is ready to": skip the predicate adjective to its copula; "warned Iran not to": the negation
    while (q >= first && (tokens[q].pos === 'ADJ' || tokens[q].pos === 'ADV' || tokens[q].lower === 'not')) q--;
    const obj = chunkEndingAt(c, q);
    if (obj && obj.prep === null) {
      const governor = groupAtToken(c, obj.start - 1);
      if (governor && OBJECT_CONTROL.has(tokens[governor.head].lemma)) return { chunks: [obj], route: 'object-control' };
    }
    const governor = groupAtToken(c, q) ?? groupBefore(c, q + 1);
    if (!governor || governor === g) return null;
    const s = subjectOf(c, governor, depth + 1);
    return s && { chunks: s.chunks, route: s.route === 'subject' ? 'infinitive' : s.route };
  }
  if (t.text === ',') {
    const inserted = subjectAcrossInsertion(c, g, p);
    if (inserted) return inserted;
    // an apposition before the verb: "Kenzo Oshima, the UN relief coordinator, demanded"
    const second = chunkEndingAt(c, p - 1);
    const comma = second ? second.start - 1 : -1;
    const firstChunk = second && comma > first && tokens[comma].text === ',' ? chunkEndingAt(c, comma - 1) : null;
    if (second && second.prep === null && firstChunk && firstChunk.prep === null) return { chunks: [firstChunk, second], route: 'apposition' };
  }
  if (COORDINATORS.has(t.lower) || t.text === ',') {
    const prev = groupBefore(c, p);
    if (!prev) return null;
    const s = subjectOf(c, prev, depth + 1);
    return s && { chunks: s.chunks, route: 'coordination' };
  }
  if (t.pos === 'ADP' || t.pos === 'SCONJ') {
    // a gerund after a preposition: "accusing Seoul of flying" (the object), "reward Pyongyang by transferring" (the subject)
    if (!tokens[g.head].lower.endsWith('ing')) return null;
    const prev = groupBefore(c, p);
    if (!prev) return null;
    const obj = objectOf(c, prev);
    // "accused Seoul of flying" (the object), but "denied any role in damaging" (the subject)
    if (t.lower !== 'by' && obj && obj.end === p && namesActor(c, obj)) return { chunks: [obj], route: 'object-control' };
    // "soldiers have been killed and 2,700 wounded while fighting": the nearest earlier subject that names someone
    for (let g2: VerbGroup | null = prev; g2; g2 = groupBefore(c, g2.start)) {
      const s = subjectOf(c, g2, depth + 1);
      if (s && s.chunks.some((ch) => namesActor(c, ch))) return { chunks: s.chunks, route: 'gerund' };
    }
    return null;
  }
  return null;
}

/** A participle with no auxiliary ("speaking", "flying", "agreed"): the head of a phrase that modifies a noun or a clause. */
const bareParticiple = (c: Clause, g: VerbGroup): boolean => !g.infinitive && g.start === g.head && c.verbal[g.head - c.first] === 1 && !isBaseForm(c.tokens[g.head]);

/** The verb group right after the comma that closes a phrase starting at `from` (adverbs may come between), if any. */
function verbAfterClosingComma(c: Clause, from: number): VerbGroup | null {
  let k = from;
  while (k < c.end && c.tokens[k].text !== ',') k++;
  k++;
  while (k < c.end && c.tokens[k].pos === 'ADV') k++;
  const g = groupAtToken(c, k);
  return g && g.start === k && !g.infinitive ? g : null;
}

/** Whether a subject noun phrase may start at token i: at the start, or after a comma, "that" or a subordinator. */
const opensSubject = (c: Clause, i: number): boolean =>
  i === c.first || c.tokens[i - 1].text === ',' || c.tokens[i - 1].lower === 'that' || SUBORDINATORS.has(c.tokens[i - 1].lower);

/**
 * The noun phrase in subject position that a participial phrase between commas modifies, when a verb follows the
 * closing comma ("The treaty, signed by both leaders, pledges"; "Foreign ministers of the Group of Seven, meeting in
 * Capri, urged": the head the "of" complements hang on), or null.
 */
export function insertionHost(c: Clause, g: VerbGroup): Chunk | null {
  const comma = g.start - 1;
  if (comma <= c.first || c.tokens[comma].text !== ',' || !bareParticiple(c, g) || !verbAfterClosingComma(c, g.end)) return null;
  let ch = chunkEndingAt(c, comma - 1);
  while (ch && ch.prep === 'of') ch = chunkEndingAt(c, ch.start - 2);
  return ch && ch.prep === null && opensSubject(c, coordinatedBefore(c, ch)[0].start) ? ch : null;
}

/**
 * A subject across a participial phrase between commas: for the verb after it, the noun phrase before it ("The jets,
 * flying without flight plans, crossed"); for an active participle itself, the same noun phrase ("Putin, speaking in
 * Hanoi, said"). `comma` is the comma right before g.
 */
function subjectAcrossInsertion(c: Clause, g: VerbGroup, comma: number): Subject | null {
  let inserted: VerbGroup | null = g;
  if (!c.tokens[g.head].lower.endsWith('ing') || !insertionHost(c, g)) {
    let open = comma - 1;
    while (open > c.first && c.tokens[open].text !== ',') open--;
    inserted = groupAtToken(c, open + 1);
    if (!inserted || inserted.start !== open + 1 || verbAfterClosingComma(c, inserted.end) !== g) return null;
  }
  const host = insertionHost(c, inserted);
  return host ? { chunks: coordinatedBefore(c, host), route: 'subject' } : null;
}

/** "Speaking to reporters, Lavrov warned": an active participle that opens the sentence shares the main clause's subject. */
function openingParticiple(c: Clause, g: VerbGroup, depth: number): Subject | null {
  if (!bareParticiple(c, g) || !c.tokens[g.head].lower.endsWith('ing')) return null;
  let comma = g.end;
  while (comma < c.end && c.tokens[comma].text !== ',') comma++;
  const main = c.groups.find((x) => x.start > comma && !x.infinitive);
  const shared = main ? subjectOf(c, main, depth + 1) : null;
  return shared && shared.route === 'subject' && shared.chunks[0].start > comma ? { chunks: shared.chunks, route: 'participle' } : null;
}

/**
 * The antecedent that a relative clause's verb has as its object ("the treaty that Russia and North Korea signed",
 * "the pact, which both leaders signed"): the noun phrase before a relative pronoun that stands right before the
 * verb's subject ("said that Russia signed" has none). Null when the subject is not introduced so.
 */
export function relativeObject(c: Clause, subject: Subject): Chunk | null {
  let k = subject.chunks[0].start - 1;
  if (subject.route !== 'subject' || k <= c.first) return null;
  const t = c.tokens[k];
  if (!(t.lower === 'which' || t.lower === 'that' || t.lower === 'whom')) return null;
  k--;
  if (c.tokens[k].text === ',') k--;
  return chunkEndingAt(c, k);
}

/** Whether a chunk is a time phrase ("today", "this month", "on Nov. 11"), an adverbial rather than a participant. */
const timeChunk = (c: Clause, ch: Chunk): boolean => endsTimePhrase(c.tokens, ch.start, ch.end, true);

/** Whether a chunk holds an actor mention. */
const namesActor = (c: Clause, ch: Chunk): boolean => {
  for (let i = ch.start; i < ch.end; i++) if (c.mentionAt[i] >= 0) return true;
  return false;
};
