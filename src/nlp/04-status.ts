// Stage 4: decide how the text holds each event (asserted, forecast, hypothetical, negated), who says so, and how likely it is said to be.
import type { Attribution, EventStatus, Likelihood, Span } from '../core/record.js';
import { longestPhraseEndingAt, type Complement, type Cue, type CueKind, type StatusModel } from './model/status.js';
import type { EventDraft, Mention, PipelineState, Sentence, Token } from './types.js';

/** Confidence factors for statuses that rest on structure rather than on a cue next to the event. */
const INHERITED = 0.9; // the cue belongs to a coordinated, governing or purpose verb
const FROM_PREDICATE = 0.9; // the event noun is a subject and the cue is in its predicate
const REPORTER_GUESSED = 0.9; // the reporter was taken from an earlier sentence
/** How many sentences back an unresolved "it"/"the agency" may look for its reporter. */
const REPORTER_LOOKBACK = 3;
/** Longest noun phrase skipped between a verb and its infinitive or gerund ("ordered artillery units near the border to ..."). */
const MAX_NP = 10;

const CHAIN_KINDS: ReadonlySet<CueKind> = new Set(['future', 'possible', 'would', 'intent', 'commit', 'pledge', 'request', 'estimate', 'implicative', 'neg-implicative', 'negation', 'deny', 'exclude', 'perception', 'prospect']);
/** Cue kinds of verbs whose object noun phrase can be the event ("did not conduct a test", "ruled out any deployment"). */
const GOVERNING_KINDS: ReadonlySet<CueKind> = new Set(['implicative', 'participate', 'neg-implicative', 'cancel', 'deny', 'exclude', 'perception', 'intent', 'commit', 'pledge', 'foresee']);
/** Event types that are themselves the speech act, so a pledge or request word as their trigger does not make them a forecast. */
const SPEECH_ACTS: ReadonlySet<string> = new Set(['THREATEN', 'REQUEST', 'ACCUSE', 'REJECT']);
/** Cue kinds that say the event did not or will not happen; two of them cancel out ("did not refuse to", "did not call off"). */
const NEGATING_KINDS: ReadonlySet<CueKind> = new Set(['negation', 'neg-implicative', 'cancel']);
const FORECAST_KINDS: ReadonlySet<CueKind> = new Set(['future', 'possible', 'would', 'intent', 'commit', 'pledge', 'foresee', 'request', 'prospective', 'prospect']);
/** Cue kinds that are bare modals rather than words about plans or expectations. */
const MODALS: ReadonlySet<CueKind> = new Set(['future', 'possible', 'would']);
/** Determiners of a noun phrase that refers to an event already known to the reader. */
const DEFINITE = new Set(['the', 'this', 'these', 'those']);
/** Cue kinds whose subject is the source of the forecast when no reporting frame names one. */
const SPEAKER_KINDS: ReadonlySet<CueKind> = new Set(['pledge', 'commit', 'foresee', 'request']);
const BOUNDARY_PUNCT = new Set([',', ';', ':', '"', '“', '”', '—', '–', '--', "'", '‘', '’']);
const RELATIVE = new Set(['that', 'which', 'who', 'whom', 'whose', 'where']);
const GERUND_LINKS = new Set(['from', 'of', 'on']);
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON', 'PART', 'ADP', 'CCONJ', 'X', 'SYM']);
const NP_LINK_ADP = new Set(['of', 'for', 'in', 'into', 'to', 'on', 'with', 'against', 'at', 'from', 'by', 'over']);
/** Connectives after which a sentence goes on in the narrator's voice rather than the reporter's. */
const NARRATION = new Set(['after', 'before', 'as', 'while', 'amid', 'since', 'days', 'weeks', 'hours']);
const PRONOUN_SUBJECTS = new Set(['it', 'he', 'she', 'they', 'this', 'its']);

interface Hit {
  cue: Cue;
  /** token range of the cue words */
  first: number;
  end: number;
  /** the cue belongs to another verb than the event's own chain */
  inherited?: boolean;
  /** a request that the event not happen ("warned Iran not to target ..."): the event is only a possibility warned against */
  against?: boolean;
}

interface Chain {
  hits: Hit[];
  /** leftmost token of the chain */
  first: number;
  /** a perfect auxiliary sits below the modal or frame ("may have sent", "likely to have been killed") */
  perfect: boolean;
}

interface Frame {
  kind: 'report' | 'deny' | 'according';
  cue: Cue;
  cueFirst: number;
  cueEnd: number;
  /** the frame's own tokens (reporter and cue), which it does not attribute */
  ownFirst: number;
  ownEnd: number;
  scopeFirst: number;
  scopeEnd: number;
  actor?: string;
  reporterSpan?: [number, number];
  guessed: boolean;
  /** inside a subordinate clause ("where Moscow says ..."): it does not end the scope of the frame around it */
  nested?: boolean;
}

/** A subordinate clause that changes how its events, or those of its main clause, are held. */
interface Clause {
  kind: 'conditional' | 'open' | 'temporal';
  clause: [number, number];
  main: [number, number];
  hit: Hit;
}

/** "it was possible that ...": an estimative adjective over a content clause. */
interface Estimate {
  scope: [number, number];
  cue: [number, number];
}

/** "there is no evidence that ...", "saw no sign that ...": the content clause is denied, whoever reports it. */
interface Absence {
  scope: [number, number];
  hit: Hit;
}

interface SentenceContext {
  sentence: Sentence;
  frames: Frame[];
  clauses: Clause[];
  estimates: Estimate[];
  absences: Absence[];
}

interface Reading {
  hits: Hit[];
  perfect: boolean;
  /** token ranges where estimative words may govern the event */
  likelihoodRanges: [number, number][];
  structural: number;
  /** the event noun is governed through someone else's part in it ("Moscow denied any role in the attack", the attack being another's) */
  othersPart: boolean;
}

export function assignStatus(state: PipelineState, model: StatusModel): void {
  if (!state.events.length) return;
  new StatusReader(state, model).run();
}

class StatusReader {
  private readonly tokens: Token[];
  private readonly mentionAt: Int32Array;
  private readonly triggerAt = new Set<number>();
  private readonly contexts = new Map<number, SentenceContext>();
  /** the last reporter per sentence (a named one if any), for "It also said ..." */
  private readonly reporters = new Map<number, string>();

  /** actors that are named people, whose name outranks a description in apposition */
  private readonly personIds: Set<string>;
  /** the table's "no", for a determiner found outside a verb chain */
  private readonly negationNo: Cue;

  constructor(private readonly state: PipelineState, private readonly model: StatusModel) {
    this.negationNo = model.cues.get('no')?.find((c) => c.kind === 'negation') ?? NO;
    this.tokens = state.tokens;
    this.personIds = new Set(state.actors.filter((a) => a.kind === 'person' && a.name).map((a) => a.id));
    this.mentionAt = new Int32Array(state.tokens.length).fill(-1);
    state.mentions.forEach((m, k) => {
      for (let t = m.firstToken; t < m.endToken && t < this.mentionAt.length; t++) {
        const old = this.mentionAt[t];
        if (old < 0 || spanLength(state.mentions[old]) < spanLength(m)) this.mentionAt[t] = k;
      }
    });
    for (const e of state.events) for (let t = e.triggerFirst; t < e.triggerEnd; t++) this.triggerAt.add(t);
  }

  run(): void {
    const { sentences, tokens } = this.state;
    for (const event of this.state.events) {
      // a draft that points outside the text is left as it came, rather than failing the document
      const sentence = sentences[event.sentence];
      if (!sentence || event.triggerFirst < sentence.firstToken || event.triggerEnd > sentence.endToken || event.triggerFirst >= event.triggerEnd || !tokens[event.triggerFirst]) continue;
      this.assign(event);
    }
  }

