// Stage 3: find event triggers and fill each event's source and target from the clause.
import type { PloverType } from '../core/plover.js';
import type { EventModel, TriggerPos, TriggerRow } from './model/events.js';
import type { ActorEntity, EventDraft, Mention, PipelineState, Token } from './types.js';
import type { Gazetteer } from './details/place.js';
import { placeTarget, stateMentionFor, type StatePlace } from './events/place-target.js';
import { analyseClause, chunkAtToken, insertionHost, relativeObject, hyphenCompound, isBaseForm, joiningHyphen, coordinatedAfter, groupAtToken, groupBefore, objectOf, subjectOf, type Chunk, type Clause, type Subject, type SubjectRoute, type VerbGroup } from './events/clause.js';

/** A trigger word found in a sentence, before its frame is filled. */
interface Hit {
  token: number;
  /** first token after the trigger and its particles */
  end: number;
  /** how many of the trigger's words are particles after its verb ("shoot down": 1) */
  particles: number;
  rows: TriggerRow[];
  pos: TriggerPos;
  group: VerbGroup | null;
  chunk: Chunk | null;
  /** the scope of what the trigger governs, end exclusive */
  scopeEnd: number;
  purpose: VerbGroup | null;
  /** for a container noun that names another act of a kind it held before ("an 18th package"), that earlier act */
  antecedent?: Antecedent;
  /** set when another trigger governs this one */
  governedBy: Hit | null;
  governs: Hit[];
  frame: Frame | null;
}

/** A filled event frame: the row that fits, who acts and who is acted on. */
interface Frame {
  row: TriggerRow;
  /** how the source was found, when it is shared with another verb */
  route?: SubjectRoute;
  /** the frame repeats an act told before ("these shipments") */
  repeats?: boolean;
  source: number[];
  target: number[];
  /** whose side an assault is fought on ("fighting for Russia", "alongside Russian troops") */
  ally?: number[];
  /** the sources are parties named together ("talks between Tehran and Washington"): each acts towards the others */
  mutual?: boolean;
  /** the lemma of the container noun that holds the trigger noun ("package" of "a package of sanctions") */
  container?: string;
  confidence: number;
  why: string[];
}

/** An emitted or absorbed event that a later anaphoric noun ("the deployment") can refer back to. */
interface Antecedent {
  row: TriggerRow;
  lemma: string;
  /** what a transfer moved: troops, arms, aid, workers */
  themes: Set<string>;
  source: number[];
  target: number[];
  ally: number[];
  sentence: number;
  container?: string;
}

