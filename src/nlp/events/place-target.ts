// A target named only by a place: the state a place in an event's object lies in ("hit a radar site near Tehran": Iran).
import type { Gazetteer } from '../details/place.js';
import { placeStateAt } from '../details/place.js';
import type { ActorEntity, Mention } from '../types.js';
import { chunkAtToken, type Chunk, type Clause } from './clause.js';

/** Prepositions by which a phrase goes on to say where its thing is ("a site near Tehran", "sites in the city of Isfahan"). */
const WHERE = new Set(['of', 'in', 'near', 'outside', 'at', 'around', 'on', 'inside']);
/** How many such phrases the search follows after the slot's own chunk. */
const DEPTH = 3;

export interface PlaceTargetInput {
  clause: Clause;
  text: string;
  places: Gazetteer;
  /** the chunks of the slot where the target would be named: the object, or a target preposition's phrase */
  chunks: Chunk[];
}

/** A place that names a state: its code and tokens. */
export interface StatePlace { code: string; firstToken: number; endToken: number }

/**
 * The first place of a known state in a target slot, or its complements: "visited Pyongyang", "struck a depot outside
 * Kharkiv". The first place decides: whether it gives a target is the caller's to say.
 */
export function placeTarget(input: PlaceTargetInput): StatePlace | null {
  const { clause: c } = input;
  for (const first of input.chunks) {
    let cur: Chunk | null = first;
    for (let depth = 0; cur && depth <= DEPTH; depth++) {
      const found = firstPlaceIn(input, cur);
      if (found) return found;
      const next = chunkAtToken(c, cur.end + 1);
      cur = next && next.start === cur.end + 1 && next.prep && WHERE.has(next.prep) ? next : null;
    }
  }
  return null;
}

function firstPlaceIn(input: PlaceTargetInput, ch: Chunk): StatePlace | null {
  const { tokens } = input.clause;
  for (let i = ch.start; i < ch.end; i++) {
    // names are capitalised: "us" is no United States
    if (tokens[i].text[0] === tokens[i].lower[0]) continue;
    const found = placeStateAt(input.text, tokens, i, ch.end, input.places);
    if (found) return { code: found.code, firstToken: i, endToken: found.endToken };
  }
  return null;
}

/**
 * The mention that stands for the state a place lies in: the first of that state, else of its government ("North
 * Korean leader Kim" for a visit to Pyongyang); null when the article names neither.
 */
export function stateMentionFor(code: string, actors: Iterable<ActorEntity>, mentions: Mention[]): number | null {
  const rank = (e: ActorEntity) => (e.code !== code ? 0 : e.kind === 'state' ? 3 : e.sector !== 'GOV' ? 0 : e.kind === 'person' ? 1 : 2);
  let best: ActorEntity | undefined;
  for (const e of actors) if (rank(e) > (best ? rank(best) : 0)) best = e;
  if (!best) return null;
  const k = mentions.findIndex((m) => m.actor === best!.id);
  return k >= 0 ? k : null;
}
