// Detail tables: time phrases, quantity words, the place gazetteer and clause bounds, parsed once into lookups for stage 5.
import type { ReadTable } from './types.js';
import { tsvRows } from './tsv.js';
import { compileTimeGrammar, type TimeGrammar } from '../details/time.js';
import { compileQuantities, type QuantityTables } from '../details/magnitude.js';
import { compileGazetteer, type Gazetteer } from '../details/place.js';

export interface DetailModel {
  time: TimeGrammar;
  quantities: QuantityTables;
  places: Gazetteer;
  /** lower-case words that end the clause a detail can attach across */
  bounds: Set<string>;
  /** the reporting verbs among them: a detail right beside one belongs to the report, not to what is reported */
  reporting: Set<string>;
}

export function buildDetailModel(read: ReadTable): DetailModel {
  const quantities = compileQuantities(read('quantities.tsv'));
  return {
    time: compileTimeGrammar(read('time-phrases.tsv'), durationCounts(quantities)),
    quantities,
    places: compileGazetteer(read('places.tsv')),
    ...parseClauseBounds(read('clause-bounds.tsv'), 'clause-bounds.tsv'),
  };
}

/** Number words for durations ("two weeks", "a few days"): a vague one counts at its largest. */
export function durationCounts(q: QuantityTables): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word, n] of q.numbers) if (n < 100) counts.set(word.replace(/^a /, ''), n);
  for (const [word, [, max]] of q.vague) if (max < 100) counts.set(word.replace(/^a /, ''), max);
  return counts;
}

export function parseClauseBounds(tsv: string, fileName: string): { bounds: Set<string>; reporting: Set<string> } {
  const bounds = new Set<string>(), reporting = new Set<string>();
  for (const { cells: [word, kind], line } of tsvRows(tsv)) {
    if (!word || !['reporting', 'clause', 'punctuation'].includes(kind)) throw new Error(`${fileName}:${line}: expected a word and its kind (reporting, clause or punctuation)`);
    bounds.add(word.toLowerCase());
    if (kind === 'reporting') reporting.add(word.toLowerCase());
  }
  return { bounds, reporting };
}
