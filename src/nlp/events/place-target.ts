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
  actors: Map<string, ActorEntity>;
  mentions: Mention[];
  /** the chunks of the slot where the target would be named: the object, or a target preposition's phrase */
  chunks: Chunk[];
  /** codes of the source: a place of the source's own state is where it acts, not whom it acts on */
  sourceCodes: Set<string>;
  /** states on the source's side ("fought for Russia" ... "attacked positions in Kursk" is no attack on Russia) */
  allied: (code: string) => boolean;
}

/**
 * The mention of the state that the first known place in a target slot lies in, when the article names that state
 * as an actor: "visited Pyongyang" visits North Korea, "struck a depot outside Kharkiv" strikes Ukraine. The first
 * place decides: a place at home or among allies gives no target at all.
 */
export function placeTarget(input: PlaceTargetInput): number | null {
  const { clause: c } = input;
  for (const first of input.chunks) {
    let cur: Chunk | null = first;
    for (let depth = 0; cur && depth <= DEPTH; depth++) {
      const code = firstPlaceIn(input, cur);
      if (code) return stateOf(input, code);
      const next = chunkAtToken(c, cur.end + 1);
      cur = next && next.start === cur.end + 1 && next.prep && WHERE.has(next.prep) ? next : null;
    }
  }
  return null;
}

function firstPlaceIn(input: PlaceTargetInput, ch: Chunk): string | null {
  const { tokens } = input.clause;
  for (let i = ch.start; i < ch.end; i++) {
    // names are capitalised: "us" is no United States
    if (tokens[i].text[0] === tokens[i].lower[0]) continue;
    const found = placeStateAt(input.text, tokens, i, ch.end, input.places);
    if (found) return found.code;
  }
  return null;
}

/**
 * The first mention of the state coded `code`, unless the source is that state or on its side; without the state
 * itself, its government stands for it ("North Korean leader Kim" for a visit to Pyongyang).
 */
function stateOf(input: PlaceTargetInput, code: string): number | null {
  if (input.sourceCodes.has(code) || input.allied(code)) return null;
  const rank = (e: ActorEntity) => (e.code !== code ? 0 : e.kind === 'state' ? 3 : e.sector !== 'GOV' ? 0 : e.kind === 'person' ? 1 : 2);
  let best: ActorEntity | undefined;
  for (const e of input.actors.values()) if (rank(e) > (best ? rank(best) : 0)) best = e;
  if (!best) return null;
  const k = input.mentions.findIndex((m) => m.actor === best!.id);
  return k >= 0 ? k : null;
}
