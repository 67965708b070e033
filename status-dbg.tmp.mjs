import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { analyseText } from './dist-status/nlp/01-text.js';
import { assignStatus } from './dist-status/nlp/04-status.js';
import { loadModel } from './dist-status/nlp/model/load.js';
const lm = { nlp: winkNLP(winkModel) };
const model = loadModel().status;
const [text, ...triggers] = process.argv.slice(2);
const a = analyseText(text, '2024-06-20', lm);
console.log(a.tokens.map(t => `${t.i}:${t.text}/${t.pos}`).join(' '));
const state = { ...a, actors: [], mentions: [], events: [] };
for (const w of triggers) { const t = a.tokens.find(t => t.lower === w); state.events.push({ type: 'AID', context: [], triggerFirst: t.i, triggerEnd: t.i + 1, sentence: t.sentence, source: [], target: [], status: 'asserted', confidence: 1 }); }
assignStatus(state, model);
for (const e of state.events) console.log(a.tokens[e.triggerFirst].text, e.status, e.confidence.toFixed(2), JSON.stringify(e.likelihood), JSON.stringify(e.attribution), e.why);