  private assign(event: EventDraft): void {
    const context = this.context(event.sentence);
    const reading = this.read(event, context.sentence);
    const at = event.triggerFirst;
    const frame = innermostFrame(context.frames, event);
    const hits = frame?.kind === 'deny' && !reading.othersPart ? [...reading.hits, { cue: frame.cue, first: frame.cueFirst, end: frame.cueEnd }] : [...reading.hits];
    const absence = context.absences.find((x) => inRange(at, x.scope));
    if (absence) hits.push(absence.hit);
    const forecastHits = hits.filter((h) => FORECAST_KINDS.has(h.cue.kind));
    // "the talks could be postponed": a cancellation that is itself only expected leaves the event as planned, and the
    // estimative word rates the cancellation, not the event
    const cancel = hits.find((h) => h.cue.kind === 'cancel');
    const pendingCancel = cancel && forecastHits.some((h) => h.end <= cancel.first && h.cue.kind !== 'prospect' && h.cue.kind !== 'prospective') ? cancel : undefined;
    const negators = hits.filter((h) => NEGATING_KINDS.has(h.cue.kind) && h !== pendingCancel);
    const denials = hits.filter((h) => h.cue.kind === 'deny' || h.cue.kind === 'deny-word' || h.cue.kind === 'absence' || h.cue.kind === 'exclude');
    // "did not deny sending troops", "declined to deny": a negated denial asserts nothing either way
    const negated = (negators.length % 2 === 1) !== (denials.length > 0);
    if (pendingCancel) forecastHits.push(pendingCancel);
    // "did not rule out developing ...": a possibility left open
    const openedUp = negators.length % 2 === 1 ? hits.find((h) => h.cue.kind === 'exclude') : undefined;
    if (openedUp) forecastHits.push(openedUp);
    const inside = (kind: Clause['kind']) => context.clauses.find((c) => c.kind === kind && inRange(at, c.clause));
    const conditional = inside('conditional') ?? inside('open');
    const mainOf = context.clauses.find((c) => c.kind === 'conditional' && inRange(at, c.main));
    const temporal = inside('temporal');
    const would = forecastHits.find((h) => h.cue.kind === 'would');
    const hedgedPast = reading.perfect && forecastHits.every((h) => h.cue.kind === 'possible' || h.cue.kind === 'intent' || h.cue.kind === 'commit');

    let status: EventStatus = 'asserted';
    let deciding: Hit[] = [];
    const against = hits.find((h) => h.against);
    if (conditional) {
      status = 'hypothetical';
      deciding = [conditional.hit];
    } else if (against) {
      status = 'hypothetical';
      deciding = [against];
    } else if (mainOf && (forecastHits.length || negated)) {
      status = 'hypothetical';
      deciding = [mainOf.hit, ...forecastHits];
    } else if (negated && !openedUp) {
      status = 'negated';
      deciding = [...negators, ...denials];
    } else if (would && reading.perfect) {
      status = 'hypothetical'; // "would have attacked": counterfactual
      deciding = [would];
    } else if (forecastHits.length && !hedgedPast) {
      status = 'forecast';
      deciding = forecastHits;
    } else if (temporal && this.presentTense(event.triggerFirst, context.sentence.firstToken) && this.futureIn(temporal.main)) {
      status = 'forecast'; // "will take effect once both countries have ratified it"
      deciding = [temporal.hit];
    }
    event.status = status;

    // "would" is a plain future in reported speech ("said Washington would announce ..."), a guess elsewhere
    const reported = frame?.kind === 'report' || frame?.kind === 'according';
    let confidence = reading.structural;
    for (const h of deciding) confidence = Math.min(confidence, (h.cue.kind === 'would' && reported ? 1 : h.cue.trust) * (h.inherited ? INHERITED : 1));

    if (status !== 'negated' && !pendingCancel) {
      const estimate = context.estimates.find((x) => inRange(at, x.scope));
      const likelihood = this.likelihood(estimate ? [...reading.likelihoodRanges, estimate.cue] : reading.likelihoodRanges);
      if (likelihood) event.likelihood = likelihood;
    }
    const attribution = this.attribution(frame, hits);
    if (attribution) {
      event.attribution = attribution.value;
      if (attribution.guessed) confidence *= REPORTER_GUESSED;
    }
    event.confidence *= confidence;
    const cues = deciding.map((h) => this.text(h.first, h.end)).join(', ');
    (event.why ??= []).push(`status ${status}${cues ? ` (${cues})` : ''}${attribution ? `; said by "${attribution.value.text ?? attribution.value.cue}"` : ''}`);
  }

  // ---------- reading the cues that govern one event ----------

  private read(event: EventDraft, sentence: Sentence): Reading {
    const { tokens } = this;
    const head = event.triggerFirst;
    const floor = sentence.firstToken;
    const hits: Hit[] = [];
    const ranges: [number, number][] = [];
    let structural = 1;
    let perfect = false;
    let othersPart = false;
    // wink sometimes tags a bare verb after a modal as an adjective ("will close its border")
    // and a noun after a preposition as a verb ("any role in earlier damage to ...")
    const previous = tokens[head - 1];
    const tagged = (tokens[head].pos === 'VERB' || tokens[head].pos === 'AUX' || (head > floor && (previous.pos === 'AUX' || (previous.lower === 'to' && previous.pos === 'PART')) && tokens[head].pos !== 'NOUN')) && !this.afterPreposition(head, floor);
    // a trigger that stage 3's clause analysis, which knows the trigger words and the verb groups, read as a verb is
    // one whatever its tag ("could in return share", tagged a noun)
    const isVerb = tagged || !!event.verbal;

    let left = head;
    if (isVerb) {
      const chain = this.chain(head, floor);
      hits.push(...chain.hits);
      perfect = chain.perfect;
      ranges.push([chain.first, head]);
      left = chain.first;
      if (!chain.hits.length) {
        const shared = this.coordinatedChain(head, chain.first, floor);
        if (shared) {
          hits.push(...shared.hits.map((h) => ({ ...h, inherited: true })));
          ranges.push([shared.first, shared.end]);
          structural = INHERITED;
        }
      }
    }
    // an event noun, or a verb that is not its clause's own ("steps to bolster", "troops being deployed"), takes its status from outside
    // (a gerund right after a noun modifies it: "EU leaders meeting in Brussels")
    const nonFinite = !isVerb || tokens[left].lower === 'to' || tokens[left].lower === 'being' || (left === head && isGerund(tokens[head]) && !['NOUN', 'PROPN', 'PRON'].includes(previous?.pos ?? ''));
    const np = this.nounPhrase(left, floor, isVerb);
    hits.push(...np.hits);
    if (np.hits.length) ranges.push([np.first, left]);
    // a noun after a plural noun is a mis-tagged participle ("EU leaders meeting in Brussels"), not the head of a subject
    const modifier = !isVerb && previous?.pos === 'NOUN' && previous.lower !== previous.lemma;
    if (nonFinite && !modifier) {
      const g = np.governor;
      const predicate = g < 0 || this.isFrameVerb(g) ? this.predicate(head, sentence, DEFINITE.has(tokens[np.first].lower)) : undefined;
      if (predicate && (g < 0 || np.reachedFrame)) {
        hits.push(...predicate.hits);
        if (predicate.estimative) hits.push(predicate.estimative);
        ranges.push(predicate.range);
        perfect ||= predicate.perfect;
        if (predicate.hits.length || predicate.estimative) structural = Math.min(structural, FROM_PREDICATE);
      } else if (g >= 0 && !this.triggerAt.has(g)) {
        const governed = this.objectOf(g, np.governorCue, event, sentence);
        othersPart = governed.othersPart;
        hits.push(...governed.hits);
        ranges.push(governed.range);
        perfect ||= governed.perfect;
        if (governed.hits.length) structural = Math.min(structural, INHERITED);
      }
    }
    // the event's own word commits or offers: "promised thousands of sappers", "invited Kim to visit Russia"
    const commitment = SPEECH_ACTS.has(event.type) ? undefined : this.cueAt(event.triggerEnd - 1, floor, (c) => c.kind === 'pledge');
    if (commitment) hits.push({ cue: commitment, first: event.triggerEnd - commitment.words.length, end: event.triggerEnd });
    const denial = isVerb ? undefined : this.denyWordAfter(event.triggerEnd, sentence);
    if (denial) hits.push(denial);
    // "sent no troops", "imposed no new sanctions": a verb whose object is determined by "no" did not act
    const object = tokens[event.triggerEnd];
    if (isVerb && event.triggerEnd < sentence.endToken && object.pos === 'DET' && object.lower === 'no') hits.push({ cue: this.negationNo, first: event.triggerEnd, end: event.triggerEnd + 1 });
    return { hits: this.withoutHedgedNegation(hits, ranges), perfect, likelihoodRanges: ranges, structural, othersPart };
  }

  /**
   * The event is the object of a verb: "planning an attack", "conducting a nuclear test", "would announce more assistance".
   * A negation reaches the object only through verbs that carry it ("did not conduct a test", "denied any role in"):
   * "stopped short of confirming the deployment" and "avoided commenting on it" say nothing against the deployment.
   */
  private objectOf(g: number, phraseCue: Cue | undefined, event: EventDraft, sentence: Sentence): { hits: Hit[]; range: [number, number]; perfect: boolean; othersPart: boolean } {
    const { tokens } = this;
    const head = event.triggerFirst;
    const gerund = g === head - 1 && tokens[head].lower.endsWith('ing'); // "backed closing the strait" (tagged as a noun)
    const own = phraseCue ?? this.verbCue(g, 'np') ?? (gerund ? this.verbCue(g, 'ing') : undefined);
    const chain = this.chain(g, sentence.firstToken);
    // "the United States was not involved in the strikes", "Moscow denied any role in the damage": each denies its own part only
    const partOnly = own?.kind === 'participate' || (own?.kind === 'deny' && this.hasRoleNoun(g + own.words.length, head));
    const participant = partOnly ? this.subjectOf(g, sentence)?.actor : undefined;
    // (an event without a source is taken to be the subject's own)
    const othersPart = partOnly && event.source.length > 0 && (participant === undefined || !event.source.includes(participant));
    const carries = !!own && !othersPart;
    const carried = carries ? chain.hits : chain.hits.filter((h) => FORECAST_KINDS.has(h.cue.kind));
    const hits: Hit[] = own && carries ? [{ cue: own, first: g, end: g + own.words.length, inherited: true }] : [];
    hits.push(...carried.map((h) => ({ ...h, inherited: true })));
    // "cautioned Pyongyang against any attack"
    const dissuasion = this.againstBefore(g, head) ? this.dissuasion(g, sentence.firstToken) : undefined;
    if (dissuasion) hits.push(dissuasion);
    return { hits, range: [chain.first, g + 1], perfect: chain.perfect, othersPart };
  }

