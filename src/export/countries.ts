// Country facts the exports need beyond the record: ISO alpha-2 codes (STIX) and whether a place name is the country itself (GDELT geo type).
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

// the package is CommonJS whose typings declare an ES default export; require() gives the array itself
const countries = createRequire(import.meta.url)('world-countries') as Country[];

interface CountryFacts { alpha2: string; names: Set<string> }

const BY_ALPHA3: ReadonlyMap<string, CountryFacts> = new Map(
  countries.map((c) => [c.cca3, { alpha2: c.cca2, names: new Set([c.name.common, c.name.official, ...c.altSpellings].map((n) => n.toLowerCase())) }]),
);

/** ISO 3166-1 alpha-2 for an alpha-3 code; undefined for codes that are not countries (IGO, ---). */
export function alpha2(alpha3: string | undefined): string | undefined {
  return alpha3 ? BY_ALPHA3.get(alpha3)?.alpha2 : undefined;
}

/** True when the place named is the whole country of its code ("Ukraine" UKR), not a place inside it ("Kharkiv" UKR). */
export function namesWholeCountry(alpha3: string | undefined, ...names: (string | undefined)[]): boolean {
  const facts = alpha3 ? BY_ALPHA3.get(alpha3) : undefined;
  return facts !== undefined && names.some((n) => n !== undefined && facts.names.has(n.toLowerCase().replace(/^the /, '')));
}
