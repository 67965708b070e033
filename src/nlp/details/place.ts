// Locations: finds the places a sentence puts things in ("in Kursk", "near Vaindloo island", "over the Baltic Sea").
import type { Token } from '../types.js';

export interface PlaceEntry { name: string; code?: string; kind: string; lat: number; lon: number }

/** The gazetteer, keyed by the lower-cased first word of each name; each list is longest name first. */
export interface Gazetteer {
  byFirstWord: Map<string, { phrase: string; entry: PlaceEntry }[]>;
  /** the canonical name of each country code ("JOR": "Jordan"), for a state that a place stands for */
  countryNames: Map<string, string>;
}

export interface PlaceMention {
  text: string;
  name: string;
  code?: string;
  lat?: number;
  lon?: number;
  span: [number, number];
  firstToken: number;
  endToken: number;
}

/** Prepositions that put an event somewhere (not "to" or "from", which name where things go or come from). */
const LOCATIVES = new Set(['in', 'near', 'over', 'across', 'into', 'at', 'off', 'inside', 'outside', 'around', 'along', 'throughout', 'within', 'toward', 'towards', 'beyond']);
/** Compass words are locative only before "of" ("north of Kyiv", not "North Atlantic"). */
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest']);
/** Nouns that, after "the ... of", introduce a place name ("the southern city of Kherson"). */
const PLACE_NOUNS = new Set(['city', 'town', 'village', 'port', 'region', 'province', 'capital', 'island', 'coast', 'area', 'district', 'oblast', 'state', 'territory', 'waters', 'outskirts', 'suburbs', 'border', 'shores']);
/** Geographic nouns after an unknown capitalised name that make it a place all the same ("Vaindloo island"). */
const FEATURES = new Set(['island', 'islands', 'peninsula', 'strait', 'bay', 'sea', 'gulf', 'region', 'province', 'oblast', 'district', 'county', 'governorate']);

const POSSESSIVE = new Set(["'s", '’s', "'"]);
const ASCII = /^[\x00-\x7f]*$/;
/** A letter or digit right after a name means the name was only the start of a longer word. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

const firstWord = (phrase: string) => phrase.split(/[\s-]/)[0];

export function compileGazetteer(tsv: string, fileName = 'places.tsv'): Gazetteer {
  const byFirstWord = new Map<string, { phrase: string; entry: PlaceEntry }[]>();
  const countryNames = new Map<string, string>();
  tsv.split('\n').forEach((line, k) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [phrase, name, code, kind, lat, lon] = line.split('\t').map((c) => c.trim());
    const la = Number(lat), lo = Number(lon);
    if (!phrase || !name || !kind || lat === undefined || lon === undefined || !Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) {
      throw new Error(`${fileName}:${k + 1}: expected phrase, name, code, kind, lat, lon (tab-separated, lat/lon in degrees)`);
    }
    const key = firstWord(phrase.toLowerCase());
    const list = byFirstWord.get(key) ?? [];
    list.push({ phrase: phrase.toLowerCase(), entry: { name, ...(code ? { code } : {}), kind, lat: la, lon: lo } });
    byFirstWord.set(key, list);
    if (kind === 'country' && code && !countryNames.has(code)) countryNames.set(code, name);
  });
  for (const list of byFirstWord.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  return { byFirstWord, countryNames };
}

/** The places in one sentence ([firstToken, endToken) of the document's tokens) that a locative preposition introduces. */
export function findPlaces(text: string, tokens: Token[], firstToken: number, endToken: number, gazetteer: Gazetteer): PlaceMention[] {
  const out: PlaceMention[] = [];
  // places in the possessive ("in Russia's Kursk region"): the locative reaches through them to what they own
  const owners: PlaceMention[] = [];
  for (let i = firstToken; i < endToken; i++) {
    const t = tokens[i];
    const c = t.text.charCodeAt(0);
    if (c < 65 || c > 90) continue;
    const found = lookUp(text, tokens, i, endToken, gazetteer) ?? unknownFeature(tokens, i, endToken);
    if (!found) continue;
    if (locativeBefore(tokens, i, firstToken, owners)) {
      const end = found.endToken, start = t.start, stop = tokens[end - 1].end;
      const mention = { text: text.slice(start, stop), ...found.place, span: [start, stop] as [number, number], firstToken: i, endToken: end };
      (POSSESSIVE.has(tokens[end]?.lower ?? '') ? owners : out).push(mention);
    }
    i = found.endToken - 1;
  }
  return out;
}

