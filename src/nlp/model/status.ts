// Status cue tables: modals, future and intent frames, reporting verbs, conditionals, negation and denial, likelihood words.
import type { ReadTable } from './types.js';

export interface StatusModel {
  cues: Map<string, unknown>;
}

export function buildStatusModel(_read: ReadTable): StatusModel {
  return { cues: new Map() };
}
