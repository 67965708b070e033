// Prints a review sheet of candidate verb triggers: PETRARCH2 CAMEO verb blocks mapped to PLOVER through the crosswalk.
//
//   node scripts/build-trigger-table.mjs [--shared ../shared] > /tmp/trigger-candidates.tsv
//
// The shipped table, src/nlp/model/triggers.tsv, is curated by hand from this sheet: a block's default code is often
// too broad for news English (WARN is 130 THREATEN in CAMEO, but "warned that" is attribution here), so nothing here
// is copied into the model automatically. Each line: verb, its block's CAMEO code, the PLOVER type/mode/context, and
// whether triggers.tsv already has the verb. Sources: CAMEO.2.0.txt (MIT, Open Event Data Alliance) and
// CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, Open Event Data Alliance).
import fs from 'node:fs';
import path from 'node:path';

const sharedArg = process.argv.indexOf('--shared');
const shared = sharedArg > 0 ? process.argv[sharedArg + 1] : path.resolve('..', 'shared');
const read = (p) => {
  const file = path.join(shared, 'data', p);
  if (!fs.existsSync(file)) { console.error(`build-trigger-table: ${file} is missing (pass --shared DIR)`); process.exit(2); }
  return fs.readFileSync(file, 'utf8');
};

/** CAMEO code -> { type, mode, context } from the crosswalk ("0312: AGREE,  ,   military # ..."). */
function crosswalk(text) {
  const map = new Map();
  for (const line of text.split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)/.exec(line);
    if (m) map.set(m[1], { type: m[2], mode: m[3].trim(), context: m[4].trim().replace(/\s*;\s*/g, ';') });
  }
  return map;
}

/** Verb blocks with a default code: "--- ACCUSE [112] ---" followed by the block's verbs, one a line. */
function verbBlocks(text) {
  const out = [];
  let code = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const head = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
    if (head) { code = /^\d+$/.test(head[2]) ? head[2] : null; continue; }
    if (!code || !line || line.startsWith('-') || line.startsWith('+') || line.startsWith('&')) continue;
    const verb = /^([A-Z_]+)/.exec(line)?.[1];
    if (verb) out.push({ verb: verb.toLowerCase().replace(/_/g, ' '), code });
  }
  return out;
}

const plover = crosswalk(read('plover/CAMEO2PLOVER-2021.txt'));
const have = new Set(fs.readFileSync('src/nlp/model/triggers.tsv', 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]));
console.log('# verb\tcameo\ttype\tmode\tcontext\tin triggers.tsv');
for (const { verb, code } of verbBlocks(read('petrarch/CAMEO.2.0.txt'))) {
  const p = plover.get(code) ?? plover.get(code.slice(0, 3)) ?? plover.get(code.slice(0, 2));
  if (p) console.log([verb, code, p.type, p.mode || '-', p.context || '-', have.has(verb) ? 'yes' : 'no'].join('\t'));
}
