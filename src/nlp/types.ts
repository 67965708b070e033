// The working state that the extraction stages pass along, from text to record.
import type { ActorKind, Attribution, EventStatus, Likelihood, Magnitude, Place, TimeWindow } from '../core/record.js';
import type { PloverType } from '../core/plover.js';

export interface Token {
  /** index in Analysed.tokens */
  i: number;
  text: string;
  /** lower-cased text */
  lower: string;
  lemma: string;
  /** Universal POS tag from wink-nlp: NOUN, PROPN, VERB, AUX, ADJ, ADP, PART, PUNCT, ... */
  pos: string;
  /** character offsets into the (normalised) text, end exclusive */
  start: number;
  end: number;
  sentence: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** token index range, end exclusive */
  firstToken: number;
  endToken: number;
}

export interface Mention {
  actor: string;
  start: number;
  end: number;
  /** token index range, end exclusive */
  firstToken: number;
  endToken: number;
  sentence: number;
  /** resolved by coreference (pronoun or definite description) rather than named */
  anaphor?: boolean;
}

export interface ActorEntity {
  id: string;
  text: string;
  kind: ActorKind;
  code: string;
  sector?: string;
  name?: string;
  org?: string;
  title?: string;
  mentions: Mention[];
}

export interface EventDraft {
  type: PloverType;
  mode?: string;
  context: string[];
  /** the trigger token range (end exclusive) and its character span */
  triggerFirst: number;
  triggerEnd: number;
  /** stage 3 read the trigger as a verb (its clause analysis may overrule the tagger: "could in return share") */
  verbal?: boolean;
  sentence: number;
  source: string[];
  target: string[];
  /** set by 04-status; 'asserted' until then */
  status: EventStatus;
  attribution?: Attribution;
  likelihood?: Likelihood;
  when?: TimeWindow;
  where?: Place;
  magnitude?: Magnitude;
  /** 0..1; stages lower it for each guess they make */
  confidence: number;
  /** free-form notes from the stages, for the explain view and debugging */
  why?: string[];
  /** other reports of the same act in this article, folded in by 06-merge */
  corefs?: { triggerFirst: number; triggerEnd: number; sentence: number }[];
}

export interface Analysed {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  referenceDate: string;
}

export interface PipelineState extends Analysed {
  actors: ActorEntity[];
  mentions: Mention[];
  events: EventDraft[];
  /** states named only as a place's modifier ("Estonian waters"), left out of the actors unless an event acts on them; no id yet */
  dormant?: ActorEntity[];
}
