// Stage 5: time windows, magnitudes and locations for each event, each taken from the event's own clause.
import type { EventStatus } from '../core/record.js';
import type { DetailModel } from './model/details.js';
import type { PipelineState, Token } from './types.js';
import { resolveTimeScan, scanTime, timeAnchorWindows, type Direction, type TimeExpression } from './details/time.js';
import { findQuantities, type Quantity } from './details/magnitude.js';
import { findPlaces } from './details/place.js';
import { pickForEvent, type TokenRange } from './details/scope.js';

/** How many sentences back a count without its noun ("a total of 10,000") looks for what was being counted. */
const UNIT_LOOKBACK = 3;

/** How far before a trigger a future auxiliary or infinitive marker may stand ("will not be able to attend"). */
const FUTURE_REACH = 4;

/**
 * Forecasts and conditionals look ahead from the reference date for a bare "Wednesday" or "in March"; reports look
 * back, unless a future auxiliary or "to" stands just before the trigger ("denied it will attend on Monday").
 */
export function directionOf(status: EventStatus, tokens: Token[] = [], triggerFirst = 0, futureMarkers: Set<string> = new Set()): Direction {
  if (status === 'forecast' || status === 'hypothetical') return 'forward';
  for (let k = triggerFirst - 1; k >= 0 && k >= triggerFirst - FUTURE_REACH; k--) {
    if (futureMarkers.has(tokens[k].lower) && (tokens[k].pos === 'AUX' || tokens[k].pos === 'PART')) return 'forward';
    if (tokens[k].pos === 'PUNCT') break;
  }
  return 'backward';
}

/**
 * Sets each event's `when`, `magnitude` and `where` from the time expression, count and place nearest its trigger in
 * its own clause (see details/scope.ts); a time is read forward or backward by the event's status (set by stage 4).
 */
export function addDetails(state: PipelineState, model: DetailModel): void {
  const { text, tokens, sentences, referenceDate } = state;
  const quantityCache = new Map<number, Quantity[]>();
  const quantitiesIn = (s: number): Quantity[] => {
    let found = quantityCache.get(s);
    if (!found) quantityCache.set(s, (found = findQuantities(text, tokens, sentences[s].firstToken, sentences[s].endToken, model.quantities)));
    return found;
  };
  const bySentence = new Map<number, typeof state.events>();
  for (const e of state.events) {
    const list = bySentence.get(e.sentence);
    if (list) list.push(e);
    else bySentence.set(e.sentence, [e]);
  }

  for (const [s, events] of bySentence) {
    const sentence = sentences[s];
    const scans = timeAnchorWindows(tokens, sentence.firstToken, sentence.endToken, model.time)
      .map(([a, b]) => scanTime(text.slice(tokens[a].start, tokens[b - 1].end), referenceDate, model.time, tokens[a].start));
    const times = new Map<Direction, (TimeExpression & TokenRange)[]>();
    const timesFor = (direction: Direction) => {
      let found = times.get(direction);
      if (!found) {
        found = scans.flatMap((scan) => resolveTimeScan(scan, referenceDate, direction, model.time)).map((t) => ({ ...t, ...tokenRange(tokens, sentence.firstToken, sentence.endToken, t.span) }));
        times.set(direction, found);
      }
      return found;
    };
    const places = findPlaces(text, tokens, sentence.firstToken, sentence.endToken, model.places);
    for (const e of events) {
      const direction = directionOf(e.status, tokens, e.triggerFirst, model.time.futureMarkers);
      const time = pickForEvent(timesFor(direction), e, tokens, sentence.firstToken, model);
      if (time) {
        e.when = { text: time.text, start: time.start, end: time.end, span: time.span };
        (e.why ??= []).push(`when: "${time.text}" read ${direction} from ${referenceDate}`);
      }
      const counts = quantitiesIn(s).filter((q) => !q.money || model.quantities.moneyEvents.has(e.type));
      const count = pickForEvent(counts, e, tokens, sentence.firstToken, model, false);
      if (count) {
        const unit = count.unit ?? unitBefore(count, s, quantitiesIn);
        e.magnitude = { text: count.text, min: count.min, max: count.max, ...(unit ? { unit } : {}), span: count.span };
      }
      const place = pickForEvent(places, e, tokens, sentence.firstToken, model);
      if (place) {
        const { text: placeText, name, code, lat, lon, span } = place;
        e.where = { text: placeText, name, ...(code ? { code } : {}), ...(lat !== undefined ? { lat, lon } : {}), span };
      }
    }
  }
}

/** The tokens a character span covers, within one sentence. */
function tokenRange(tokens: Token[], first: number, end: number, span: [number, number]): TokenRange {
  let k = first;
  while (k < end && tokens[k].end <= span[0]) k++;
  const firstToken = k;
  while (k < end && tokens[k].start < span[1]) k++;
  return { firstToken, endToken: Math.max(k, firstToken + 1) };
}

/** What an earlier count in the text counted, for a count that leaves its noun out ("3,000 troops ... a total of 10,000"). */
function unitBefore(count: Quantity, sentence: number, quantitiesIn: (s: number) => Quantity[]): string | undefined {
  for (let s = sentence; s >= 0 && s >= sentence - UNIT_LOOKBACK; s--) {
    const earlier = quantitiesIn(s).filter((q) => q.unit && !q.money && q.span[1] <= count.span[0]);
    if (earlier.length) return earlier[earlier.length - 1].unit;
  }
  return undefined;
}
