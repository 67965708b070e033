// Time windows: finds the time expressions of a sentence and resolves each to the earliest and latest day it allows.
import * as chrono from 'chrono-node/en';
import type { Token } from '../types.js';
import { addUnits, dayNumber, dayOf, isoDay, lastDayOf, monthOf, weekdayOf, yearOf, type CalendarUnit } from './calendar.js';

/** Which way an ambiguous name ("Wednesday", "in March") points: forecasts look ahead, reports of what happened look back. */
export type Direction = 'forward' | 'backward';

export interface DayWindow { start: number; end: number }

export interface TimeExpression {
  text: string;
  /** YYYY-MM-DD */
  start: string;
  end: string;
  /** character offsets into the text searched, end exclusive */
  span: [number, number];
  /** "two days before ...": dates the clause that follows it, not the one it stands in */
  leadsClause?: boolean;
}

export type TimeOp =
  | { name: 'same' | 'by' | 'since' | 'before' | 'after' | 'around' | 'later' | 'earlier' | 'past' | 'coming' }
  | { name: 'part'; k: number; n: number };

interface PeriodRule { start: (ref: number) => number; end: (ref: number) => number; prefixed: boolean }

/** The compiled time-phrase tables: one scanner for every kind of piece, and what each piece means. */
export interface TimeGrammar {
  pieces: RegExp;
  periods: Map<string, PeriodRule>;
  prefixes: Map<string, TimeOp>;
  /** number words usable in durations ("two weeks", "a few days"), each at its largest value */
  counts: Map<string, number>;
  /** lower-case words one of which every time expression holds */
  anchors: Set<string>;
  /** words right before a verb that put it in the future ("will", "to"), whatever the event's status */
  futureMarkers: Set<string>;
}

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Astronomical seasons of the northern hemisphere, as [month, day] of start and end (winter runs into the next year). */
const SEASONS: Record<string, [number, number, number, number]> = {
  spring: [3, 20, 6, 20], summer: [6, 21, 9, 22], autumn: [9, 23, 12, 20], fall: [9, 23, 12, 20], winter: [12, 21, 3, 19],
};
const CONJUNCTIONS = new Set(['or', 'and', 'to', 'through', 'until', 'till', 'and/or']);
const DURATION_UNITS: Record<string, CalendarUnit | 'h'> = { hour: 'h', day: 'd', week: 'w', month: 'm', year: 'y' };
const NUMERIC_DATE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/;
const YEAR_OR_NUMERIC_DATE = /^(?:19|20)\d{2}$|\d[/.-]\d/;
/** Words every time expression holds at least one of, besides month and weekday names, seasons and years. */
const ANCHOR_WORDS = ['hour', 'hours', 'day', 'days', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years', 'year-end', 'today', 'tonight', 'tomorrow', 'yesterday'];

const escapePhrase = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+');
const byLength = (a: string, b: string) => b.length - a.length;

/** Parses the rows of time-phrases.tsv (and the duration number words) into a grammar; throws naming the bad line. */
export function compileTimeGrammar(tsv: string, counts: Map<string, number>, fileName = 'time-phrases.tsv'): TimeGrammar {
  const periods = new Map<string, PeriodRule>();
  const prefixes = new Map<string, TimeOp>();
  const futureMarkers = new Set<string>();
  tsv.split('\n').forEach((line, k) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [kind, phrase, value, flags = ''] = line.split('\t').map((c) => c.trim());
    const where = `${fileName}:${k + 1}`;
    if (!phrase || !value) throw new Error(`${where}: expected kind, phrase and value separated by tabs`);
    if (kind === 'period') {
      const [a, b] = value.split('..');
      if (b === undefined) throw new Error(`${where}: a period is start..end, got "${value}"`);
      periods.set(phrase.toLowerCase(), { start: compileFormula(a, where), end: compileFormula(b, where), prefixed: flags.split(',').includes('prefixed') });
    } else if (kind === 'prefix') {
      prefixes.set(phrase.toLowerCase(), parseOp(value, where));
    } else if (kind === 'future') {
      futureMarkers.add(phrase.toLowerCase());
    } else throw new Error(`${where}: unknown kind "${kind}" (period, prefix or future)`);
  });
  // the dot belongs to an abbreviation ("Nov."), never to a full name that ends the sentence
  const names = Object.keys(MONTHS).sort(byLength);
  const month = `(?<mon>${names.filter((n) => n.length > 4 || n === 'june' || n === 'july').join('|')}|(?:${names.filter((n) => n.length <= 4 && n !== 'june' && n !== 'july' && n !== 'may').join('|')})\\.?|may)`;
  const day = '\\d{1,2}(?:st|nd|rd|th)?(?!\\d)';
  const year = '(?:19|20)\\d{2}(?![\\d,]\\d|[-/.]\\d)';
  const count = [...counts.keys()].sort(byLength).map(escapePhrase).join('|');
  const prefixAlt = [...prefixes.keys()].sort(byLength).map((p) => (p.startsWith('the ') ? `(?:the\\s+)?${escapePhrase(p.slice(4))}` : escapePhrase(p))).join('|');
  const pieces = [
    `(?<period>${[...periods.keys()].sort(byLength).map(escapePhrase).join('|')})`,
    `(?<dur>(?:(?<dq>within|in|over|during|after)\\s+)?(?:(?:a|an)\\s+(?:(?<dva>\\d+|${count})(?:\\s+of)?[\\s-]+)?|(?:the\\s+)?(?:(?<dn>next|coming|following|past|last|previous)\\s+)?(?<dv>\\d+|${count})(?:\\s+of)?[\\s-]+)(?<du>hour|day|week|month|year)s?(?:[\\s-]+long)?(?:\\s+(?:transition\\s+)?(?:period|window|span))?(?:\\s+(?<dsuf>ago|from\\s+now|later|earlier|before|after))?)`,
    `(?<date>(?:(?<d1>${day})\\s+(?:of\\s+)?)?${month}(?:\\s+(?<d2>${day}))?(?:,?\\s+(?:of\\s+)?(?<y1>${year}))?)`,
    `(?<wd>${WEEKDAYS.join('|')})`,
    `(?<season>(?:(?<sd>this|next|last|coming)\\s+)?(?<sn>${Object.keys(SEASONS).join('|')})(?:\\s+(?:of\\s+)?(?<sy>${year}))?)`,
    `(?<year>${year})`,
    `(?<prefix>${prefixAlt})`,
    `(?<conj>and/or|or|and|to)`,
  ];
  const anchors = new Set([...Object.keys(MONTHS), ...WEEKDAYS, ...Object.keys(SEASONS), ...ANCHOR_WORDS]);
  for (const phrase of periods.keys()) if (!phrase.split(' ').some((w) => anchors.has(w))) anchors.add(phrase.split(' ').pop()!);
  return { pieces: new RegExp(`\\b(?:${pieces.join('|')})(?!\\w)`, 'gi'), periods, prefixes, counts, anchors, futureMarkers };
}

