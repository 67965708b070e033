// Magnitudes: finds the counts in a sentence ("about 3,000 soldiers", "several thousand troops") as ranges with a unit.
import type { Token } from '../types.js';
import { MONTHS } from './time.js';

export type QuantityModifier = 'approx' | 'atleast' | 'upto' | 'exact';

/** The compiled quantities.tsv: one scanner for number phrases and the tables that give them values and units. */
export interface QuantityTables {
  pattern: RegExp;
  vague: Map<string, [number, number]>;
  numbers: Map<string, number>;
  scales: Map<string, number>;
  modifiers: Map<string, QuantityModifier>;
  units: Map<string, string>;
  money: Map<string, string>;
  moneyEvents: Set<string>;
  ignore: Set<string>;
  /** lower-case words one of which every count holds (besides digits): "six", "dozens", "thousand", "$" */
  anchors: Set<string>;
}

export interface Quantity {
  text: string;
  min: number;
  max: number;
  /** the counted noun as reported ("troops"), or a currency code; absent when the text leaves it out ("a total of 10,000") */
  unit?: string;
  money: boolean;
  /** character span of the whole phrase, noun included */
  span: [number, number];
  /** token range of the phrase, end exclusive */
  firstToken: number;
  endToken: number;
}

/** The value of a number phrase without its noun ("about 3,000" -> 2700..3300); null when it is not one. */
export interface QuantityValue { min: number; max: number; numberWord: boolean; vague: boolean; modified: boolean; currency?: string; end: number }

const MODIFIER_KINDS = new Set<QuantityModifier>(['approx', 'atleast', 'upto', 'exact']);
/** Words between a number and its noun that do not change what is counted ("6,000 more soldiers"). */
const FILLERS = new Set(['more', 'additional', 'extra', 'other', 'further', 'new', 'fresh']);
/** Words before a number word that make it refer back rather than count ("the two countries"). */
const DEFINITE = new Set(['the', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'both', 'all', 'every', 'each']);
/** Words before a four-digit number that make it a year ("in 2024", "the 2024 election"). */
const YEAR_CONTEXT = new Set(['the', 'in', 'since', 'by', 'of', 'from', 'until', 'before', 'after', 'early', 'mid', 'late', 'during', 'for', 'to', 'and', 'or', 'a', 'this', 'that', "'s"]);

/** Words of quantity phrases too common to mark where a count may be. */
const STOP_WORDS = new Set(['a', 'an', 'the', 'of']);
/** Tokens before and after an anchor that a number phrase can span ("no fewer than 3,000", "1.5 million"). */
const REACH_BACK = 4;
const REACH_ON = 2;

const escapePhrase = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+');
const alternatives = (keys: Iterable<string>) => [...keys].sort((a, b) => b.length - a.length).map(escapePhrase).join('|');
const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

