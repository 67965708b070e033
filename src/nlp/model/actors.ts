// Actor tables: states, organisations, agent nouns and officials' titles, parsed into lookups.
import type { ActorKind } from '../../core/record.js';
import type { ReadTable } from './types.js';

/** One dictionary entry: a surface phrase and the actor it names. */
export interface ActorEntry {
  phrase: string;
  code: string;
  kind: ActorKind;
  sector?: string;
  org?: string;
  name?: string;
}

export interface ActorModel {
  entries: ActorEntry[];
}

export function buildActorModel(_read: ReadTable, extra: ActorEntry[]): ActorModel {
  return { entries: [...extra] };
}

/**
 * Parses a user's dictionary (YAML or JSON, chosen by the file name) into actor entries.
 * Throws an Error whose message names the file and the problem.
 */
export function parseActorDictionary(_text: string, fileName: string): ActorEntry[] {
  throw new Error(`${fileName}: user dictionaries are not supported yet`);
}