function parseOp(value: string, where: string): TimeOp {
  const part = /^part:(\d+)\/(\d+)$/.exec(value);
  if (part) {
    const k = Number(part[1]), n = Number(part[2]);
    if (k < 1 || k > n) throw new Error(`${where}: part:K/N needs 1 <= K <= N, got "${value}"`);
    return { name: 'part', k, n };
  }
  if (['same', 'by', 'since', 'before', 'after', 'around', 'later', 'earlier', 'past', 'coming'].includes(value)) return { name: value as 'same' };
  throw new Error(`${where}: unknown prefix operation "${value}"`);
}

/** Compiles "ref+10d" or "week+1.start" or "year.end-30d" into a function of the reference day. */
export function compileFormula(text: string, where = 'formula'): (ref: number) => number {
  const m = /^(ref|week|weekend|month|year)(?:([+-]\d+)\.(start|end)|\.(start|end))?(?:([+-]\d+)([dwmy]))?$/.exec(text.trim());
  if (!m || (m[1] === 'ref') !== (m[3] === undefined && m[4] === undefined)) throw new Error(`${where}: cannot read the date formula "${text}"`);
  const unit = m[1], shift = Number(m[2] ?? 0), edge = (m[3] ?? m[4]) as 'start' | 'end' | undefined;
  const offset = Number(m[5] ?? 0), offsetUnit = (m[6] ?? 'd') as CalendarUnit;
  return (ref) => addUnits(unitEdge(unit, shift, edge, ref), offset, offsetUnit);
}