  /**
   * The preposition of a phrase of at most three words ending at j ("in return", "at some point", "until" of "until
   * now", whose adverb the chain has passed) right after an auxiliary and before the verb `head`, or -1.
   */
  private adverbialAfterAuxiliary(j: number, head: number, floor: number): number {
    const { tokens } = this;
    let k = j;
    while (k > floor && j - k < ADVERBIAL_SPAN && ['NOUN', 'DET', 'ADJ'].includes(tokens[k].pos)) k--;
    return k < head - 1 && k > floor && tokens[k].pos === 'ADP' && isAuxiliary(tokens[k - 1], tokens[k]) ? k : -1;
  }

  /**
   * Walks left from a verb through its auxiliaries, adverbs, infinitive and gerund links and the verbs that govern it
   * ("is believed to be preparing to [dispatch]", "refrained from [conducting]", "invited Kim to [visit]").
   */
  private chain(head: number, floor: number): Chain {
    const { tokens } = this;
    const hits: Hit[] = [];
    let link: '-' | 'to' = '-';
    let governed = head;
    let first = head;
    let j = head - 1;
    // "vowed never to send", "decided not to deploy": a negation of the infinitive itself, below the verb that governs it
    let infinitiveNot: Hit | undefined;
    const flushNot = () => {
      if (infinitiveNot) hits.push(infinitiveNot);
      infinitiveNot = undefined;
    };
    while (j >= floor) {
      const t = tokens[j];
      if (link === 'to' && !infinitiveNot && (t.lower === 'not' || t.lower === 'never')) {
        const negation = this.cueAt(j, j, (c) => c.kind === 'negation');
        if (negation) {
          infinitiveNot = { cue: negation, first: j, end: j + 1 };
          j--;
          continue;
        }
      }
      if (link === '-' && t.lower === 'to' && (t.pos === 'PART' || t.pos === 'ADP')) {
        link = 'to';
        j--;
        continue;
      }
      if (link === '-' && t.lower === 'against' && isGerund(tokens[governed]) && j > floor) {
        // "warned Moscow against sending more troops": a possibility warned against
        const v = this.verbBeforeNounPhrase(j - 1, floor);
        const dissuasion = v >= 0 ? this.dissuasion(v, floor) : undefined;
        if (!dissuasion) break;
        const outer = this.chain(dissuasion.first, floor);
        hits.push(dissuasion, ...outer.hits.map((h) => ({ ...h, inherited: true })));
        return { hits, first: outer.first, perfect: false };
      }
      if (link === '-' && GERUND_LINKS.has(t.lower) && t.pos === 'ADP' && isGerund(tokens[governed]) && j > floor) {
        // "refrained from [conducting]", "stopped short of [confirming]"
        const cue = this.cueAt(j - 1, floor, (c) => CHAIN_KINDS.has(c.kind) && c.complements.has('ing'));
        if (!cue) break;
        governed = first = j - cue.words.length;
        hits.push({ cue, first, end: j });
        // "no intention of sending"
        const no = cue.kind === 'prospect' ? this.determinerNo(first, floor) : -1;
        if (no >= 0) hits.push({ cue: this.negationNo, first: no, end: no + 1 });
        j = first - 1;
        continue;
      }
      const gerundHere = link === '-' && isGerund(tokens[governed]) && j === governed - 1;
      const cue = this.cueAt(j, floor, (c) => CHAIN_KINDS.has(c.kind) && (link === 'to' ? c.complements.has('to') : c.complements.has('-') || (gerundHere && c.complements.has('ing'))));
      if (cue && !(cue.kind === 'negation' && tokens[j + 1]?.lower === 'only')) {
        const cueFirst = j - cue.words.length + 1;
        // "asked not to be named": a request that the event not happen; otherwise the negation is the event's own
        const against = link === 'to' && !!infinitiveNot && cue.kind === 'request';
        if (!against) flushNot();
        infinitiveNot = undefined;
        hits.push({ cue, first: cueFirst, end: j + 1, against });
        // "no immediate plans to retaliate"
        const no = cue.kind === 'prospect' ? this.determinerNo(cueFirst, floor) : -1;
        if (no >= 0) hits.push({ cue: this.negationNo, first: no, end: no + 1 });
        if (cue.kind === 'prospect' && link === 'to') {
          // "scrapped plans to ban ...", "agreed on a plan to use ...": the verb over the plan noun holds the plan as its object
          const held = this.heldBy(cueFirst - 1, floor);
          if (held) {
            hits.push(...held.hits);
            return { hits, first: held.first, perfect: this.perfectBelow(hits, head) };
          }
        }
        if (link === 'to' || !cue.complements.has('-')) governed = cueFirst;
        link = '-';
        first = cueFirst;
        j = cueFirst - 1;
        continue;
      }
      if (link === 'to') {
        if (!NP_POS.has(t.pos) || t.pos === 'AUX' || t.pos === 'VERB' || t.pos === 'ADJ') flushNot();
        if (t.pos === 'AUX' && t.lemma === 'be') {
          hits.push({ cue: BE_TO, first: j, end: j + 2 });
        } else if (t.pos === 'VERB' || t.pos === 'ADJ') {
          // a catenative verb the tables do not know ("moved to", "voted to"): the infinitive passes through it
          governed = j;
        } else if (NP_POS.has(t.pos)) {
          // an object between a verb and the infinitive: "invited Kim to visit", "deploy troops to support Russia"
          // (or an adjunct: "offered on Sunday to return")
          const v = this.verbBeforeNounPhrase(j, floor);
          if (v < 0) break;
          const framing = this.cueAt(v, floor, (c) => CHAIN_KINDS.has(c.kind) && c.complements.has('to'));
          if (!framing && this.isFrameVerb(v)) break;
          const outer = this.chain(v - (framing ? framing.words.length - 1 : 0), floor);
          // "warned Iran not to target ...", "urged Seoul not to send ...": the negation belongs to the request, not to a fact
          const against = framing?.kind === 'request' && !!infinitiveNot;
          if (!against) flushNot();
          if (framing) hits.push({ cue: framing, first: v - framing.words.length + 1, end: v + 1, against });
          hits.push(...outer.hits.map((h) => ({ ...h, inherited: true })));
          return { hits, first: outer.first, perfect: this.perfectBelow(hits, head) };
        } else break;
        link = '-';
        first = j;
        j--;
        continue;
      }
      if (isAuxiliary(t, tokens[j + 1]) || t.pos === 'ADV' || (t.pos === 'PART' && t.lower !== "'s" && t.lower !== '’s')) {
        first = j;
        j--;
        continue;
      }
      // "could in return share": a short adverbial phrase between an auxiliary and its verb
      const adverbial = link === '-' ? this.adverbialAfterAuxiliary(j, head, floor) : -1;
      if (adverbial >= 0) {
        first = adverbial;
        j = adverbial - 1;
        continue;
      }
      if (t.lower === 'by' && isGerund(tokens[governed])) {
        // "may reward Pyongyang by transferring ...": the means shares the chain of the verb it serves
        const v = this.verbBeforeNounPhrase(j - 1, floor);
        if (v < 0 || this.isFrameVerb(v)) break;
        const outer = this.chain(v, floor);
        hits.push(...outer.hits.map((h) => ({ ...h, inherited: true })));
        return { hits, first: outer.first, perfect: this.perfectBelow(hits, head) };
      }
      if (isGerund(tokens[governed]) && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON')) {
        // a perception verb with an object and a gerund: "had not seen the North Koreans fighting"
        const v = this.verbBeforeNounPhrase(j, floor);
        const cue = v >= 0 ? this.cueAt(v, floor, (c) => c.kind === 'perception') : undefined;
        if (cue) {
          const outer = this.chain(v, floor);
          hits.push({ cue, first: v, end: v + 1 }, ...outer.hits);
          return { hits, first: outer.first, perfect: this.perfectBelow(hits, head) };
        }
      }
      break;
    }
    flushNot();
    const none = link === '-' ? this.negativeSubject(j, floor) : undefined;
    if (none) hits.push(none);
    return { hits, first: Math.min(first, j + 1), perfect: this.perfectBelow(hits, head) };
  }

  /** "Neither country has acknowledged ...", "No government has sent ...": a negative determiner on the subject ending at `j` negates its verb. */
  private negativeSubject(j: number, floor: number): Hit | undefined {
    const { tokens } = this;
    const end = tokens[j];
    if (!end || j < floor || (end.pos !== 'NOUN' && end.pos !== 'PROPN')) return undefined;
    let k = j;
    while (k - 1 >= floor && j - k < MAX_NP && ['NOUN', 'PROPN', 'ADJ', 'NUM', 'CCONJ'].includes(tokens[k - 1].pos) && !BOUNDARY_PUNCT.has(tokens[k - 1].text)) k--;
    const determiner = tokens[k - 1];
    if (k - 1 < floor || determiner.pos !== 'DET' || (determiner.lower !== 'no' && determiner.lower !== 'neither')) return undefined;
    const cue = this.cueAt(k - 1, k - 1, (c) => c.kind === 'negation');
    return cue ? { cue, first: k - 1, end: k } : undefined;
  }

