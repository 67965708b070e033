// Stage 2: find actors (states, organisations, agents, officials) and resolve coreference inside the article.
import type { ActorKind } from '../core/record.js';
import { isName, normalisePhrase, type ActorModel, type Phrase, type ReferenceKind, type Sense } from './model/actors.js';
import type { ActorEntity, Analysed, Mention, Token } from './types.js';

type CountrySense = Extract<Sense, { type: 'country' }>;
type OrgSense = Extract<Sense, { type: 'org' }>;
type PersonSense = Extract<Sense, { type: 'person' }>;

/** What a stretch of text names, before it is merged with the other mentions of the same actor. */
interface ActorSpec {
  kind: ActorKind;
  code: string;
  sector?: string;
  org?: string;
  name?: string;
  title?: string;
  /** nouns that may refer back to it later ("the agency") */
  refs?: string[];
  /** the role noun it was named by ("defence minister"), so that "Defence Minister Kim" later takes its country */
  role?: string;
}

/** A table phrase found in the text; `capitalised` says whether its name senses apply. */
interface Match { phrase: Phrase; end: number; capitalised: boolean }

/** A body or state that stands before a noun and gives it a country: "North Korean", "South Korea's", "NIS", "the White House". */
interface Modifier { code: string; sector?: string; org?: OrgSense; spec: ActorSpec }

