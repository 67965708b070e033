// Actor tables (states, organisations, people, agent nouns, titles, references) parsed into one phrase lookup keyed by first word.
import { parse as parseYaml } from 'yaml';
import type { ActorKind } from '../../core/record.js';
import type { ReadTable } from './types.js';
import { tsvRows } from './tsv.js';

/** One dictionary entry from a user's file: a surface phrase and the actor it names. */
export interface ActorEntry {
  phrase: string;
  code: string;
  kind: ActorKind;
  sector?: string;
  org?: string;
  name?: string;
  title?: string;
}

/** How a state is written: its name ("North Korea"), adjective ("North Korean"), people ("North Koreans") or capital ("Pyongyang"). */
export type CountryForm = 'name' | 'adjective' | 'people' | 'capital';
export type ReferenceKind = 'singular' | 'plural' | 'person' | 'pair' | 'pair-people' | 'state' | 'generic' | 'unknown';

export type Sense =
  | { type: 'country'; code: string; form: CountryForm; onlyWith?: string[] }
  | { type: 'org'; codes: string[]; kind: ActorKind; sector?: string; org?: string; name?: string; refs: string[] }
  | { type: 'person'; code: string; sector?: string; title?: string; name: string; org?: string }
  /** craft: a vehicle that stands for those who crew it ('jets', 'frigate') */
  | { type: 'agent'; sector: string; craft?: boolean }
  /** a title of office before a name; sector '*' takes the sector of the body before it; body: the noun of the body it heads ("ministry") */
  | { type: 'title'; sector: string; body?: string }
  | { type: 'reference'; ref: ReferenceKind }
  /** a place whose name contains a state's ("Gulf of Finland"): matched only so that it is not read as the state */
  | { type: 'place' }
  /** a fixed phrase whose noun names no actor ("into force"): matched only so that the noun is not read as an agent */
  | { type: 'idiom' };

export interface Phrase {
  /** lower case, single spaces, straight apostrophes: compared with the article's tokens joined the same way */
  norm: string;
  /** set for acronyms ("US", "NIS"): the text must match this exactly, so that "us" is not the United States */
  exact?: string;
  /** every sense is a name, which must start with a capital letter in the text ("Chad", not "chad") */
  namesOnly: boolean;
  senses: Sense[];
}

/** Word lists of actor-cues.tsv, by kind. */
export interface ActorCues {
  locative: Set<string>;
  time: Set<string>;
  ownership: Set<string>;
  expletive: Set<string>;
  /** words that, between such a verb and "to", make "it" an actor ("it was ready to") */
  raising: Set<string>;
  /** nouns of acts: the state adjective before one names who acts ("a Russian attack", "French mediation") */
  act: Set<string>;
  /** nouns of what a state owns or trades: the adjective before one names the state as an actor ("German goods", "Russian assets") */
  holding: Set<string>;
  /** participles after "<State>-" or "<agent>-" that make it the actor ("Saudi-led", "Israeli-occupied", "rebel-held") */
  agency: Set<string>;
  /** verbs that the tagger reads as nouns after a plural subject ("troops lack experience") */
  verb: Set<string>;
  /** nouns of a state's provinces and regions: a named one as a subject is its government ("Gyeonggi province has said") */
  region: Set<string>;
}

export interface ActorModel {
  /** every phrase by its normalised text */
  phrases: Map<string, Phrase>;
  /**
   * the starts of phrases that end where the text may have a token boundary ("north", "north korea", "workers"):
   * matching extends a candidate token by token only while it is still one of these, so the work per token stays small
   */
  prefixes: Set<string>;
  /** common name of each state code */
  countryNames: Map<string, string>;
  cues: ActorCues;
}

const SECTORS = new Set(['GOV', 'MIL', 'SPY', 'LEG', 'JUD', 'COP', 'REB', 'OPP', 'PTY', 'CVL', 'REF', 'MED', 'BUS', 'NGO', 'IGO', 'ELI', 'LAB', 'EDU', 'HLH', 'REL']);
const KINDS = new Set<ActorKind>(['state', 'igo', 'organization', 'person', 'group']);
const FORMS = new Set<CountryForm>(['name', 'adjective', 'people', 'capital']);
const REFERENCES = new Set<ReferenceKind>(['singular', 'plural', 'person', 'pair', 'pair-people', 'state', 'generic', 'unknown']);

/** Letters and digits (any script) are word characters; spaces and punctuation are where a tokenizer may cut. */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

/** Senses that name someone or somewhere, and so apply only to capitalised text. */
export function isName(sense: Sense): boolean {
  return sense.type === 'country' || sense.type === 'org' || sense.type === 'person' || sense.type === 'place';
}

