// Detail tables: vague quantities, time phrases and the place gazetteer.
import type { ReadTable } from './types.js';

export interface DetailModel {
  quantities: Map<string, unknown>;
}

export function buildDetailModel(_read: ReadTable): DetailModel {
  return { quantities: new Map() };
}
