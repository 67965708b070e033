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

/** Whether a code names a state (ISO alpha-3), not an international or non-governmental body, an organisation or no one. */
export const isCountryCode = (code: string): boolean => /^[A-Z]{3}$/.test(code) && code !== 'IGO' && code !== 'NGO';

/** Separates an international body's code from its organisation in tracker codes: "IGO:NATO" is not "IGO:EU". */
const ORG_SEPARATOR = ':';
const hasOrgs = (code: string): boolean => code === 'IGO' || code === 'NGO';

/** The code the tracker keys an actor by: its code, with the organisation for international and non-governmental bodies. */
export function trackerCode(a: { code: string; org?: string }): string {
  return hasOrgs(a.code) && a.org ? `${a.code}${ORG_SEPARATOR}${a.org}` : a.code;
}

/** Whether a code asked for ("IGO", "NATO", "IGO:NATO", "PRK") covers an actor's tracker code. */
export function coversCode(wanted: string, code: string): boolean {
  if (wanted === code) return true;
  const at = code.indexOf(ORG_SEPARATOR);
  return at > 0 && (wanted === code.slice(0, at) || wanted === code.slice(at + 1));
}

/** Whether an issuer ("KOR-SPY", "IGO:NATO") is the one asked for: the same, its country or body, or its whole country ("KOR"). */
export function coversIssuer(wanted: string, issuer: string): boolean {
  const want = wanted.toUpperCase();
  return issuer.toUpperCase() === want || issuer.toUpperCase().startsWith(`${want}-`) || coversCode(want, issuer.toUpperCase());
}

/** "PRK" -> "North Korea"; "KOR-SPY" (code and sector, as the archive keys actors) -> "South Korea (intelligence)"; "IGO:NATO" -> "NATO". */
export function codeName(code: string): string {
  const org = code.indexOf(ORG_SEPARATOR);
  if (org > 0 && hasOrgs(code.slice(0, org))) return code.slice(org + 1);
  const unknown = code.startsWith('---');
  const country = unknown ? '---' : code.split('-')[0];
  const sector = (unknown ? code.slice(3) : code.slice(country.length)).replace(/^-/, '');
  const name = SPECIAL[country] ?? table().get(country) ?? country;
  return sector ? `${name} (${SECTORS[sector] ?? sector})` : name;
}
