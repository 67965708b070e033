#!/usr/bin/env node
// Generates src/export/plover-cameo.json, the PLOVER -> CAMEO table of the GDELT export, by reversing the OEDA CAMEO -> PLOVER crosswalk.
// Usage: node scripts/build-cameo-crosswalk.mjs [path/to/CAMEO2PLOVER-2021.txt]
import fs from 'node:fs';

const SOURCE = process.argv[2] ?? '../shared/data/plover/CAMEO2PLOVER-2021.txt';
const OUT = 'src/export/plover-cameo.json';

// Tags `from:TYPE` name the CAMEO intent or threat code of a forecast folded into AGREE or THREATEN (src/export/fold.ts).
// Project modes (src/core/plover.ts MODES) that the crosswalk spells differently or maps to a poorer CAMEO code.
// Each names the CAMEO code that the CAMEO codebook gives for that act; the reason is kept in the table.
const CURATED = [
  ['ACCUSE', '', '110', 'the crosswalk has no mode-free ACCUSE row; 110 is the CAMEO root of disapproval'],
  ['CONSULT', 'diplomatic', '040', 'every consultation is diplomatic; the crosswalk gives this context only to mediation and negotiation'],
  ['CONSULT', 'host', '043', 'CAMEO "Host a visit"; the crosswalk files it under mode visit'],
  ['CONSULT', 'mediate', '045', 'CAMEO "Engage in mediation"'],
  ['PROTEST', 'demonstrate', '141', 'the crosswalk spells this mode "demo"'],
  ['PROTEST', 'strike', '143', 'CAMEO "Conduct strike or boycott"'],
  ['SANCTION', 'economic', '163', 'CAMEO "Impose embargo, boycott, or sanctions" (the crosswalk files 163 under COERCE)'],
  ['MOBILIZE', 'troops', '154', 'CAMEO "Mobilize or increase armed forces" rather than 152 (alert status)'],
  ['MOBILIZE', 'police', '153', 'CAMEO "Mobilize or increase police power" rather than 151 (alert status)'],
  ['MOBILIZE', 'alert', '152', 'CAMEO "Increase military alert status"'],
  ['COERCE', 'expel', '174', 'the crosswalk spells this mode "deport"'],
  ['COERCE', 'censor', '1721', 'CAMEO "Impose restrictions on freedoms of speech and expression"'],
  ['COERCE', 'restrict', '172', 'CAMEO "Impose administrative sanctions" rather than 163 (embargo)'],
  ['ASSAULT', 'explosives', '183', 'CAMEO 183 covers every non-military bombing; 1832 is car bombs only'],
  ['ASSAULT', 'aerial', '195', 'CAMEO "Employ aerial weapons"'],
  ['ASSAULT', 'assassinate', '186', 'CAMEO "Assassinate" rather than 185 (attempt)'],
  ['ASSAULT', 'wmd', '204', 'the crosswalk spells this mode "unconventional"'],
  ['RETREAT', 'withdraw', '0874', 'CAMEO "Retreat or surrender militarily"; the crosswalk gives withdraw to 0872 (ease blockade)'],
  ['RETREAT', 'open', '086', 'the crosswalk spells this mode "access"'],
  ['THREATEN', 'military', '138', 'CAMEO "Threaten with military force" (a forecast of force folds to THREATEN)'],
  ['THREATEN', 'economic', '1312', 'CAMEO "Threaten to boycott, embargo, or sanction"'],
  ['THREATEN', 'diplomatic', '1313', 'CAMEO "Threaten to reduce or break relations"'],
  ['AGREE', 'from:AID', '033', 'a forecast of aid is CAMEO "Express intent to provide material aid"'],
  ['AGREE', 'from:COOPERATE', '031', 'a forecast of material cooperation is CAMEO 031'],
  ['AGREE', 'from:CONSULT', '036', 'a forecast of a meeting is CAMEO "Express intent to meet or negotiate"'],
  ['AGREE', 'from:SUPPORT', '032', 'a forecast of support is CAMEO "Express intent to engage in diplomatic cooperation"'],
  ['AGREE', 'from:CONCEDE', '035', 'a forecast concession is CAMEO "Express intent to yield"'],
  ['AGREE', 'from:RETREAT', '035', 'a forecast retreat or release is CAMEO "Express intent to yield"'],
  ['THREATEN', 'from:ASSAULT', '138', 'a self-announced attack is CAMEO "Threaten with military force"'],
  ['THREATEN', 'from:MOBILIZE', '138', 'a self-announced mobilisation is CAMEO "Threaten with military force"'],
  ['THREATEN', 'from:SANCTION', '1312', 'a self-announced sanction is CAMEO "Threaten to boycott, embargo, or sanction"'],
  ['THREATEN', 'from:PROTEST', '133', 'a self-announced protest is CAMEO "Threaten with political dissent, protest"'],
  ['CONCEDE', 'policy', '0832', 'CAMEO "Accede to demands for change in policy"'],
  ['CONCEDE', 'leadership', '0831', 'CAMEO "Accede to demands for change in leadership"'],
  ['CONCEDE', 'rights', '0833', 'CAMEO "Accede to demands for rights"'],
  ['CONCEDE', 'sanctions', '085', 'CAMEO "Ease economic sanctions, boycott, embargo"'],
  ['CONCEDE', 'ceasefire', '0871', 'CAMEO "Declare truce, ceasefire"'],
];