/** Prepositions by which a clause's subject takes part in the act a noun names ("for talks", "in fighting", "during demonstrations"). */
const PARTICIPATION = new Set(['for', 'in', 'into', 'during']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her', 'our']);
const ANAPHORIC_DETERMINERS = new Set(['the', 'this', 'these', 'that', 'those', 'such', 'its', 'their', 'his', 'her']);
const RELATIVES = new Set(['who', 'which', 'whom', 'whose']);
/** Words that open an insertion between commas ("..., including special forces, ..."). */
const INSERTIONS = new Set(['including', 'among', 'notably', 'mostly', 'mainly', 'especially']);
const HARD_STOPS = new Set([';', ':', '(', ')', '—', '–', '"', '“', '”']);
const INDEFINITE = new Set(['a', 'an']);

/** Events of one family can be the same act told twice ("supplying arms" ... "these shipments"). */
function familyOf(row: TriggerRow): string {
  if (row.mode === 'arms-test') return 'arms-test';
  if (row.type === 'AID' || row.type === 'MOBILIZE' || row.type === 'COOPERATE') return 'transfer';
  if (row.type === 'ASSAULT' || row.type === 'COERCE') return 'force';
  return row.type;
}

/** `places`, the gazetteer, lets a place in an event's object name the state acted on ("struck a base near Tehran"). */
export function findEvents(state: PipelineState, model: EventModel, places?: Gazetteer): EventDraft[] {
  const { tokens } = state;
  // a copy: states that only a place or a modifier names ("arrived in Amman") get mentions here, for the events alone
  const mentions = [...state.mentions];
  const mentionAt = new Int32Array(tokens.length).fill(-1);
  mentions.forEach((m, k) => {
    for (let i = m.firstToken; i < m.endToken && i < tokens.length; i++) {
      const cur = mentionAt[i];
      if (cur < 0 || mentions[cur].endToken - mentions[cur].firstToken < m.endToken - m.firstToken) mentionAt[i] = k;
    }
  });
  const rowsOf = (t: Token) => model.triggers.get(t.lower) ?? model.triggers.get(t.lemma) ?? [];
  const words = {
    isVerbForm: (t: Token) => rowsOf(t).some((r) => r.pos === 'V'),
    isNounForm: (t: Token) => rowsOf(t).some((r) => r.pos === 'N'),
    takesNounAfterTo: (t: Token) => (model.lightVerbs.get(t.lower) ?? model.lightVerbs.get(t.lemma))?.some((p) => p.length === 1 && p[0] === 'to') ?? false,
    // a row whose recipient is the object or a "to" phrase, of a verb that gives or promises, alternates like "give"
    takesTwoObjects: (t: Token) => rowsOf(t).some((r) => r.pos === 'V' && r.targetObj && r.targetPreps.has('to') && (familyOf(r) === 'transfer' || r.type === 'AGREE')),
  };
  const history: Antecedent[] = [];
  const dormant = state.dormant ?? [];
  const actors = new Map(state.actors.map((a) => [a.id, a]));
  const events: EventDraft[] = [];
  for (const s of state.sentences) {
    // a sentence without a single trigger word (about one in five) yields no event: it needs no clause analysis
    if (!hasCandidateTrigger(tokens, s.firstToken, s.endToken, mentionAt, model)) continue;
    const clause = analyseClause(tokens, s.firstToken, s.endToken, mentionAt, mentions, words);
    const ctx: SentenceContext = { clause, actors, model, mentions, mentionAt, history, text: state.text, places, newActors: state.actors, dormant };
    const hits = findHits(ctx);
    for (const h of hits) scopeOf(ctx, h);
    for (const h of hits) {
      h.frame = fillFrame(ctx, h);
      const f = h.frame;
      if (!f?.source.length) continue;
      if (!f.target.length) answeredActor(ctx, h, f);
      if (!f.target.length) provokingActor(ctx, h, f);
      if (!f.target.length) protestedActor(ctx, h, f);
      if (!f.target.length) continueEarlierAct(ctx, h, f);
      if (!f.target.length) partyToActToldBefore(ctx, h, f);
      history.push({ row: f.row, lemma: tokens[h.token].lemma, themes: themesOf(ctx, h), source: f.source, target: f.target, ally: f.ally ?? [], sentence: s.index, container: f.container });
    }
    relateHits(ctx, hits.filter((h) => h.frame));
    shareCoordinatedTargets(hits);
    const seen = new Set<string>();
    for (const h of hits) {
      const f = h.frame;
      if (!f || h.governedBy) continue;
      if (f.row.embeds === 'defer' && h.governs.length) continue;
      if ((f.row.embeds === 'absorb' || f.row.embeds === 'cite') && !f.target.length) adoptGovernedTarget(h, f);
      if (f.row.embeds === 'cite' && !f.target.length) {
        const found = firstActorIn(ctx, h.end, h.scopeEnd, f.source);
        if (found) { f.target = found.mentions; f.confidence -= 0.1; f.why.push(`target: ${found.how}`); }
      }
      const source = actorIds(f.source, mentions);
      if (!source.length) continue;
      const target = actorIds(f.target, mentions).filter((a) => !source.includes(a));
      // a noun that names an act already told in the sentence ("met Putin and held talks") is not another event
      const key = `${f.row.type}|${source.join('+')}|${target.join('+')}`;
      if (h.pos === 'N' && seen.has(key)) continue;
      seen.add(key);
      for (const dyad of dyadsOf(f.row.type, !!f.mutual, source, target, actors)) {
        const draft: EventDraft = {
          type: f.row.type, context: f.row.context, triggerFirst: h.token, triggerEnd: h.end, verbal: h.pos !== 'N', sentence: s.index,
          source: dyad.source, target: dyad.target, status: 'asserted', confidence: Math.max(0.05, Math.min(1, f.confidence)), why: [...f.why, ...dyad.why],
        };
        if (f.row.mode) draft.mode = f.row.mode;
        events.push(draft);
      }
    }
  }
  return events;
}

/** Acts that parties named together do with one another when no one else is named ("Russia and North Korea signed a treaty"). */
const MUTUAL: ReadonlySet<PloverType> = new Set(['CONSULT', 'AGREE', 'COOPERATE', 'SUPPORT']);

/**
 * The events of a frame: one, or for a mutual act of several countries without a target (an act of a mutual type, or
 * any act whose parties a "between" phrase names), one per party towards the others.
 */
function dyadsOf(type: PloverType, mutual: boolean, source: string[], target: string[], actors: Map<string, ActorEntity>): { source: string[]; target: string[]; why: string[] }[] {
  const codes = new Set(source.map((a) => actors.get(a)?.code));
  if (target.length || !(mutual || MUTUAL.has(type)) || codes.size < 2) return [{ source, target, why: [] }];
  return source.map((a) => ({
    source: [a],
    target: source.filter((b) => actors.get(b)?.code !== actors.get(a)?.code),
    why: ['a mutual act of the parties named together: each acts towards the others'],
  }));
}

interface SentenceContext {
  clause: Clause;
  actors: Map<string, ActorEntity>;
  model: EventModel;
  mentions: Mention[];
  mentionAt: Int32Array;
  history: Antecedent[];
  text: string;
  places?: Gazetteer;
  /** the document's actors, to which the states that places stand for are added */
  newActors: ActorEntity[];
  /** states named only as modifiers of a place or thing, which an event acting on it wakes */
  dormant: ActorEntity[];
}

const actorIds = (ms: number[], mentions: Mention[]): string[] => [...new Set(ms.map((m) => mentions[m].actor))];

/** Whether any token of [first, end) outside an actor's name is a trigger word: without one, findHits finds nothing. */
function hasCandidateTrigger(tokens: Token[], first: number, end: number, mentionAt: Int32Array, model: EventModel): boolean {
  for (let i = first; i < end; i++) {
    if (mentionAt[i] >= 0) continue;
    const t = tokens[i];
    if (model.triggers.has(t.lower) || model.triggers.has(t.lemma) || model.classes.get(t.lemma)?.has('container')) return true;
    const compound = hyphenCompound(tokens, i, end);
    if (compound && model.triggers.has(compound.lower)) return true;
  }
  return false;
}

/** Trigger words of the sentence: verbs read as verbs, nouns as nouns, none inside an actor's name. */
function findHits(ctx: SentenceContext): Hit[] {
  const { clause: c, model, mentionAt } = ctx;
  const hits: Hit[] = [];
  for (let i = c.first; i < c.end; i++) {
    if (mentionAt[i] >= 0) continue;
    const t = c.tokens[i];
    const pos: TriggerPos = t.pos === 'AUX' ? 'M' : c.verbal[i - c.first] ? 'V' : 'N';
    // "test-fired": a hyphenated compound of the table is one trigger, ahead of its parts
    const compound = hyphenCompound(c.tokens, i, c.end);
    const whole = compound ? (model.triggers.get(compound.lower) ?? model.triggers.get(compound.lemma))?.filter((r) => r.pos === pos) : undefined;
    if (whole?.length) {
      hits.push(newHit(c, i, i + 3, 0, whole, pos));
      i += 2;
      continue;
    }
    const candidates = model.triggers.get(t.lower) ?? model.triggers.get(t.lemma);
    if (!candidates) {
      const earlier = pos === 'N' ? containerAntecedent(ctx, i) : null;
      if (earlier) hits.push({ ...newHit(c, i, i + 1, 0, [earlier.row], pos), antecedent: earlier });
      continue;
    }
    if (pos === 'N' && t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'VERB' && t.pos !== 'ADJ') continue;
    // the longest phrase that fits wins: "shoot down" over "shoot"
    let best: TriggerRow[] = [], bestLen = 0;
    for (const row of candidates) {
      if (row.pos !== pos) continue;
      const n = row.words.length;
      if (n < bestLen) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = c.tokens[i + k]?.lower === row.words[k] && i + k < c.end;
      // a particle after the object: "had driven the last Ukrainian units out of Kursk"
      if (!ok && n === 2 && pos === 'V') {
        const obj = chunkAtToken(c, i + 1);
        ok = !!obj && obj.start === i + 1 && obj.prep === null && c.tokens[obj.end]?.lower === row.words[1];
        if (ok && bestLen < 1) { best = []; bestLen = 1; }
        if (ok) { best.push(row); continue; }
      }
      if (!ok) continue;
      if (n > bestLen) { best = []; bestLen = n; }
      best.push(row);
    }
    if (!best.length) continue;
    hits.push(newHit(c, i, i + bestLen, bestLen - 1, best, pos));
    // the words of a phrase ("hunger strike") are not triggers of their own
    i += bestLen - 1;
  }
  return hits;
}

/** Words that make a definite container another act of its kind ("the next package", "the 20th round"). */
const SUCCESSIVE = /^(next|new|fresh|\d+(st|nd|rd|th))$/;

/**
 * "The EU adopted its 17th package of sanctions ... is expected to propose an 18th package": a container noun without
 * content of its own names another act of the kind it held last. The earlier act, or null when the noun holds a
 * trigger, has an "of" phrase, or is definite and so the same act told again ("the package needs the backing of").
 */
function containerAntecedent(ctx: SentenceContext, i: number): Antecedent | null {
  const c = ctx.clause;
  const lemma = c.tokens[i].lemma;
  if (!ctx.model.classes.get(lemma)?.has('container') || c.tokens[i + 1]?.lower === 'of') return null;
  const ch = chunkAtToken(c, i);
  if (!ch || ch.head !== i) return null;
  let successive = false;
  for (let k = ch.start; k < ch.end; k++) {
    const t = c.tokens[k];
    if (ctx.mentionAt[k] < 0 && (ctx.model.triggers.has(t.lower) || ctx.model.triggers.has(t.lemma))) return null;
    successive ||= SUCCESSIVE.test(t.lower) || ADDITIVE.has(t.lower);
  }
  if (ANAPHORIC_DETERMINERS.has(c.tokens[ch.start].lower) && !successive) return null;
  for (let k = ctx.history.length - 1; k >= Math.max(0, ctx.history.length - LOOKBACK); k--) if (ctx.history[k].container === lemma) return ctx.history[k];
  return null;
}

function newHit(c: Clause, token: number, end: number, particles: number, rows: TriggerRow[], pos: TriggerPos): Hit {
  return {
    token, end, particles, rows, pos, group: pos === 'N' ? null : groupAtToken(c, token), chunk: pos === 'N' ? chunkAtToken(c, token) : null,
    scopeEnd: end, purpose: null, governedBy: null, governs: [], frame: null,
  };
}

/** How far what a verb governs reaches: to the end of its clause, or, for absorbing and deferring verbs, across "to", "that" and "of -ing". */
function scopeOf(ctx: SentenceContext, h: Hit): void {
  const c = ctx.clause;
  const wide = h.rows.some((r) => r.embeds !== null);
  // a wide scope takes in a finite clause only after "that" ("demanded that Israel ease"), not "..., after jets entered"
  let complementizer = false;
  let i = h.end;
  while (i < c.end) {
    const t = c.tokens[i];
    const ch = chunkAtToken(c, i);
    if (ch) { i = ch.end; continue; }
    if (HARD_STOPS.has(t.text)) break;
    if (t.text === ',' && INSERTIONS.has(c.tokens[i + 1]?.lower ?? '')) {
      // "send 12,000 troops, including special forces, to help Russia": an insertion does not end the clause
      let close = i + 1;
      while (close < c.end && c.tokens[close].text !== ',' && !HARD_STOPS.has(c.tokens[close].text)) close++;
      if (close < c.end && c.tokens[close].text === ',') { i = close + 1; continue; }
    }
    if (t.text === ',') {
      const before = chunkAtToken(c, i - 1), after = chunkAtToken(c, i + 1);
      const list = before && after && after.start === i + 1 && [',', 'and', 'or'].includes(c.tokens[after.end]?.lower ?? '');
      // "launched Eastern Sentry, an operation to ...": an indefinite description after a name says what the name is
      const apposition = before && after && after.start === i + 1 && c.tokens[before.head].pos === 'PROPN' && INDEFINITE.has(c.tokens[i + 1].lower);
      if (apposition) { i = after.end; continue; }
      if (!list) break;
      i++;
      continue;
    }
    if (RELATIVES.has(t.lower) || (t.lower === 'that' && t.pos === 'PRON')) break;
    if (t.pos === 'SCONJ' || t.lower === 'that') {
      if (!wide) break;
      complementizer = t.lower === 'that' || t.lower === 'whether' || t.lower === 'if';
      if (!complementizer) break;
      i++;
      continue;
    }
    if (t.pos === 'CCONJ') {
      // "shipped shells and more than 100 missiles to Russia" goes on; "and said" starts another clause
      const next = c.tokens[i + 1];
      if (!next || i + 1 >= c.end || c.verbal[i + 1 - c.first] || next.pos === 'AUX' || next.pos === 'PART' || next.pos === 'PRON') break;
      i++;
      continue;
    }
    const g = groupAtToken(c, i);
    if (g) {
      const gerund = c.tokens[g.head].lower.endsWith('ing') && c.tokens[i - 1]?.pos === 'ADP';
      if ((g.infinitive || gerund) && !h.purpose) h.purpose = g;
      if (!wide) break;
      if (!g.infinitive && !gerund && (g.start !== i || !complementizer)) break;
      i = g.end;
      continue;
    }
    i++;
  }
  h.scopeEnd = i;
}

/** Which triggers another governs: the content of an absorbing or deferring verb, and a purpose clause of a transfer. */
function relateHits(ctx: SentenceContext, hits: Hit[]): void {
  for (const a of hits) {
    const embeds = a.frame!.row.embeds;
    for (const b of hits) {
      if (b === a || b.governedBy || b.token < a.end) continue;
      // an act with no one behind it ("soldiers have been killed in fighting ...") leaves its purpose clause an act of its own
      const inside = embeds ? b.token < a.scopeEnd : a.frame!.source.length > 0 && a.purpose !== null && b.token >= a.purpose.start && b.token < purposeEnd(a, hits);
      if (!inside) {
        // "imposed sanctions on X", "hosted them for talks": a noun trigger that is the object of a verb trigger, or
        // names an act of the same type in its clause, is the same act
        const sameAct = a.group !== null && b.pos === 'N' && (b.chunk === objectOf(ctx.clause, a.group, a.particles) || (b.token < a.scopeEnd && b.frame!.row.type === a.frame!.row.type));
        if (!embeds && sameAct) {
          b.governedBy = a;
          // "hosted talks between Israel and the PLO": the parties of the object's act receive the verb's
          const named = b.frame!.mutual ? b.frame!.source.filter((m) => !a.frame!.source.includes(m)) : b.frame!.target;
          if (!a.frame!.target.length && named.length) { a.frame!.target = named; a.frame!.why.push(`target from its object "${ctx.clause.tokens[b.token].text}"`); }
        }
        continue;
      }
      a.governs.push(b);
      const word = ctx.clause.tokens.slice(b.token, b.end).map((t) => t.text).join(' ');
      if (embeds === 'defer') {
        // "officials agreed that their countries should cooperate": the ones who commit act, when the act names no one else
        const own = b.frame!.source;
        if (!own.length || own.every((m) => ctx.mentions[m].anaphor)) b.frame!.source = a.frame!.source;
        b.frame!.why.push(`committed to by "${ctx.clause.tokens[a.token].text}"`);
        continue;
      }
      // a cited act is an event of its own, unless it only repeats one told before ("condemned these shipments")
      if (embeds === 'cite' && !b.frame!.repeats) { a.frame!.why.push(`cites "${word}", an event of its own`); continue; }
      b.governedBy = a;
      a.frame!.why.push(`governs "${word}", which is not a separate event`);
      if (!embeds && !a.frame!.target.length && b.frame!.target.length) { a.frame!.target = b.frame!.target; a.frame!.why.push(`target from its purpose "${word}"`); }
    }
  }
}

/** A purpose clause runs from its "to" to the next trigger that is not part of it, or the end of the sentence. */
function purposeEnd(a: Hit, hits: Hit[]): number {
  const start = a.purpose!.start;
  for (const b of hits) if (b.token > start && b.scopeEnd > b.end && b !== a && b.pos === 'V' && b.group && b.group.start > start && !b.group.infinitive) return b.token;
  return Number.MAX_SAFE_INTEGER;
}

/** The mentions that stand for a chunk: its head's, else its possessor's ("Russia's invasion"), else a modifier's ("a Russian attack"). */
function actorsOfChunk(ctx: SentenceContext, ch: Chunk, before = ch.end, exclude: number[] = []): { mentions: number[]; how: 'head' | 'possessor' | 'modifier' } | null {
  const { mentionAt } = ctx;
  const allowed = (m: number) => !exclude.some((x) => ctx.mentions[x].actor === ctx.mentions[m].actor);
  if (before === ch.end && mentionAt[ch.head] >= 0 && allowed(mentionAt[ch.head])) return { mentions: [mentionAt[ch.head]], how: 'head' };
  let modifiers: number[] = [], pronoun = -1;
  for (let i = ch.start; i < before; i++) {
    const m = mentionAt[i];
    if (m < 0) continue;
    const endTok = ctx.mentions[m].endToken;
    const after = modifiers.length ? ctx.mentions[modifiers[modifiers.length - 1]].endToken : -1;
    const joined = after >= 0 && ctx.mentions[m].firstToken === after + 1 && joiningHyphen(ctx.clause.tokens, after);
    i = endTok - 1;
    if (!allowed(m)) continue;
    const mark = ctx.clause.tokens[endTok]?.lower;
    if (mark === "'s" || mark === '’s' || mark === "'" || mark === '’') return { mentions: [m], how: 'possessor' };
    // "its NATO allies": a named modifier says more about the phrase than a possessive pronoun
    if (POSSESSIVE_PRONOUNS.has(ctx.clause.tokens[ctx.mentions[m].firstToken].lower)) pronoun = m;
    // "U.S.-Iranian talks", "the Israeli-Palestinian negotiations": names joined by a hyphen are parties together
    else modifiers = joined ? [...modifiers, m] : [m];
  }
  if (modifiers.length) return { mentions: modifiers, how: 'modifier' };
  return pronoun >= 0 ? { mentions: [pronoun], how: 'possessor' } : null;
}

/** The mentions of coordinated chunks, in order, without repeats, leaving out the actors of `exclude`. */
function actorsOfChunks(ctx: SentenceContext, chunks: Chunk[], exclude: number[] = []): number[] {
  const out: number[] = [];
  for (const ch of chunks) for (const m of actorsOfChunk(ctx, ch, ch.end, exclude)?.mentions ?? []) if (!out.includes(m)) out.push(m);
  return out;
}

const COMPLEMENT_PREPS = new Set(['of', 'by', 'with', 'for', 'on', 'against', 'from', 'to', 'in', 'throughout', 'across', 'over', 'under']);

/**
 * Who a phrase names: its own actors, else those of its complement ("calls by Belarus's rulers", "the computers of
 * South Korean army officers", "some of the soldiers"). What a transfer moves (troops, arms) is no recipient.
 */
function actorsNamedBy(ctx: SentenceContext, chunks: Chunk[], transfer: boolean, exclude: number[] = []): number[] {
  // the source itself is no recipient: "near its border with South Korea" names South Korea
  const direct = actorsOfChunks(ctx, transfer ? chunks.filter((ch) => !isTheme(ctx, ch)) : chunks, exclude);
  const coded = (ms: number[]) => ms.some((m) => ctx.actors.get(ctx.mentions[m].actor)?.code !== '---');
  if (direct.length && coded(direct)) return direct;
  const c = ctx.clause;
  if (!chunks.length) return [];
  let uncoded = direct;
  let cur = chunks[chunks.length - 1];
  for (let depth = 0; depth < 3; depth++) {
    // "Esfahan Uranium Conversion Facilities (UCF) in central Iran": an abbreviation in brackets keeps the complement
    const after = c.tokens[cur.end]?.text === '(' && c.tokens[cur.end + 2]?.text === ')' ? cur.end + 3 : cur.end;
    const next = chunkAtToken(c, after + 1);
    if (!next || next.start !== after + 1 || !next.prep || !COMPLEMENT_PREPS.has(next.prep)) break;
    const ms = actorsOfChunks(ctx, coordinatedAfter(c, next, c.end), exclude);
    // "doctors from two American aid groups": an uncoded person takes the country of the body they come from
    if (ms.length && coded(ms)) return ms;
    if (!uncoded.length) uncoded = ms;
    cur = next;
  }
  return uncoded;
}

/** Whether a chunk's head names what is moved (troops, arms, aid, workers) rather than who receives it. */
function isTheme(ctx: SentenceContext, ch: Chunk): boolean {
  // "shipped the first 1,500 of them": a bare number counts what is moved
  if (ctx.clause.tokens[ch.head].pos === 'NUM') return true;
  const cls = ctx.model.classes.get(ctx.clause.tokens[ch.head].lemma);
  if (cls && (cls.has('troops') || cls.has('arms') || cls.has('aid') || cls.has('workers'))) return true;
  // "they are likely to be sent": a pronoun that stands for soldiers
  const m = ctx.mentionAt[ch.head];
  return m >= 0 && !!ctx.mentions[m].anaphor && ctx.actors.get(ctx.mentions[m].actor)?.sector === 'MIL';
}

/** Classes of the words in a token range. */
function classesIn(ctx: SentenceContext, from: number, to: number, skip = -1): Set<string> {
  const out = new Set<string>();
  for (let i = from; i < to; i++) {
    if (i === skip) continue;
    const t = ctx.clause.tokens[i];
    // both: wink's lemma of "defences" is "defense", which the table may list under another class
    for (const cls of ctx.model.classes.get(t.lemma) ?? []) out.add(cls);
    if (t.lower !== t.lemma) for (const cls of ctx.model.classes.get(t.lower) ?? []) out.add(cls);
  }
  return out;
}

/** Prepositional chunks in a token range, in order, each with its coordinated followers. */
function prepositionalChunks(ctx: SentenceContext, from: number, to: number): { prep: string; chunks: Chunk[] }[] {
  const c = ctx.clause;
  const out: { prep: string; chunks: Chunk[] }[] = [];
  for (let i = from; i < to; i++) {
    const ch = chunkAtToken(c, i);
    if (!ch) continue;
    if (ch.prep !== null && ch.start === i) out.push({ prep: ch.prep, chunks: coordinatedAfter(c, ch, to) });
    i = ch.end - 1;
  }
  return out;
}

/** A transfer moves troops, arms, aid or workers, which are no recipient ("sent troops" has none), unless its verb acts on its object ("trained the troops"). */
const movesTheme = (ctx: SentenceContext, row: TriggerRow): boolean => familyOf(row) === 'transfer' && !ctx.model.classes.get(row.words[0])?.has('recipient-object');

/**
 * "convened leaders of the Group of Seven", "met officials of the agency": a bare noun of people, which only the
 * context gave a country, stands for the body its "of" phrase names.
 */
function bodyOfMembers(ctx: SentenceContext, chunks: Chunk[], found: number[], source: number[]): number[] {
  const c = ctx.clause;
  if (found.length !== 1 || chunks.length !== 1) return found;
  const m = ctx.mentions[found[0]];
  if (m.anaphor || m.firstToken < chunks[0].start || m.endToken > chunks[0].end) return found;
  for (let i = m.firstToken; i < m.endToken; i++) if (c.tokens[i].text[0] !== c.tokens[i].lower[0]) return found;
  const next = chunkAtToken(c, chunks[0].end + 1);
  if (!next || next.start !== chunks[0].end + 1 || next.prep !== 'of') return found;
  return actorsOfChunk(ctx, next, next.end, source)?.mentions ?? found;
}

/**
 * "rejected proposed Israeli changes", "evacuated the wounded from the besieged Bosnian town": a state the text names
 * only as a modifier is what a target slot holding it acts on, and becomes an actor. Not a recipient a row requires:
 * troops sent "to Ukrainian front lines" are not sent to Ukraine.
 */
function wakeDormantIn(ctx: SentenceContext, chunks: Chunk[], source: number[]): number[] {
  const own = new Set(source.map((m) => ctx.actors.get(ctx.mentions[m].actor)?.code));
  for (const ch of chunks) {
    for (const e of ctx.dormant) {
      const m = e.mentions.find((x) => x.firstToken >= ch.start && x.endToken <= ch.end);
      if (!m || own.has(e.code)) continue;
      ctx.dormant.splice(ctx.dormant.indexOf(e), 1);
      e.text = ctx.text.slice(e.mentions[0].start, e.mentions[0].end);
      addActor(ctx, e);
      return [ctx.mentions.indexOf(m)];
    }
  }
  return [];
}

function targetFor(ctx: SentenceContext, row: TriggerRow, obj: Chunk[] | null, pps: { prep: string; chunks: Chunk[] }[], extra: number[], source: number[]): { mentions: number[]; how: string } | null {
  if (row.targetObj && obj) {
    const ms = bodyOfMembers(ctx, obj, actorsNamedBy(ctx, obj, movesTheme(ctx, row), source), source);
    if (ms.length) return { mentions: ms, how: 'object' };
    const woken = row.targetRequired ? [] : wakeDormantIn(ctx, obj, source);
    if (woken.length) return { mentions: woken, how: 'the state that modifies its object' };
  }
  for (const pp of pps) {
    if (!row.targetPreps.has(pp.prep)) continue;
    const woken = row.targetRequired ? [] : wakeDormantIn(ctx, pp.chunks, source);
    if (woken.length) return { mentions: woken, how: `the state that modifies its "${pp.prep}" phrase` };
    const ms = bodyOfMembers(ctx, pp.chunks, actorsNamedBy(ctx, pp.chunks, movesTheme(ctx, row), source), source);
    if (ms.length) return { mentions: ms, how: `"${pp.prep}" phrase` };
  }
  if (extra.length && (row.targetObj || row.targetPreps.size)) return { mentions: extra, how: 'purpose clause' };
  return null;
}

/**
 * When no actor fills a target slot, a place in it may: "visited Pyongyang", "hit a radar site near Tehran". Only for
 * one source state (talks of two leaders "in Beijing" are not with China), and no force against the source's allies.
 */
function targetByPlace(ctx: SentenceContext, row: TriggerRow, obj: Chunk[] | null, pps: { prep: string; chunks: Chunk[] }[], source: number[]): { mentions: number[]; how: string } | null {
  const codes = new Set(source.map((m) => ctx.actors.get(ctx.mentions[m].actor)?.code ?? '---'));
  if (!ctx.places || codes.size !== 1 || codes.has('---')) return null;
  const chunks = [...(row.targetObj && obj ? obj : []), ...pps.filter((pp) => row.targetPreps.has(pp.prep)).flatMap((pp) => pp.chunks)];
  const place = placeTarget({ clause: ctx.clause, text: ctx.text, places: ctx.places, chunks });
  // a place at home is where the source acts, and one among its allies no target of its force
  if (!place || codes.has(place.code) || (familyOf(row) === 'force' && sidesWith(ctx, [...codes][0], place.code))) return null;
  const found = stateMentionFor(place.code, ctx.actors.values(), ctx.mentions) ?? placeAsState(ctx, place);
  return { mentions: [found], how: 'the state of a place it names' };
}

/** A state the article names only by a place ("Saddam Hussein arrived in Amman"): the place stands for it, as "Moscow" does. */
function placeAsState(ctx: SentenceContext, place: StatePlace): number {
  const { tokens } = ctx.clause;
  const first = tokens[place.firstToken], last = tokens[place.endToken - 1];
  const mention: Mention = { actor: '', start: first.start, end: last.end, firstToken: place.firstToken, endToken: place.endToken, sentence: first.sentence };
  const entity: ActorEntity = { id: '', text: ctx.text.slice(mention.start, mention.end), kind: 'state', code: place.code, mentions: [mention] };
  const name = ctx.places?.countryNames.get(place.code);
  if (name) entity.name = name;
  addActor(ctx, entity);
  return ctx.mentions.length - 1;
}

/** Adds an actor that stage 3 found to the document's actors, under the next free id, with its mentions. */
function addActor(ctx: SentenceContext, e: ActorEntity): void {
  e.id = `a${ctx.newActors.length + 1}`;
  for (const m of e.mentions) m.actor = e.id;
  ctx.newActors.push(e);
  ctx.actors.set(e.id, e);
  ctx.mentions.push(...e.mentions);
}

/** Whether the story so far has one state on the other's side: fighting for it, or sending it aid, troops or support. */
function sidesWith(ctx: SentenceContext, own: string, other: string): boolean {
  return ctx.history.some((a) => codesOf(ctx, a.source) === own
    && ((a.ally.length && codesOf(ctx, a.ally) === other) || ((a.row.type === 'AID' || a.row.type === 'SUPPORT' || a.row.type === 'COOPERATE') && codesOf(ctx, a.target) === other)));
}

function fillFrame(ctx: SentenceContext, h: Hit): Frame | null {
  return h.pos === 'V' ? verbFrame(ctx, h) : h.pos === 'N' ? nounFrame(ctx, h) : announcedReply(ctx, h) ?? obligationFrame(ctx, h);
}

/** The word class of a modal row that announces a reply rather than reporting an obligation or a penalty. */
const REPLY = 'reply';

/**
 * "Latvia's response will be swift if Moscow attacks", "if Minsk moves troops, Vilnius would respond": a
 * reply announced for a condition is a threat by the one who would reply against the one whose act would set it off.
 * Without both named it is left alone: a reply told without its condition is a forecast, not a warning.
 */
function announcedReply(ctx: SentenceContext, h: Hit): Frame | null {
  const row = h.rows.find((r) => r.object === REPLY);
  const c = ctx.clause;
  const g = h.group;
  // "would have responded if ...": a counterfactual threatens no one
  if (!row || !g || g.infinitive || c.tokens[h.token + 1]?.lower === 'have') return null;
  const subject = subjectOf(c, g);
  if (!subject || subject.route !== 'subject') return null;
  // "would be obliged to respond": the reply may be the infinitive the modal's verb governs
  const next = groupAtToken(c, g.end);
  const end = next && next.start === g.end && next.infinitive ? next.end : g.end;
  const classes = classesIn(ctx, h.end, end);
  for (const ch of subject.chunks) for (const k of classesIn(ctx, ch.start, ch.end)) classes.add(k);
  if (!classes.has(REPLY)) return null;
  // "the response would be immediate, he said": a reply no one is named for is the reporter's
  const named = actorsNamedBy(ctx, subject.chunks, false);
  const source = named.length ? named : reporterOf(ctx, g);
  if (!source.length) return null;
  const own = codesOf(ctx, source);
  for (let i = c.first; i < c.end; i++) {
    const word = c.tokens[i].lower;
    if (word !== 'if' && word !== 'unless') continue;
    // "if Israel errs Iran's response would be ...": a condition no comma closes is read as holding the reply too
    if (i < h.token && commaAfter(c, i) > subject.chunks[0].start) break;
    // wink reads "unless" as a preposition: the chunk after it then carries it as its preposition
    const ch = chunkAtToken(c, i + 1);
    if (!ch || ch.start !== i + 1 || (ch.prep !== null && ch.prep !== word)) continue;
    const target = actorsNamedBy(ctx, [ch], false, source).filter((m) => codesOf(ctx, [m]) !== own);
    if (!target.length) continue;
    const why = [`"${c.tokens[h.token].text}" announces a reply of ${describe(ctx, source)} (triggers.tsv line ${row.line}): ${row.type}`, `target: the one whose act would set it off ("${word} ${describe(ctx, target)}")`];
    return { row, source, target, confidence: 0.55, why };
  }
  return null;
}

/** Verbs whose subject reports what the clause they govern says. */
const REPORTING = new Set(['say', 'tell', 'warn', 'add']);

/** "Tehran said ... the response would be stronger", "..., he said": who reports a clause, other than its own verb's subject. */
function reporterOf(ctx: SentenceContext, own: VerbGroup): number[] {
  const c = ctx.clause;
  for (const g of c.groups) {
    if (g === own || g.infinitive || !REPORTING.has(c.tokens[g.head].lemma)) continue;
    const s = subjectOf(c, g);
    const ms = s ? actorsNamedBy(ctx, s.chunks, false) : [];
    if (ms.length) return ms;
  }
  return [];
}

/**
 * "a spokesperson said North Korea's deployment must end": the one who reports the obligation asks its subject to act;
 * "the ministry said Moscow would face retribution": the one who reports the penalty threatens its subject.
 */
function obligationFrame(ctx: SentenceContext, h: Hit): Frame | null {
  const c = ctx.clause;
  const g = h.group;
  if (!g || g.infinitive) return null;
  const obliged = subjectOf(c, g);
  if (!obliged || obliged.route !== 'subject') return null;
  let at = obliged.chunks[0].start - 1;
  if (at >= c.first && c.tokens[at].lower === 'that') at--;
  // "declared Tuesday that", "said here Wednesday that"
  for (let k = 0; k < 3 && at >= c.first; k++) {
    const time = chunkAtToken(c, at);
    if (c.tokens[at].pos === 'ADV') at--;
    else if (time && time.prep === null && ctx.mentionAt[time.head] < 0) at = time.start - 1;
    else break;
  }
  const report = groupAtToken(c, at);
  if (!report || report.head !== at) return null;
  const reporter = subjectOf(c, report);
  const source = reporter ? actorsNamedBy(ctx, reporter.chunks, false) : [];
  const target = actorsNamedBy(ctx, obliged.chunks, false).filter((m) => !source.includes(m));
  if (!source.length || !target.length) return null;
  // "said Russia would face consequences": what the modal governs decides whether it reports an obligation or a threat
  const obj = objectOf(c, g, 0);
  const classes = classesIn(ctx, h.end, obj ? obj.end : g.end);
  const row = h.rows.find((r) => r.object !== REPLY && (!r.object || classes.has(r.object)) && !(r.without && classes.has(r.without)));
  if (!row) return null;
  const role = row.type === 'THREATEN' ? 'who is warned' : 'who must act';
  const why = [`"${c.tokens[h.token].text}" in what ${describe(ctx, source)} reports (triggers.tsv line ${row.line}): ${row.type}`, `target: ${role}, ${describe(ctx, target)}`];
  return { row, source, target, confidence: 0.6, why };
}

function describe(ctx: SentenceContext, ms: number[]): string {
  return ms.map((m) => { const x = ctx.mentions[m]; return ctx.clause.tokens.slice(x.firstToken, x.endToken).map((t) => t.text).join(' '); }).join(' + ');
}

/**
 * "demanded Friday that the United States match ...": the subject of the clause a demand or threat governs; for a
 * threat also the one whose action would set it off ("threatened to strike unless Israel rescinded ...").
 */
function clauseSubjectAfter(ctx: SentenceContext, h: Hit, row: TriggerRow): number[] {
  const c = ctx.clause;
  const conditions = row.type === 'THREATEN';
  for (let i = h.end; i < c.end; i++) {
    const word = c.tokens[i].lower;
    if (HARD_STOPS.has(c.tokens[i].text) || (i >= h.end + 5 && !conditions)) break;
    if (word !== 'that' && !(conditions && (word === 'unless' || word === 'if'))) continue;
    const ch = chunkAtToken(c, i + 1);
    // wink reads "unless" as a preposition: the chunk after it then carries it as its preposition
    return ch && ch.start === i + 1 && (ch.prep === null || ch.prep === word) ? actorsNamedBy(ctx, [ch], false) : [];
  }
  return [];
}

/** "He called it a significant escalation of North Korea's involvement": whom a censure is about, when its object names no one. */
function firstActorIn(ctx: SentenceContext, from: number, to: number, source: number[]): { mentions: number[]; how: string } | null {
  for (let i = from; i < to; i++) {
    const ch = chunkAtToken(ctx.clause, i);
    if (!ch) continue;
    const ms = actorsOfChunks(ctx, [ch], source);
    if (ms.length) return { mentions: ms, how: 'the first actor in what it says' };
    i = ch.end - 1;
  }
  return null;
}

/** "Croatian authorities are failing refugees, a rights group protested": the subject of the clause reported before the comma. */
function clauseSubjectBefore(ctx: SentenceContext, subject: Subject): number[] {
  const c = ctx.clause;
  const comma = subject.chunks[0].start - 1;
  if (subject.route !== 'subject' || comma <= c.first || c.tokens[comma].text !== ',') return [];
  const reported = c.groups.find((g) => g.end <= comma && !g.infinitive);
  const s = reported ? subjectOf(c, reported) : null;
  return s ? actorsNamedBy(ctx, s.chunks, false) : [];
}

function verbFrame(ctx: SentenceContext, h: Hit): Frame | null {
  const c = ctx.clause;
  const g = h.group;
  if (!g) return null;
  const particles = h.particles;
  // the inflected word of the trigger: the last part of a hyphenated compound ("test-fired")
  const verb = c.tokens[h.end - 1 - particles];
  // "soldiers deployed to Russia", "a lunch hosted by the ambassador": a participle right after its noun, with no
  // auxiliary, is a passive whose subject is that noun
  // ("The treaty, signed by both leaders, pledges": or between commas, with its agent)
  const byAgent = c.tokens[h.end]?.lower === 'by';
  const host = byAgent ? insertionHost(c, g) : null;
  const noun = host ?? chunkAtToken(c, h.token - 1);
  const reduced = !g.passive && g.start === h.token && noun !== null && (noun === host || noun.end === h.token)
    && !isBaseForm(verb) && !verb.lower.endsWith('ing') && !objectOf(c, g, particles)
    && (byAgent || c.groups.some((later) => later.start > g.end && !later.infinitive && subjectOf(c, later)?.route === 'reduced-relative'));
  const subject: Subject | null = reduced ? { chunks: [noun], route: 'reduced-relative' } : subjectOf(c, g);
  // "is opposed to", "is committed to": a stance, not a passive act
  const stance = g.passive && c.tokens[h.end]?.lower === 'to' && h.rows.every((r) => r.type === 'REJECT' || r.type === 'AGREE' || r.type === 'SUPPORT');
  const passive = (g.passive && !stance) || reduced;
  const scopeFrom = h.end;
  const obj = passive ? null : objectOf(c, g, particles);
  const objChunks = obj ? coordinatedAfter(c, obj, h.scopeEnd) : null;
  const pps = prepositionalChunks(ctx, scopeFrom, h.scopeEnd);
  const classes = classesIn(ctx, scopeFrom, h.scopeEnd);
  if (passive && subject) for (const ch of subject.chunks) for (const k of classesIn(ctx, ch.start, ch.end)) classes.add(k);
  // "the treaty that Russia and North Korea signed": what the relative pronoun stands for is the object
  const antecedent = !passive && !obj && subject ? relativeObject(c, subject) : null;
  if (antecedent) for (const k of classesIn(ctx, antecedent.start, antecedent.end)) classes.add(k);
  const why: string[] = [];
  let confidence = 0.85;
  let source: number[] = [];
  let patient: number[] = [];
  // of an apposition ("Kenzo Oshima, the UN relief coordinator,") the description says whom the person acts for
  const subjectChunks = subject?.route === 'apposition' ? (actorsNamedBy(ctx, subject.chunks.slice(1), false).length ? subject.chunks.slice(1) : subject.chunks.slice(0, 1)) : subject?.chunks ?? [];
  let subjectActors = actorsNamedBy(ctx, subjectChunks, false);
  if (!subjectActors.length && subject?.route === 'subject' && g.start === g.head && c.tokens[g.head].lower.endsWith('ing')) {
    // "issued a declaration demanding that ...": a participle after an object speaks for the subject of that verb
    const governor = groupBefore(c, subjectChunks[0].start);
    const shared = governor ? subjectOf(c, governor) : null;
    if (shared) { subjectActors = actorsNamedBy(ctx, shared.chunks, false); why.push('source: the subject of the clause the participle belongs to'); }
  }
  // "has been accused of misusing funds, much of it embezzled, by officials": a passive's agent may come after a comma
  const agent = pps.find((p) => p.prep === 'by') ?? (passive ? prepositionalChunks(ctx, h.scopeEnd, c.end).find((p) => p.prep === 'by') : undefined);
  const agentActors = agent ? actorsOfChunks(ctx, agent.chunks) : [];
  if (obj && c.tokens[obj.head].pos === 'NUM') for (const k of elidedThemes(ctx, h, subjectActors)) classes.add(k);
  const subjectIsTheme = subject?.chunks.some((ch) => isTheme(ctx, ch)) ?? false;
  if (subject && subject.route !== 'subject' && !passive) { confidence -= 0.1; why.push(`source: subject shared through ${subject.route}`); }
  const objTheme = objChunks?.some((ch) => isTheme(ctx, ch)) ?? false;
  // what a transfer moves is not its recipient: "sent troops Russia" has none, "shipped Russia shells" has Russia
  const themeFree = objTheme ? secondObject(c, obj!, h.scopeEnd) : objChunks;
  const purposeTargets = h.purpose ? beneficiaries(ctx, h.purpose) : [];
  for (const row of h.rows) {
    if ((row.object && !classes.has(row.object)) || (row.without && classes.has(row.without))) continue;
    const giver = !passive && row.agentPreps.size ? pps.find((p) => row.agentPreps.has(p.prep)) : undefined;
    if (giver) {
      // "Russia may acquire missiles from Iran": the one it comes from gives, the subject receives
      source = actorsNamedBy(ctx, giver.chunks, false);
      patient = subjectActors;
      if (!source.length) continue;
    } else if (!passive) { source = subjectActors; patient = []; }
    else if ((subjectIsTheme && movesTheme(ctx, row)) || row.object === 'front') {
      // "soldiers were sent to Russia", "they will be sent to the front": the subject is what was moved, and whoever
      // owns it sent it
      source = agentActors.length ? agentActors : subjectActors;
      patient = [];
    } else { source = agentActors; patient = subject ? actorsNamedBy(ctx, subject.chunks, false) : []; }
    const reported = row.embeds === 'absorb' || row.embeds === 'cite' ? [...clauseSubjectAfter(ctx, h, row), ...(subject ? clauseSubjectBefore(ctx, subject) : [])] : [];
    const found = patient.length && (giver || row.targetObj || row.targetPreps.size)
      ? { mentions: patient, how: giver ? 'subject, who receives' : 'subject of the passive' }
      : targetFor(ctx, row, movesTheme(ctx, row) ? themeFree : objChunks, pps, purposeTargets, source)
        ?? (reported.length ? { mentions: reported, how: 'subject of the clause it governs' } : null)
        ?? (row.targetObj && objChunks && !movesTheme(ctx, row) ? objectRelativeClause(ctx, objChunks, source) : null)
        ?? targetByPlace(ctx, row, movesTheme(ctx, row) ? themeFree : objChunks, pps, source);
    if (row.targetRequired && !found) continue;
    let target = found?.mentions ?? [];
    why.unshift(`trigger "${c.tokens.slice(h.token, h.end).map((t) => t.text).join(' ')}" (verb, triggers.tsv line ${row.line}): ${row.type}${row.mode ? '/' + row.mode : ''}`);
    if (passive) why.push(patient.length || !source.length ? 'passive: source from the "by" phrase, target from the subject' : 'passive: the subject is what was moved, and its owner the source');
    const earlier = passive && !source.length && MEASURES.has(row.type) ? recentAct(ctx, row.type, c.tokens[h.token].sentence) : null;
    if (earlier) {
      // "long-term contracts will be banned from January": a measure in the passive that names no agent goes on with
      // the measure just told, by the same source, towards the same target unless it names one
      source = earlier.source;
      if (!target.length) target = earlier.target.filter((m) => !source.includes(m));
      confidence -= 0.2;
      why.push(`passive without an agent: continues the ${row.type} act of sentence ${earlier.sentence + 1}`);
    }
    if (source.some((m) => ctx.mentions[m].anaphor)) { confidence -= 0.1; why.push('source is a pronoun or description resolved by coreference'); }
    if (source.length) why.push(`source: ${describe(ctx, source)}`);
    if (target.length) why.push(`target from ${found?.how ?? 'that act'}: ${describe(ctx, target)}`);
    else confidence -= 0.05;
    return { row, source, target, ally: sideOf(ctx, row, pps, source), confidence, why, route: subject?.route };
  }
  return null;
}

/**
 * Measures an authority imposes or lifts: told in the passive without an agent ("will be banned", "were eased"), they
 * go on with the one just told. Not acts of force, whose victims are told in the passive ("soldiers were killed")
 * when the one who acted last is often their enemy.
 */
const MEASURES: ReadonlySet<PloverType> = new Set(['SANCTION', 'CONCEDE']);

/** The latest act of a type told in the last few sentences before `sentence`, or in it. */
function recentAct(ctx: SentenceContext, type: PloverType, sentence: number): Antecedent | null {
  for (let k = ctx.history.length - 1; k >= 0; k--) {
    const a = ctx.history[k];
    if (sentence - a.sentence > RECENT_SENTENCES) return null;
    if (a.row.type === type) return a;
  }
  return null;
}

/**
 * "sent 8,000 workers to Russia and planned to send several thousand more": an object that only counts moves what the
 * same verb of the same source moved last.
 */
function elidedThemes(ctx: SentenceContext, h: Hit, source: number[]): Set<string> {
  const lemma = ctx.clause.tokens[h.token].lemma;
  const own = codesOf(ctx, source);
  for (let k = ctx.history.length - 1; k >= Math.max(0, ctx.history.length - LOOKBACK); k--) {
    const a = ctx.history[k];
    if (a.lemma === lemma && (!own || codesOf(ctx, a.source) === own)) return a.themes;
  }
  return new Set();
}

/** The second of two bare objects ("shipped Russia millions of shells" has Russia first; "sent troops Russia" has none). */
function secondObject(c: Clause, obj: Chunk, limit: number): Chunk[] | null {
  const next = chunkAtToken(c, obj.end);
  return next && next.start === obj.end && next.prep === null && next.end <= limit ? [next] : null;
}

/** Who a purpose clause benefits: "to support Russia", "to fight for Russia", "to help defend Saudi Arabia". */
function beneficiaries(ctx: SentenceContext, g: VerbGroup): number[] {
  const c = ctx.clause;
  const verb = c.tokens[g.head];
  if (!ctx.model.classes.get(verb.lemma)?.has('benefit')) return [];
  const obj = objectOf(c, g);
  if (obj) {
    const ms = actorsOfChunk(ctx, obj);
    if (ms) return ms.mentions;
  }
  for (let i = g.end; i < c.end && i < g.end + 6; i++) {
    const ch = chunkAtToken(c, i);
    if (ch && (ch.prep === 'for' || ch.prep === 'alongside')) return actorsOfChunk(ctx, ch)?.mentions ?? [];
  }
  return [];
}

function nounFrame(ctx: SentenceContext, h: Hit): Frame | null {
  const c = ctx.clause;
  const own = h.chunk;
  if (!own) return null;
  const headCls = ctx.model.classes.get(c.tokens[own.head].lemma);
  if (own.head !== h.end - 1 && !headCls?.has('container')) return null;
  // "a package of sanctions": the frame is the container's
  let np = own;
  if (own.prep === 'of') {
    const holder = chunkAtToken(c, own.start - 2);
    if (holder && holder.end === own.start - 1 && ctx.model.classes.get(c.tokens[holder.head].lemma)?.has('container')) np = holder;
  }
  const complement = prepositionalChunks(ctx, own.end, complementEnd(c, own.end));
  const classes = classesIn(ctx, np.start, own.end, h.token);
  for (const pp of complement) for (const ch of pp.chunks) for (const k of classesIn(ctx, ch.start, ch.end)) classes.add(k);
  const why: string[] = [];
  let confidence = 0.75;
  // the lemma of the noun that holds the trigger, when it is a container ("package" of "its 16th package of sanctions")
  const container = np !== own ? c.tokens[np.head].lemma : own.head !== h.token ? c.tokens[own.head].lemma : undefined;
  for (const row of h.rows) {
    if (!h.antecedent && ((row.object && !classes.has(row.object)) || (row.without && classes.has(row.without)))) continue;
    let source: number[] = [];
    let target: number[] = [];
    // only the noun's own first phrase (or the one after "of"/"to") can name its agent, not a phrase of a later noun
    const ownPps = complement.slice(0, complement[0] && (complement[0].prep === 'of' || complement[0].prep === 'to') ? 2 : 1);
    const agent = ownPps.find((pp) => pp.prep === 'by' || row.agentPreps.has(pp.prep));
    if (agent) source = actorsOfChunks(ctx, agent.chunks);
    let sourceHow = agent ? `"${agent.prep}" phrase` : '';
    let possessed: number[] = [];
    if (!source.length) {
      const inside = actorsOfChunk(ctx, np, np === own ? h.token : np.end) ?? (np !== own ? actorsOfChunk(ctx, own, h.token) : null);
      if (inside && inside.how === 'possessor' && row.possessorIsTarget) possessed = inside.mentions;
      else if (inside) { source = inside.mentions; sourceHow = inside.how; }
    }
    const joinedParties = source.length > 1 && sourceHow === 'modifier';
    // "talks between Tehran and Washington", "a ceasefire between Israel and Iran": the parties act together
    const parties = source.length || possessed.length ? undefined : ownPps.find((pp) => pp.prep === 'between');
    if (parties) source = actorsOfChunks(ctx, parties.chunks);
    const mutual = joinedParties || (!!parties && source.length > 0);
    if (mutual) sourceHow = joinedParties ? 'names joined by a hyphen, the parties together' : '"between" phrase, the parties named together';
    const light = lightVerbOf(ctx, np);
    let lightPps: { prep: string; chunks: Chunk[] }[] = [];
    if (light) {
      // "Russia and Belarus held their exercises": a pronoun possessing the light verb's object stands for its subject
      const ownPronoun = sourceHow === 'possessor' && source.every((m) => ctx.mentions[m].anaphor);
      const subject = light.subject && (!source.length || ownPronoun) ? actorsNamedBy(ctx, light.subject.chunks, false) : [];
      if (subject.length) { source = subject; sourceHow = `subject of "${c.tokens[light.group.head].text}"`; }
      lightPps = prepositionalChunks(ctx, np.end, light.scopeEnd);
    } else if (!source.length && np.prep !== null && PARTICIPATION.has(np.prep)) {
      // "return to Geneva for talks", "killed in fighting against": the subject of the clause takes part in the act
      const g = groupBefore(c, np.start);
      const subject = g ? subjectOf(c, g) : null;
      if (g && subject) { source = actorsNamedBy(ctx, subject.chunks, false); sourceHow = `subject of "${c.tokens[g.head].text} ... ${np.prep}"`; confidence -= 0.1; }
    }
    const indirect = light?.indirect ? actorsOfChunk(ctx, light.indirect) : null;
    const reported = row.embeds === 'absorb' || row.embeds === 'cite' ? clauseSubjectAfter(ctx, h, row) : [];
    const found = indirect ? { mentions: indirect.mentions, how: 'indirect object' }
      : targetFor(ctx, row, null, [...complement, ...lightPps], h.purpose ? beneficiaries(ctx, h.purpose) : [], source) ?? (reported.length ? { mentions: reported, how: 'subject of the clause it governs' } : null)
        ?? targetByPlace(ctx, row, null, [...complement, ...lightPps], source);
    if (found) target = found.mentions.filter((m) => !source.includes(m));
    else if (possessed.length) target = possessed;
    else if (row.targetObj || row.targetPreps.size) {
      const hit = relativeClauseActor(ctx, complementEnd(c, own.end), source);
      if (hit.length) { target = hit; confidence -= 0.1; why.push(`target: named in the relative clause that says what it does: ${describe(ctx, hit)}`); }
    }
    const earlier = h.antecedent;
    if (earlier) {
      // another act of the kind: by the same actors towards the same, unless the sentence names others
      if (!source.length) { source = earlier.source; sourceHow = `the act its container held in sentence ${earlier.sentence + 1}`; confidence -= 0.2; }
      if (!target.length) target = earlier.target.filter((m) => !source.includes(m));
      why.push(`"${c.tokens.slice(own.start, h.end).map((t) => t.text).join(' ')}" is another act of the kind it held in sentence ${earlier.sentence + 1}`);
    }
    // a definite event noun without a recipient of its own ("the deployment", "North Korea's troop deployment") is
    // an act told before: it takes that act's type and actors
    const definite = ANAPHORIC_DETERMINERS.has(c.tokens[np.start].lower) || sourceHow === 'possessor';
    if (definite && !agent && !mutual && (!target.length || !source.length)) {
      const a = antecedentOf(ctx, h, source);
      if (a) {
        why.push(`"${c.tokens.slice(np.start, h.end).map((t) => t.text).join(' ')}" refers back to the ${a.row.type} event of sentence ${a.sentence + 1}, whose type and actors it takes`);
        return { row: a.row, source: source.length ? source : a.source, target: target.length ? target : a.target, confidence: confidence - (source.length ? 0.1 : 0.2), why, repeats: true, container };
      }
    }
    if (row.targetRequired && !found) continue;
    if (!definite && !agent && !source.length) {
      // "preparations for a seventh nuclear test ... A nuclear test could be carried out", "further shipments": another
      // act of the same kind, told before, by the same actors
      const a = antecedentOf(ctx, h, source);
      const additive = ADDITIVE.has(c.tokens[np.start].lower);
      if (a && a.row.type === row.type && (additive || (a.lemma === c.tokens[h.token].lemma && c.tokens[h.token].sentence - a.sentence <= RECENT_SENTENCES))) {
        source = a.source;
        if (!target.length) target = a.target.filter((m) => !source.includes(m));
        sourceHow = `the same act told in sentence ${a.sentence + 1}`;
        confidence -= 0.2;
      }
    }
    why.push(`trigger "${c.tokens.slice(h.token, h.end).map((t) => t.text).join(' ')}" (noun, triggers.tsv line ${row.line}): ${row.type}${row.mode ? '/' + row.mode : ''}`);
    if (source.length) why.push(`source from ${sourceHow}: ${describe(ctx, source)}`);
    if (target.length) why.push(`target: ${describe(ctx, target)}`);
    else confidence -= 0.05;
    return { row, source, target, ally: sideOf(ctx, row, [...complement, ...lightPps], source), confidence, why, mutual, container };
  }
  return null;
}

const THEMES = ['troops', 'arms', 'aid', 'workers'];
/** Words that make an event noun another act of a kind told before ("further shipments", "more strikes"). */
const ADDITIVE = new Set(['further', 'more', 'another', 'additional']);
/** How far back an indefinite event noun without actors ("a nuclear test") takes them from the same act just told. */
const RECENT_SENTENCES = 3;
/** How many earlier events a later mention may refer back to: a news story's thread, and linear work in long texts. */
const LOOKBACK = 40;
/** Material acts that go on towards the same recipient when the text does not repeat it ("is likely to send more troops"). */
const CONTINUING: ReadonlySet<PloverType> = new Set(['AID', 'MOBILIZE', 'COOPERATE', 'ASSAULT']);

/** What a trigger moves: the theme classes in its clause, or those its own word implies ("deployment": troops). */
function themesOf(ctx: SentenceContext, h: Hit): Set<string> {
  const from = h.chunk ? h.chunk.start : h.end;
  const to = h.chunk ? Math.max(h.chunk.end, h.scopeEnd) : h.scopeEnd;
  const found = classesIn(ctx, from, to);
  for (const k of ctx.model.classes.get(ctx.clause.tokens[h.token].lemma) ?? []) found.add(k);
  return new Set(THEMES.filter((t) => found.has(t)));
}

const codesOf = (ctx: SentenceContext, ms: number[]): string => [...new Set(ms.map((m) => ctx.actors.get(ctx.mentions[m].actor)?.code))].sort().join('+');

/**
 * A forceful act "in response to" (or "in retaliation for") someone's act is aimed at that someone: "a limited
 * Israeli strike in response to Iran's attack" targets Iran.
 */
function answeredActor(ctx: SentenceContext, h: Hit, f: Frame): void {
  if (familyOf(f.row) !== 'force' && f.row.type !== 'THREATEN') return;
  const c = ctx.clause;
  for (let i = c.first; i < c.end; i++) {
    const w = c.tokens[i];
    if (!ctx.model.classes.get(w.lemma)?.has('response')) continue;
    const ch = chunkAtToken(c, i + 2);
    if (!ch || ch.start !== i + 2 || (ch.prep !== 'to' && ch.prep !== 'for')) {
      if (i > h.token && c.tokens[i - 1].lower === 'in' && answerToActJustTold(ctx, h, f, i)) return;
      continue;
    }
    const answered = actorsOfChunk(ctx, ch, ch.end, f.source);
    if (!answered) continue;
    f.target = answered.mentions;
    f.confidence -= 0.1;
    f.why.push(`target: the one whose act it answers ("${c.tokens.slice(i, ch.end).map((t) => t.text).join(' ')}")`);
    return;
  }
}

/** How far after a forceful act its condition may begin ("would strike back strongly if ..."). */
const CONDITION_REACH = 6;

/**
 * "would strike back strongly if the North staged a provocation": a forceful act conditioned on someone else's act
 * is aimed at that someone, the subject of its "if" or "unless" clause.
 */
function provokingActor(ctx: SentenceContext, h: Hit, f: Frame): void {
  if (familyOf(f.row) !== 'force') return;
  const c = ctx.clause;
  const own = codesOf(ctx, f.source);
  for (let i = h.end; i < c.end && i <= h.end + CONDITION_REACH; i++) {
    if (HARD_STOPS.has(c.tokens[i].text)) return;
    const word = c.tokens[i].lower;
    if (word !== 'if' && word !== 'unless') continue;
    // wink reads "unless" as a preposition: the chunk after it then carries it as its preposition
    const ch = chunkAtToken(c, i + 1);
    if (!ch || ch.start !== i + 1 || (ch.prep !== null && ch.prep !== word)) return;
    const who = actorsNamedBy(ctx, [ch], false, f.source).filter((m) => codesOf(ctx, [m]) !== own);
    if (!who.length) return;
    f.target = who;
    f.confidence -= 0.15;
    f.why.push(`target: the one whose act would set it off ("${word} ${describe(ctx, who)}")`);
    return;
  }
}

/** How many sentences back a bare "in response" looks for the act it answers. */
const RESPONSE_REACH = 1;

/**
 * "the North blew up the roads ..., and South Korean troops fired warning shots in response": a bare "in response"
 * after the trigger, in its clause, answers the latest act against the source just told, and is aimed at its author.
 */
function answerToActJustTold(ctx: SentenceContext, h: Hit, f: Frame, at: number): boolean {
  const c = ctx.clause;
  for (let i = h.end; i < at; i++) if (c.tokens[i].text === ',' || HARD_STOPS.has(c.tokens[i].text)) return false;
  const own = codesOf(ctx, f.source);
  const sentence = c.tokens[h.token].sentence;
  for (let k = ctx.history.length - 1; k >= 0 && sentence - ctx.history[k].sentence <= RESPONSE_REACH; k--) {
    const a = ctx.history[k];
    if (!a.target.length || codesOf(ctx, a.source) === own || !a.target.some((m) => codesOf(ctx, [m]) === own)) continue;
    f.target = a.source;
    f.confidence -= 0.15;
    f.why.push(`target: "${c.tokens[at].text}" answers the ${a.row.type} act against it of sentence ${a.sentence + 1}, by ${describe(ctx, a.source)}`);
    return true;
  }
  return false;
}

/**
 * "a package of sanctions that would ban imports of Russian gas", "an attack which killed three Ukrainian soldiers":
 * the first actor in a relative clause whose pronoun is its subject. One with a subject of its own ("sanctions that
 * Russia ignores") names no recipient.
 */
function relativeClauseActor(ctx: SentenceContext, at: number, source: number[]): number[] {
  const c = ctx.clause;
  const pronoun = c.tokens[at];
  if (at + 1 >= c.end || (pronoun.lower !== 'that' && pronoun.lower !== 'which')) return [];
  // "roads that once linked the two Koreas": an adverb may come before the verb
  const verb = c.tokens[at + 1].pos === 'ADV' ? at + 2 : at + 1;
  const g = groupAtToken(c, verb);
  if (!g || g.start > verb) return [];
  return firstActorIn(ctx, g.end, commaAfter(c, g.end), source)?.mentions ?? [];
}

/** "damaged a cable that links Finland with Estonia": a verb's object says in a relative clause whom the act reaches. */
function objectRelativeClause(ctx: SentenceContext, obj: Chunk[], source: number[]): { mentions: number[]; how: string } | null {
  const own = codesOf(ctx, source);
  // "drones that crossed into Polish airspace" reach the one who shoots them down, not a target
  const hit = relativeClauseActor(ctx, complementEnd(ctx.clause, obj[obj.length - 1].end), source).filter((m) => codesOf(ctx, [m]) !== own);
  return hit.length ? { mentions: hit, how: 'the relative clause that says what its object does' } : null;
}

/** The first comma or hard stop from token i on, or the end of the sentence: where a clause told inside it ends. */
function commaAfter(c: Clause, i: number): number {
  while (i < c.end && c.tokens[i].text !== ',' && !HARD_STOPS.has(c.tokens[i].text)) i++;
  return i;
}

/** A protest's purpose clause says what it is against: "blocked a road to show their disapproval of the United States' policies". */
function protestedActor(ctx: SentenceContext, h: Hit, f: Frame): void {
  if (f.row.type !== 'PROTEST' || !h.purpose) return;
  const found = firstActorIn(ctx, h.purpose.end, commaAfter(ctx.clause, h.purpose.end), f.source);
  if (!found) return;
  f.target = found.mentions;
  f.confidence -= 0.1;
  f.why.push(`target: the first actor in its purpose clause, what it protests against: ${describe(ctx, found.mentions)}`);
}

/** Prepositions that name the side an assault is fought on, not its target. */
const SIDES = new Set(['for', 'alongside']);

/** Whose side an assault is fought on: "fighting for Russia", "fought alongside Russian troops". */
function sideOf(ctx: SentenceContext, row: TriggerRow, pps: { prep: string; chunks: Chunk[] }[], source: number[]): number[] {
  if (row.type !== 'ASSAULT') return [];
  const pp = pps.find((p) => SIDES.has(p.prep));
  return pp ? actorsNamedBy(ctx, pp.chunks, false, source) : [];
}

/** The enemy of a side: the target of its latest assault, or the source of the latest assault on it. */
function enemyOf(ctx: SentenceContext, side: string): number[] {
  for (let k = ctx.history.length - 1; k >= Math.max(0, ctx.history.length - LOOKBACK); k--) {
    const a = ctx.history[k];
    if (a.row.type !== 'ASSAULT') continue;
    if (codesOf(ctx, a.source) === side && a.target.length) return a.target;
    if (a.target.length && codesOf(ctx, a.target) === side) return a.source;
  }
  return [];
}

/**
 * A material act with no recipient named continues the latest act of its family by the same source, towards that
 * recipient. The thread of a war story also names it: forces that fight for an ally are sent to that ally ("fighting
 * for Russia" ... "is likely to send more troops"), and fighting on an ally's side is fighting its enemy.
 */
function continueEarlierAct(ctx: SentenceContext, h: Hit, f: Frame): void {
  if (!CONTINUING.has(f.row.type)) return;
  const family = familyOf(f.row);
  const own = codesOf(ctx, f.source);
  if (f.row.type === 'ASSAULT' && f.ally?.length) {
    const enemy = enemyOf(ctx, codesOf(ctx, f.ally)).filter((m) => !f.source.includes(m));
    if (enemy.length) {
      f.target = enemy;
      f.confidence -= 0.15;
      f.why.push(`fights on the side of ${describe(ctx, f.ally)}: its target is that side's enemy, ${describe(ctx, enemy)}`);
      return;
    }
  }
  for (let k = ctx.history.length - 1; k >= Math.max(0, ctx.history.length - LOOKBACK); k--) {
    const a = ctx.history[k];
    if (family === 'transfer' && a.row.type === 'ASSAULT' && a.ally.length && codesOf(ctx, a.source) === own) {
      const aid = h.rows.find((r) => r.type === 'AID' && (!r.object || r.object === f.row.object));
      if (!aid) return;
      f.target = a.ally.filter((m) => !f.source.includes(m));
      f.row = aid;
      f.confidence -= 0.15;
      f.why.push(`no recipient named: its forces fight for ${describe(ctx, a.ally)} (sentence ${a.sentence + 1}), who receive what it sends`);
      return;
    }
    if (familyOf(a.row) !== family || codesOf(ctx, a.source) !== own) continue;
    if (!a.target.length) return;
    f.target = a.target.filter((m) => !f.source.includes(m));
    f.row = h.rows.find((r) => r.type === a.row.type && (!r.object || r.object === f.row.object)) ?? f.row;
    f.confidence -= 0.15;
    f.why.push(`no recipient named: continues the ${a.row.type} act of sentence ${a.sentence + 1}, towards its target`);
    return;
  }
}

/**
 * "Kim ratified the treaty with Russia ... Putin signed the law ratifying the treaty": a verb whose object is a thing
 * told before ("the treaty") repeats an act of the same word. By the same source it has the same target; by that act's
 * target it answers its source.
 */
function partyToActToldBefore(ctx: SentenceContext, h: Hit, f: Frame): void {
  const c = ctx.clause;
  const obj = h.group ? objectOf(c, h.group, h.end - h.token - 1) : null;
  if (!obj || obj.prep !== null || !ANAPHORIC_DETERMINERS.has(c.tokens[obj.start].lower) || ctx.mentionAt[obj.head] >= 0) return;
  const lemma = c.tokens[h.token].lemma;
  const own = codesOf(ctx, f.source);
  for (let k = ctx.history.length - 1; k >= Math.max(0, ctx.history.length - LOOKBACK); k--) {
    const a = ctx.history[k];
    if (a.lemma !== lemma || a.row.type !== f.row.type || !a.target.length || !nounIn(c.tokens, c.tokens[obj.head].lemma, a.sentence, obj.start)) continue;
    const other = codesOf(ctx, a.source) === own ? a.target : codesOf(ctx, a.target) === own ? a.source : [];
    if (!other.length) return;
    f.target = other.filter((m) => !f.source.includes(m));
    f.confidence -= 0.15;
    f.why.push(`"${c.tokens.slice(obj.start, obj.end).map((t) => t.text).join(' ')}" was told in sentence ${a.sentence + 1}: the other party to that act`);
    return;
  }
}

/** Whether sentence `sentence`, before token `before`, has a word of lemma `lemma` ("the treaty" told in it). */
function nounIn(tokens: Token[], lemma: string, sentence: number, before: number): boolean {
  for (let k = before - 1; k >= 0 && tokens[k].sentence >= sentence; k--) if (tokens[k].sentence === sentence && tokens[k].lemma === lemma) return true;
  return false;
}

/**
 * The earlier event that a definite event noun names: of a type the noun can have, by the same source when the noun
 * names one, preferring the same word ("deploy" ... "the deployment", "ship" ... "these shipments"), else the latest.
 */
function antecedentOf(ctx: SentenceContext, h: Hit, source: number[]): Antecedent | null {
  const types = new Set(h.rows.map((r) => r.type));
  const stem = ctx.clause.tokens[h.token].lemma.slice(0, 4);
  const themes = themesOf(ctx, h);
  const own = source.length ? codesOf(ctx, source) : '';
  let sameTheme: Antecedent | null = null, latest: Antecedent | null = null;
  for (let k = ctx.history.length - 1; k >= Math.max(0, ctx.history.length - LOOKBACK); k--) {
    const a = ctx.history[k];
    if (!types.has(a.row.type) || (own && codesOf(ctx, a.source) !== own)) continue;
    // "the deployment" (troops) is not a delivery of weapons told before
    if (themes.size && a.themes.size && ![...themes].some((t) => a.themes.has(t))) continue;
    if (a.lemma.startsWith(stem)) return a;
    if (!sameTheme && [...themes].some((t) => a.themes.has(t))) sameTheme = a;
    latest ??= a;
  }
  return sameTheme ?? latest;
}

/** "sent troops to Russia and plans to dispatch 10,000 more": a verb that shares its subject by coordination shares an unnamed target too. */
function shareCoordinatedTargets(hits: Hit[]): void {
  for (let k = 1; k < hits.length; k++) {
    const f = hits[k].frame;
    if (!f || f.target.length || (f.route !== 'coordination' && f.route !== 'infinitive')) continue;
    for (let j = k - 1; j >= 0; j--) {
      const e = hits[j].frame;
      if (!e || familyOf(e.row) !== familyOf(f.row) || e.source.join() !== f.source.join()) continue;
      if (e.target.length) {
        f.target = e.target;
        f.row = hits[k].rows.find((r) => r.type === e.row.type && r.object === f.row.object) ?? f.row;
        f.why.push('target shared with the coordinated verb before it');
        f.confidence -= 0.1;
      }
      break;
    }
  }
}

/** The noun's own complement: prepositional phrases that follow it directly ("invasion of Ukraine by ..."). */
function complementEnd(c: Clause, from: number): number {
  let i = from;
  while (i < c.end) {
    const t = c.tokens[i];
    if (t.pos !== 'ADP') break;
    const ch = chunkAtToken(c, i + 1);
    if (!ch || ch.start !== i + 1) break;
    i = ch.end;
    while (i < c.end && (c.tokens[i].lower === 'and' || c.tokens[i].lower === ',') && chunkAtToken(c, i + 1)?.start === i + 1) i = chunkAtToken(c, i + 1)!.end;
  }
  return i;
}

/** A light verb whose object the noun is ("imposed sanctions", "held talks", "returned to talks", "handed him a protest note"). */
function lightVerbOf(ctx: SentenceContext, np: Chunk): { group: VerbGroup; subject: Subject | null; indirect: Chunk | null; scopeEnd: number } | null {
  const c = ctx.clause;
  let at = np.start - 1;
  let indirect: Chunk | null = null;
  const before = chunkAtToken(c, at);
  if (before && before.prep === null && before.end === np.start) { indirect = before; at = before.start - 1; }
  // particles or a preposition between the verb and the noun ("carry out", "engage in", "return to")
  for (let back = 0; back <= 2; back++) {
    const g = groupAtToken(c, at - back);
    if (!g || g.head !== at - back) continue;
    const verb = c.tokens[g.head];
    const shapes = ctx.model.lightVerbs.get(verb.lemma) ?? ctx.model.lightVerbs.get(verb.lower);
    if (!shapes) return null;
    // the words between verb and noun but adverbs, the noun's preposition among them ("returned to talks": ["to"];
    // "announce more assistance": [])
    const between = c.tokens.slice(g.head + 1, at + 1).filter((t) => t.pos !== 'ADV').map((t) => t.lower);
    if (!shapes.some((p) => p.length === between.length && p.every((w, k) => w === between[k]))) return null;
    let end = np.end;
    while (end < c.end && !HARD_STOPS.has(c.tokens[end].text) && c.tokens[end].text !== ',' && !groupAtToken(c, end) && c.tokens[end].pos !== 'SCONJ') end++;
    return { group: g, subject: g.passive ? null : subjectOf(c, g), indirect, scopeEnd: end };
  }
  return null;
}

/**
 * An absorbing verb without a named object takes its target from the act it talks about: that act's source when
 * someone else does it ("condemned these shipments", "demanded that China drop barriers"), else that act's target
 * ("threatened to impose restrictions against German goods").
 */
function adoptGovernedTarget(h: Hit, f: Frame): void {
  for (const b of h.governs) {
    const g = b.frame;
    if (!g) continue;
    const other = g.source.filter((m) => !f.source.includes(m));
    f.target = other.length ? other : g.target.filter((m) => !f.source.includes(m));
    if (f.target.length) { f.why.push(`target: the ${other.length ? 'source' : 'target'} of the act it talks about`); f.confidence -= 0.1; return; }
  }
}