function unitEdge(unit: string, shift: number, edge: 'start' | 'end' | undefined, ref: number): number {
  if (unit === 'ref' || !edge) return ref;
  if (unit === 'week' || unit === 'weekend') {
    const monday = ref - weekdayOf(ref) + 7 * shift;
    return edge === 'end' ? monday + 6 : monday + (unit === 'weekend' ? 5 : 0);
  }
  if (unit === 'month') {
    const first = addUnits(dayOf(yearOf(ref), monthOf(ref), 1), shift, 'm');
    return edge === 'start' ? first : lastDayOf(yearOf(first), monthOf(first));
  }
  const y = yearOf(ref) + shift;
  return edge === 'start' ? dayOf(y, 1, 1) : dayOf(y, 12, 31);
}

/** One scanned piece of a time expression: a base (a date, period or duration), a prefix before it, or "or"/"and". */
export interface Piece {
  kind: 'base' | 'prefix' | 'conj';
  start: number;
  end: number;
  lower: string;
  groups: Record<string, string | undefined>;
}

interface Base {
  window: DayWindow;
  deictic: boolean;
  needsPrefix: boolean;
  /** for a name without a year or week ("Friday", "March"), the step to its next occurrence */
  recurs?: CalendarUnit;
  leadsClause?: boolean;
}

/** Every time expression in `text` (one sentence), resolved against the reference day in the given direction. */
export function findTimeExpressions(text: string, referenceDate: string, direction: Direction, grammar: TimeGrammar, offset = 0): TimeExpression[] {
  return resolveTimeScan(scanTime(text, referenceDate, grammar, offset), referenceDate, direction, grammar);
}

/** The pieces of the time expressions in a text, before any direction is chosen (so one scan serves both). */
export interface TimeScan { text: string; offset: number; pieces: Piece[] }

export function scanTime(text: string, referenceDate: string, grammar: TimeGrammar, offset = 0): TimeScan {
  const ref = referenceDay(referenceDate);
  const pieces = scanPieces(text, grammar);
  addNumericDates(text, ref, pieces);
  return { text, offset, pieces };
}

export function resolveTimeScan(scan: TimeScan, referenceDate: string, direction: Direction, grammar: TimeGrammar): TimeExpression[] {
  const { text, offset, pieces } = scan;
  const ref = referenceDay(referenceDate);
  const out: TimeExpression[] = [];
  let i = 0;
  while (i < pieces.length) {
    const ops: TimeOp[] = [];
    let j = i;
    while (j < pieces.length && pieces[j].kind === 'prefix' && j + 1 < pieces.length && joined(text, pieces[j], pieces[j + 1])) ops.push(grammar.prefixes.get(squash(pieces[j].lower)) ?? { name: 'same' }), j++;
    const first = pieces[j];
    // "since March", "last October" look back and "next Monday" ahead, whatever the event's status
    const baseDirection = ops.some((op) => op.name === 'since' || op.name === 'past') ? 'backward' : ops.some((op) => op.name === 'coming') ? 'forward' : direction;
    const year = first?.groups.date !== undefined && first.groups.y1 === undefined ? yearNamedAfter(text, pieces, j, ref, grammar) : undefined;
    const base = first?.kind === 'base' && (j === i || joined(text, pieces[j - 1], first)) ? resolveBase(first, ref, baseDirection, grammar, year) : null;
    if (!base || (base.needsPrefix && !ops.length && year === undefined)) { i++; continue; }
    if (year !== undefined) j++;
    // "early", "the first half of" right before a name shape that name only ("between late Tuesday and early Wednesday")
    let own = ops.length;
    while (own > 0 && ops[own - 1].name === 'part') own--;
    let last = pieces[j], window = base.window, deictic = base.deictic;
    for (let k = ops.length - 1; k >= own; k--) window = applyOp(ops[k], window, ref, direction);
    const second = secondBase(text, pieces, j, ref, baseDirection, grammar);
    if (second) {
      // "from Monday to Friday", "December or January": the second name is the next one after the first
      const w2 = second.window.start < window.start && second.recurs ? shift(second.window, second.recurs) : second.window;
      window = { start: Math.min(window.start, w2.start), end: Math.max(window.end, w2.end) };
      deictic ||= second.deictic;
      last = pieces[second.index];
    }
    for (let k = own - 1; k >= 0; k--) window = applyOp(ops[k], window, ref, direction);
    if (deictic) window = clip(window, ref, direction);
    const from = pieces[i].start, to = last.end;
    out.push({ text: text.slice(from, to), start: isoDay(window.start), end: isoDay(window.end), span: [from + offset, to + offset], ...(base.leadsClause ? { leadsClause: true } : {}) });
    i = pieces.indexOf(last) + 1;
  }
  return out;
}

