// Generates the actor tables src/nlp/model/{countries,agents,nonstate,leaders}.tsv from world-countries and the PETRARCH dictionaries in ../shared/data.
// Run: node scripts/build-actor-tables.mjs   (reads ../shared, or WATCHFLOOR_SHARED; the output tables are committed)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const countries = require('world-countries');
const shared = process.env.WATCHFLOOR_SHARED ?? path.resolve('..', 'shared');
const petrarch = path.join(shared, 'data', 'petrarch');
const outDir = path.resolve('src', 'nlp', 'model');

/** world-countries uses a user-assigned code for Kosovo; XKX is the one in common use. */
const CODE_FIXES = { UNK: 'XKX' };
/** Capitals that are also common words or other places' names, so they would be misread as a government. */
const AMBIGUOUS_CAPITALS = new Set(['Victoria', 'Kingston', 'Georgetown', 'Male', 'Saint John\'s', 'Praia', 'Santiago', 'Valletta', 'City of Victoria', 'Avarua', 'Palikir', 'King Edward Point', 'Road Town', 'Basseterre', 'Castries', 'Roseau', 'Apia', 'Victoria', 'Moroni', 'Lobamba', 'Ngerulmud', 'Majuro', 'Funafuti', 'Yaren', 'Vaduz', 'San Marino', 'Monaco', 'Vatican City', 'Singapore', 'Luxembourg', 'Djibouti', 'Guatemala City', 'Panama City', 'Mexico City', 'Kuwait City', 'Andorra la Vella', 'Tunis', 'Algiers']);
/** Alternative spellings that are codes, foreign-language names or inverted forms: never written that way in English news. */
const isUsableName = (s) => /^[A-Za-z][A-Za-z .'’()-]*$/.test(s) && s.length > 3 && !s.includes(',') && !/^[A-Z]{2,3}$/.test(s);

/** "North Korean" -> "North Koreans", "Israeli" -> "Israelis"; "British", "Chinese", "Swiss" have no plural of their own. */
function plural(word) {
  return /(an|i)$/.test(word) ? word + 's' : null;
}

function countryRows() {
  const rows = [];
  const seen = new Set();
  const add = (phrase, code, form) => {
    const key = phrase.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    rows.push([phrase, code, form]);
  };
  // independent states first, so that a name or demonym shared with a territory ("French", "American") goes to the state
  const ordered = [...countries].sort((a, b) => Number(!!b.independent) - Number(!!a.independent));
  for (const c of ordered) {
    const code = CODE_FIXES[c.cca3] ?? c.cca3;
    add(c.name.common, code, 'name');
    if (isUsableName(c.name.official)) add(c.name.official, code, 'name');
    for (const alt of c.altSpellings ?? []) if (isUsableName(alt) && /^[A-Z]/.test(alt)) add(alt, code, 'name');
    const dem = c.demonyms?.eng;
    for (const d of new Set([dem?.m, dem?.f].filter(Boolean))) {
      add(d, code, 'adjective');
      const p = plural(d);
      if (p) add(p, code, 'people');
    }
    if (c.independent || c.unMember) for (const cap of c.capital ?? []) if (!AMBIGUOUS_CAPITALS.has(cap) && isUsableName(cap)) add(cap, code, 'capital');
  }
  // by code, keeping each country's rows in the order added so that its first name row is the common name
  return rows.map((r, k) => [r, k]).sort((a, b) => a[0][1].localeCompare(b[0][1]) || a[1] - b[1]).map(([r]) => r);
}

/** PETRARCH agent codes -> the sectors of EXTRACTION.md; codes not listed here are not taken. */
const SECTOR_OF = {
  GOV: 'GOV', MIL: 'MIL', SPY: 'SPY', COP: 'COP', LEG: 'LEG', JUD: 'JUD', REB: 'REB', OPP: 'OPP', PTY: 'PTY', CVL: 'CVL',
  REF: 'REF', MED: 'MED', BUS: 'BUS', NGO: 'NGO', ELI: 'ELI', LAB: 'LAB', EDU: 'EDU', HLH: 'HLH', REL: 'REL',
  UAF: 'REB', HRI: 'NGO', ENV: 'NGO', CHR: 'REL', MUS: 'REL', JEW: 'REL', HIN: 'REL', BUD: 'REL',
};
/** A combined PETRARCH code is read by its most specific part for these pairs; otherwise by its first part. */
const COMBINED = { MILSPY: 'SPY', GOVMIL: 'GOV', MILGOV: 'MIL', MILJUD: 'JUD', GOVJUD: 'JUD' };

const PREPOSITIONS = new Set(['of', 'for', 'to', 'in', 'at', 'on', 'with', 'de']);

function regularPlural(w) {
  if (/(s|sh|ch|x|z)$/.test(w)) return w + 'es';
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
  if (/man$/.test(w)) return w.slice(0, -3) + 'men';
  return w + 's';
}

function agentRows() {
  const text = fs.readFileSync(path.join(petrarch, 'Phoenix.agents.txt'), 'latin1');
  const subst = {};
  const rows = new Map();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const set = line.match(/^(![A-Z]+!)\s*=\s*(.+)$/);
    if (set) { subst[set[1]] = set[2].split(',').map((s) => s.trim()); continue; }
    const m = line.match(/^(.+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]/);
    if (!m) continue;
    const code = m[3];
    const sector = COMBINED[code] ?? SECTOR_OF[code] ?? SECTOR_OF[code.slice(0, 3)];
    if (!sector) continue;
    const massNoun = m[2] !== undefined && m[2].replace(/[{} ]/g, '') === '';
    const irregular = m[2] && !massNoun ? m[2].replace(/[{}]/g, '').trim() : null;
    let variants = [m[1].trim()];
    for (const [key, values] of Object.entries(subst)) {
      variants = variants.flatMap((v) => (v.includes(key) ? values.map((x) => v.replace(key, x + (v.endsWith(key) ? '' : '_'))) : [v]));
    }
    for (const v of variants) {
      const phrase = v.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
      if (!/^[a-z][a-z '’.-]*$/.test(phrase)) continue;
      if (!rows.has(phrase)) rows.set(phrase, [phrase, sector, code]);
      const words = phrase.split(' ');
      // the head of "minister of finance" is the word before the first preposition
      const prep = words.findIndex((w, k) => k > 0 && PREPOSITIONS.has(w));
      const head = prep > 0 ? prep - 1 : words.length - 1;
      const pl = irregular ? irregular.replace(/_+/g, ' ').toLowerCase().trim() : massNoun || /(s|men|people|ren|ice|nnel|ence|ff)$/.test(words[head]) ? null : [...words.slice(0, head), regularPlural(words[head]), ...words.slice(head + 1)].join(' ');
      if (pl && !rows.has(pl)) rows.set(pl, [pl, sector, code]);
    }
  }
  return [...rows.values()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
}

/** One-word aliases in the PETRARCH list that are more often something else (a sports team, a missile, a first name). */
const AMBIGUOUS_GROUP_NAMES = new Set(['Tigers', 'Shahin', 'Hotaru', 'Venceremos',
  // synonyms that are common words or phrases, a football league or a date before they are a group
  'National Front', 'Islamic Party', 'Free Land', 'La Liga', 'National Resistance', 'Revolutionary Left', 'Red Banner', 'Secret Warriors',
  'Counter Revolutionaries', 'Action Faction', 'Nationalist Youth', 'Patriotic Youth', 'Green Battalion', 'Partisans League', 'Jihad Base',
  'Resistencia Nacional', 'Nucleus Faction', 'Machete Wielders', 'Red Bill', 'Cinque C', 'Le Celle', 'IL Carcere', 'I Carcerieri', 'AD Rev', 'Triple A']);

/**
 * Whether a "+" synonym is distinctive enough to list: PETRARCH writes all in capitals, so a one-word synonym cannot be
 * told from a common word ("Youth", "Falcon") unless hyphenated ("Mai-mai"); well-known acronyms are in organisations.tsv.
 * None that opens with a number or "The".
 */
const distinctiveSynonym = (phrase) => !/^(\d|The )/.test(phrase) && (phrase.includes(' ') || phrase.includes('-'));

function nonStateRows(isoCodes) {
  const text = fs.readFileSync(path.join(petrarch, 'Phoenix.MilNonState.actors.txt'), 'latin1');
  const rows = [];
  // a block is a name, its "+" synonyms and a code, which comes on the name's line or on a line of its own after them
  let names = [];
  let code = null;
  const flush = () => {
    if (!code) return;
    if (isoCodes.has(code[1])) for (const n of names) rows.push([n, code[1], code[2]]);
    names = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) { names = []; code = null; continue; }
    const inline = line.match(/^\+?([A-Z0-9][^\[]*?)\s*(\[[^\]]+\])?$/);
    const codeText = line.startsWith('[') ? line : inline?.[2];
    // a name without "+" opens a new block: an earlier code does not reach it
    if (!line.startsWith('+') && !line.startsWith('[')) code = null;
    if (!line.startsWith('[') && inline) {
      const phrase = inline[1].replace(/_+$/, '').replace(/\([^)]*\)/g, '').replace(/_+/g, ' ').replace(/\s+/g, ' ').trim();
      const synonym = line.startsWith('+');
      if (phrase.length > 3 && /^[A-Z0-9][A-Z0-9 '’.&/-]*$/.test(phrase) && (!synonym || distinctiveSynonym(titleCase(phrase)))) names.push(titleCase(phrase));
    }
    if (codeText) code = codeText.match(/^\[([A-Z]{3})(REB|MIL|PTY|OPP|GOV|SPY)[A-Z]*\]/);
    flush();
  }
  const seen = new Set();
  return rows.filter((r) => !AMBIGUOUS_GROUP_NAMES.has(r[0]) && !seen.has(r[0].toLowerCase()) && seen.add(r[0].toLowerCase())).sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
}

/** Titles by which PETRARCH lists a head of state or government ("+PRESIDENT_HOSNI_MUBARAK"). */
const HEAD_TITLES = [['PRESIDENT', 'President'], ['PRIME_MINISTER', 'Prime Minister'], ['PREMIER', 'Premier'], ['CHANCELLOR', 'Chancellor'], ['KING', 'King']];

/**
 * Heads of state and government that Phoenix.Countries.actors.txt lists with their title, by full name and by title
 * and name ("President Bush"): [phrase, code, sector, title, canonical name]. A name held in office by more than one
 * state's leader is left out; a surname alone is too ambiguous to list.
 */
function leaderRows(isoCodes) {
  const text = fs.readFileSync(path.join(petrarch, 'Phoenix.Countries.actors.txt'), 'latin1');
  const people = [];
  let current = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trimEnd();
    if (/^[A-Z]/.test(line)) people.push(current = { name: line.trim().replace(/_+$/, ''), synonyms: [], codes: new Set() });
    else if (current && line.startsWith('+')) current.synonyms.push(line.slice(1).trim().replace(/_+$/, ''));
    else if (current && /^\s+\[[A-Z]{3}GOV\b/.test(line)) current.codes.add(line.trim().slice(1, 4));
    else if (!line.trim()) current = null;
  }
  const rows = [];
  const codeOf = new Map();
  for (const p of people) {
    const titled = p.synonyms.map((s) => [s, HEAD_TITLES.find(([t]) => s.startsWith(t + '_'))]).filter(([, t]) => t);
    if (!titled.length || p.codes.size !== 1) continue;
    const code = [...p.codes][0];
    if (!isoCodes.has(code)) continue;
    const name = titleCase(p.name.replace(/_+/g, ' '));
    const title = titled[0][1][1];
    for (const s of [p.name, ...p.synonyms]) {
      if (/[a-z]/.test(s) || /^THE_|ADMINISTRATION|GOVERNMENT|^(US|U\.S\.|AMERICAN)_/.test(s)) continue;
      const words = s.replace(/_+/g, ' ').trim().split(' ');
      const phrase = titleCase(words.join(' '));
      if (words.length < 2 || !/^[A-Z][A-Z .'-]*$/.test(words.join(' '))) continue;
      const key = phrase.toLowerCase();
      if (codeOf.has(key)) { if (codeOf.get(key) !== code) codeOf.set(key, null); continue; }
      codeOf.set(key, code);
      rows.push([phrase, code, 'GOV', title, name]);
    }
  }
  return rows.filter((r) => codeOf.get(r[0].toLowerCase()) !== null);
}

const FUNCTION_WORDS = new Set(['OF', 'THE', 'FOR', 'AND', 'IN', 'ON', 'TO', 'DE', 'DEL', 'LA', 'AL']);

/** PETRARCH writes names in capitals: "ISLAMIC STATE" -> "Islamic State"; short words without vowels stay acronyms ("PKK"). */
function titleCase(phrase) {
  return phrase.split(' ').map((w, k) => {
    if (k > 0 && FUNCTION_WORDS.has(w)) return w.toLowerCase();
    return w.length <= 5 && !/[AEIOU]/.test(w.slice(1)) ? w : w[0] + w.slice(1).toLowerCase();
  }).join(' ');
}

function write(name, header, rows) {
  const body = rows.map((r) => r.join('\t')).join('\n');
  fs.writeFileSync(path.join(outDir, name), header.map((h) => `# ${h}`).join('\n') + '\n' + body + '\n');
  console.log(`${name}: ${rows.length} rows`);
}

const countryTable = countryRows();
write('countries.tsv', [
  'States by name, adjective, people and capital. Generated by scripts/build-actor-tables.mjs; edit country-aliases.tsv instead.',
  'Source: world-countries npm package (mledoze/countries, ODbL-1.0): names, altSpellings, English demonyms, capitals.',
  'Columns: phrase <TAB> ISO 3166-1 alpha-3 code <TAB> form (name | adjective | people | capital); the first name of a code is its common name',
], countryTable);
write('agents.tsv', [
  'Agent nouns (roles and bodies) and the sector they name. Generated by scripts/build-actor-tables.mjs; edit agents-extra.tsv instead.',
  'Source: PETRARCH2 Phoenix.agents.txt (github.com/openeventdata/petrarch2, MIT licence, Open Event Data Alliance), regular plurals added.',
  'Columns: phrase (lower case) <TAB> sector (EXTRACTION.md) <TAB> the PETRARCH code it came from',
], agentRows());
write('nonstate.tsv', [
  'Named non-state armed groups and parties with the country they are based in. Generated by scripts/build-actor-tables.mjs; organisations.tsv overrides it.',
  'Source: PETRARCH2 Phoenix.MilNonState.actors.txt (github.com/openeventdata/petrarch2, MIT licence, Open Event Data Alliance); lists end around 2018.',
  'Columns: phrase <TAB> ISO 3166-1 alpha-3 code <TAB> sector',
], nonStateRows(new Set(countryTable.map((r) => r[1]))));
write('leaders.tsv', [
  'Heads of state and government, past and present, by full name and by title and name. Generated by scripts/build-actor-tables.mjs; people.tsv overrides it.',
  'Source: PETRARCH2 Phoenix.Countries.actors.txt (CountryInfo.txt; github.com/openeventdata/petrarch2, MIT licence, Open Event Data Alliance): the leaders it lists with a title; lists end in 2014.',
  'Columns: phrase <TAB> ISO 3166-1 alpha-3 code <TAB> sector <TAB> title <TAB> canonical name',
], leaderRows(new Set(countryTable.map((r) => r[1]))));
