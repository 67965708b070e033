// The PLOVER 2.0 ontology: the 16 event types, their quad classes, and a cooperation-conflict score.
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE',
  'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN',
  'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export type Quad = 'verbal-cooperation' | 'material-cooperation' | 'verbal-conflict' | 'material-conflict';

export const QUAD: Record<PloverType, Quad> = {
  AGREE: 'verbal-cooperation', CONSULT: 'verbal-cooperation', SUPPORT: 'verbal-cooperation', CONCEDE: 'verbal-cooperation',
  COOPERATE: 'material-cooperation', AID: 'material-cooperation', RETREAT: 'material-cooperation',
  REQUEST: 'verbal-conflict', ACCUSE: 'verbal-conflict', REJECT: 'verbal-conflict', THREATEN: 'verbal-conflict',
  PROTEST: 'material-conflict', SANCTION: 'material-conflict', MOBILIZE: 'material-conflict', COERCE: 'material-conflict', ASSAULT: 'material-conflict',
};

/** Cooperation (+) to conflict (-) on a -10..+10 scale, in the spirit of the Goldstein scale, for trends and network colours. */
export const COOPERATION_SCORE: Record<PloverType, number> = {
  AGREE: 3, CONSULT: 1, SUPPORT: 3, CONCEDE: 5, COOPERATE: 6, AID: 7, RETREAT: 5,
  REQUEST: -1, ACCUSE: -2, REJECT: -4, THREATEN: -6, PROTEST: -5, SANCTION: -7, MOBILIZE: -6, COERCE: -8, ASSAULT: -10,
};

/** PLOVER modes that each type admits (an event's `mode` must be one of these when set). */
export const MODES: Partial<Record<PloverType, readonly string[]>> = {
  AID: ['economic', 'military', 'humanitarian'],
  COOPERATE: ['economic', 'military', 'intelligence', 'legal'],
  CONSULT: ['visit', 'host', 'third-party', 'mediate', 'phone', 'meeting'],
  PROTEST: ['demonstrate', 'riot', 'strike', 'hunger', 'boycott'],
  SANCTION: ['economic', 'diplomatic', 'military', 'convict', 'expel'],
  MOBILIZE: ['troops', 'weapons', 'police', 'cyber', 'alert', 'arms-test'],
  COERCE: ['seize', 'arrest', 'curfew', 'expel', 'censor', 'cyber', 'restrict'],
  ASSAULT: ['beat', 'firearms', 'explosives', 'aerial', 'heavy-weapons', 'assassinate', 'cyber', 'wmd'],
  RETREAT: ['withdraw', 'release', 'disarm', 'return', 'open'],
  CONCEDE: ['policy', 'leadership', 'rights', 'sanctions', 'ceasefire'],
};

/**
 * Modes that name an act of their own rather than a facet of the type's act: a weapons test is not a troop
 * deployment, an arrest not a seizure of goods. Reports of such an act can only stand for the same type and mode.
 */
export const DISTINCT_MODES: Partial<Record<PloverType, readonly string[]>> = {
  MOBILIZE: ['arms-test', 'cyber', 'police', 'alert'],
  SANCTION: ['convict', 'expel'],
  COERCE: ['arrest', 'curfew', 'censor', 'cyber', 'expel'],
  ASSAULT: ['assassinate', 'cyber', 'wmd'],
  RETREAT: ['release', 'disarm'],
  CONCEDE: ['ceasefire', 'leadership', 'rights'],
};

const distinctMode = (type: string, mode: string | undefined): boolean =>
  mode !== undefined && isPloverType(type) && (DISTINCT_MODES[type] ?? []).includes(mode);

/** Whether two coded acts can be reports of the same act: compatible types, and a distinct mode on either side shared by both. */
export function sameKindOfAct(a: { type: string; mode?: string }, b: { type: string; mode?: string }): boolean {
  if (!isPloverType(a.type) || !(COMPATIBLE_TYPES[a.type] as readonly string[]).includes(b.type)) return false;
  if (!distinctMode(a.type, a.mode) && !distinctMode(b.type, b.mode)) return true;
  return a.type === b.type && a.mode === b.mode;
}

export const isPloverType = (s: string): s is PloverType => (PLOVER_TYPES as readonly string[]).includes(s);

/**
 * Types that can report the same act (a troop dispatch to an ally is coded AID, MOBILIZE or COOPERATE by different
 * coders); the tracker lets evidence of any compatible type confirm or refute a forecast.
 */
export const COMPATIBLE_TYPES: Record<PloverType, readonly PloverType[]> = {
  AGREE: ['AGREE', 'SUPPORT', 'CONSULT'],
  CONSULT: ['CONSULT', 'AGREE'],
  SUPPORT: ['SUPPORT', 'AGREE', 'COOPERATE'],
  CONCEDE: ['CONCEDE', 'RETREAT'],
  COOPERATE: ['COOPERATE', 'AID', 'SUPPORT', 'MOBILIZE'],
  AID: ['AID', 'MOBILIZE', 'COOPERATE'],
  RETREAT: ['RETREAT', 'CONCEDE'],
  REQUEST: ['REQUEST'],
  ACCUSE: ['ACCUSE'],
  REJECT: ['REJECT'],
  THREATEN: ['THREATEN'],
  PROTEST: ['PROTEST'],
  SANCTION: ['SANCTION', 'COERCE'],
  MOBILIZE: ['MOBILIZE', 'AID', 'COOPERATE', 'ASSAULT'],
  COERCE: ['COERCE', 'SANCTION', 'ASSAULT'],
  ASSAULT: ['ASSAULT', 'COERCE', 'MOBILIZE'],
};