/** The last reference date read: a document's sentences all share one, so it is parsed once. */
let lastReference: [string, number] = ['', NaN];

function referenceDay(referenceDate: string): number {
  if (lastReference[0] === referenceDate) return lastReference[1];
  const ref = dayNumber(referenceDate);
  if (Number.isNaN(ref)) throw new Error(`time: the reference date "${referenceDate}" is not a YYYY-MM-DD day`);
  lastReference = [referenceDate, ref];
  return ref;
}

/** Tokens before an anchor word that a time expression can reach back over ("in the first half of this year"). */
const REACH_BACK = 10;
const REACH_ON = 3;

/**
 * The stretches of a sentence (token ranges [first, end)) worth scanning for time: every time expression holds an
 * anchor word (a month, a weekday, "week", a year ...), so only the few tokens around anchors are read.
 */
export function timeAnchorWindows(tokens: Token[], first: number, end: number, grammar: TimeGrammar): [number, number][] {
  const windows: [number, number][] = [];
  for (let k = first; k < end; k++) {
    if (!isTimeAnchor(tokens[k].lower, grammar.anchors)) continue;
    const from = Math.max(first, k - REACH_BACK), to = Math.min(end, k + REACH_ON + 1);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else windows.push([from, to]);
  }
  return windows;
}

function isTimeAnchor(lower: string, anchors: Set<string>): boolean {
  if (anchors.has(lower)) return true;
  const c = lower.charCodeAt(0);
  if (c >= 48 && c <= 57 && YEAR_OR_NUMERIC_DATE.test(lower)) return true;
  const bare = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (bare !== lower && anchors.has(bare)) return true;
  return lower.includes('-') && lower.split('-').some((part) => anchors.has(part) || YEAR_OR_NUMERIC_DATE.test(part));
}

/** Resolves one whole phrase, e.g. resolveTimeWindow("as early as July or August", "2024-06-20", "forward"). */
export function resolveTimeWindow(phrase: string, referenceDate: string, direction: Direction, grammar: TimeGrammar): { start: string; end: string } | null {
  const found = findTimeExpressions(phrase, referenceDate, direction, grammar)[0];
  return found ? { start: found.start, end: found.end } : null;
}

function scanPieces(text: string, grammar: TimeGrammar): Piece[] {
  const pieces: Piece[] = [];
  for (const m of text.matchAll(grammar.pieces)) {
    const g = m.groups as Record<string, string | undefined>;
    const lower = m[0].toLowerCase();
    const kind = g.prefix !== undefined ? 'prefix' : g.conj !== undefined ? 'conj' : 'base';
    if (kind === 'base' && !capitalisedName(g)) continue;
    pieces.push({ kind, start: m.index!, end: m.index! + m[0].length, lower, groups: g });
  }
  return pieces;
}

/** Month and weekday names are written with a capital in English news; lower-case "may" or "march" are verbs. */
function capitalisedName(g: Record<string, string | undefined>): boolean {
  const name = g.mon ?? g.wd;
  if (name === undefined) return true;
  return /^[A-Z]/.test(name);
}

