// Stage 2: find actors (states, organisations, agents, officials) and resolve coreference inside the article.
import type { ActorModel } from './model/actors.js';
import type { ActorEntity, Analysed, Mention } from './types.js';

export function findActors(_doc: Analysed, _model: ActorModel): { actors: ActorEntity[]; mentions: Mention[] } {
  return { actors: [], mentions: [] };
}