  /**
   * The verb whose object noun phrase ends at `j`, read as objectOf reads a governing verb: its own cue and, through it, its chain
   * ("called off plans", "did not rule out plans"); without a governing cue only its forecast cues reach the object.
   */
  private heldBy(j: number, floor: number): { hits: Hit[]; first: number } | undefined {
    const v = this.verbBeforeNounPhrase(j, floor);
    if (v < 0 || this.isFrameVerb(v)) return undefined;
    const governs = (c: Cue) => c.complements.has('np') && GOVERNING_KINDS.has(c.kind);
    const phrase = v + 1 <= j ? this.cueAt(v + 1, v, (c) => c.words.length > 1 && governs(c)) : undefined;
    const own = phrase ?? this.cueAt(v, v, governs);
    const chain = this.chain(v, floor);
    const carried = own ? chain.hits : chain.hits.filter((h) => FORECAST_KINDS.has(h.cue.kind));
    const hits: Hit[] = own ? [{ cue: own, first: v, end: v + own.words.length, inherited: true }] : [];
    hits.push(...carried.map((h) => ({ ...h, inherited: true })));
    return { hits, first: chain.first };
  }

  /** A request verb at `v` ("warned", "cautioned", "urged") as a hit against the event it governs. */
  private dissuasion(v: number, floor: number): Hit | undefined {
    const cue = this.cueAt(v, floor, (c) => c.kind === 'request');
    return cue ? { cue, first: v - cue.words.length + 1, end: v + 1, against: true } : undefined;
  }

  /** "against" heads the noun phrase of the event between its governing verb and it. */
  private againstBefore(g: number, head: number): boolean {
    for (let k = head - 1; k > g; k--) {
      if (this.tokens[k].lower === 'against') return true;
      if (this.tokens[k].pos === 'ADP') return false;
    }
    return false;
  }

  /** A non-gerund "verb" right after a preposition (adverbs aside) is a noun that wink mis-tagged. */
  private afterPreposition(head: number, floor: number): boolean {
    const { tokens } = this;
    if (isGerund(tokens[head])) return false;
    let k = head - 1;
    while (k >= floor && tokens[k].pos === 'ADV') k--;
    return k >= floor && tokens[k].pos === 'ADP' && tokens[k].lower !== 'to';
  }

  private hasRoleNoun(first: number, end: number): boolean {
    for (let j = first; j < end; j++) if (this.cueAt(j, j, (c) => c.kind === 'role')) return true;
    return false;
  }

  /** A perfect auxiliary right below a hedge or modal: "may have sent", "is likely to have been killed", "would have attacked". */
  private perfectBelow(hits: Hit[], head: number): boolean {
    const own = hits.filter((h) => !h.inherited && h.end <= head);
    if (!own.length) return false;
    const lowest = Math.max(...own.map((h) => h.end));
    for (let k = lowest; k < head; k++) if (this.tokens[k].lemma === 'have' && isAuxiliary(this.tokens[k], this.tokens[k + 1])) return true;
    return false;
  }

  /** "North Korea may deploy troops and send weapons": a bare verb after "and"/"or" shares the chain of the verb before it. */
  private coordinatedChain(head: number, chainFirst: number, floor: number): { hits: Hit[]; first: number; end: number } | undefined {
    const { tokens } = this;
    const before = chainFirst - 1;
    if (before < floor || tokens[before].pos !== 'CCONJ') return undefined;
    const form = tokens[head];
    if (form.lower !== form.lemma && !isGerund(form)) return undefined;
    for (let j = before - 1; j >= floor && before - j <= 15; j--) {
      const t = tokens[j];
      if (t.lower === ';' || t.pos === 'SCONJ') return undefined;
      if (t.pos === 'VERB') {
        const sameForm = isGerund(form) ? isGerund(t) : t.lower === t.lemma;
        if (!sameForm) return undefined;
        const chain = this.chain(j, floor);
        const shared = chain.hits.filter((h) => h.cue.kind !== 'implicative');
        return shared.length ? { hits: shared, first: chain.first, end: j } : undefined;
      }
    }
    return undefined;
  }

