// Event trigger tables: verbs and nouns that signal each PLOVER type, parsed into lookups.
import type { ReadTable } from './types.js';

export interface EventModel {
  triggers: Map<string, unknown>;
}

export function buildEventModel(_read: ReadTable): EventModel {
  return { triggers: new Map() };
}