/** One crosswalk line: `0311: AGREE,  ,   economic # Express intent to cooperate economically`. */
function parseLine(line) {
  const m = /^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#\s*(.*)$/.exec(line);
  if (!m) return null;
  const [, code, type, mode, contexts, description] = m;
  const tags = [mode.trim(), ...contexts.split(';').map((c) => c.trim())].filter(Boolean);
  return { code, type, mode: mode.trim(), tags, description: description.replace(/\s+\d\d\.\d\d\.\d\d:.*$/, '').trim() };
}

const rows = fs.readFileSync(SOURCE, 'utf8').split('\n').map(parseLine).filter(Boolean);
const describe = new Map(rows.map((r) => [r.code, r.description]));

// A tag names a code only through rows that carry no other mode (a context row with a foreign mode, such as
// ACCUSE/military -> 093 "Investigate military action", would misname the common case); the most general such row wins.
const fitsTag = (tag) => (r) => r.tags.includes(tag) && (!r.mode || r.mode === tag);
const generality = (a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code);

const table = new Map();
const put = (type, tag, code, origin, note) => table.set(`${type}\t${tag}`, [type, tag, code, describe.get(code) ?? '', origin, note]);

const byType = new Map();
for (const r of rows) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
for (const [type, typeRows] of byType) {
  const untagged = typeRows.filter((r) => !r.mode).sort(generality);
  if (untagged.length) put(type, '', untagged[0].code, 'crosswalk', '');
  for (const tag of new Set(typeRows.flatMap((r) => r.tags))) {
    const best = typeRows.filter(fitsTag(tag)).sort(generality)[0];
    if (best) put(type, tag, best.code, 'crosswalk', '');
  }
}
for (const [type, tag, code, note] of CURATED) {
  if (!describe.has(code)) throw new Error(`curated code ${code} is not in ${SOURCE}`);
  put(type, tag, code, 'curated', note);
}

const sorted = [...table.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
const out = {
  about: 'PLOVER type (+ mode or context) -> CAMEO event code, for the GDELT export. Lookup: (type, from:original type) for a folded forecast, then (type, mode), then (type, each context), then (type, "").',
  source: 'Reversed from CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, 17 September 2021, edited by Philip Schrodt), github.com/openeventdata/PLOVER. Rows with origin "curated" name a CAMEO code for a project mode that the crosswalk spells differently. Generated by scripts/build-cameo-crosswalk.mjs; do not edit by hand, edit the generator.',
  licence: 'CC BY-SA 4.0, Open Event Data Alliance. This table is a derivative work under the same licence.',
  columns: ['plover_type', 'mode_or_context', 'cameo_code', 'cameo_description', 'origin', 'note'],
  rows: sorted,
};
// one field per line and one row per line, so that a review diff shows the rows that changed
const head = Object.entries(out).filter(([k]) => k !== 'rows').map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
fs.writeFileSync(OUT, ['{', ...head, '  "rows": [', sorted.map((r) => `    ${JSON.stringify(r)}`).join(',\n'), '  ]', '}', ''].join('\n'));
console.log(`${OUT}: ${sorted.length} rows`);
