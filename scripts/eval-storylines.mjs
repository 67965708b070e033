// Storyline check: ingests an article set into a fresh archive in date order, tracks its forecasts, and compares their
// resolution with the set's storylines.json (which forecasts later came true, and by which article).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = path.resolve(opt('--dist', 'dist'));
const set = path.resolve(opt('--set', path.join(process.env.WATCHFLOOR_SHARED ?? path.resolve('..', 'shared'), 'eval', 'articles', 'dev')));
const verbose = args.includes('--show');
const load = (rel) => import(pathToFileURL(path.join(dist, rel)).href);
const { loadModel } = await load('nlp/model/load.js');
const { openStore } = await load('store/index.js');
const { replayStorylines } = await load('track/replay.js');
const { agreement } = await load('track/storylines.js');

const storyFile = path.join(set, 'storylines.json');
if (!fs.existsSync(storyFile)) { console.error(`no storylines.json in ${set}`); process.exit(2); }
const storylines = JSON.parse(fs.readFileSync(storyFile, 'utf8'));
const articles = fs.readdirSync(set).filter((f) => f.endsWith('.json') && f !== 'storylines.json')
  .map((f) => JSON.parse(fs.readFileSync(path.join(set, f), 'utf8'))).filter((a) => typeof a.text === 'string');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-storylines-'));
const store = await openStore(path.join(dir, 'archive.db'));
try {
  const { checks } = await replayStorylines(articles, storylines, store, loadModel());
  const { agree, total, found } = agreement(checks);
  const cited = checks.filter((c) => !c.optional && c.expected !== 'open' && c.got === c.expected);
  console.log(`storyline forecasts found: ${found}/${total}; outcome agreement (confirmed/refuted/open): ${agree}/${total} = ${(100 * agree / total).toFixed(1)}%; resolving article cited: ${cited.filter((c) => c.citesExpectedDoc).length}/${cited.length}`);
  if (verbose) for (const c of checks) console.log(`  ${c.got === c.expected ? 'ok  ' : 'MISS'} ${c.doc}: expected ${c.expected}, got ${c.got ?? 'no forecast'}${c.optional ? ' (optional)' : ''} — ${c.evidence}`);
  console.log(`score: storyline agreement ${(100 * agree / total).toFixed(1)}%`);
} finally {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
