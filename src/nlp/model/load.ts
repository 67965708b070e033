// Loads the model's data files from disk (the only I/O of the extractor) and builds the lookup tables.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import type { Model, ReadTable } from './types.js';
import { buildActorModel, type ActorEntry } from './actors.js';
import { buildEventModel } from './events.js';
import { buildStatusModel } from './status.js';
import { buildDetailModel } from './details.js';

/** The folder holding the data tables: beside this file, both in src/ and in dist/ (the build copies them). */
export const MODEL_DIR = path.dirname(fileURLToPath(import.meta.url));

export function readTableFrom(dir: string): ReadTable {
  return (name) => fs.readFileSync(path.join(dir, name), 'utf8');
}

export interface LoadOptions {
  /** extra actors from a user's dictionary, already parsed */
  extraActors?: ActorEntry[];
}

/** The stages read sentences, tokens, parts of speech and lemmas: wink's negation, sentiment and entity steps are not run. */
const WINK_PIPE = ['sbd', 'pos'];

export function loadModel(options: LoadOptions = {}): Model {
  const read = readTableFrom(MODEL_DIR);
  return {
    lm: { nlp: winkNLP(winkModel, WINK_PIPE) },
    actors: buildActorModel(read, options.extraActors ?? []),
    events: buildEventModel(read),
    status: buildStatusModel(read),
    details: buildDetailModel(read),
  };
}