/** Determiners that make a bare agent noun definite, so that it refers back ("the troops"). */
const DEFINITE = new Set(['the', 'these', 'those']);
const POSSESSIVE = new Set(["'s", "'", '’s', '’']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her']);
/** What each kind of pronoun may refer to, by the kind of the mention ("the army" is singular though it is one actor with "the troops"). */
const REFERENT: Record<string, (kind: ActorKind) => boolean> = {
  singular: (k) => k === 'state' || k === 'igo' || k === 'organization',
  plural: (k) => k === 'group',
  person: (k) => k === 'person',
};
/** Sectors of the state's own organs: a bare noun of these ("lawmakers", "the troops") belongs to the country in context; a bare "tanker" or "company" does not. */
const CONTEXT_SECTORS = new Set(['GOV', 'MIL', 'SPY', 'LEG', 'JUD', 'COP', 'LAB', 'CVL', 'REB', 'OPP', 'PTY', 'NGO', 'MED']);
/** Military aircraft and ship types: "MiG-29s", "F-16", "Su-34s". */
const DESIGNATION = /^\p{Lu}[\p{L}]*-\d+[a-z]*$/u;
/** Sectors that only a state has: without a state to belong to, such a noun names no actor. */
const STATE_ORGANS = new Set(['GOV', 'MIL', 'SPY', 'LEG', 'JUD', 'COP']);
/** Roles held only within a state, its organs and its former office-holders ("a former president"): without a state in view, such a bare noun is nobody in particular. */
const ROLES_IN_A_STATE = new Set([...STATE_ORGANS, 'ELI']);
/** Parts of speech that may follow a verb but not a noun inside a compound: "lack [the]", "shot [down]", "fired [them]". */
const VERB_FOLLOWERS = new Set(['DET', 'ADP', 'PRON', 'PART', 'ADV', 'NUM']);
/** Sectors whose bodies mostly report on other states' forces: intelligence agencies and the media. */
const REPORTERS = new Set(['SPY', 'MED']);
/** Prepositions that join an act to what it is aimed at ("strikes on", "attacks against"). */
const AIMED = new Set(['on', 'against', 'at', 'into']);
/** A token that is a currency sign. */
const CURRENCY_SIGNS = /^\p{Sc}$/u;
const MAX_HEAD_DISTANCE = 5;
const MAX_NAME_TOKENS = 5;
/** How many sentences back a pronoun or a bare agent noun looks for what it refers to. */
const PRONOUN_REACH = 1;
const PERSON_REACH = 3;
/** How many mentions back "the two countries" looks for its two states. */
const PAIR_REACH = 40;

/** A code that names a state (not IGO, NGO or unknown). */
const isStateCode = (code: string): boolean => code !== 'IGO' && code !== 'NGO' && code !== '---';

export function findActors(doc: Analysed, model: ActorModel): { actors: ActorEntity[]; mentions: Mention[]; dormant: ActorEntity[] } {
  return new ActorFinder(doc, model).run();
}

class ActorFinder {
  private readonly tokens: Token[];
  private readonly norms: string[];
  /** whether a table phrase may start at each token: most tokens start none, and are asked about several times */
  private readonly opensPhrase: Uint8Array;
  private readonly entities: ActorEntity[] = [];
  private readonly byKey = new Map<string, ActorEntity>();
  /** refs nouns of each entity, for definite descriptions */
  private readonly refsOf = new Map<ActorEntity, string[]>();
  private readonly mentions: Mention[] = [];
  /** mentions that only modify a thing ("Russian soil"); an actor with nothing but these is left out */
  private readonly weak = new Set<Mention>();
  /** state codes the article has named so far, with how often */
  private readonly codeCounts = new Map<string, number>();
  /** the latest actor of each sector, of each noun that may refer back to it ("agency"), and the latest state: what a definite noun may mean */
  private readonly lastBySector = new Map<string, ActorEntity>();
  private readonly lastByRef = new Map<string, ActorEntity>();
  private readonly lastByRole = new Map<string, ActorEntity>();
  private lastState: ActorEntity | undefined;
  /** states named by their people ("the North Koreans"), which plural pronouns may refer to */
  private readonly peopleMentions = new Set<Mention>();
  /** surnames of people named so far ("Kim", "Austin") */
  private readonly surnames = new Map<string, ActorEntity>();

  constructor(private readonly doc: Analysed, private readonly model: ActorModel) {
    this.tokens = doc.tokens;
    this.norms = doc.tokens.map((t) => normalisePhrase(t.lower));
    this.opensPhrase = Uint8Array.from(this.norms, (n) => (model.prefixes.has(n) || model.phrases.has(n) ? 1 : 0));
  }

  run(): { actors: ActorEntity[]; mentions: Mention[]; dormant: ActorEntity[] } {
    for (const s of this.doc.sentences) {
      let i = s.firstToken;
      while (i < s.endToken) i = this.parseAt(i, s.endToken);
    }
    this.placeOfficials();
    const kept = this.entities.filter((e) => e.mentions.some((m) => !this.weak.has(m)));
    kept.forEach((e, k) => {
      e.id = `a${k + 1}`;
      e.mentions.sort((a, b) => a.start - b.start);
      for (const m of e.mentions) m.actor = e.id;
      const first = e.mentions[0];
      e.text = this.doc.text.slice(first.start, first.end);
    });
    const keptSet = new Set(kept);
    const mentions = this.mentions.filter((m) => keptSet.has(this.entityOfMention.get(m)!)).sort((a, b) => a.start - b.start || a.end - b.end);
    // stage 3 wakes one when an event acts on what it modifies ("entered Estonian airspace")
    const dormant = this.entities.filter((e) => !keptSet.has(e));
    for (const e of dormant) e.mentions.sort((a, b) => a.start - b.start);
    return { actors: kept, mentions, dormant };
  }

  private readonly entityOfMention = new Map<Mention, ActorEntity>();
  /** capitals named as places ("based in Beirut"): no actors, but they say where an official without a country serves */
  private readonly places: { code: string; token: number }[] = [];
  /** the kind a mention's own words name, where it differs from its actor's ("the army" of the actor first named "troops") */
  private readonly mentionKind = new Map<Mention, ActorKind>();

  private kindOf(m: Mention): ActorKind {
    return this.mentionKind.get(m) ?? this.entityOfMention.get(m)!.kind;
  }

  private readonly singular = (_: ActorEntity, m: Mention): boolean => REFERENT.singular(this.kindOf(m));

  // ---------- phrase lookup ----------

  /** The longest table phrase that starts at token i and ends on a token boundary before limit. */
  private matchAt(i: number, limit: number): Match | null {
    const { phrases, prefixes } = this.model;
    if (!this.opensPhrase[i]) return null;
    let joined = this.norms[i];
    const found: { phrase: Phrase; end: number }[] = [];
    for (let j = i + 1; ; j++) {
      const p = phrases.get(joined);
      if (p) found.push({ phrase: p, end: j });
      if (j >= limit || !prefixes.has(joined)) break;
      joined += (this.tokens[j].start > this.tokens[j - 1].end ? ' ' : '') + this.norms[j];
    }
    for (let k = found.length - 1; k >= 0; k--) {
      const { phrase: p, end } = found[k];
      if (p.exact !== undefined && this.surface(i, end).replace(/[’‘`]/g, "'") !== p.exact) continue;
      const first = p.norm.startsWith('the ') && end - i > 1 ? i + 1 : i;
      // "al-Qaeda", "al-Shabaab": a name may open with a lower-case article joined by a hyphen
      const capitalised = this.capitalisedAt(first) || (first + 2 < end && this.tokens[first + 1].text === '-' && this.capitalisedAt(first + 2));
      if (p.namesOnly && !capitalised) continue;
      if (p.senses.every((s) => s.type === 'country' && s.onlyWith) && !this.ellipticNameFits(p, end)) continue;
      return { phrase: p, end, capitalised };
    }
    return null;
  }

  /** "the North" stands for North Korea once a Korea is named, and not inside a longer name ("the North Korean military"). */
  private ellipticNameFits(p: Phrase, end: number): boolean {
    if (end < this.tokens.length && this.capitalisedAt(end) && this.tokens[end].sentence === this.tokens[end - 1].sentence) return false;
    return p.senses.some((s) => s.type === 'country' && s.onlyWith!.some((code) => this.codeCounts.has(code)));
  }

  /** The normalised words of tokens [first, end), as table phrases are written. */
  private joined(first: number, end: number): string {
    let out = this.norms[first];
    for (let k = first + 1; k < end; k++) out += (this.tokens[k].start > this.tokens[k - 1].end ? ' ' : '') + this.norms[k];
    return out;
  }

  private surface(first: number, end: number): string {
    return this.doc.text.slice(this.tokens[first].start, this.tokens[end - 1].end);
  }

  private capitalisedAt(i: number): boolean {
    const c = this.tokens[i].text[0];
    return c !== undefined && c !== c.toLowerCase();
  }

  private senseOf<T extends Sense['type']>(m: Match | null, type: T): Extract<Sense, { type: T }> | undefined {
    return m?.phrase.senses.find((s) => s.type === type && (m.capitalised || !isName(s))) as Extract<Sense, { type: T }> | undefined;
  }

  /** A country sense that applies here ("the North" only once a Korea has been named). */
  private countrySense(m: Match | null): CountrySense | undefined {
    const c = this.senseOf(m, 'country');
    if (c?.onlyWith && !c.onlyWith.some((code) => this.codeCounts.has(code))) return undefined;
    return c;
  }

  // ---------- the parser: one actor phrase at token i, returns the next token to look at ----------

  private parseAt(i: number, limit: number): number {
    const m = this.matchAt(i, limit);
    const person = this.senseOf(m, 'person');
    if (m && person) {
      this.mention(this.personSpec(person, null, undefined), i, m.end);
      return m.end;
    }
    if (!m) {
      const alias = this.capitalisedAt(i) ? this.surnames.get(this.norms[i]) : undefined;
      if (alias && this.tokens[i].pos === 'PROPN') {
        this.mentionEntity(alias, i, i + 1, false);
        return i + 1;
      }
      return this.definiteDescription(i, limit) ?? this.regionalGovernment(i, limit) ?? i + 1;
    }
    if (this.senseOf(m, 'place') || this.senseOf(m, 'idiom')) return m.end;
    const reference = this.senseOf(m, 'reference');
    if (reference && reference.ref !== 'generic' && reference.ref !== 'unknown') return this.reference(reference.ref, i, m.end, limit);
    const country = this.countrySense(m);
    const org = this.senseOf(m, 'org');
    if (country || org) return this.modified(m, country, org, i, limit);
    return this.bareAgent(m, i, limit);
  }

  /** A state or named body, alone or before the noun it gives a country to. */
  private modified(m: Match, country: CountrySense | undefined, org: OrgSense | undefined, i: number, limit: number): number {
    // "US $50 million", "HK$ 2bn": a state's name before a currency sign names the currency
    if (country && !org && m.end < limit && CURRENCY_SIGNS.test(this.tokens[m.end].text)) return m.end;
    if (country?.form === 'capital' && !org && i > 0 && this.model.cues.locative.has(this.norms[i - 1])) {
      this.places.push({ code: country.code, token: i });
      return m.end;
    }
    const own: ActorSpec = org ? this.orgSpec(org, null) : this.stateSpec(country!.code);
    const mod: Modifier = { code: own.code, sector: own.sector, org, spec: own };
    let j = m.end;
    const possessive = j < limit && POSSESSIVE.has(this.norms[j]);
    if (possessive) j++;
    // "Saudi-led forces", "the Israeli-occupied West Bank": the state leads or occupies; what follows is parsed on its own
    if (!possessive && this.agencyAt(m.end, limit)) {
      this.mention(own, i, m.end);
      return m.end + 2;
    }
    if ((country?.form === 'adjective' || country?.form === 'name') && !possessive) {
      const shared = this.sharedHead(m.end, limit);
      if (shared) {
        this.mention({ ...shared, code: own.code, name: undefined }, i, m.end);
        return m.end;
      }
    }
    if (country?.form !== 'people') {
      const head = this.head(j, limit, mod);
      if (head) {
        this.mention(head.spec, i, head.end);
        return head.end;
      }
    }
    const mention = this.mention(own, i, m.end);
    if (country?.form === 'people') this.peopleMentions.add(mention);
    // an adjective before a thing ("Russian soil", "Ukrainian cities") says where, not who; before an act or a holding it is who acts or owns ("a Russian attack", "German goods")
    if (country?.form === 'adjective' && !this.headIsActOrHolding(m.end, limit) && !this.afterAct(i)) this.markWeak(mention, own.code);
    return possessive ? j : m.end;
  }

  /** "Hungarian and Romanian officials", "U.S. and Russian negotiators": the noun after the second adjective belongs to the first state too. */
  private sharedHead(j: number, limit: number): ActorSpec | null {
    if (j + 1 >= limit || (this.norms[j] !== 'and' && this.norms[j] !== ',' && this.norms[j] !== 'or')) return null;
    const next = this.matchAt(j + 1, limit);
    const second = this.countrySense(next);
    if (!next || second?.form !== 'adjective') return null;
    const head = this.head(next.end, limit, { code: second.code, spec: this.stateSpec(second.code) });
    return head && head.spec.kind !== 'person' && head.spec.code === second.code ? head.spec : null;
  }

  /**
   * The noun that a modifier gives a country to, skipping adjectives and compound nouns between them:
   * "North Korean [special forces] troops", "NIS Director Ji Jae-ryeol", "South Korea's National Intelligence Service".
   */
  private head(j: number, limit: number, mod: Modifier): { spec: ActorSpec; end: number } | null {
    const first = j;
    for (let steps = 0; j < limit && steps < MAX_HEAD_DISTANCE; steps++) {
      const m = this.matchAt(j, limit);
      if (m) {
        // a name right after a state is its own ("Russia's Wagner", "South Korea's National Intelligence Service"); after "and" it is another actor
        const adjacent = j === first && !mod.org;
        const person = this.senseOf(m, 'person');
        if (person) return adjacent ? { spec: this.personSpec(person, mod, undefined), end: m.end } : null;
        const org = this.senseOf(m, 'org');
        if (org && !this.countrySense(m)) {
          // "Russia's UN envoy" is the state's, while in "its NATO allies" the body, parsed on its own, is the actor: an intergovernmental body before a noun is one more modifier
          if (adjacent && org.codes[0] === 'IGO' && !this.isHead(m.end, limit, j)) { j = m.end; continue; }
          return adjacent ? { spec: this.ownOrg(org, mod, j, m.end), end: m.end } : null;
        }
        const title = this.senseOf(m, 'title');
        const agentSense = this.senseOf(m, 'agent');
        const nameEnd = title || agentSense ? this.nameAfter(m.end, limit) : 0;
        if (title && nameEnd) return { spec: this.titledPerson(title.sector, j, m.end, nameEnd, mod), end: nameEnd };
        if (agentSense && nameEnd) return { spec: this.namedAgent(agentSense.sector, j, m.end, nameEnd, mod), end: nameEnd };
        const agent = agentSense ?? (title ? { type: 'agent' as const, sector: title.sector } : undefined);
        if (!agent) {
          // "Polish and allied jets": a quantifier or "allied" is one more adjective
          if (this.senseOf(m, 'reference')?.ref === 'generic') { j = m.end; continue; }
          return null;
        }
        if (this.isHead(m.end, limit, j, true)) return { spec: this.agentSpec(agent.sector, mod, j, m.end), end: m.end };
        j = m.end;
        continue;
      }
      const t = this.tokens[j];
      // "the Malta-flagged Vezhen", "a Bulgarian-owned ship": a ship or company under that state's flag
      if (j === first + 1 && this.norms[first] === '-' && this.model.cues.ownership.has(this.norms[j])) {
        const nameEnd = this.nameAfter(j + 1, limit);
        if (nameEnd) return { spec: { kind: 'organization', code: mod.code, sector: 'BUS', name: this.surface(j + 1, nameEnd) }, end: nameEnd };
      }
      // "Polish MiG-29s", "Danish F-16s": a military aircraft or ship type stands for the forces that fly it;
      // before a noun it is one more modifier ("Russian MiG-31 fighter jets", "Dutch F-35 fighters")
      if (DESIGNATION.test(t.text)) {
        if (j + 1 < limit && this.senseOf(this.matchAt(j + 1, limit), 'agent')) { j++; continue; }
        return this.isHead(j + 1, limit, j, true) ? { spec: this.agentSpec('MIL', mod, j, j + 1), end: j + 1 } : null;
      }
      // "Bosnian Serbs", "Iraqi Kurds": a people of that state, so the state itself
      if (j === first && !mod.org && t.pos === 'PROPN' && t.lower.endsWith('s') && this.isHead(j + 1, limit, j)) return { spec: mod.spec, end: j + 1 };
      const lowerWord = t.text[0] === t.lower[0];
      // "Russia's two largest oil companies", "North Korea's 12,000 troops": numbers are modifiers too
      if (!((t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'NUM' || t.pos === 'CCONJ' || t.pos === 'VERB' && t.lower.endsWith('ed')) && lowerWord) && t.lower !== '-') return null;
      j++;
    }
    return null;
  }

  /** "-led", "-occupied", "-held" attached to the word before token j: that word names who leads, occupies or holds. */
  private agencyAt(j: number, limit: number): boolean {
    return j + 1 < limit && this.tokens[j].text === '-' && this.tokens[j].start === this.tokens[j - 1].end
      && this.tokens[j + 1].start === this.tokens[j].end && this.model.cues.agency.has(this.norms[j + 1]);
  }

  /** "strikes on Ukrainian cities", "attacked Iraqi towns": the place an act is aimed at stands for its state, the target. */
  private afterAct(i: number): boolean {
    let k = i - 1;
    if (k >= 0 && DEFINITE.has(this.norms[k])) k--;
    if (k >= 1 && AIMED.has(this.norms[k])) k--;
    else if (k < 0 || this.tokens[k].pos !== 'VERB') return false;
    return k >= 0 && (this.model.cues.act.has(this.norms[k]) || this.model.cues.act.has(this.tokens[k].lemma));
  }

  /** Whether the noun phrase from token j ends in a noun of an act or a holding: "[missile] strikes", "drone attack", "goods". */
  private headIsActOrHolding(j: number, limit: number): boolean {
    let head = -1, last = -1;
    for (let k = j; k < limit && k - j < MAX_HEAD_DISTANCE; k++) {
      const t = this.tokens[k];
      if (t.pos !== 'NOUN' && t.pos !== 'ADJ' || t.text[0] !== t.lower[0] || this.model.cues.time.has(this.norms[k])) break;
      if (t.pos === 'NOUN') head = k;
      last = k;
    }
    // "a Turkish offensive began": the tagger may read the last word, the head, as an adjective
    if (head < 0) head = last;
    if (head < 0) return false;
    const { act, holding } = this.model.cues;
    return act.has(this.norms[head]) || holding.has(this.norms[head]);
  }

  /** An agent noun is an actor only as the head of its phrase: "troops", not "troop deployment" or "military cooperation". */
  private isHead(end: number, limit: number, first: number, modified = false): boolean {
    if (end >= limit) return true;
    const next = this.tokens[end];
    if (POSSESSIVE.has(this.norms[end])) return true;
    // "ship-tracking data", "troop-carrying": a hyphen joins the noun to the next word; "rebel-held" keeps the rebels the actor
    if (next.text === '-' && next.start === this.tokens[end - 1].end) return this.agencyAt(end, limit);
    if ((next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'NUM') && !this.model.cues.time.has(this.norms[end]) && !this.mistaggedVerb(end, limit)) return false;
    // "military" is tagged ADJ even where it is a noun ("the military said"): then a country, determiner or possessive comes before it
    if (this.tokens[first].pos === 'ADJ') {
      if (next.pos === 'ADJ' || next.text === '-') return false;
      // "military and economic aid" is an adjective; "the military and the police" a noun
      const after = end + 1 < limit ? this.tokens[end + 1] : undefined;
      if (next.pos === 'CCONJ' && after && (after.pos === 'ADJ' || after.pos === 'NOUN')) return false;
      const before = first > 0 ? this.tokens[first - 1] : undefined;
      return modified || (before !== undefined && (before.pos === 'DET' || before.pos === 'PRON' || POSSESSIVE.has(this.norms[first - 1])));
    }
    return true;
  }

  /**
   * Whether the word at token k, tagged a noun after a plural noun, is the verb of which that noun is the subject:
   * "troops lack experience", "jets shot down drones". A noun of a compound is not followed by a determiner, pronoun or
   * particle, while "forces commander" and "forces chief of staff" are compounds; some verbs are known by name (actor-cues.tsv).
   */
  private mistaggedVerb(k: number, limit: number): boolean {
    const noun = this.tokens[k - 1], word = this.tokens[k];
    if (word.pos !== 'NOUN' || noun.lemma === noun.lower || word.lemma !== word.lower || word.text[0] !== word.lower[0]) return false;
    if (this.model.cues.verb.has(this.norms[k])) return true;
    return k + 1 < limit && VERB_FOLLOWERS.has(this.tokens[k + 1].pos) && this.norms[k + 1] !== 'of';
  }

  /** Capitalised words after a title or role noun that make a name ("Ji Jae-ryeol", "Lloyd Austin"); returns the end token, or 0. */
  private nameAfter(j: number, limit: number): number {
    let end = j;
    while (end < limit && end - j < MAX_NAME_TOKENS) {
      const t = this.tokens[end];
      const attached = end > j && t.start === this.tokens[end - 1].end;
      // "Jae-ryeol" comes as "Jae", "-", "ryeol"
      if (attached && (t.text === '-' || this.tokens[end - 1].text === '-')) { end++; continue; }
      if (attached || !/^\p{Lu}/u.test(t.text) || this.model.cues.time.has(this.norms[end])) break;
      // a state or body after the title is not part of the name ("chief Palestinian negotiator")
      const m = this.matchAt(end, limit);
      if (m && !this.senseOf(m, 'person') && m.phrase.senses.some((s) => s.type !== 'reference')) break;
      end++;
    }
    while (end > j && this.tokens[end - 1].text === '-') end--;
    return end > j ? end : 0;
  }

  /** A person named after a title: "Defence Minister Kim Yong-hyun" takes its country from the modifier, the people table, or the context. */
  private titledPerson(titleSector: string, titleStart: number, nameStart: number, nameEnd: number, mod: Modifier | null): ActorSpec {
    const title = this.surface(titleStart, nameStart);
    const known = this.matchAt(nameStart, nameEnd);
    const person = known && known.end === nameEnd ? this.senseOf(known, 'person') : undefined;
    if (person) return this.personSpec(person, mod, title);
    const name = this.surface(nameStart, nameEnd);
    // "The Pentagon said ... Spokeswoman Sabrina Singh said": an office of whatever body is named before it (a spokesperson) belongs to the body that last spoke
    mod ??= titleSector === '*' ? this.recentBody(titleStart) : null;
    const code = mod?.code ?? this.lastByRole.get(this.joined(titleStart, nameStart))?.code ?? this.personContext(titleStart, titleSector);
    const sector = titleSector === '*' ? mod?.sector ?? (code === 'IGO' ? undefined : 'GOV') : mod?.code === 'IGO' ? undefined : titleSector;
    return { kind: 'person', code, sector, name, title, org: mod?.code === 'IGO' ? mod.spec.org : undefined };
  }

  /** An agent noun or title with no modifier: "lawmakers", "the troops", "Defence Minister Kim Yong-hyun", "the tanker Eagle S". */
  private bareAgent(m: Match, i: number, limit: number): number {
    const title = this.senseOf(m, 'title');
    const agent = this.senseOf(m, 'agent');
    const nameEnd = title || agent ? this.nameAfter(m.end, limit) : 0;
    if (nameEnd) {
      // "King Hassan of Morocco"
      const of = this.ofCountry(nameEnd, limit);
      const mod = of?.mod ?? null;
      this.mention(title ? this.titledPerson(title.sector, i, m.end, nameEnd, mod) : this.namedAgent(agent!.sector, i, m.end, nameEnd, mod), i, of?.end ?? nameEnd);
      return of?.end ?? nameEnd;
    }
    const sector = agent?.sector ?? (title?.sector === '*' ? 'GOV' : title?.sector);
    if (!sector || !this.isHead(m.end, limit, i)) return m.end;
    // "the army of Sudan" (one mention); "demonstrators in Baghdad", "civilians in Ukraine": people of a place, which stays a place
    const of = this.ofCountry(m.end, limit) ?? this.bodyAfter(m.end, limit, title?.sector === '*');
    // a state's organs in a country are often another's ("troops in Ukraine"), but officials in a capital are its government's ("officials in Seoul")
    const place = of ? null : STATE_ORGANS.has(sector) ? (sector === 'GOV' ? this.inCountry(m.end, limit, 'capital') : null) : this.inCountry(m.end, limit);
    if (of || place) {
      const end = of ? of.end : m.end;
      this.mention(this.agentSpec(sector, (of ?? place)!.mod, i, m.end), i, end);
      // "the foreign ministers of Finland and Germany": the noun belongs to the second state too
      const second = of ? this.ofCountry(end, limit, 'and') : null;
      if (!second) return end;
      this.mention(this.agentSpec(sector, second.mod, i, m.end), end + 1, second.end);
      return second.end;
    }
    // "alliance officials", "agency analysts": a noun that describes a body named earlier makes the people that body's
    const described = i > 0 && (this.tokens[i - 1].pos === 'NOUN' || this.tokens[i - 1].pos === 'PROPN') ? this.lastByRef.get(this.norms[i - 1]) : undefined;
    if (described && described.kind !== 'person') {
      this.mentionEntity(described, i - 1, m.end, true);
      return m.end;
    }
    const quantifier = i > 0 ? this.senseOf(this.matchAt(i - 1, i), 'reference')?.ref : undefined;
    if (quantifier === 'generic') return m.end;
    const start = i > 0 && DEFINITE.has(this.norms[i - 1]) ? i - 1 : i;
    const earlier = this.lastBySector.get(sector);
    if (start < i && earlier) {
      this.mentionEntity(earlier, start, m.end, true);
      return m.end;
    }
    // "NATO launched a mission, sending frigates": forces in a sentence about an alliance are the alliance's
    const body = this.recent((e) => e.kind !== 'person', 0, i);
    if (body?.code === 'IGO' && sector === 'MIL' && !title) {
      this.mentionEntity(body, start, m.end, false);
      return m.end;
    }
    const spec = this.agentSpec(sector, null, i, m.end);
    if (quantifier === 'unknown') spec.code = '---';
    // "officials said" in an article that names no state: nobody in particular
    else if (spec.code === '---' && ROLES_IN_A_STATE.has(spec.sector!)) return m.end;
    // a bare "aircraft" or "drones" belongs to a state only when one acts earlier in the sentence, and is an instrument after a preposition ("with drones")
    else if (agent?.craft && (!this.recent((e) => isStateCode(e.code), 0, i) || this.afterPreposition(start))) return m.end;
    this.mention(spec, start, m.end);
    return m.end;
  }

  /** Whether the phrase at token i is the object of a preposition other than the passive "by" ("hundreds of drones"). */
  private afterPreposition(i: number): boolean {
    let k = i - 1;
    while (k >= 0 && (this.tokens[k].pos === 'NUM' || this.tokens[k].pos === 'ADJ' || this.tokens[k].pos === 'DET')) k--;
    return k >= 0 && this.tokens[k].pos === 'ADP' && this.norms[k] !== 'by';
  }

  /** Whether a noun of the armed forces modifies the noun at token first inside its compound ("military [construction] workers"). */
  private militaryCompound(first: number): boolean {
    for (let k = first - 1; k >= 0 && first - k <= 3; k--) {
      const t = this.tokens[k];
      if ((t.pos !== 'NOUN' && t.pos !== 'ADJ') || t.text[0] !== t.lower[0]) return false;
      if (this.senseOf(this.matchAt(k, k + 1), 'agent')?.sector === 'MIL') return true;
    }
    return false;
  }

  /** A role noun before a name: "negotiator Saeb Erakat" is a person, "tanker Jaguar" a named vessel of its owner's sector. */
  private namedAgent(sector: string, first: number, agentEnd: number, nameEnd: number, mod: Modifier | null): ActorSpec {
    const spec = this.agentSpec(sector, mod, first, agentEnd);
    const name = this.surface(agentEnd, nameEnd);
    if (spec.code === 'IGO') return { kind: 'person', code: 'IGO', name, title: this.surface(first, agentEnd), org: spec.org };
    return sector === 'BUS' ? { ...spec, kind: 'organization', name } : { ...spec, kind: 'person', name, title: this.surface(first, agentEnd) };
  }

  /** "the government of Japan", "the army of Sudan"; with the joiner "and", the "and Germany" after "the ministers of Finland". */
  private ofCountry(j: number, limit: number, joiner = 'of'): { mod: Modifier; end: number } | null {
    if (j + 1 >= limit || this.norms[j] !== joiner) return null;
    let k = j + 1;
    if (this.norms[k] === 'the' && k + 1 < limit) k++;
    const m = this.matchAt(k, limit);
    const c = this.countrySense(m);
    // "the army of Sudan", "a delegation of South Korean intelligence officials"; "secretary of Russia's Security Council" belongs to the body, which is parsed on its own
    if (!m || !c || (c.form !== 'name' && c.form !== 'adjective' && c.form !== 'people') || (m.end < limit && POSSESSIVE.has(this.norms[m.end]))) return null;
    const spec = this.stateSpec(c.code);
    return { mod: { code: c.code, spec }, end: m.end };
  }

  /** "leaders of the Group of Seven", "a spokesperson for the State Department": the body the people belong to or speak for. */
  private bodyAfter(j: number, limit: number, speaksFor: boolean): { mod: Modifier; end: number } | null {
    if (j + 1 >= limit || !(this.norms[j] === 'of' || (speaksFor && this.norms[j] === 'for'))) return null;
    const k = this.norms[j + 1] === 'the' && j + 2 < limit ? j + 2 : j + 1;
    const m = this.matchAt(k, limit);
    const org = this.senseOf(m, 'org');
    if (!m || !org) return null;
    const spec = this.orgSpec(org, null);
    return { mod: { code: spec.code, sector: spec.sector, org, spec }, end: m.end };
  }

  /** "in Baghdad", "in Ukraine": the state where people are. */
  private inCountry(j: number, limit: number, only?: 'capital'): { mod: Modifier } | null {
    if (j + 1 >= limit || this.norms[j] !== 'in') return null;
    const m = this.matchAt(j + 1, limit);
    const c = this.countrySense(m);
    if (!m || !c || (c.form !== 'name' && c.form !== 'capital') || (only && c.form !== only) || this.senseOf(m, 'org')) return null;
    return { mod: { code: c.code, spec: this.stateSpec(c.code) } };
  }

  /** "the agency", "the alliance": a noun that names the kind of a body mentioned before. */
  private definiteDescription(i: number, limit: number): number | null {
    if (!DEFINITE.has(this.norms[i]) || i + 1 >= limit) return null;
    const noun = this.tokens[i + 1];
    // "the Group of Seven", "the Agency for ...": a capitalised noun after "the" opens a name, which is parsed on its own
    if ((noun.pos !== 'NOUN' && noun.pos !== 'PROPN') || this.capitalisedAt(i + 1)) return null;
    const target = this.lastByRef.get(noun.lemma) ?? this.lastByRef.get(noun.lower);
    if (!target || !this.isHead(i + 2, limit, i + 1)) return null;
    this.mentionEntity(target, i, i + 2, true);
    return i + 2;
  }

  /**
   * "Gyeonggi province, which borders the North, has said it will ...": a named province or region as the subject of a
   * clause is its government, of the state in context; after a preposition or as an object ("in Kursk region") it is a place.
   */
  private regionalGovernment(i: number, limit: number): number | null {
    let unit = i;
    while (unit < limit && unit - i < 2 && this.tokens[unit].pos === 'PROPN' && this.capitalisedAt(unit)) unit++;
    if (unit === i || unit + 1 >= limit || !this.model.cues.region.has(this.norms[unit])) return null;
    const after = this.tokens[unit + 1];
    if (after.pos !== 'VERB' && after.pos !== 'AUX' && after.text !== ',') return null;
    const before = i > 0 && DEFINITE.has(this.norms[i - 1]) ? i - 1 : i;
    const sentence = this.doc.sentences[this.tokens[i].sentence];
    if (before > sentence.firstToken && this.tokens[before - 1].pos !== 'CCONJ' && this.tokens[before - 1].text !== ',') return null;
    const code = this.contextCode(i);
    if (!isStateCode(code)) return null;
    this.mention({ kind: 'organization', code, sector: 'GOV', name: this.surface(i, unit + 1) }, before, unit + 1);
    return unit + 1;
  }

  /** Pronouns and plural descriptions: "it", "they", "his", "the two countries". */
  private reference(ref: ReferenceKind, i: number, end: number, limit: number): number {
    if (ref === 'pair' || ref === 'pair-people') {
      // "the two cables", "both sides of the border": a noun after it, or "of", makes it a quantifier of something else
      if (!this.isHead(end, limit, i) || this.norms[end] === 'of') return end;
      // "Putin met Kim ... the two agreed": two people named just before, else the last two states
      const reach = ref === 'pair-people' ? PRONOUN_REACH : undefined;
      const pair = (reach !== undefined ? this.lastTwo((e) => e.kind === 'person' && isStateCode(e.code), i, reach) : undefined)
        ?? this.lastTwo((e) => e.kind === 'state', i, reach);
      for (const e of pair ?? []) this.mentionEntity(e, i, end, true);
      return end;
    }
    if (ref === 'singular' && this.norms[i] === 'it' && i + 1 < limit && this.model.cues.expletive.has(this.tokens[i + 1].lemma) && !this.raised(i + 2, limit)) return end;
    const target = ref === 'state' ? this.lastState
      // "Estonia said it had sent ..." refers inside the sentence; a sentence that opens with "It" continues the last one's subject, if an actor
      : ref === 'singular' ? this.subject(i, this.singular, 0) ?? this.previousSubject(i, this.singular)
      : ref === 'person' ? this.subject(i, (e) => REFERENT.person(e.kind), PERSON_REACH)
      // "the North Koreans ... they": a state named by its people is plural
      : this.subject(i, (e, m) => REFERENT.plural(this.kindOf(m)) || this.peopleMentions.has(m), PRONOUN_REACH);
    if (!target) return end;
    this.mentionEntity(target, i, end, true);
    // "its military", "their forces": the noun takes the country of what the pronoun refers to
    if (POSSESSIVE_PRONOUNS.has(this.norms[i]) && target.code !== '---') {
      const mod: Modifier = { code: target.code, sector: target.sector, spec: { kind: target.kind, code: target.code } };
      const head = this.head(end, limit, mod);
      if (head) {
        this.mention(head.spec, end, head.end);
        return head.end;
      }
    }
    return end;
  }

  /** The two latest entities that pass the test, oldest first, of different states, among the last PAIR_REACH mentions and within `reach` sentences if given. */
  private lastTwo(test: (e: ActorEntity) => boolean, i: number, reach?: number): [ActorEntity, ActorEntity] | undefined {
    const found: ActorEntity[] = [];
    const sentence = this.tokens[i].sentence;
    for (let k = this.mentions.length - 1; k >= Math.max(0, this.mentions.length - PAIR_REACH) && found.length < 2; k--) {
      const m = this.mentions[k];
      if (reach !== undefined && sentence - m.sentence > reach) break;
      const e = this.entityOfMention.get(m)!;
      if (test(e) && !this.weak.has(m) && !found.some((f) => f.code === e.code)) found.push(e);
    }
    return found.length === 2 ? [found[1], found[0]] : undefined;
  }

  /**
   * An official whose country nothing before them gave ("Ousted president Jean-Bertrand Aristide ... by Haitian officials",
   * "a newspaper in Beirut ... General Michel Aoun") serves the state named nearest them in their sentence, before or after.
   */
  private placeOfficials(): void {
    for (const e of this.entities) {
      if (e.kind !== 'person' || e.code !== '---' || !ROLES_IN_A_STATE.has(e.sector ?? '')) continue;
      const at = e.mentions[0];
      let best: string | undefined, distance = Infinity;
      const consider = (code: string, token: number) => {
        const d = Math.abs(token - at.firstToken);
        if (isStateCode(code) && this.tokens[token].sentence === at.sentence && d < distance) { best = code; distance = d; }
      };
      for (const m of this.mentions) consider(this.entityOfMention.get(m)!.code, m.firstToken);
      for (const p of this.places) consider(p.code, p.token);
      if (best) e.code = best;
    }
  }

  /** Whether "it <verb>" goes on with a predicate of its own and "to" ("it was not ready to", "it is unlikely to return"): then "it" acts. */
  private raised(k: number, limit: number): boolean {
    while (k < limit && (this.tokens[k].pos === 'ADV' || this.tokens[k].pos === 'PART') && this.tokens[k].lower !== 'to') k++;
    return k + 1 < limit && this.model.cues.raising.has(this.tokens[k].lower) && this.tokens[k + 1].lower === 'to';
  }

  /** The most recent entity that passes the test, mentioned within `reach` sentences before token i. */
  private recent(test: (e: ActorEntity) => boolean, reach: number, i: number): ActorEntity | undefined {
    const sentence = this.tokens[i].sentence;
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k];
      if (sentence - m.sentence > reach) return undefined;
      if (m.start >= this.tokens[i].start || this.weak.has(m)) continue;
      const e = this.entityOfMention.get(m)!;
      if (test(e)) return e;
    }
    return undefined;
  }

  /**
   * What "he", "she" or "they" at token i refers to: in the nearest sentence with a candidate that passes the test, the
   * first one that is the subject of a verb ("Zelenskiy offered ... to Kim Jong Un. He said ..." is Zelenskiy), else the latest.
   */
  private subject(i: number, test: (e: ActorEntity, m: Mention) => boolean, reach: number): ActorEntity | undefined {
    const sentence = this.tokens[i].sentence;
    let nearest = -1;
    let subject: ActorEntity | undefined, latest: ActorEntity | undefined;
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k];
      if (sentence - m.sentence > reach || (nearest >= 0 && m.sentence !== nearest)) break;
      const e = this.entityOfMention.get(m)!;
      if (m.start >= this.tokens[i].start || this.weak.has(m) || !test(e, m)) continue;
      nearest = m.sentence;
      latest ??= e;
      // "Russia has ...", "The North also refrained ...": a verb after the mention, or after an adverb, makes it a subject
      const after = this.tokens[m.endToken]?.pos === 'ADV' ? m.endToken + 1 : m.endToken;
      const next = this.tokens[after];
      if (after < this.tokens.length && (next.pos === 'VERB' || next.pos === 'AUX')) subject = e;
    }
    return subject ?? latest;
  }

  /** The actor that opens the sentence before token i's ("The NIS said ... . It added ..."), if one does. */
  private previousSubject(i: number, test: (e: ActorEntity, m: Mention) => boolean): ActorEntity | undefined {
    const sentence = this.tokens[i].sentence;
    if (sentence === 0) return undefined;
    const before = this.doc.sentences[sentence - 1];
    let first: Mention | undefined;
    for (let k = this.mentions.length - 1; k >= 0 && this.mentions[k].sentence >= sentence - 1; k--) {
      if (this.mentions[k].sentence === sentence - 1) first = this.mentions[k];
    }
    if (!first || this.weak.has(first)) return undefined;
    const opener = first.firstToken === before.firstToken || (first.firstToken === before.firstToken + 1 && this.tokens[before.firstToken].pos === 'DET');
    const e = this.entityOfMention.get(first)!;
    return opener && test(e, first) ? e : undefined;
  }

  /** The named body (not a state or person) mentioned last, in token i's sentence or the one before, as a modifier. */
  private recentBody(i: number): Modifier | null {
    const e = this.recent((x) => (x.kind === 'organization' || x.kind === 'igo') && x.name !== undefined, PRONOUN_REACH, i);
    return e ? { code: e.code, sector: e.sector, spec: { kind: e.kind, code: e.code, sector: e.sector, org: e.org, name: e.name } } : null;
  }

  /** The first entity in token i's sentence, before i, that passes the test. */
  private firstInSentence(test: (e: ActorEntity) => boolean, i: number): ActorEntity | undefined {
    const sentence = this.tokens[i].sentence;
    let found: ActorEntity | undefined;
    for (let k = this.mentions.length - 1; k >= 0 && this.mentions[k].sentence === sentence; k--) {
      const m = this.mentions[k];
      const e = this.entityOfMention.get(m)!;
      if (m.start < this.tokens[i].start && !this.weak.has(m) && test(e)) found = e;
    }
    return found;
  }

  /**
   * The country of an official named without one: the person or group just before it in a list or apposition
   * ("their South Korean counterparts, Foreign Minister Cho Tae-yul and Defense Minister Kim Yong-hyun"),
   * a body of the same sector named before ("lawmakers" -> "lawmaker Lee"), the first state named in the sentence, or the article's main state.
   */
  private personContext(i: number, sector: string): string {
    const last = this.mentions[this.mentions.length - 1];
    if (last && !this.weak.has(last) && i >= 2 && last.endToken === i - 1 && (this.norms[i - 1] === ',' || this.norms[i - 1] === 'and')) {
      const e = this.entityOfMention.get(last)!;
      // an apposition or list of officials shares the office's sector; "..., lawmaker Lee said" after "assault units" does not
      if (e.code !== '---' && (e.sector === sector || (sector === '*' && e.sector === 'GOV'))) return e.code;
    }
    const sameSector = sector !== 'GOV' && sector !== '*' ? this.lastBySector.get(sector) : undefined;
    if (sameSector) return sameSector.code;
    // an official of unstated country most often speaks for the sentence's subject, its first state
    const subject = this.firstInSentence((e) => isStateCode(e.code), i);
    return subject?.code ?? this.contextCode(i, 0);
  }

  /** The country of a bare noun of a state organ: a state acting earlier in the sentence, else the country of the last body of its sector ("the contingent" after "North Korean troops"), else the context. */
  private agentContext(sector: string, i: number): string {
    // a ship or company in the sentence says nothing about whose police or troops these are, nor does an intelligence agency or the media that report on forces
    const fits = (e: ActorEntity) => isStateCode(e.code) && e.sector !== 'BUS' && !(sector === 'MIL' && REPORTERS.has(e.sector ?? ''));
    // "killing the commander of the Revolutionary Guards and the chief of staff": one list of a state's people
    const listed = this.listedWith(i);
    if (listed && fits(listed)) return listed.code;
    // "Kim told Lavrov that Pyongyang would support Moscow's actions in Ukraine, state media said": officials speak for the sentence's subject
    const inSentence = sector === 'GOV' ? this.firstInSentence(fits, i) : this.recent(fits, 0, i);
    if (inSentence) return inSentence.code;
    const earlier = this.lastBySector.get(sector);
    return earlier && isStateCode(earlier.code) ? earlier.code : this.contextCode(i);
  }

  /** The body or official named just before token i's noun and joined to it by "and" or "," ("the commander ... and the chief of staff"), if any. */
  private listedWith(i: number): ActorEntity | undefined {
    let k = i - 1;
    if (k >= 0 && DEFINITE.has(this.norms[k])) k--;
    if (k < 1 || (this.norms[k] !== 'and' && this.norms[k] !== ',')) return undefined;
    const last = this.mentions[this.mentions.length - 1];
    const e = last && last.endToken === k && !this.weak.has(last) ? this.entityOfMention.get(last) : undefined;
    return e && e.kind !== 'state' ? e : undefined;
  }

  /** The country a bare noun belongs to: the latest state named in this sentence or the one before, else the article's main one. */
  private contextCode(i: number, reach = 1): string {
    const named = this.recent((e) => isStateCode(e.code), reach, i);
    if (named) return named.code;
    let best = '---', most = 0;
    for (const [code, n] of this.codeCounts) if (n > most) { best = code; most = n; }
    return best;
  }

  // ---------- specs ----------

  private stateSpec(code: string): ActorSpec {
    return { kind: code === 'IGO' ? 'igo' : 'state', code, name: this.model.countryNames.get(code) };
  }

  /** A body named after a state's possessive: its own ("South Korea's National Intelligence Service"), or, for a name that is an IGO's, the state's own body of that name ("Russia's Security Council"). */
  private ownOrg(org: OrgSense, mod: Modifier, first: number, end: number): ActorSpec {
    if (org.codes[0] === 'IGO' && isStateCode(mod.code)) return { kind: 'organization', code: mod.code, sector: 'GOV', name: this.surface(first, end) };
    return this.orgSpec(org, mod);
  }

  private orgSpec(org: OrgSense, mod: Modifier | null): ActorSpec {
    const code = mod && mod.code !== 'IGO' && (org.codes.length > 1 || org.codes[0] === '---') ? mod.code : org.codes.find((c) => this.codeCounts.has(c)) ?? org.codes[0];
    return { kind: org.kind, code, sector: org.sector, org: org.org, name: org.name, refs: org.refs };
  }

  private personSpec(p: PersonSense, mod: Modifier | null, title: string | undefined): ActorSpec {
    const code = mod && mod.code !== p.code && mod.code !== 'IGO' && p.code !== 'IGO' ? mod.code : p.code;
    return { kind: 'person', code, sector: p.sector, name: p.name, title: title ?? p.title, org: p.org };
  }

  /** A noun of role with the country its modifier gives: "North Korean soldiers" PRK/MIL; "EU governments" is the EU itself. */
  private agentSpec(sector: string, mod: Modifier | null, first: number, end: number): ActorSpec {
    const plural = this.tokens[end - 1].lemma !== this.tokens[end - 1].lower;
    const refs = [this.tokens[end - 1].lemma];
    if (mod?.code === 'IGO') return mod.spec;
    // "NIS officials", "Kremlin spokesman", "KCNA news agency": a named body's people and parts share its sector
    if (mod?.org && mod.sector) return { kind: plural ? 'group' : 'organization', code: mod.code, sector: mod.sector, refs };
    const code = mod?.code ?? (CONTEXT_SECTORS.has(sector) || sector === '*' ? this.agentContext(sector, first) : '---');
    const own = sector === '*' ? 'GOV' : sector;
    // "military construction workers", "army doctors": people of a civilian trade who serve in the forces
    const served = (own === 'GOV' || !STATE_ORGANS.has(own)) && this.militaryCompound(first) ? 'MIL' : own;
    return { kind: plural ? 'group' : 'organization', code, sector: served, refs, role: this.joined(first, end) };
  }

  // ---------- entities and mentions ----------

  private keyOf(spec: ActorSpec): string {
    return spec.kind === 'person' ? `person:${(spec.name ?? '').toLowerCase()}` : `${spec.code}|${spec.sector ?? ''}|${spec.org ?? ''}`;
  }

  private entityFor(spec: ActorSpec): ActorEntity {
    const key = this.keyOf(spec);
    let e = this.byKey.get(key);
    // "Seoul's spy agency" and "the NIS" are one actor: a named body absorbs the unnamed one with its code and sector
    if (!e && spec.kind !== 'person' && spec.code !== 'IGO' && spec.sector) {
      const plainKey = `${spec.code}|${spec.sector}|`;
      const plain = spec.org ? this.byKey.get(plainKey) : undefined;
      if (!spec.org) e = this.onlyNamedBody(plainKey);
      else if (plain) {
        e = plain;
        e.org = spec.org;
        if (spec.name) e.name = spec.name;
        e.kind = spec.kind;
        this.byKey.set(key, e);
      }
    }
    if (!e) {
      e = { id: '', text: '', kind: spec.kind, code: spec.code, mentions: [] };
      for (const f of ['sector', 'name', 'org', 'title'] as const) if (spec[f]) e[f] = spec[f];
      this.entities.push(e);
      this.byKey.set(key, e);
    }
    if (spec.refs?.length) this.refsOf.set(e, [...new Set([...(this.refsOf.get(e) ?? []), ...spec.refs])]);
    if (spec.kind === 'person' && spec.name) this.addSurnames(spec.name, e);
    if (spec.role && isStateCode(e.code)) this.lastByRole.set(spec.role, e);
    return e;
  }

  /** The one named body filed under a code and sector (keys that extend plainKey), or nothing when there are none or several. */
  private onlyNamedBody(plainKey: string): ActorEntity | undefined {
    let only: ActorEntity | undefined;
    for (const [k, v] of this.byKey) {
      if (k === plainKey || v.kind === 'person' || !k.startsWith(plainKey)) continue;
      if (only) return undefined;
      only = v;
    }
    return only;
  }

  private addSurnames(name: string, e: ActorEntity): void {
    const words = name.split(/\s+/);
    if (words.length < 2) return;
    this.surnames.set(normalisePhrase(words[words.length - 1]), e);
    // East Asian names put the family name first ("Kim Yong-hyun", "Ji Jae-ryeol")
    if (name.includes('-') || words.length === 3) this.surnames.set(normalisePhrase(words[0]), e);
  }

  private markWeak(m: Mention, code: string): void {
    this.weak.add(m);
    const n = this.codeCounts.get(code);
    if (n !== undefined) this.codeCounts.set(code, n - 1);
  }

  private mention(spec: ActorSpec, first: number, end: number): Mention {
    const e = this.entityFor(spec);
    if (e.kind === 'person' && e.title && isStateCode(e.code)) this.noteOffice(e.title, e.code);
    const m = this.mentionEntity(e, first, end, false);
    if (spec.kind !== e.kind) this.mentionKind.set(m, spec.kind);
    return m;
  }

  /** "Defence Minister Kim Yong-hyun ... The ministry said": after an office-holder, the noun of the body the office heads refers to that state's government. */
  private noteOffice(title: string, code: string): void {
    const sense = this.model.phrases.get(normalisePhrase(title))?.senses.find((s) => s.type === 'title');
    if (sense?.type !== 'title' || !sense.body) return;
    this.lastByRef.set(sense.body, this.entityFor({ kind: 'organization', code, sector: 'GOV' }));
  }

  private mentionEntity(e: ActorEntity, first: number, end: number, anaphor: boolean): Mention {
    const start = this.tokens[first].start, stop = this.tokens[end - 1].end;
    const m: Mention = { actor: e.id, start, end: stop, firstToken: first, endToken: end, sentence: this.tokens[first].sentence };
    if (anaphor) m.anaphor = true;
    e.mentions.push(m);
    this.mentions.push(m);
    this.entityOfMention.set(m, e);
    if (e.kind !== 'person' && e.sector && e.code !== '---') this.lastBySector.set(e.sector, e);
    if (e.kind === 'state') this.lastState = e;
    for (const ref of this.refsOf.get(e) ?? []) this.lastByRef.set(ref, e);
    if (!anaphor && e.code !== 'IGO' && e.code !== '---' && e.code !== 'NGO') this.codeCounts.set(e.code, (this.codeCounts.get(e.code) ?? 0) + 1);
    return m;
  }
}