export function compileQuantities(tsv: string, fileName = 'quantities.tsv'): QuantityTables {
  const t: Omit<QuantityTables, 'pattern' | 'anchors'> = {
    vague: new Map(), numbers: new Map(), scales: new Map(), modifiers: new Map(), units: new Map(), money: new Map(), moneyEvents: new Set(), ignore: new Set(),
  };
  tsv.split('\n').forEach((line, k) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [kind, rawPhrase, a, b] = line.split('\t').map((c) => c.trim());
    const where = `${fileName}:${k + 1}`;
    const phrase = rawPhrase?.toLowerCase();
    if (!phrase) throw new Error(`${where}: expected a kind and a phrase separated by a tab`);
    const num = (s: string | undefined) => {
      const n = Number(s);
      if (s === undefined || s === '' || !Number.isFinite(n)) throw new Error(`${where}: "${s ?? ''}" is not a number`);
      return n;
    };
    const text = (s: string | undefined) => {
      if (!s) throw new Error(`${where}: the ${kind} row needs a value`);
      return s;
    };
    switch (kind) {
      case 'vague': t.vague.set(phrase, [num(a), num(b)]); break;
      case 'number': t.numbers.set(phrase, num(a)); break;
      case 'scale': t.scales.set(phrase, num(a)); break;
      case 'modifier': {
        const m = text(a) as QuantityModifier;
        if (!MODIFIER_KINDS.has(m)) throw new Error(`${where}: unknown modifier kind "${m}" (approx, atleast, upto, exact)`);
        t.modifiers.set(phrase, m);
        break;
      }
      case 'unit': t.units.set(phrase, text(a)); break;
      case 'money': t.money.set(phrase, text(a)); break;
      case 'money-event': t.moneyEvents.add(rawPhrase); break;
      case 'ignore': t.ignore.add(phrase); break;
      default: throw new Error(`${where}: unknown kind "${kind}"`);
    }
  });
  const number = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${alternatives(t.numbers.keys())}`;
  const symbols = [...t.money.keys()].filter((k) => !/^[a-z]+$/.test(k));
  const pattern = new RegExp(
    `(?<![\\w.,/$€£-])(?:(?<mod>${alternatives(t.modifiers.keys())})\\s+)?(?<cur>${alternatives(symbols)})?\\s?` +
      `(?:between\\s+(?<lo>${number})\\s+and\\s+(?<hi>${number})|(?<vague>${alternatives(t.vague.keys())})(?:\\s+of)?|(?<num>${number})(?:\\s*(?:-|–|to)\\s*(?<num2>${number}))?)` +
      `(?:[\\s-]*(?<scale>${alternatives(t.scales.keys())}))?(?![\\w%])(?![.,]\\d)`,
    'gi',
  );
  const anchors = new Set([...t.numbers.keys(), ...t.vague.keys(), ...t.scales.keys(), ...symbols].flatMap((p) => p.split(' ')).filter((w) => !STOP_WORDS.has(w)));
  return { pattern, ...t, anchors };
}

/** Reads the number phrase at the start of `text` (e.g. "up to 12,000"); null when there is none. */
export function parseQuantityPhrase(text: string, tables: QuantityTables): QuantityValue | null {
  tables.pattern.lastIndex = 0;
  const m = tables.pattern.exec(text);
  tables.pattern.lastIndex = 0;
  return m && m.index === 0 ? valueOf(m, tables) : null;
}

function valueOf(m: RegExpExecArray, tables: QuantityTables): QuantityValue | null {
  const g = m.groups as Record<string, string | undefined>;
  const scale = g.scale ? tables.scales.get(squash(g.scale)) ?? 1 : 1;
  const read = (s: string) => (/^\d/.test(s) ? Number(s.replace(/,/g, '')) : tables.numbers.get(squash(s)) ?? NaN);
  let min: number, max: number;
  const vague = g.vague !== undefined;
  if (vague) [min, max] = tables.vague.get(squash(g.vague!))!;
  else {
    const lo = read(g.lo ?? g.num!), hi = read(g.hi ?? g.num2 ?? g.num!);
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return null;
    [min, max] = [lo * scale, hi * scale];
  }
  const exact = !vague && min === max;
  switch (g.mod ? tables.modifiers.get(squash(g.mod)) : undefined) {
    case 'approx': if (exact) [min, max] = [Math.round(min * 0.9), Math.round(max * 1.1)]; break;
    case 'atleast': max *= 10; break;
    case 'upto': min = 1; break;
    default: break;
  }
  const numberWord = !vague && !/^\d/.test(g.lo ?? g.num!);
  return { min, max, numberWord, vague, modified: g.mod !== undefined, currency: g.cur ? tables.money.get(g.cur.toLowerCase()) : undefined, end: m.index + m[0].length };
}

/**
 * Every count in one sentence. `text` is the whole document and `tokens` its tokens; [firstToken, endToken) is the
 * sentence. A count without its noun keeps `unit` empty for the caller to fill from what was counted before.
 */
export function findQuantities(text: string, tokens: Token[], firstToken: number, endToken: number, tables: QuantityTables): Quantity[] {
  const out: Quantity[] = [];
  for (const [a, b] of anchorWindows(tokens, firstToken, endToken, tables.anchors)) {
    const from = tokens[a].start;
    for (const m of text.slice(from, tokens[b - 1].end).matchAll(tables.pattern)) {
      const value = valueOf(m as RegExpExecArray, tables);
      if (!value) continue;
      // the pattern may take white space before a number (a line break in the text): the span starts at the words
      const start = from + m.index! + (m[0].length - m[0].trimStart().length), end = from + value.end;
      let k = a;
      while (k < endToken && tokens[k].end <= start) k++;
      const first = k;
      while (k < endToken && tokens[k].start < end) k++;
      const before = first > firstToken ? tokens[first - 1] : undefined;
      const next = k < endToken ? tokens[k] : undefined;
      // a number joined to the next word by a hyphen makes a modifier, not a count ("an 11-nation coalition", "170-mm")
      if ((k > first && tokens[k - 1].end > end) || (next?.text === '-' && next.start === end)) continue;
      if (!isCount(m[0], value, before, next, tables)) continue;
      const noun = countedNoun(tokens, k, endToken, value, tables);
      if (noun === null) continue;
      // without its noun a count must say it is one: "a total of 10,000", "several thousand more", "1,500 of them", "$3 billion"
      if (noun.head < 0 && !value.currency && !(value.vague ? value.max >= 100 : !value.numberWord && (value.modified || noun.partitive))) continue;
      const last = noun.head >= 0 ? noun.head + 1 : k;
      const money = value.currency !== undefined || noun.currency !== undefined;
      const unit = value.currency ?? noun.currency ?? noun.unit;
      const spanEnd = noun.head >= 0 ? tokens[noun.head].end : end;
      out.push({ text: text.slice(start, spanEnd), min: value.min, max: value.max, ...(unit ? { unit } : {}), money, span: [start, spanEnd], firstToken: first, endToken: last });
    }
  }
  return out;
}

/** The stretches of a sentence (token ranges) around digits and quantity words, the only places a count can be. */
function anchorWindows(tokens: Token[], first: number, end: number, anchors: Set<string>): [number, number][] {
  const windows: [number, number][] = [];
  for (let k = first; k < end; k++) {
    const lower = tokens[k].lower;
    if (!anchors.has(lower) && !/\d/.test(lower)) continue;
    const from = Math.max(first, k - REACH_BACK), to = Math.min(end, k + REACH_ON + 1);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else windows.push([from, to]);
  }
  return windows;
}

/** Rules out days of months, years, times of day and measures. */
function isCount(phrase: string, value: QuantityValue, before: Token | undefined, next: Token | undefined, tables: QuantityTables): boolean {
  const prevLower = before?.lower.replace(/\.$/, '');
  if (prevLower !== undefined && MONTHS[prevLower] !== undefined && /^\d{1,2}$/.test(phrase)) return false;
  if (next && MONTHS[next.lower.replace(/\.$/, '')] !== undefined && /^[A-Z]/.test(next.text)) return false;
  if (next && tables.ignore.has(next.lower)) return false;
  if (value.numberWord && prevLower !== undefined && DEFINITE.has(prevLower)) return false;
  // a number right after a capitalised noun names something ("Article 4", "Resolution 2231"), it does not count
  if (before && /^\d/.test(phrase) && /^[A-Z][a-z]/.test(before.text) && (before.pos === 'PROPN' || before.pos === 'NOUN')) return false;
  if (/^(?:19|20)\d{2}$/.test(phrase) && (prevLower === undefined || YEAR_CONTEXT.has(prevLower) || MONTHS[prevLower] !== undefined)) return false;
  return true;
}

/** The noun that a number counts: the last noun of the phrase that follows it ("118 more shadow fleet vessels"). */
function countedNoun(tokens: Token[], k: number, end: number, value: QuantityValue, tables: QuantityTables): { head: number; partitive?: boolean; unit?: string; currency?: string } | null {
  let partitive = false;
  if (k < end && tokens[k].lower === 'of' && !value.numberWord) {
    k++;
    if (k < end && (tokens[k].pos === 'DET' || tokens[k].pos === 'PRON')) partitive = tokens[k++].pos === 'PRON';
  }
  let head = -1;
  for (let n = 0; k < end && n < 7; k++, n++) {
    const t = tokens[k];
    if (FILLERS.has(t.lower)) continue;
    // "short-range missiles": what stands before a hyphen modifies what follows it
    if (t.text === '-') { head = -1; continue; }
    const modifierVerb = t.pos === 'VERB' && /(?:ed|ing)$/.test(t.lower) && ['ADJ', 'NOUN', 'PROPN'].includes(tokens[k + 1]?.pos ?? '');
    if (t.pos === 'NOUN') head = k;
    else if (t.pos === 'PROPN' || t.pos === 'ADJ' || modifierVerb) {
      if (head < 0) continue;
      if (tokens[head - 1]?.text !== '-') break;
      head = -1;
    }
    else break;
  }
  if (head < 0) {
    const propn = tokens[k - 1];
    if (propn && propn.pos === 'PROPN' && /s$/.test(propn.lower)) head = k - 1;
  }
  if (head < 0) return { head, partitive };
  const t = tokens[head];
  if (tables.ignore.has(t.lower)) return null;
  const currency = tables.money.get(t.lower);
  if (currency) return { head, currency };
  const pair = head > 0 ? `${tokens[head - 1].lower} ${t.lower}` : '';
  // "2,700 wounded": a participle used as a noun is plural already
  const plural = value.max > 1 && t.lower === t.lemma && !/(?:s|ed)$/.test(t.lower) ? pluralise(t.lower) : t.lower;
  return { head, unit: tables.units.get(pair) ?? tables.units.get(t.lower) ?? tables.units.get(plural) ?? plural };
}

function pluralise(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}