/** Curly quotes, backticks and any white space but the plain space (the \s class without " "): what normalising changes. */
const ODD_CHARACTERS = /[’‘`\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

export function normalisePhrase(s: string): string {
  // most phrases are plain words with single spaces: skip the replacements for them (this runs for every token and table row)
  if (!ODD_CHARACTERS.test(s)) return s.toLowerCase();
  return s.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

class PhraseIndex {
  readonly byNorm = new Map<string, Phrase>();

  add(text: string, sense: Sense, where: string): void {
    const norm = normalisePhrase(text);
    if (!norm) throw new Error(`${where}: empty phrase`);
    let p = this.byNorm.get(norm);
    if (!p) {
      const acronym = isName(sense) && /[A-Z]/.test(text) && !/[a-z]/.test(text) && text.replace(/[^A-Za-z]/g, '').length <= 6;
      p = { norm, namesOnly: true, senses: [] };
      if (acronym) p.exact = text.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
      this.byNorm.set(norm, p);
    }
    p.senses.push(sense);
    p.namesOnly = p.senses.every(isName);
  }

  /** Removes one kind of sense from a phrase (a correction file's "-" row). */
  remove(text: string, type: Sense['type']): void {
    const p = this.byNorm.get(normalisePhrase(text));
    if (!p || !p.senses.some((s) => s.type === type)) return;
    p.senses = p.senses.filter((s) => s.type !== type);
    p.namesOnly = p.senses.every(isName);
    if (!p.senses.length) this.byNorm.delete(p.norm);
  }

  /** Replaces a phrase's senses of one type (later tables override earlier ones). */
  replace(text: string, sense: Sense, where: string): void {
    this.remove(text, sense.type);
    this.add(text, sense, where);
  }

  /** Prefixes at every place a tokenizer may cut: before or after a space or punctuation ("korea" | "'s", "f" | "-" | "35"). */
  prefixes(): Set<string> {
    const out = new Set<string>();
    for (const norm of this.byNorm.keys()) {
      let wordBefore = isWordChar(norm.charCodeAt(0));
      for (let k = 1; k < norm.length; k++) {
        const word = isWordChar(norm.charCodeAt(k));
        if (!word || !wordBefore) out.add(norm.charCodeAt(k) === 32 ? norm.slice(0, k) : norm.slice(0, k).trimEnd());
        wordBefore = word;
      }
    }
    return out;
  }
}

/** Rows of a TSV table without its # comment lines; each row keeps its line number for error messages. */
function rows(read: ReadTable, name: string, minColumns: number): { cols: string[]; where: string }[] {
  return tsvRows(read(name)).map(({ cells: cols, line }) => {
    const where = `${name}:${line}`;
    if (cols.length < minColumns) throw new Error(`${where}: expected ${minColumns} tab-separated columns, found ${cols.length}`);
    return { cols, where };
  });
}

const dash = (s: string | undefined): string | undefined => (s === undefined || s === '' || s === '-' ? undefined : s);

function checkSector(sector: string | undefined, where: string): string | undefined {
  if (sector !== undefined && sector !== '*' && !SECTORS.has(sector)) throw new Error(`${where}: unknown sector "${sector}"`);
  return sector;
}

export function buildActorModel(read: ReadTable, extra: ActorEntry[]): ActorModel {
  const index = new PhraseIndex();
  const countryNames = new Map<string, string>();
  for (const file of ['countries.tsv', 'country-aliases.tsv']) {
    for (const { cols, where } of rows(read, file, 3)) {
      const [phrase, code, form, onlyWith] = cols;
      if (!FORMS.has(form as CountryForm)) throw new Error(`${where}: unknown form "${form}"`);
      if (form === 'name' && !countryNames.has(code)) countryNames.set(code, phrase);
      const sense: Sense = { type: 'country', code, form: form as CountryForm };
      if (dash(onlyWith)) sense.onlyWith = onlyWith.split('|');
      index.replace(phrase, sense, where);
    }
  }
  for (const { cols, where } of rows(read, 'agents.tsv', 2)) index.add(cols[0], { type: 'agent', sector: checkSector(cols[1], where)! }, where);
  for (const { cols, where } of rows(read, 'agents-extra.tsv', 2)) {
    if (cols[1] === '-') index.remove(cols[0], 'agent');
    else index.replace(cols[0], { type: 'agent', sector: checkSector(cols[1], where)!, ...(cols[2] === 'craft' ? { craft: true } : {}) }, where);
  }
  for (const { cols, where } of rows(read, 'titles.tsv', 2)) {
    const body = dash(cols[2]);
    index.add(cols[0], { type: 'title', sector: checkSector(cols[1], where)!, ...(body ? { body: body.toLowerCase() } : {}) }, where);
  }
  for (const { cols, where } of rows(read, 'references.tsv', 2)) {
    if (!REFERENCES.has(cols[1] as ReferenceKind)) throw new Error(`${where}: unknown reference "${cols[1]}"`);
    index.add(cols[0], { type: 'reference', ref: cols[1] as ReferenceKind }, where);
  }
  for (const { cols, where } of rows(read, 'non-actor-places.tsv', 1)) index.add(cols[0], { type: 'place' }, where);
  for (const { cols, where } of rows(read, 'idioms.tsv', 1)) index.add(cols[0], { type: 'idiom' }, where);
  for (const { cols, where } of rows(read, 'nonstate.tsv', 3)) {
    index.replace(cols[0], { type: 'org', codes: [cols[1]], kind: 'organization', sector: checkSector(cols[2], where), name: cols[0], refs: ['group'] }, where);
  }
  for (const { cols, where } of rows(read, 'organisations.tsv', 7)) {
    const [phrase, codes, sector, kind, org, name, refs] = cols;
    if (!KINDS.has(kind as ActorKind)) throw new Error(`${where}: unknown kind "${kind}"`);
    index.replace(phrase, { type: 'org', codes: codes.split('|'), kind: kind as ActorKind, sector: checkSector(dash(sector), where), org: dash(org), name: dash(name), refs: dash(refs)?.split(',') ?? [] }, where);
  }
  // people.tsv (hand-written, current) after leaders.tsv (generated, historic), so that its rows win
  for (const { cols, where } of ['leaders.tsv', 'people.tsv'].flatMap((file) => rows(read, file, 5))) {
    const [phrase, code, sector, title, name, org] = cols;
    index.replace(phrase, { type: 'person', code, sector: checkSector(dash(sector), where), title: dash(title), name, org: dash(org) }, where);
  }
  extra.forEach((e, k) => index.replace(e.phrase, senseOfEntry(e), `dictionary entry ${k + 1}`));
  return { phrases: index.byNorm, prefixes: index.prefixes(), countryNames, cues: readCues(read) };
}

function readCues(read: ReadTable): ActorCues {
  const cues: ActorCues = { locative: new Set(), time: new Set(), ownership: new Set(), expletive: new Set(), raising: new Set(), act: new Set(), holding: new Set(), agency: new Set(), verb: new Set(), region: new Set() };
  for (const { cols, where } of rows(read, 'actor-cues.tsv', 2)) {
    const set = cues[cols[1] as keyof ActorCues];
    if (!set) throw new Error(`${where}: unknown kind "${cols[1]}" (locative, time, ownership, expletive, raising, act, holding, agency, verb or region)`);
    set.add(cols[0].toLowerCase());
  }
  return cues;
}

function senseOfEntry(e: ActorEntry): Sense {
  if (e.kind === 'person') return { type: 'person', code: e.code, sector: e.sector, title: e.title, name: e.name ?? e.phrase, org: e.org };
  if (e.kind === 'state' && !e.sector) return { type: 'country', code: e.code, form: 'name' };
  return { type: 'org', codes: [e.code], kind: e.kind, sector: e.sector, org: e.org, name: e.name ?? e.phrase, refs: [] };
}

const ENTRY_FIELDS = new Set(['phrase', 'code', 'kind', 'sector', 'org', 'name', 'title']);

/**
 * Parses a user's dictionary (YAML, or JSON, which YAML reads too) into actor entries:
 * a list of {phrase, code, kind?, sector?, org?, name?, title?}, or {actors: [...]}.
 * Throws an Error whose message names the file and the problem.
 */
export function parseActorDictionary(text: string, fileName: string): ActorEntry[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new Error(`${fileName}: not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc && typeof doc === 'object' && !Array.isArray(doc) && 'actors' in doc) doc = (doc as { actors: unknown }).actors;
  if (!Array.isArray(doc)) throw new Error(`${fileName}: expected a list of entries (or "actors:" with a list)`);
  return doc.map((item: unknown, k: number) => {
    const at = `${fileName}: entry ${k + 1}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new Error(`${at}: expected a mapping with phrase and code`);
    const o = item as Record<string, unknown>;
    for (const key of Object.keys(o)) if (!ENTRY_FIELDS.has(key)) throw new Error(`${at}: unknown field "${key}"`);
    for (const key of Object.keys(o)) if (typeof o[key] !== 'string' || !(o[key] as string).trim()) throw new Error(`${at}: "${key}" must be a non-empty string`);
    const str = (key: string) => (o[key] as string | undefined)?.trim();
    const phrase = str('phrase'), code = str('code')?.toUpperCase();
    if (!phrase) throw new Error(`${at}: missing field "phrase"`);
    if (!code) throw new Error(`${at}: missing field "code"`);
    if (!/^([A-Z]{3}|---)$/.test(code)) throw new Error(`${at}: code "${code}" is not a three-letter code (ISO alpha-3, IGO, NGO or ---)`);
    const sector = str('sector')?.toUpperCase();
    if (sector && !SECTORS.has(sector)) throw new Error(`${at}: unknown sector "${sector}"`);
    const kind = (str('kind') ?? (code === 'IGO' ? 'igo' : sector ? 'organization' : 'state')) as ActorKind;
    if (!KINDS.has(kind)) throw new Error(`${at}: unknown kind "${kind}" (state, igo, organization, person or group)`);
    const entry: ActorEntry = { phrase, code, kind };
    if (sector) entry.sector = sector;
    for (const key of ['org', 'name', 'title'] as const) if (str(key)) entry[key] = str(key);
    return entry;
  });
}
