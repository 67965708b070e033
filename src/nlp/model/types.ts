// The model the pipeline reads: the injected language model plus each stage's tables.
import type { ActorModel } from './actors.js';
import type { EventModel } from './events.js';
import type { StatusModel } from './status.js';
import type { DetailModel } from './details.js';

export interface LanguageModel {
  /** a wink-nlp instance (typed loosely: wink's own types are not exported for ESM) */
  nlp: any;
}

/** Reads one data file of the model by its name (e.g. "actors.tsv"); injected so that parsing stays pure. */
export type ReadTable = (name: string) => string;

export interface Model {
  lm: LanguageModel;
  actors: ActorModel;
  events: EventModel;
  status: StatusModel;
  details: DetailModel;
}
