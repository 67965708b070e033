// Stage 3: find event triggers and fill each event's source and target from the clause.
import type { EventModel } from './model/events.js';
import type { EventDraft, PipelineState } from './types.js';

export function findEvents(_state: PipelineState, _model: EventModel): EventDraft[] {
  return [];
}
