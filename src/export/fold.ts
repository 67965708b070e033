// Folds an event's status into PLOVER's conventions (as the evaluation's score.mjs does): forecasts of cooperation are AGREE,
// self-announced forecasts of force are THREATEN, and negated or hypothetical events are not events at all.
import type { RecordActor, RecordEvent } from '../core/record.js';
import type { PloverType } from '../core/plover.js';

const COOPERATIVE: ReadonlySet<PloverType> = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT']);
const FORCEFUL: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'MOBILIZE', 'PROTEST']);

/** The country part of an actor code, as PLOVER compares sides. */
function countryOf(actor: RecordActor | undefined): string {
  return (actor?.code ?? '').toUpperCase().slice(0, 3);
}

/**
 * The PLOVER type under which PLOVER would code the event, or null when PLOVER would not code it.
 * A forceful forecast becomes THREATEN only when nobody else says so: unattributed, or attributed to one of its own sources
 * ("Hamas vowed to attack" is a threat; "the NIS warned that the North may attack" is someone else's forecast).
 */
export function foldToPlover(event: RecordEvent, actorsById: ReadonlyMap<string, RecordActor>): PloverType | null {
  if (event.status === 'negated' || event.status === 'hypothetical') return null;
  if (event.status === 'forecast') {
    if (COOPERATIVE.has(event.type)) return 'AGREE';
    if (FORCEFUL.has(event.type)) {
      const sources = event.source.map((id) => countryOf(actorsById.get(id)));
      const announcer = event.attribution?.actor !== undefined ? countryOf(actorsById.get(event.attribution.actor)) : null;
      if (!announcer || sources.includes(announcer)) return 'THREATEN';
    }
  }
  return event.type;
}

export function actorIndex(actors: readonly RecordActor[]): Map<string, RecordActor> {
  return new Map(actors.map((a) => [a.id, a]));
}
