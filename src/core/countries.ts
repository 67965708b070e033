// Readable names for actor codes (ISO alpha-3 from the world-countries package; IGO, NGO and unknown spelled out).
import { createRequire } from 'node:module';

const SPECIAL: Record<string, string> = { IGO: 'an international body', NGO: 'a non-governmental group', '---': 'unidentified actors' };
let names: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (!names) {
    const countries = createRequire(import.meta.url)('world-countries') as { cca3: string; name: { common: string } }[];
    names = new Map(countries.map((c) => [c.cca3, c.name.common]));
  }
  return names;
}

export function codeName(code: string): string {
  return SPECIAL[code] ?? table().get(code) ?? code;
}
