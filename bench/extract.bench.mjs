// `npm run bench`: end-to-end extraction throughput against wink-nlp tokenisation alone on the same text, in one process on one core.
//
//   node bench/extract.bench.mjs [--dist DIR] [--seconds N]
//
// Uses the demo corpus (demo/corpus/*.json) when present, else a few built-in paragraphs, repeated until
// extraction takes about N seconds (default 10); prints a markdown table for the README.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { arg, importBuilt as importBuiltFrom, root } from './lib.mjs';

const dist = path.resolve(arg('--dist', path.join(root, 'dist')));
const targetSeconds = Number(arg('--seconds', '10'));
const TARGET_SENTENCES_PER_SECOND = 2000;
const TARGET_SHARE_OF_TOKENISE = 0.25;

const importBuilt = (rel) => importBuiltFrom(dist, rel);
const { extract } = await importBuilt('nlp/pipeline.js');
const { loadModel } = await importBuilt('nlp/model/load.js');

// Invented paragraphs in the style of the news the extractor reads; used when the demo corpus is not there.
const BUILT_IN = [
  'North Korea may deploy several thousand troops to Ukraine as early as July or August, South Korea\'s National Intelligence Service told lawmakers on Thursday. The agency said engineering units were likely to be sent first. Pyongyang has already supplied millions of artillery shells to Russia, officials said.',
  'Houthi rebels fired two anti-ship missiles at a container vessel in the Red Sea on Monday, the US Central Command said. No injuries were reported. The group has threatened to widen its campaign if strikes on Yemen continue.',
  'The European Union agreed on Tuesday to impose new sanctions on Iranian drone makers over deliveries to Russia. Foreign ministers meeting in Brussels also called on Tehran to stop enriching uranium beyond civilian needs.',
  'Israeli and Hamas negotiators are expected to meet in Cairo next week, Egyptian officials said, as mediators press for a ceasefire in Gaza. Hamas denied reports that it had rejected the latest proposal.',
  'Chinese coast guard vessels blocked a Philippine supply mission near Second Thomas Shoal on Saturday, Manila said, accusing Beijing of dangerous manoeuvres. China said the Philippine boats had intruded into its waters.',
  'Sudan\'s Rapid Support Forces attacked the city of El Fasher overnight, killing at least 40 civilians, according to local medics. The United Nations warned that a full assault on the city would be catastrophic.',
  'Russian President Vladimir Putin said Moscow could supply long-range weapons to other countries if the West allowed Ukraine to strike Russian territory. NATO Secretary General Jens Stoltenberg condemned the remarks.',
  'Protesters gathered outside parliament in Nairobi for a third day on Wednesday, demanding the withdrawal of a finance bill. Police fired tear gas and arrested dozens of people, a rights group said.',
];

function loadCorpus() {
  const dir = path.join(root, 'demo', 'corpus');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  const articles = [];
  for (const f of files) {
    try {
      const a = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      if (a && typeof a.text === 'string' && a.text.trim()) articles.push({ id: String(a.id ?? f), published: a.published, title: a.title, text: a.text });
    } catch {
      // an unreadable file is left out of the corpus, not allowed to stop the benchmark
    }
  }
  if (articles.length) return { name: `demo corpus (${path.relative(root, dir)})`, articles };
  return { name: 'built-in paragraphs (demo/corpus not found)', articles: BUILT_IN.map((text, i) => ({ id: `p${i + 1}`, published: '2024-06-20', text })) };
}

const { name: corpusName, articles } = loadCorpus();
const model = loadModel();
// the baseline is wink-nlp as a user gets it (its default pipeline), not the extractor's own slimmer configuration
const nlp = winkNLP(winkModel);
const sentencesPerArticle = articles.map((a) => nlp.readDoc(a.text).sentences().length());
const pass = { articles: articles.length, sentences: sentencesPerArticle.reduce((s, n) => s + n, 0), bytes: articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0) };

function timePasses(passes, work) {
  const started = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) for (let i = 0; i < articles.length; i++) work(articles[i], p);
  return Number(process.hrtime.bigint() - started) / 1e9;
}
/** Failures are counted, not fatal: the figures are still worth having, with the count printed beside them. */
const failures = new Map();
const extractOne = (a, p) => {
  try {
    extract({ id: `${a.id}#${p}`, published: a.published, title: a.title, text: a.text }, model);
  } catch (err) {
    failures.set(a.id, err instanceof Error ? err.message : String(err));
  }
};
const tokeniseOne = (a) => nlp.readDoc(a.text).tokens().out();

// one pass each to warm the JIT; then whole passes until extraction has run for the time asked, tokenisation reading the
// same text in between, so that a machine busy with other work slows both alike
timePasses(1, extractOne);
timePasses(1, tokeniseOne);
let passes = 0, extractSeconds = 0, tokeniseSeconds = 0;
while (extractSeconds < targetSeconds) {
  extractSeconds += timePasses(1, extractOne);
  tokeniseSeconds += timePasses(1, tokeniseOne);
  passes++;
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;

const rate = (n, s) => n * passes / s;
const fmt = (x, digits = 0) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (label, perPass, digits = 0) => `| ${label} | ${fmt(rate(perPass, extractSeconds), digits)} | ${fmt(rate(perPass, tokeniseSeconds), digits)} |`;
const share = tokeniseSeconds / extractSeconds;
const sentencesPerSecond = rate(pass.sentences, extractSeconds);

console.log(`corpus: ${corpusName}: ${pass.articles} articles, ${fmt(pass.sentences)} sentences, ${fmt(pass.bytes / 1024, 1)} KB; repeated ${passes} times (${fmt(pass.bytes * passes / 1e6, 1)} MB)`);
console.log(`node ${process.version}, one process, one core, passes interleaved; extraction ${fmt(extractSeconds, 1)} s, tokenisation ${fmt(tokeniseSeconds, 1)} s`);
// wall-clock figures fall when other work shares the cores; the share of tokenise-only throughput holds up better
console.log(`load average ${fmt(os.loadavg()[0], 1)} on ${os.cpus().length} cores${os.loadavg()[0] > os.cpus().length * 0.75 ? ' (busy machine: absolute figures are low)' : ''}\n`);
console.log('| | extract (end to end) | wink-nlp tokenise only |');
console.log('|---|---:|---:|');
console.log(row('sentences/s', pass.sentences));
console.log(row('articles/s', pass.articles));
console.log(row('MB/s', pass.bytes / 1e6, 2));
console.log(`| share of tokenise-only throughput | ${fmt(share * 100, 1)}% | 100% |`);
console.log(`| peak RSS (whole run) | ${fmt(peakRssMb)} MB | |`);
console.log('');
if (failures.size) {
  const [id, message] = failures.entries().next().value;
  console.log(`WARNING: ${failures.size} of ${pass.articles} articles failed to extract, so the figures flatter the extractor (${id}: ${message})\n`);
}
const verdict = (ok) => (ok ? 'met' : 'NOT met');
console.log(`target >= ${fmt(TARGET_SENTENCES_PER_SECOND)} sentences/s: ${verdict(sentencesPerSecond >= TARGET_SENTENCES_PER_SECOND)}; target >= ${TARGET_SHARE_OF_TOKENISE * 100}% of tokenise-only: ${verdict(share >= TARGET_SHARE_OF_TOKENISE)}`);