  /**
   * Reads the noun phrase to the left of an event word: pre-modifiers ("potential"), "no", "the possibility of"; and where it
   * stops: at the verb that governs it, or at the start of its clause (the event is then in the subject).
   */
  private nounPhrase(from: number, floor: number, isVerb: boolean): { hits: Hit[]; first: number; governor: number; governorCue?: Cue; reachedFrame: boolean } {
    const { tokens } = this;
    const hits: Hit[] = [];
    let j = from - 1;
    let first = from;
    let adps = 0;
    while (j >= floor && from - j <= MAX_NP) {
      const t = tokens[j];
      if (t.pos === 'AUX' && t.lower === 'being') {
        j--;
        continue;
      }
      // "take part in", "was not involved in" (wink tags "part" and "involved" variously)
      const verbal = this.cueAt(j, floor, (c) => c.complements.has('np') && GOVERNING_KINDS.has(c.kind) && (c.words.length > 1 ? tokens[j - c.words.length + 1].pos === 'VERB' : t.pos === 'ADJ'));
      if (verbal) {
        // a verb phrase that takes the event as object: "would not take part in any counter-attack"
        const g = j - verbal.words.length + 1;
        return { hits, first, governor: g, governorCue: verbal, reachedFrame: false };
      }
      // pre-modifiers: "more military", "earlier damage", and hyphenated compounds ("nuclear-related", "U.S.-supplied")
      const modifier =
        (t.pos === 'ADV' && (j + 1 === from || ['ADJ', 'NUM', 'DET'].includes(tokens[j + 1]?.pos ?? ''))) || t.text === '-' || (t.pos === 'VERB' && (tokens[j - 1]?.text === '-' || this.isPrenominalParticiple(j)));
      if (t.pos === 'ADP' && adps === 0 && !isVerb) {
        // "without a fight", "without firing a shot" (wink tags the gerund a noun): the event did not happen
        const negation = this.cueAt(j, j, (c) => c.kind === 'negation' && c.complements.has('ing'));
        if (negation) {
          hits.push({ cue: negation, first: j, end: j + 1 });
          break;
        }
      }
      if ((!NP_POS.has(t.pos) && !modifier) || (t.pos === 'PART' && t.lower !== "'s" && t.lower !== '’s') || RELATIVE.has(t.lower) || BOUNDARY_PUNCT.has(t.text) || (t.pos === 'ADP' && !NP_LINK_ADP.has(t.lower))) break;
      if (t.pos === 'CCONJ' && isVerb) break;
      if (t.pos === 'ADP' && ++adps > 2) break;
      const cue = this.cueAt(j, floor, (c) => c.kind === 'prospective' || c.kind === 'prospect' || c.kind === 'absence' || (c.kind === 'negation' && c.words[0] === 'no'));
      if (cue) {
        const cueFirst = j - cue.words.length + 1;
        const next = tokens[j + 1]?.lower;
        const hasComplement = next === 'of' || next === 'for' || next === 'in' || next === 'to';
        if (cue.kind === 'prospective' && !isVerb && adps === 0) hits.push({ cue, first: cueFirst, end: j + 1 });
        else if (cue.kind === 'prospect' && hasComplement) hits.push({ cue, first: cueFirst, end: j + 1 });
        else if (cue.kind === 'absence' && hasComplement && this.determinerNo(cueFirst, floor) >= 0) hits.push({ cue, first: cueFirst, end: j + 1 });
        else if (cue.kind === 'negation' && adps === 0 && !isVerb) hits.push({ cue, first: cueFirst, end: j + 1 });
        first = cueFirst;
        j = cueFirst - 1;
        continue;
      }
      first = j;
      j--;
    }
    // a verb, or a copula whose predicate the event noun is ("they would be legitimate targets")
    const governor = j >= floor && (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') ? j : -1;
    return { hits, first, governor, reachedFrame: governor >= 0 && this.isFrameVerb(governor) };
  }

  /** The predicate of the clause whose subject holds the event: "the troop deployment [is expected to involve]", "new steps ... [were very likely]". */
  private predicate(head: number, sentence: Sentence, definite: boolean): { hits: Hit[]; range: [number, number]; perfect: boolean; estimative?: Hit } | undefined {
    const { tokens } = this;
    let j = head + 1;
    const end = sentence.endToken;
    while (j < end) {
      const t = tokens[j];
      if (t.text === ';' || RELATIVE.has(t.lower) || t.pos === 'SCONJ') return undefined;
      if (t.text === ',') {
        // skip an appositive or participial insert: "A 17th package, targeting dozens more tankers, is expected ..."
        const close = this.insertEnd(j, end);
        if (close < 0) return undefined;
        j = close + 1;
        continue;
      }
      if (t.pos === 'AUX' || (t.pos === 'VERB' && !isGerund(t) && tokens[j - 1]?.lower !== 'to')) break;
      j++;
    }
    if (j >= end) return undefined;
    // the main word of the predicate: the last of its auxiliaries, adverbs, frames and infinitive links; an adjective only after "be"
    let main = j;
    let copula = tokens[j].lemma === 'be';
    while (main + 1 < end) {
      const next = tokens[main + 1];
      const current = tokens[main];
      if (next.pos === 'AUX' || next.pos === 'ADV' || next.lower === 'to' || next.lower === 'not' || next.lower === "n't") {
        if (next.pos === 'AUX') copula = next.lemma === 'be';
      } else if (next.pos === 'VERB' && (current.pos !== 'VERB' || current.lower === 'to')) {
        copula = false;
      } else if (next.pos === 'ADJ' && copula && current.pos !== 'VERB') {
        copula = false;
      } else break;
      main++;
    }
    while (main > j && (tokens[main].lower === 'to' || tokens[main].pos === 'ADV')) main--;
    const mainToken = tokens[main];
    const chain = this.chain(main, j);
    let estimative: Hit | undefined;
    if (mainToken.pos === 'ADJ') {
      // "... were very likely within days": a likelihood adjective predicated of an event looks ahead
      const cue = this.cueAt(main, j, (c) => c.kind === 'intent' || c.kind === 'prospective');
      if (cue && this.likelihoodAt(main, j)) estimative = { cue, first: main, end: main + 1 };
    }
    // "the attack failed to destroy the bridge" does not undo the attack; "the deployment did not take place" does
    const occurs = [main, main + 1].some((k) => k < end && !!this.cueAt(k, main, (c) => c.kind === 'occur'));
    // "the talks were called off": the predicate calls the subject event off, and a negation or modal in it reaches the event with it
    const cancelAt = [main + 1, main].find((k) => k < end && !!this.cueAt(k, main, (c) => c.kind === 'cancel'));
    const cancel = cancelAt === undefined ? undefined : this.cueAt(cancelAt, main, (c) => c.kind === 'cancel');
    // "the attacks must stop": what the modal looks ahead to is the end of an event that is going on
    const ends = !!this.cueAt(main, main, (c) => c.kind === 'cease');
    let hits = occurs || cancel ? chain.hits : ends ? [] : chain.hits.filter((h) => FORECAST_KINDS.has(h.cue.kind) || h.cue.kind === 'estimate');
    if (cancel && cancelAt !== undefined) hits.push({ cue: cancel, first: cancelAt - cancel.words.length + 1, end: cancelAt + 1 });
    // "the launches would give North Korea rare data": a bare modal over what a known event does looks ahead to its effect, not to the
    // event; it still reaches the event when the predicate says it happens ("the talks will begin") or is done to it ("will be carried out")
    const undergoes = [main, main + 1].some((k) => k < end && !!this.cueAt(k, main, (c) => c.kind === 'implicative')) || this.isPassiveOrRaised(main);
    if (definite && !occurs && !undergoes && mainToken.pos === 'VERB' && hits.length && hits.every((h) => MODALS.has(h.cue.kind))) hits = [];
    // "talks ... are scheduled for June": the predicate word itself plans the subject
    const planned = this.cueAt(main, j, (c) => c.kind === 'intent' || c.kind === 'pledge');
    if (planned && mainToken.pos === 'VERB') hits.push({ cue: planned, first: main - planned.words.length + 1, end: main + 1 });
    return { hits, range: [j, main + 1], perfect: chain.perfect, estimative };
  }

  /** "dismissed reports of the deployment as groundless rumours", "called reports of X fabricated": a denial word later in the clause. */
  private denyWordAfter(from: number, sentence: Sentence): Hit | undefined {
    const { tokens } = this;
    for (let j = from; j < sentence.endToken && j - from <= 12; j++) {
      const t = tokens[j];
      if (t.text === ',' || t.text === ';' || t.pos === 'SCONJ' || RELATIVE.has(t.lower)) return undefined;
      if (t.pos === 'VERB' && !isGerund(t)) return undefined;
      const cue = this.cueAt(j, from, (c) => c.kind === 'deny-word');
      if (cue) return { cue, first: j - cue.words.length + 1, end: j + 1 };
    }
    return undefined;
  }

  /** A negation inside an estimative phrase ("not likely", "probably not") sets the probability, not the status. */
  private withoutHedgedNegation(hits: Hit[], ranges: [number, number][]): Hit[] {
    const hedged = new Set<number>();
    for (const [a, b] of ranges) {
      for (let j = a; j < b; j++) {
        const found = longestPhraseEndingAt(this.model.likelihood, this.tokens, j, a);
        if (found && found.words.length > 1) for (let k = j - found.words.length + 1; k <= j; k++) hedged.add(k);
      }
    }
    const seen = new Set<string>();
    return hits.filter((h) => {
      const key = `${h.first}:${h.cue.kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return !(h.cue.kind === 'negation' && hedged.has(h.first));
    });
  }

  // ---------- likelihood ----------

  private likelihood(ranges: [number, number][]): Likelihood | undefined {
    let best: { first: number; end: number; p: number } | undefined;
    for (const [a, b] of ranges) {
      for (let j = a; j < b; j++) {
        const found = this.likelihoodAt(j, a);
        if (!found) continue;
        const first = j - found.words.length + 1;
        // the longest phrase wins; among equals, the one nearest the event
        if (!best || found.words.length > best.end - best.first || (found.words.length === best.end - best.first && first > best.first)) best = { first, end: j + 1, p: found.p };
      }
    }
    if (!best) return undefined;
    return { cue: this.text(best.first, best.end).toLowerCase(), p: best.p, span: this.span(best.first, best.end) };
  }

  private likelihoodAt(j: number, floor: number) {
    return longestPhraseEndingAt(this.model.likelihood, this.tokens, j, floor);
  }

  // ---------- attribution ----------

  /** The reporting frame with a known reporter; else the one who commits or requests ("Lee has pledged to ..."); else a frame without a reporter. */
  private attribution(frame: Frame | undefined, hits: Hit[]): { value: Attribution; guessed: boolean } | undefined {
    if (frame?.actor) return this.frameAttribution(frame);
    const speaker = hits.find((h) => SPEAKER_KINDS.has(h.cue.kind) && !h.inherited) ?? hits.find((h) => SPEAKER_KINDS.has(h.cue.kind));
    const subject = speaker ? this.subjectOf(speaker.first, this.state.sentences[this.tokens[speaker.first].sentence]) : undefined;
    if (speaker && subject?.actor) {
      const first = Math.min(subject.span[0], speaker.first);
      return { value: { actor: subject.actor, cue: this.text(speaker.first, speaker.end).toLowerCase(), text: this.text(first, speaker.end), span: this.span(first, speaker.end) }, guessed: subject.guessed };
    }
    return frame ? this.frameAttribution(frame) : undefined;
  }

  private frameAttribution(frame: Frame): { value: Attribution; guessed: boolean } {
    const value: Attribution = { cue: this.text(frame.cueFirst, frame.cueEnd).toLowerCase() };
    if (frame.actor) value.actor = frame.actor;
    const first = frame.reporterSpan ? Math.min(frame.reporterSpan[0], frame.cueFirst) : frame.cueFirst;
    const end = frame.reporterSpan ? Math.max(frame.reporterSpan[1], frame.cueEnd) : frame.cueEnd;
    value.text = this.text(first, end);
    value.span = this.span(first, end);
    return { value, guessed: frame.guessed };
  }

  // ---------- sentence context: reporting frames and conditionals ----------

  private context(index: number): SentenceContext {
    let context = this.contexts.get(index);
    if (!context) {
      const sentence = this.state.sentences[index];
      context = { sentence, frames: this.frames(sentence), clauses: this.clauses(sentence), estimates: this.estimates(sentence), absences: this.absences(sentence) };
      this.contexts.set(index, context);
      const named = [...context.frames].reverse().find((f) => f.actor && !f.guessed) ?? [...context.frames].reverse().find((f) => f.actor);
      if (named?.actor) this.reporters.set(index, named.actor);
    }
    return context;
  }

  private frames(sentence: Sentence): Frame[] {
    const { tokens } = this;
    const first = sentence.firstToken, end = sentence.endToken;
    const frames: Frame[] = [];
    for (let j = first; j < end; j++) {
      const t = tokens[j];
      const according = this.cueAt(j, first, (c) => c.kind === 'according');
      if (according) {
        let stop = j + 1;
        while (stop < end && tokens[stop].text !== ',' && tokens[stop].text !== ';') stop++;
        const reporter = this.reporter(j + 1, stop, sentence);
        frames.push({ kind: 'according', cue: according, cueFirst: j - according.words.length + 1, cueEnd: j + 1, ownFirst: j - according.words.length + 1, ownEnd: stop, scopeFirst: first, scopeEnd: end, ...reporter });
        continue;
      }
      // wink reads a bare present verb after a plural subject as a noun ("military officials fear Moscow may ...")
      const misTagged = t.pos === 'NOUN' && j > first && isPluralNoun(tokens[j - 1]) && t.lower === t.lemma && this.opensClause(j + 1, end);
      if (t.pos === 'VERB' || misTagged) {
        const cue = this.cueAt(j, first, (c) => c.kind === 'report' || c.kind === 'deny');
        if (cue && !this.isPassiveOrRaised(j) && !this.isNegatedVerb(j, first)) {
          const frame = this.verbFrame(cue, j, sentence);
          if (frame.scopeFirst < frame.cueFirst || frame.kind === 'deny' || this.opensClause(j + 1, end)) frames.push(frame);
        }
        continue;
      }
      if (t.pos === 'NOUN' && tokens[j + 1]?.lower === 'that') {
        const cue = this.cueAt(j, first, (c) => c.kind === 'report-noun');
        if (cue) frames.push(this.nounFrame(cue, j, sentence));
      }
    }
    // a frame before its clause reaches up to the next frame; a frame after its clause reaches back to the previous one
    frames.sort((a, b) => a.cueFirst - b.cueFirst);
    frames.forEach((f, k) => {
      if (f.kind === 'according') return;
      const next = frames.slice(k + 1).find((g) => g.kind !== 'according' && !g.nested);
      if (f.scopeFirst >= f.cueFirst) {
        f.scopeEnd = Math.min(f.scopeEnd, next ? next.ownFirst : end);
      } else {
        const previous = frames.slice(0, k).reverse().find((g) => g.kind !== 'according' && g.scopeFirst < g.cueFirst);
        if (previous) f.scopeFirst = Math.max(f.scopeFirst, previous.ownEnd);
        if (f.scopeEnd > f.ownEnd && next) f.scopeEnd = Math.min(f.scopeEnd, next.ownFirst);
      }
    });
    return frames;
  }

  private verbFrame(cue: Cue, v: number, sentence: Sentence): Frame {
    const { tokens } = this;
    const first = sentence.firstToken, end = sentence.endToken;
    const kind = cue.kind === 'deny' ? 'deny' : 'report';
    const cueFirst = v - cue.words.length + 1;
    const before = tokens[cueFirst - 1];
    const base = { kind, cue, cueFirst, cueEnd: v + 1 } as const;
    // ", said Blinken": the reporter follows the verb
    if (before && BOUNDARY_PUNCT.has(before.text) && cueFirst - 1 > first && !isGerund(tokens[v])) {
      let stop = v + 1;
      while (stop < end && NP_POS.has(tokens[stop].pos) && tokens[stop].pos !== 'ADP' && !BOUNDARY_PUNCT.has(tokens[stop].text)) stop++;
      const after = tokens[stop];
      const closes = stop >= end || BOUNDARY_PUNCT.has(after.text) || after.pos === 'ADP' || after.pos === 'PUNCT';
      const reporter = closes ? this.reporter(v + 1, stop, sentence) : undefined;
      if (reporter?.actor && !reporter.guessed) return { ...base, ownFirst: cueFirst, ownEnd: stop, scopeFirst: first, scopeEnd: cueFirst - 1, ...reporter };
    }
    // ", saying ...": a participle reports for the subject of its sentence
    if (before && before.text === ',' && isGerund(tokens[v])) {
      const subject = this.subjectOf(this.firstVerb(sentence), sentence);
      return { ...base, ownFirst: cueFirst, ownEnd: v + 1, scopeFirst: v + 1, scopeEnd: kind === 'deny' ? this.clauseEnd(v + 1, end) : end, actor: subject?.actor, reporterSpan: subject?.span, guessed: subject?.guessed ?? false };
    }
    const subject = this.subjectOf(cueFirst, sentence);
    const boundary = subject ? subject.boundary : cueFirst - 1;
    const afterClause = boundary > first && BOUNDARY_PUNCT.has(tokens[boundary].text) && this.hasVerb(first, boundary) && !this.opensClause(v + 1, end);
    const ownFirst = subject ? subject.regionFirst : cueFirst;
    if (afterClause && kind === 'report' && this.endsClause(v + 1, end)) {
      // "..., the agency said": reaches back over the clause before; ", Blinken said, but if ..." also covers what follows "but"
      let scopeEnd = boundary;
      const comma = this.nextComma(v + 1, end);
      if (comma > 0 && tokens[comma + 1]?.pos === 'CCONJ' && !['VERB', 'AUX'].includes(tokens[comma + 2]?.pos ?? 'VERB')) scopeEnd = end;
      return { ...base, ownFirst, ownEnd: comma > 0 ? comma : end, scopeFirst: first, scopeEnd, actor: subject?.actor, reporterSpan: subject?.span, guessed: subject?.guessed ?? false };
    }
    // "..., where Moscow says they are clearing mines, and ...": a frame inside a subordinate clause ends with it;
    // "NATO warned that ..., after Estonia requested consultations": a time clause after a comma is the narrator's, not the report's
    const opener = subject && subject.boundary >= first ? tokens[subject.boundary] : undefined;
    const subordinate = !!opener && (RELATIVE.has(opener.lower) || opener.pos === 'SCONJ');
    const scopeEnd = subordinate || kind === 'deny' ? this.clauseEnd(v + 1, end) : this.narrationAfter(v + 1, end);
    return { ...base, ownFirst, ownEnd: v + 1, scopeFirst: v + 1, scopeEnd, actor: subject?.actor, reporterSpan: subject?.span, guessed: subject?.guessed ?? false, nested: subordinate };
  }

  /** After a reporter that closes its clause only adjuncts follow (", the agency said on Thursday", ", the NIS told lawmakers"), not an object ("the EU added 189 ships"). */
  private endsClause(from: number, end: number): boolean {
    const next = this.tokens[from];
    return from >= end || !(next.pos === 'DET' || next.pos === 'NUM' || next.pos === 'PROPN');
  }

  /** A reporting verb reports a clause ("said (that) Washington would ..."), not an object ("would announce more assistance"). */
  private opensClause(from: number, end: number): boolean {
    const { tokens } = this;
    let skipped = 0;
    for (let j = from; j < end && j - from - skipped <= 12; j++) {
      const t = tokens[j];
      if (t.lower === 'that' || t.pos === 'SCONJ') return true;
      // "say Pyongyang's support, including shipments of shells, has helped ...": an insert between commas inside the subject
      const insert = t.text === ',' && j > from ? this.insertEnd(j, end) : -1;
      if (insert > 0) {
        skipped += insert - j;
        j = insert;
        continue;
      }
      if (t.text === ';' || t.text === '.' || t.text === ',' || t.text === '"' || t.text === '“') return false;
      if (j > from && (t.pos === 'AUX' || (t.pos === 'VERB' && !isGerund(t) && tokens[j - 1].lower !== 'to'))) return true;
    }
    return false;
  }

  /** The closing comma of an appositive or participial insert opened by the comma at `comma` (", targeting dozens more tankers,"), or -1. */
  private insertEnd(comma: number, end: number): number {
    const next = this.tokens[comma + 1];
    const close = this.nextComma(comma + 1, end);
    return next && close > 0 && (next.pos === 'VERB' || next.pos === 'DET' || next.pos === 'NUM' || RELATIVE.has(next.lower)) ? close : -1;
  }

  /** Where a comma and a time connective ("..., after Estonia requested ...") hand the sentence back to the narrator. */
  private narrationAfter(from: number, end: number): number {
    for (let j = from; j + 1 < end; j++) if (this.tokens[j].text === ',' && NARRATION.has(this.tokens[j + 1].lower)) return j;
    return end;
  }

  /** A denial governs its own clause only: "denied that its aircraft had violated ..., saying ..." */
  private clauseEnd(from: number, end: number): number {
    const comma = this.nextComma(from, end);
    return comma > 0 ? comma : end;
  }

  private nounFrame(cue: Cue, n: number, sentence: Sentence): Frame {
    const { tokens } = this;
    const first = sentence.firstToken;
    const cueFirst = n - cue.words.length + 1;
    let j = cueFirst - 1;
    while (j >= first && (tokens[j].pos === 'ADJ' || tokens[j].pos === 'DET' || tokens[j].pos === 'ADV')) j--;
    // "the NIS's warning that", "the NIS has issued a warning that", "an NIS report that"
    let reporter: { actor?: string; reporterSpan?: [number, number]; guessed: boolean } = { guessed: false };
    if (j >= first && tokens[j].pos === 'VERB') {
      const subject = this.subjectOf(j, sentence);
      if (subject) reporter = { actor: subject.actor, reporterSpan: subject.span, guessed: subject.guessed };
      // "Peskov dismissed reports that ...", "rejected claims that ...": the one who rejects the report denies what it says
      const denial = this.isNegatedVerb(j, first) ? undefined : this.cueAt(j, first, (c) => c.kind === 'deny' && c.complements.has('np'));
      if (denial) {
        const denialFirst = j - denial.words.length + 1;
        return { kind: 'deny', cue: denial, cueFirst: denialFirst, cueEnd: j + 1, ownFirst: reporter.reporterSpan ? Math.min(reporter.reporterSpan[0], denialFirst) : denialFirst, ownEnd: n + 2, scopeFirst: n + 2, scopeEnd: this.clauseEnd(n + 2, sentence.endToken), ...reporter };
      }
    } else if (j >= first) {
      const m = this.mentionAt[tokens[j].lower === "'s" || tokens[j].lower === '’s' ? j - 1 : cueFirst - 1];
      if (m >= 0) reporter = { actor: this.state.mentions[m].actor, reporterSpan: [this.state.mentions[m].firstToken, this.state.mentions[m].endToken], guessed: false };
    }
    return { kind: 'report', cue, cueFirst, cueEnd: n + 1, ownFirst: reporter.reporterSpan ? Math.min(reporter.reporterSpan[0], cueFirst) : cueFirst, ownEnd: n + 2, scopeFirst: n + 2, scopeEnd: sentence.endToken, ...reporter };
  }

  private clauses(sentence: Sentence): Clause[] {
    const { tokens } = this;
    const first = sentence.firstToken, end = sentence.endToken;
    const out: Clause[] = [];
    for (let j = first; j < end; j++) {
      const inverted = this.invertedConditional(j, first, end);
      if (inverted) {
        out.push(inverted);
        j = inverted.clause[1];
        continue;
      }
      const cue = this.cueAt(j, first, (c) => c.kind === 'conditional' || c.kind === 'open' || c.kind === 'temporal');
      if (!cue) continue;
      const start = j - cue.words.length + 1;
      if (tokens[start - 1]?.lower === 'as' && cue.words[0] === 'if') continue; // "as if" compares, it does not condition
      const trailing = cue.words[0] === 'depending';
      const comma = this.nextComma(j + 1, end);
      const clauseEnd = trailing ? this.nextOf(j + 1, end, ';') : comma > 0 ? comma : end;
      if (cue.kind === 'temporal' && !this.hasVerb(j + 1, clauseEnd)) continue; // "after the briefing" is a phrase, not a clause
      const before = tokens[start - 1];
      const initial = !trailing && (start === first || !before || BOUNDARY_PUNCT.has(before.text) || before.pos === 'CCONJ' || before.lower === 'that' || this.isFrameVerb(start - 1));
      let main: [number, number];
      if (initial) {
        main = [clauseEnd + 1, this.nextOf(clauseEnd + 1, end, ';')];
      } else {
        let k = start - 1;
        if (tokens[k]?.text === ',') k--;
        while (k >= first && !BOUNDARY_PUNCT.has(tokens[k].text) && tokens[k].lower !== 'that' && !this.isFrameVerb(k)) k--;
        main = [k + 1, start];
      }
      out.push({ kind: cue.kind as Clause['kind'], clause: [start, clauseEnd], main, hit: { cue, first: start, end: j + 1 } });
      j = clauseEnd - 1;
    }
    return out;
  }

  /** "no evidence that ...", "no sign that ...": an absence noun with "no" over a content clause. */
  private absences(sentence: Sentence): Absence[] {
    const { tokens } = this;
    const out: Absence[] = [];
    for (let j = sentence.firstToken; j + 1 < sentence.endToken; j++) {
      if (tokens[j + 1].lower !== 'that' || tokens[j].pos !== 'NOUN') continue;
      const cue = this.cueAt(j, sentence.firstToken, (c) => c.kind === 'absence');
      const no = cue ? this.determinerNo(j - cue.words.length + 1, sentence.firstToken) : -1;
      if (cue && no >= 0) out.push({ scope: [j + 2, this.clauseEnd(j + 2, sentence.endToken)], hit: { cue, first: no, end: j + 1 } });
    }
    return out;
  }

  /**
   * "Should Iran attack again, ...", "Were the talks to fail, ...", "Had Seoul sent arms, ...": an auxiliary before its subject at the
   * head of a clause that a comma closes is a condition without "if".
   */
  private invertedConditional(j: number, first: number, end: number): Clause | undefined {
    const { tokens } = this;
    const t = tokens[j], subject = tokens[j + 1], before = tokens[j - 1];
    if (t.pos !== 'AUX' || !INVERTING.has(t.lower) || !subject || !['DET', 'PROPN', 'NOUN', 'PRON'].includes(subject.pos)) return undefined;
    if (j > first && !(before.text === ',' || before.text === ';' || before.pos === 'CCONJ')) return undefined;
    // "..., should Kyiv use the missiles.": a condition that ends the sentence qualifies the clause before it
    const comma = this.nextComma(j + 1, end);
    const clauseEnd = comma < 0 ? end : comma;
    // "should" and "were" before a subject are inverted whatever follows; "had" also owns things, so it needs a verb after
    // (or an event word, as wink may tag that verb a noun)
    if (comma < 0 && j === first) return undefined;
    if (t.lower === 'had' && !(this.hasVerb(j + 2, clauseEnd) || this.hasTrigger(j + 2, clauseEnd))) return undefined;
    const main: [number, number] = comma < 0 ? [first, j] : [comma + 1, this.nextOf(comma + 1, end, ';')];
    return { kind: 'conditional', clause: [j, clauseEnd], main, hit: { cue: INVERTED_IF, first: j, end: j + 1 } };
  }

  /** "it was possible that ...", "it is likely that ...": the estimative word governs the clause after "that". */
  private estimates(sentence: Sentence): Estimate[] {
    const { tokens } = this;
    const out: Estimate[] = [];
    for (let j = sentence.firstToken; j + 1 < sentence.endToken; j++) {
      if (tokens[j + 1].lower !== 'that' || tokens[j].pos !== 'ADJ') continue;
      const found = this.likelihoodAt(j, sentence.firstToken);
      if (found) out.push({ cue: [j - found.words.length + 1, j + 1], scope: [j + 2, sentence.endToken] });
    }
    return out;
  }

  /** A present or present-perfect verb ("ends", "have ratified"), which in a time clause under a future main clause refers to the future. */
  private presentTense(head: number, floor: number): boolean {
    const { tokens } = this;
    const t = tokens[head];
    if (t.pos !== 'VERB') return false;
    const before = tokens[head - 1];
    if (before && head - 1 >= floor && before.lemma === 'have') return before.lower !== 'had';
    return t.lower === t.lemma || t.lower === `${t.lemma}s` || t.lower === `${t.lemma}es`;
  }

  private futureIn([a, b]: [number, number]): boolean {
    for (let j = a; j < b; j++) if (this.cueAt(j, a, (c) => c.kind === 'future' || c.kind === 'possible' || c.kind === 'would' || c.kind === 'intent' || c.kind === 'commit' || c.kind === 'pledge')) return true;
    return false;
  }

  // ---------- subjects and reporters ----------

  /** The subject of the verb (or frame word) at `at`: the mention heading the noun phrase before its auxiliaries. */
  private subjectOf(at: number, sentence: Sentence, depth = 0): { actor?: string; span: [number, number]; regionFirst: number; boundary: number; guessed: boolean } | undefined {
    const { tokens } = this;
    const first = sentence.firstToken;
    let c = at;
    while (c - 1 >= first && (tokens[c - 1].pos === 'AUX' || tokens[c - 1].pos === 'ADV' || tokens[c - 1].lower === 'not' || tokens[c - 1].lower === "n't" || tokens[c - 1].lower === 'to' || this.cueAt(c - 1, first, (q) => q.kind === 'pledge' || q.kind === 'commit' || q.kind === 'intent' || q.kind === 'negation'))) c--;
    // "condemned ... and said": coordinated verbs share the subject of the first
    if (depth < 2 && c - 1 >= first && tokens[c - 1].pos === 'CCONJ') {
      for (let k = c - 2; k >= first; k--) {
        if (tokens[k].pos === 'VERB' && !isGerund(tokens[k])) return this.subjectOf(k, sentence, depth + 1);
        if (tokens[k].text === ';' || tokens[k].pos === 'SCONJ') break;
      }
    }
    let j = c - 1;
    let regionEnd = c;
    if (tokens[j]?.text === ',') {
      // "Ukraine's commander-in-chief, Oleksandr Syrskyi, said": the appositive names the subject;
      // "Gyeonggi province, which borders the North, has said": the relative clause is skipped
      let p = j - 1;
      while (p >= first && tokens[p].text !== ',' && c - p <= 15) p--;
      if (p >= first && tokens[p].text === ',') {
        if (RELATIVE.has(tokens[p + 1].lower)) {
          regionEnd = p;
          j = p - 1;
        } else if (this.lastMention(p + 1, c - 1) !== undefined && !this.hasVerb(p + 1, c - 1)) {
          const found = this.reporter(p + 1, c - 1, sentence);
          // "Sergei Shoigu, the secretary of Russia's Security Council, said": a description in apposition to a named person does not displace the name
          const named = p > first ? this.mentionAt[p - 1] : -1;
          if (named >= 0 && this.isPerson(this.state.mentions[named].actor) && !this.isPerson(found.actor)) {
            const m = this.state.mentions[named];
            return { actor: m.actor, span: [m.firstToken, m.endToken], regionFirst: m.firstToken, boundary: m.firstToken - 1, guessed: false };
          }
          return { actor: found.actor, span: found.reporterSpan ?? [p + 1, c - 1], regionFirst: p + 1, boundary: p, guessed: found.guessed };
        }
      }
    }
    while (j >= first) {
      const t = tokens[j];
      if (t.text === ')') {
        let open = j - 1;
        while (open >= first && tokens[open].text !== '(') open--;
        if (open < first) break; // an unmatched bracket closes the region
        j = open - 1;
        continue;
      }
      if (BOUNDARY_PUNCT.has(t.text) || t.pos === 'SCONJ' || t.pos === 'VERB' || t.pos === 'AUX' || RELATIVE.has(t.lower)) break;
      j--;
    }
    let regionFirst = j + 1;
    while (regionFirst < regionEnd && tokens[regionFirst].pos === 'SPACE') regionFirst++;
    if (regionFirst >= regionEnd) return undefined;
    const found = this.reporter(regionFirst, regionEnd, sentence);
    return { actor: found.actor, span: found.reporterSpan ?? [regionFirst, regionEnd], regionFirst, boundary: j, guessed: found.guessed };
  }

  /** Picks the reporter among the mentions of a noun phrase [first, end): the head of its first conjunct that names one ("Seoul and Washington say"), before any prepositional tail. */
  private reporter(first: number, end: number, sentence: Sentence): { actor?: string; reporterSpan?: [number, number]; guessed: boolean } {
    const { tokens } = this;
    if (first >= end) return { guessed: false };
    const mentions = this.state.mentions;
    const conjuncts: [number, number][] = [];
    let start = first;
    for (let j = first; j < end; j++) {
      if ((tokens[j].pos === 'CCONJ' || tokens[j].text === ',') && this.mentionAt[j] < 0) {
        if (j > start) conjuncts.push([start, j]);
        start = j + 1;
      }
    }
    if (end > start) conjuncts.push([start, end]);
    for (const [a, b] of conjuncts) {
      let head = b;
      for (let j = a + 1; j < b; j++) {
        if (tokens[j].text === '(' || (tokens[j].pos === 'ADP' && (tokens[j - 1].pos === 'NOUN' || tokens[j - 1].pos === 'PROPN'))) {
          head = j;
          break;
        }
      }
      const last = this.mentionAt[head - 1];
      const pick = last >= 0 ? last : this.lastMention(a, head) ?? this.lastMention(a, b);
      if (pick !== undefined) {
        const m: Mention = mentions[pick];
        const reporterSpan: [number, number] = [Math.max(m.firstToken, first), Math.min(m.endToken, end)];
        // "It also said ...": a pronoun that reports continues the speaker of the sentence before
        const previous = m.anaphor && tokens[m.firstToken].pos === 'PRON' ? this.previousReporter(sentence.index, REPORTER_LOOKBACK) : undefined;
        if (previous && previous !== m.actor) return { actor: previous, reporterSpan, guessed: true };
        return { actor: m.actor, reporterSpan, guessed: false };
      }
    }
    // "It also said ...", "the agency said ..." with no resolved mention: the reporter of the sentences just before
    const pronounLike = end - first <= 3 && (PRONOUN_SUBJECTS.has(tokens[end - 1].lower) || tokens[first].lower === 'the');
    const previous = pronounLike ? this.previousReporter(sentence.index, REPORTER_LOOKBACK) : undefined;
    return previous ? { actor: previous, reporterSpan: [first, end], guessed: true } : { guessed: false };
  }

  /** The reporter of the nearest of the `lookback` sentences before this one that has one. */
  private previousReporter(index: number, lookback: number): string | undefined {
    for (let s = index - 1; s >= 0 && index - s <= lookback; s--) {
      this.context(s);
      const actor = this.reporters.get(s);
      if (actor) return actor;
    }
    return undefined;
  }

  private isPerson(actor: string | undefined): boolean {
    return actor !== undefined && this.personIds.has(actor);
  }

  private lastMention(first: number, end: number): number | undefined {
    for (let j = end - 1; j >= first; j--) if (this.mentionAt[j] >= 0) return this.mentionAt[j];
    return undefined;
  }

  // ---------- small helpers ----------

  private cueAt(j: number, floor: number, accept: (c: Cue) => boolean): Cue | undefined {
    return longestPhraseEndingAt(this.model.cues, this.tokens, j, floor, accept);
  }

  /** The one-word verb cue at `v` that takes the given complement, if the tables have one. */
  private verbCue(v: number, complement: Complement): Cue | undefined {
    return this.cueAt(v, v, (c) => c.complements.has(complement) && c.kind !== 'report' && c.kind !== 'report-noun' && c.kind !== 'prospect' && c.kind !== 'absence');
  }

  private isFrameVerb(j: number): boolean {
    const t = this.tokens[j];
    return !!t && t.pos === 'VERB' && !!this.cueAt(j, Math.max(0, j - 3), (c) => c.kind === 'report' || c.kind === 'deny');
  }

  /** "is believed to be", "had been told": a passive or raising use does not report for its subject. */
  private isPassiveOrRaised(v: number): boolean {
    const { tokens } = this;
    const next = tokens[v + 1];
    if (next && next.lower === 'to' && next.pos === 'PART') return true;
    for (let j = v - 1; j >= 0 && j >= v - 3; j--) {
      const t = tokens[j];
      if (t.pos === 'AUX' && t.lemma === 'be') return tokens[v].lower !== tokens[v].lemma && !isGerund(tokens[v]);
      if (t.pos !== 'ADV' && t.pos !== 'AUX') break;
    }
    return false;
  }

  private isNegatedVerb(v: number, floor: number): boolean {
    const chain = this.chain(v, floor);
    return chain.hits.filter((h) => NEGATING_KINDS.has(h.cue.kind)).length % 2 === 1;
  }

  private verbBeforeNounPhrase(j: number, floor: number): number {
    for (let k = j; k >= floor && j - k <= MAX_NP; k--) {
      const t = this.tokens[k];
      if (t.pos === 'VERB' && !this.isPrenominalParticiple(k)) return k;
      if (t.pos !== 'VERB' && (!NP_POS.has(t.pos) || BOUNDARY_PUNCT.has(t.text) || RELATIVE.has(t.lower))) return -1;
    }
    return -1;
  }

  /** "use frozen assets", "Iran's planned talks": a participle between a verb, determiner or possessive and a noun modifies the noun (wink tags it a verb). */
  private isPrenominalParticiple(k: number): boolean {
    const { tokens } = this;
    const t = tokens[k], before = tokens[k - 1], after = tokens[k + 1];
    if (!before || !after || isGerund(t) || t.lower === t.lemma) return false;
    return (after.pos === 'NOUN' || after.pos === 'PROPN' || after.pos === 'ADJ') && (before.pos === 'DET' || before.pos === 'ADJ' || before.lower === "'s" || before.lower === '’s' || (before.pos === 'VERB' && !isAuxiliary(before, t)));
  }

  /** The position of a "no" that determines the noun at `noun` ("no immediate plans"), or -1. */
  private determinerNo(noun: number, floor: number): number {
    for (let k = noun - 1; k >= floor && noun - k <= 3; k--) {
      const t = this.tokens[k];
      if (t.lower === 'no') return k;
      if (t.pos !== 'ADJ' && t.pos !== 'ADV') return -1;
    }
    return -1;
  }

  private firstVerb(sentence: Sentence): number {
    for (let j = sentence.firstToken; j < sentence.endToken; j++) if (this.tokens[j].pos === 'VERB' || this.tokens[j].pos === 'AUX') return j;
    return sentence.firstToken;
  }

  private hasVerb(first: number, end: number): boolean {
    for (let j = first; j < end; j++) if (this.tokens[j].pos === 'VERB' || this.tokens[j].pos === 'AUX') return true;
    return false;
  }

  private hasTrigger(first: number, end: number): boolean {
    for (let j = first; j < end; j++) if (this.triggerAt.has(j)) return true;
    return false;
  }

  private nextComma(from: number, end: number): number {
    for (let j = from; j < end; j++) if (this.tokens[j].text === ',') return j;
    return -1;
  }

  private nextOf(from: number, end: number, text: string): number {
    for (let j = from; j < end; j++) if (this.tokens[j].text === text) return j;
    return end;
  }

  private text(first: number, end: number): string {
    return this.state.text.slice(this.tokens[first].start, this.tokens[end - 1].end);
  }

  private span(first: number, end: number): Span {
    return [this.tokens[first].start, this.tokens[end - 1].end];
  }
}

/** "no" as a determiner, should a user's table leave it out. */
const NO: Cue = { words: ['no'], kind: 'negation', complements: new Set(['-']), trust: 1 };
/** Auxiliaries that open a condition when they come before their subject ("Should Iran attack, ..."). */
const INVERTING = new Set(['should', 'were', 'had']);
/** An inverted condition: word order, not a word, so no table entry. */
const INVERTED_IF: Cue = { words: ['should'], kind: 'conditional', complements: new Set(['-']), trust: 0.9 };
/** "is to visit": be + infinitive states a schedule; not a table entry because "be" is skipped everywhere else. */
const BE_TO: Cue = { words: ['be', 'to'], kind: 'future', complements: new Set(['-']), trust: 0.8 };

/** Longest adverbial phrase between an auxiliary and its verb ("in return", "at some point"): a preposition and two words. */
const ADVERBIAL_SPAN = 3;
/** wink tags "have" in "to have been killed" as a verb; before another verb it is the perfect auxiliary. */
const isAuxiliary = (t: Token, next: Token | undefined): boolean => t.pos === 'AUX' || (t.lemma === 'have' && t.pos === 'VERB' && !!next && (next.pos === 'VERB' || next.pos === 'AUX'));
const isPluralNoun = (t: Token): boolean => t.pos === 'NOUN' && t.lower !== t.lemma && t.lower.endsWith('s');
const isGerund = (t: Token | undefined): boolean => !!t && t.pos === 'VERB' && t.lower.endsWith('ing');
const inRange = (j: number, [a, b]: [number, number]): boolean => j >= a && j < b;
const spanLength = (m: Mention): number => m.endToken - m.firstToken;

/** The closest frame that covers the event, preferring one whose reporter is known. */
function innermostFrame(frames: Frame[], event: EventDraft): Frame | undefined {
  const at = event.triggerFirst;
  let best: Frame | undefined;
  for (const f of frames) {
    if (at < f.scopeFirst || at >= f.scopeEnd) continue;
    if (at >= f.ownFirst && at < f.ownEnd) continue;
    if (at >= f.cueFirst && at < f.cueEnd) continue;
    if (!best) best = f;
    else if (!!f.actor !== !!best.actor) best = f.actor ? f : best;
    else if (f.scopeEnd - f.scopeFirst < best.scopeEnd - best.scopeFirst) best = f;
  }
  return best;
}
