// Actor codes as the archive indexes them: a country code ("PRK") and, when the actor has a sector, "PRK-MIL" too.
import { StoreError } from './types.js';

/** The index keys an actor contributes: its code alone, and code-sector when it has a sector. */
export function actorKeys(code: string, sector?: string): string[] {
  return sector ? [code, `${code}-${sector}`] : [code];
}

/** The key form of an actor filter typed by a user: "prk", "PRK-MIL", "PRK/MIL" and "PRKMIL" all work. */
export function parseActorCode(input: string): string {
  const s = input.trim().toUpperCase();
  const m = /^([A-Z-]{3})(?:[-/.]?([A-Z]{3}))?$/.exec(s);
  if (!m) throw new StoreError(`not an actor code: ${JSON.stringify(input)} (expected a 3-letter code such as PRK, optionally with a sector: PRK-MIL)`, 'bad-input');
  return m[2] ? `${m[1]}-${m[2]}` : m[1];
}

/** A --dyad value "SRC:TGT" or "SRC>TGT", each side as in parseActorCode except that a sector joins with "-", "/" or nothing. */
export function parseDyad(input: string): { source: string; target: string } {
  const parts = input.split(/[:>]/);
  if (parts.length !== 2) throw new StoreError(`not a dyad: ${JSON.stringify(input)} (expected SOURCE:TARGET, e.g. PRK:UKR or PRK-MIL:UKR)`, 'bad-input');
  return { source: parseActorCode(parts[0]), target: parseActorCode(parts[1]) };
}

/** The dyad index key. */
export function dyadKey(source: string, target: string): string {
  return `${source}>${target}`;
}