/** The state a gazetteer place starting at token i lies in ("Tehran": IRN), with the token after its name; null when there is none or it is no state's. */
export function placeStateAt(text: string, tokens: Token[], i: number, endToken: number, gazetteer: Gazetteer): { code: string; endToken: number } | null {
  const found = lookUp(text, tokens, i, endToken, gazetteer);
  return found?.place.code ? { code: found.place.code, endToken: found.endToken } : null;
}

function lookUp(text: string, tokens: Token[], i: number, endToken: number, gazetteer: Gazetteer): { place: Omit<PlaceMention, 'text' | 'span' | 'firstToken' | 'endToken'>; endToken: number } | null {
  const t = tokens[i];
  const list = gazetteer.byFirstWord.get(t.lower) ?? gazetteer.byFirstWord.get(firstWord(t.lower));
  if (!list) return null;
  // the list is longest first: lower-case the text the longest phrase could cover once, where case mapping is one
  // character for one (ASCII), rather than once per phrase
  const window = text.slice(t.start, t.start + list[0].phrase.length);
  const lowerWindow = ASCII.test(window) ? window.toLowerCase() : null;
  for (const { phrase, entry } of list) {
    const end = t.start + phrase.length;
    const spelled = lowerWindow !== null ? lowerWindow.startsWith(phrase) : text.slice(t.start, end).toLowerCase() === phrase;
    if (!spelled || WORD_CHARACTER.test(text[end] ?? '')) continue;
    let k = i;
    while (k < endToken && tokens[k].end <= end) k++;
    if (k === i || tokens[k - 1].end !== end) continue;
    if (k < endToken && FEATURES.has(tokens[k].lower)) k++;
    return { place: { name: entry.name, ...(entry.code ? { code: entry.code } : {}), lat: entry.lat, lon: entry.lon }, endToken: k };
  }
  return null;
}

/** A run of capitalised words ended by a geographic noun: a place the gazetteer does not know, kept without coordinates. */
function unknownFeature(tokens: Token[], i: number, endToken: number): { place: { name: string }; endToken: number } | null {
  let k = i;
  while (k < endToken && k - i < 4 && tokens[k].pos === 'PROPN' && /^[A-Z]/.test(tokens[k].text)) k++;
  if (k === i || k >= endToken || !FEATURES.has(tokens[k].lower)) return null;
  return { place: { name: tokens.slice(i, k + 1).map((x) => x.text).join(' ') }, endToken: k + 1 };
}

/**
 * Whether a locative preposition governs the place at token i: directly, across "the", adjectives ("eastern") and
 * "the city of", or through a possessive place that a locative governs ("in Russia's Kursk region").
 */
function locativeBefore(tokens: Token[], i: number, firstToken: number, owners: PlaceMention[]): boolean {
  let k = i - 1;
  for (let steps = 0; k >= firstToken && steps < 6; steps++) {
    const t = tokens[k];
    if (LOCATIVES.has(t.lower) || (COMPASS.has(t.lower) && tokens[k + 1]?.lower === 'of')) return true;
    if (POSSESSIVE.has(t.lower)) return owners.some((p) => p.endToken === k);
    if (t.lower === 'the' || t.pos === 'ADJ' || (t.lower === 'of' && (PLACE_NOUNS.has(tokens[k - 1]?.lower ?? '') || COMPASS.has(tokens[k - 1]?.lower ?? ''))) || PLACE_NOUNS.has(t.lower) || t.lower === 'occupied') { k--; continue; }
    return false;
  }
  return false;
}
