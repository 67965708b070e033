// PLOVER -> CAMEO codes for the GDELT export, from the reversed OEDA crosswalk table (plover-cameo.json, CC BY-SA 4.0).
import crosswalk from './plover-cameo.json' with { type: 'json' };
import type { PloverType } from '../core/plover.js';

export interface CameoCode {
  /** the full code, "0312" */
  code: string;
  /** the first three digits, "031" */
  base: string;
  /** the first two digits, "03" */
  root: string;
  description: string;
}

/** GDELT's QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict, from the CAMEO root. */
export function quadClass(root: string): 1 | 2 | 3 | 4 {
  const n = Number(root);
  return n <= 4 ? 1 : n <= 8 ? 2 : n <= 13 ? 3 : 4;
}

export type CameoTable = ReadonlyMap<string, CameoCode>;

export function buildCameoTable(rows: readonly (readonly string[])[]): CameoTable {
  const table = new Map<string, CameoCode>();
  for (const [type, tag, code, description] of rows) {
    table.set(`${type}\t${tag}`, { code, base: code.slice(0, 3), root: code.slice(0, 2), description });
  }
  return table;
}

export const CAMEO_TABLE: CameoTable = buildCameoTable(crosswalk.rows);

export interface CameoQuery {
  type: PloverType;
  mode?: string;
  context?: readonly string[];
  /** the event's own type when `type` is the result of folding a forecast (AGREE, THREATEN) */
  foldedFrom?: PloverType;
}

/** The most specific CAMEO code for a PLOVER event: by the folded-from type, then the mode, then each context, then the type alone. */
export function cameoFor(query: CameoQuery, table: CameoTable = CAMEO_TABLE): CameoCode {
  const tags = [query.foldedFrom && query.foldedFrom !== query.type ? `from:${query.foldedFrom}` : '', query.mode ?? '', ...(query.context ?? [])];
  for (const tag of tags) {
    const hit = tag && table.get(`${query.type}\t${tag}`);
    if (hit) return hit;
  }
  const fallback = table.get(`${query.type}\t`);
  if (!fallback) throw new Error(`the CAMEO crosswalk has no row for ${query.type}`);
  return fallback;
}
