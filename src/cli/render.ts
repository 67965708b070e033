// The terminal view of an extraction record: its actors, then its events with status, attribution, window, likelihood and magnitude.
import type { EventStatus, ExtractionRecord, RecordActor, RecordEvent, Span } from '../core/record.js';

export interface RenderOptions {
  /** ANSI colour (decide with wantsColor) */
  color: boolean;
  /** add each event's confidence and the stages' notes on why */
  explain: boolean;
  /** the document's text, when at hand: each event then quotes its sentence */
  text?: string;
}

/** Colour only on a terminal, never when NO_COLOR is set (https://no-color.org), always when FORCE_COLOR asks for it. */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';
const SGR: Record<Style, [number, number]> = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] };
const STATUS_STYLE: Record<EventStatus, Style> = { asserted: 'green', forecast: 'yellow', hypothetical: 'cyan', negated: 'red' };

/** Actor names longer than this are not padded to align the columns. */
const MAX_NAME_WIDTH = 32;

/** An event as the record carries it, plus the notes that the explain view shows when the record includes them. */
type ExplainedEvent = RecordEvent & { why?: string[] };

export function renderRecord(record: ExtractionRecord, options: RenderOptions): string {
  const paint = (style: Style, s: string) => (options.color ? `\x1b[${SGR[style][0]}m${s}\x1b[${SGR[style][1]}m` : s);
  const doc = record.document;
  const actorsById = new Map(record.actors.map((a) => [a.id, a]));
  const actorName = (id: string) => {
    const a = actorsById.get(id);
    return a ? `${safe(a.text)} ${paint('dim', `(${safe(a.id)} ${safe(codeOf(a))})`)}` : `${safe(id)} ${paint('red', '(unknown actor)')}`;
  };
  const dateNote = doc.published ? `published ${doc.published}` : `no date given, relative dates read from ${doc.referenceDate}`;
  const lines = [paint('bold', [safe(doc.id), doc.title ? `“${safe(doc.title)}”` : ''].filter(Boolean).join('  ')) + paint('dim', `  ${dateNote}`)];

  lines.push(paint('bold', `Actors (${record.actors.length})`));
  const width = Math.min(MAX_NAME_WIDTH, Math.max(0, ...record.actors.map((a) => a.text.length)));
  for (const a of record.actors) {
    const extra = safe([a.kind, a.name, a.org, a.title].filter(Boolean).join(', '));
    lines.push(`  ${paint('dim', safe(a.id).padEnd(4))} ${safe(a.text).padEnd(width)}  ${safe(codeOf(a)).padEnd(7)} ${paint('dim', `${extra}; ${a.mentions.length} mention${a.mentions.length === 1 ? '' : 's'}`)}`);
  }

  lines.push(paint('bold', `Events (${record.events.length})`));
  for (const e of record.events as ExplainedEvent[]) {
    const type = safe([e.type, e.mode].filter(Boolean).join('/'));
    const who = e.source.map(actorName).join(' + ') || paint('dim', 'unknown source');
    const whom = e.target.length ? ` -> ${e.target.map(actorName).join(' + ')}` : '';
    lines.push(`  ${paint('dim', safe(e.id).padEnd(4))} ${paint('bold', type)} ${paint(STATUS_STYLE[e.status] ?? 'bold', safe(e.status))}  ${who}${whom}`);
    const detail = (label: string, value: string) => lines.push(`       ${paint('dim', `${label}:`)} ${value}`);
    // values below come from the document: safe() keeps its control characters out of the terminal
    detail('trigger', `“${safe(e.trigger.text)}” in sentence ${e.sentence.index + 1}`);
    if (options.text !== undefined) detail('sentence', quote(options.text, e.sentence.span, e.trigger.span, (s) => paint('bold', s)));
    if (e.attribution) detail('according to', [e.attribution.actor ? actorName(e.attribution.actor) : safe(e.attribution.text), `“${safe(e.attribution.cue)}”`].filter(Boolean).join(', '));
    if (e.when) detail('window', safe(`${e.when.text} (${e.when.start === e.when.end ? e.when.start : `${e.when.start} to ${e.when.end}`})`));
    if (e.likelihood) detail('likelihood', safe(`${e.likelihood.cue} (p ${e.likelihood.p})`));
    if (e.magnitude) detail('magnitude', safe(`${e.magnitude.text} (${e.magnitude.min.toLocaleString('en')}-${e.magnitude.max.toLocaleString('en')}${e.magnitude.unit ? ` ${e.magnitude.unit}` : ''})`));
    if (e.where) detail('where', safe([e.where.text, e.where.code ? `(${e.where.code})` : ''].filter(Boolean).join(' ')));
    if (options.explain) {
      detail('confidence', e.confidence.toFixed(2));
      for (const note of e.why ?? []) detail('why', safe(note));
    }
  }
  return lines.join('\n') + '\n';
}

/** Sentences longer than this are quoted around their trigger. */
const MAX_QUOTE = 160;

/** The sentence on one line, cut at word boundaries around the trigger when long, the trigger marked. */
function quote(text: string, [start, end]: Span, [triggerStart, triggerEnd]: Span, mark: (s: string) => string): string {
  let from = start, to = end;
  if (end - start > MAX_QUOTE) {
    from = Math.max(start, Math.min(triggerStart - MAX_QUOTE / 2, end - MAX_QUOTE));
    to = Math.min(end, from + MAX_QUOTE);
    if (from > start) from = Math.min(triggerStart, wordStartAfter(text, from));
    if (to < end) to = Math.max(triggerEnd, text.lastIndexOf(' ', to));
  }
  const flat = (a: number, b: number) => safe(text.slice(a, b)).replace(/\s+/g, ' ');
  const inside = triggerStart >= from && triggerEnd <= to;
  const body = inside ? flat(from, triggerStart) + mark(flat(triggerStart, triggerEnd)) + flat(triggerEnd, to) : flat(from, to);
  return `${from > start ? '…' : ''}${body.trim()}${to < end ? '…' : ''}`;
}

function wordStartAfter(text: string, i: number): number {
  const space = text.indexOf(' ', i);
  return space === -1 ? i : space + 1;
}

/** Text from a document, with control characters (such as terminal escape sequences) made harmless. */
function safe(s: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (s ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function codeOf(a: RecordActor): string {
  return a.sector ? `${a.code}/${a.sector}` : a.code;
}