/** Numeric dates ("2024-10-12", "10/12/2024") are left to chrono-node; only called when the sentence has one. */
function addNumericDates(text: string, ref: number, pieces: Piece[]): void {
  if (!NUMERIC_DATE.test(text)) return;
  const at = new Date(ref * 86_400_000 + 43_200_000);
  for (const r of chrono.strict.parse(text, at)) {
    if (!/\d[/.-]\d/.test(r.text) || !r.start.isCertain('day')) continue;
    const start = r.index, end = r.index + r.text.length;
    if (pieces.some((p) => p.start < end && start < p.end)) continue;
    const day = dayOf(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!);
    pieces.push({ kind: 'base', start, end, lower: r.text, groups: { numeric: String(day) } });
  }
  pieces.sort((a, b) => a.start - b.start);
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** Two pieces belong to one expression when only spaces, a hyphen or "the" stand between them. */
function joined(text: string, a: Piece, b: Piece): boolean {
  return /^[\s-]*(?:the\s+)?$/i.test(text.slice(a.end, b.start));
}

function secondBase(text: string, pieces: Piece[], j: number, ref: number, direction: Direction, grammar: TimeGrammar): (Base & { index: number }) | null {
  const base = pieces[j], next = pieces[j + 1];
  if (!next) return null;
  let k: number;
  if (next.kind === 'base' && /^\s*[-–—]\s*$/.test(text.slice(base.end, next.start))) k = j + 1;
  else if ((next.kind === 'conj' || CONJUNCTIONS.has(next.lower)) && /^\s*,?\s*$/.test(text.slice(base.end, next.start))) k = j + 2;
  else return null;
  const ops: TimeOp[] = [];
  // after "or"/"and" only "early"/"late" and the like: "July or early August", not "in 2023 and in May"
  while (k + 1 < pieces.length && pieces[k].kind === 'prefix' && joined(text, pieces[k], pieces[k + 1])) {
    const op = grammar.prefixes.get(squash(pieces[k].lower));
    if (op?.name !== 'part') break;
    ops.push(op);
    k++;
  }
  const p = pieces[k];
  if (!p || p.kind !== 'base' || !/^[\s-]*(?:the\s+)?$/i.test(text.slice(pieces[k - 1].end, p.start))) return null;
  const second = resolveBase(p, ref, direction, grammar);
  if (!second) return null;
  let window = second.window;
  for (let o = ops.length - 1; o >= 0; o--) window = applyOp(ops[o], window, ref, direction);
  return { ...second, window, index: k };
}

function shift(w: DayWindow, unit: CalendarUnit): DayWindow {
  return { start: addUnits(w.start, 1, unit), end: addUnits(w.end, 1, unit) };
}

/** "January next year", "May this year": the year that a period right after a yearless date names. */
function yearNamedAfter(text: string, pieces: Piece[], j: number, ref: number, grammar: TimeGrammar): number | undefined {
  const next = pieces[j + 1];
  if (next?.groups.period === undefined || !/^\s+$/.test(text.slice(pieces[j].end, next.start))) return undefined;
  const rule = grammar.periods.get(squash(next.lower));
  if (!rule) return undefined;
  const start = rule.start(ref), end = rule.end(ref), y = yearOf(start);
  return start === dayOf(y, 1, 1) && end === dayOf(y, 12, 31) ? y : undefined;
}

function resolveBase(p: Piece, ref: number, direction: Direction, grammar: TimeGrammar, year?: number): Base | null {
  const g = p.groups;
  if (g.numeric !== undefined) { const d = Number(g.numeric); return { window: { start: d, end: d }, deictic: false, needsPrefix: false }; }
  if (g.period !== undefined) {
    const rule = grammar.periods.get(squash(p.lower));
    return rule ? { window: { start: rule.start(ref), end: rule.end(ref) }, deictic: true, needsPrefix: rule.prefixed } : null;
  }
  if (g.dur !== undefined) return resolveDuration(g, ref, direction, grammar);
  if (g.date !== undefined) return resolveDate(year === undefined ? g : { ...g, y1: String(year) }, ref, direction);
  if (g.wd !== undefined) {
    const wd = WEEKDAYS.indexOf(g.wd.toLowerCase()), today = weekdayOf(ref);
    const day = direction === 'forward' ? ref + ((wd - today + 7) % 7) : ref - ((today - wd + 7) % 7);
    return { window: { start: day, end: day }, deictic: false, needsPrefix: false, recurs: 'w' };
  }
  if (g.season !== undefined) return resolveSeason(g, ref, direction);
  if (g.year !== undefined) { const y = Number(g.year); return { window: { start: dayOf(y, 1, 1), end: dayOf(y, 12, 31) }, deictic: false, needsPrefix: true }; }
  return null;
}

function resolveDate(g: Record<string, string | undefined>, ref: number, direction: Direction): Base | null {
  const month = MONTHS[g.mon!.toLowerCase().replace('.', '')];
  const dayText = g.d1 ?? g.d2;
  const day = dayText === undefined ? undefined : parseInt(dayText, 10);
  const windowIn = (y: number): DayWindow | null => {
    if (day === undefined) return { start: dayOf(y, month, 1), end: lastDayOf(y, month) };
    if (day < 1 || day > monthLength(y, month)) return null;
    const d = dayOf(y, month, day);
    return { start: d, end: d };
  };
  // a bare month name needs a time word before it ("in May"): "May" and "March" are also a verb
  const needsPrefix = day === undefined && g.y1 === undefined;
  if (g.y1 !== undefined) { const w = windowIn(Number(g.y1)); return w && { window: w, deictic: false, needsPrefix }; }
  const w = nearestOccurrence(windowIn, ref, direction);
  return w && { window: w, deictic: false, needsPrefix, recurs: 'y' };
}

function monthLength(y: number, month: number): number {
  return lastDayOf(y, month) - dayOf(y, month, 1) + 1;
}

/** A yearless date or season: forward, the first one not yet over; backward, the last one already begun. */
function nearestOccurrence(windowIn: (y: number) => DayWindow | null, ref: number, direction: Direction): DayWindow | null {
  const y = yearOf(ref);
  const candidates = [y - 1, y, y + 1].map(windowIn).filter((w): w is DayWindow => w !== null);
  if (direction === 'forward') return candidates.find((w) => w.end >= ref) ?? null;
  return candidates.reverse().find((w) => w.start <= ref) ?? null;
}

function resolveSeason(g: Record<string, string | undefined>, ref: number, direction: Direction): Base | null {
  const [m1, d1, m2, d2] = SEASONS[g.sn!.toLowerCase()];
  const windowIn = (y: number): DayWindow => ({ start: dayOf(y, m1, d1), end: dayOf(m2 < m1 ? y + 1 : y, m2, d2) });
  const which = g.sd?.toLowerCase();
  if (g.sy !== undefined) return { window: windowIn(Number(g.sy)), deictic: false, needsPrefix: false };
  const y = yearOf(ref);
  const candidates = [y - 2, y - 1, y, y + 1];
  let w: DayWindow | null | undefined;
  if (which === 'this') w = candidates.map(windowIn).find((c) => c.start <= ref && ref <= c.end) ?? windowIn(y);
  else if (which === 'next' || which === 'coming') w = candidates.map(windowIn).find((c) => c.start > ref);
  else if (which === 'last') w = candidates.map(windowIn).reverse().find((c) => c.end < ref);
  else w = nearestOccurrence(windowIn, ref, direction);
  // a bare season needs a time word before it: "fall" alone is a verb more often than a season
  return w ? { window: w, deictic: which !== undefined, needsPrefix: which === undefined, recurs: 'y' } : null;
}

function resolveDuration(g: Record<string, string | undefined>, ref: number, direction: Direction, grammar: TimeGrammar): Base | null {
  const quantity = g.dq?.toLowerCase(), towards = g.dn?.toLowerCase(), suffix = g.dsuf?.toLowerCase().replace(/\s+/g, ' ');
  if (!quantity && !towards && !suffix) return null;
  const valueText = (g.dv ?? g.dva)?.toLowerCase().replace(/\s+/g, ' ');
  const n = valueText === undefined ? 1 : /^\d+$/.test(valueText) ? Number(valueText) : grammar.counts.get(valueText);
  if (n === undefined || n <= 0) return null;
  const unit = DURATION_UNITS[g.du!.toLowerCase()];
  const moved = (sign: number) => (unit === 'h' ? ref + sign * Math.ceil(n / 24) : addUnits(ref, sign * n, unit));
  const point = (day: number): DayWindow => ({ start: day, end: day });
  // "X came two days before/after Y": Y is dated from X, and X (the news of the day) from the reference date
  if (suffix === 'before' || suffix === 'after') return { window: point(moved(suffix === 'before' ? 1 : -1)), deictic: false, needsPrefix: false, leadsClause: true };
  let window: DayWindow;
  if (suffix === 'ago' || suffix === 'earlier') window = point(moved(-1));
  else if (suffix === 'later' || suffix === 'from now' || quantity === 'after') window = point(moved(1));
  else if (towards === 'past' || towards === 'last' || towards === 'previous') window = { start: moved(-1), end: ref };
  // of a reported act, "in 24 years" is the span looked back over ("its first visit in 24 years"), not a day ahead
  else if (quantity === 'in' && !towards && direction === 'backward') window = { start: moved(-1), end: ref };
  else if (quantity === 'in' && !towards) window = point(moved(1));
  else window = { start: ref, end: moved(1) };
  return { window, deictic: true, needsPrefix: false };
}

export function applyOp(op: TimeOp, w: DayWindow, ref: number, direction: Direction): DayWindow {
  const { start: s, end: e } = w;
  switch (op.name) {
    case 'same': case 'past': case 'coming': return w;
    case 'by': return direction === 'forward' && ref <= e ? { start: ref, end: e } : w;
    case 'since': return s <= ref ? { start: s, end: ref } : w;
    case 'before': return direction === 'forward' && ref < s ? { start: ref, end: s - 1 } : { start: s - (e - s + 1), end: s - 1 };
    case 'after': return { start: e + 1, end: e + Math.max(e - s + 1, 7) };
    // about a week either side, but not reaching across the reference day that the phrase itself does not cross
    case 'around': return direction === 'forward' ? { start: Math.max(s - 7, Math.min(s, ref)), end: e + 7 } : { start: s - 7, end: Math.min(e + 7, Math.max(e, ref)) };
    case 'later': return ref <= e ? { start: Math.max(s, ref), end: e } : w;
    case 'earlier': return ref >= s ? { start: s, end: Math.min(e, ref) } : w;
    case 'part': return part(w, op.k, op.n);
  }
}

/** The k-th of n equal parts of a window: by whole months where the window is whole months that divide evenly, else by days. */
function part(w: DayWindow, k: number, n: number): DayWindow {
  const y1 = yearOf(w.start), m1 = monthOf(w.start);
  const months = (yearOf(w.end) - y1) * 12 + monthOf(w.end) - m1 + 1;
  const wholeMonths = w.start === dayOf(y1, m1, 1) && w.end === lastDayOf(yearOf(w.end), monthOf(w.end));
  if (wholeMonths && months % n === 0 && months >= n) {
    const size = months / n;
    const first = addUnits(w.start, (k - 1) * size, 'm');
    const lastMonth = addUnits(w.start, k * size - 1, 'm');
    return { start: first, end: lastDayOf(yearOf(lastMonth), monthOf(lastMonth)) };
  }
  const length = w.end - w.start + 1;
  const start = w.start + Math.floor(((k - 1) * length) / n);
  return { start, end: Math.max(start, w.start + Math.ceil((k * length) / n) - 1) };
}

/** A deictic phrase ("this year") said of a forecast starts no earlier than the reference day; of a report, ends no later. */
function clip(w: DayWindow, ref: number, direction: Direction): DayWindow {
  if (direction === 'forward' && w.end > ref) return { start: Math.max(w.start, ref), end: w.end };
  if (direction === 'backward' && w.start < ref) return { start: w.start, end: Math.min(w.end, ref) };
  return w;
}
