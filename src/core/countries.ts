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

const SECTORS: Record<string, string> = {
  GOV: 'government', MIL: 'military', SPY: 'intelligence', LEG: 'legislature', JUD: 'judiciary', COP: 'police', REB: 'rebels',
  OPP: 'opposition', PTY: 'party', CVL: 'civilians', REF: 'refugees', MED: 'media', BUS: 'business', NGO: 'NGOs', IGO: 'international bodies',
  ELI: 'elites', LAB: 'labour', EDU: 'education', HLH: 'health', REL: 'religion',
};

/** "PRK" -> "North Korea"; "KOR-SPY" (code and sector, as the archive keys actors) -> "South Korea (intelligence)". */
export function codeName(code: string): string {
  const unknown = code.startsWith('---');
  const country = unknown ? '---' : code.split('-')[0];
  const sector = (unknown ? code.slice(3) : code.slice(country.length)).replace(/^-/, '');
  const name = SPECIAL[country] ?? table().get(country) ?? country;
  return sector ? `${name} (${SECTORS[sector] ?? sector})` : name;
}
