// Event trigger tables (triggers.tsv, trigger-classes.tsv, light-verbs.tsv) parsed into lookups keyed by word form.
import { MODES, isPloverType, type PloverType } from '../../core/plover.js';
import type { ReadTable } from './types.js';
import { tsvRows } from './tsv.js';

/** V verb, N noun, M modal of obligation ("X said Y must ..." is a demand on Y) */
export type TriggerPos = 'V' | 'N' | 'M';

/** One reviewed row of triggers.tsv. */
export interface TriggerRow {
  /** the trigger lemma and the particle words that must follow it ("shoot", "down") */
  words: string[];
  pos: TriggerPos;
  /** a class from trigger-classes.tsv that must occur with the trigger, or null for any */
  object: string | null;
  /** a class that must not occur with it */
  without: string | null;
  type: PloverType;
  mode?: string;
  context: string[];
  /** the direct object can be the recipient */
  targetObj: boolean;
  /** prepositions that introduce the recipient */
  targetPreps: ReadonlySet<string>;
  /** the row fits only when a recipient is found */
  targetRequired: boolean;
  /** prepositions besides "by" that introduce the source: a noun's agent, or for a verb the giver to its subject */
  agentPreps: ReadonlySet<string>;
  /** nouns: a possessor is the one acted on ("the tanker's detention"), not the actor */
  possessorIsTarget: boolean;
  embeds: 'absorb' | 'defer' | 'cite' | null;
  /** line in triggers.tsv, for explanations */
  line: number;
}

export interface EventModel {
  /** lemma or inflected form of a trigger's first word -> its rows in table order */
  triggers: Map<string, TriggerRow[]>;
  /** word lemma -> the classes it belongs to */
  classes: Map<string, ReadonlySet<string>>;
  /** light verb lemma (and inflected forms) -> the particle sequences it takes ([] when none) */
  lightVerbs: Map<string, string[][]>;
}

const TRIGGER_FILE = 'triggers.tsv';
const CLASS_FILE = 'trigger-classes.tsv';
const LIGHT_FILE = 'light-verbs.tsv';

const dash = (s: string | undefined): string => (s === undefined || s === '-' ? '' : s);
const list = (s: string | undefined, sep: string): string[] => dash(s).split(sep).map((x) => x.trim()).filter(Boolean);

/** Regular English inflections of a verb or noun lemma; irregular ones come from the table's forms column. */
export function inflections(lemma: string, pos: 'V' | 'N'): string[] {
  const forms = new Set([lemma]);
  const sibilant = /(s|x|z|ch|sh)$/.test(lemma);
  const consonantY = /[^aeiou]y$/.test(lemma);
  forms.add(consonantY ? lemma.slice(0, -1) + 'ies' : sibilant ? lemma + 'es' : lemma + 's');
  if (pos === 'N') return [...forms];
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  // short verbs ending consonant-vowel-consonant double the consonant: ship -> shipped, stop -> stopping
  const doubled = /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(lemma) ? lemma + lemma.slice(-1) : null;
  forms.add(consonantY ? lemma.slice(0, -1) + 'ied' : lemma.endsWith('e') ? lemma + 'd' : (doubled ?? lemma) + 'ed');
  forms.add((doubled ?? stem) + 'ing');
  return [...forms];
}

function fail(file: string, line: number, problem: string): never {
  throw new Error(`${file} line ${line}: ${problem}`);
}

function parseClasses(text: string): Map<string, ReadonlySet<string>> {
  const classes = new Map<string, Set<string>>();
  for (const { cells, line } of tsvRows(text)) {
    const [word, cls] = cells;
    if (!word || !cls) fail(CLASS_FILE, line, 'expected "word<TAB>class"');
    const key = word.toLowerCase();
    if (!classes.has(key)) classes.set(key, new Set());
    classes.get(key)!.add(cls);
  }
  return classes;
}

function parseTriggers(text: string, knownClasses: ReadonlySet<string>): Map<string, TriggerRow[]> {
  const triggers = new Map<string, TriggerRow[]>();
  for (const { cells, line } of tsvRows(text)) {
    if (cells.length < 9) fail(TRIGGER_FILE, line, `expected at least 9 columns, found ${cells.length}`);
    const [phrase, pos, object, type, mode, context, target, agent, embeds, forms] = cells;
    if (pos !== 'V' && pos !== 'N' && pos !== 'M') fail(TRIGGER_FILE, line, `pos must be V, N or M, not "${pos}"`);
    if (!isPloverType(type)) fail(TRIGGER_FILE, line, `"${type}" is not a PLOVER type`);
    const m = dash(mode);
    if (m && !(MODES[type] ?? []).includes(m)) fail(TRIGGER_FILE, line, `mode "${m}" is not a mode of ${type}`);
    const negated = object.startsWith('!');
    const cls = object === '*' ? null : object.replace(/^!/, '');
    if (cls && !knownClasses.has(cls)) fail(TRIGGER_FILE, line, `class "${cls}" is not in ${CLASS_FILE}`);
    const e = dash(embeds);
    if (e && e !== 'absorb' && e !== 'defer' && e !== 'cite') fail(TRIGGER_FILE, line, `embeds must be absorb, defer, cite or -, not "${e}"`);
    const words = phrase.toLowerCase().split(/\s+/);
    const targets = list(target, ',');
    const row: TriggerRow = {
      words, pos, object: negated ? null : cls, without: negated ? cls : null, type, context: list(context, ';'),
      targetObj: targets.some((t) => t.replace('!', '') === 'obj'),
      targetPreps: new Set(targets.map((t) => t.replace('!', '')).filter((t) => t !== 'obj')),
      targetRequired: targets.some((t) => t.endsWith('!')),
      agentPreps: new Set(list(agent, ',').filter((a) => a !== '!poss')),
      possessorIsTarget: list(agent, ',').includes('!poss'),
      embeds: (e || null) as TriggerRow['embeds'],
      line,
    };
    if (m) row.mode = m;
    const regular = pos === 'M' ? [words[0]] : inflections(words[0], pos);
    for (const form of new Set([...regular, ...list(forms, ',').map((f) => f.toLowerCase())])) {
      if (!triggers.has(form)) triggers.set(form, []);
      triggers.get(form)!.push(row);
    }
  }
  return triggers;
}

function parseLightVerbs(text: string): Map<string, string[][]> {
  const light = new Map<string, string[][]>();
  for (const { cells } of tsvRows(text)) {
    const [head, ...particles] = cells[0].toLowerCase().split(/\s+/);
    for (const form of inflections(head, 'V')) {
      if (!light.has(form)) light.set(form, []);
      light.get(form)!.push(particles);
    }
  }
  return light;
}

export function buildEventModel(read: ReadTable): EventModel {
  const classes = parseClasses(read(CLASS_FILE));
  const known = new Set<string>();
  for (const set of classes.values()) for (const c of set) known.add(c);
  return { triggers: parseTriggers(read(TRIGGER_FILE), known), classes, lightVerbs: parseLightVerbs(read(LIGHT_FILE)) };
}
