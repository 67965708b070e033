import fc from 'fast-check';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { analyseText } from './dist-status/nlp/01-text.js';
import { assignStatus } from './dist-status/nlp/04-status.js';
import { buildStatusModel } from './dist-status/nlp/model/status.js';
import { MODEL_DIR, readTableFrom } from './dist-status/nlp/model/load.js';
const lm = { nlp: winkNLP(winkModel) };
const model = buildStatusModel(readTableFrom(MODEL_DIR));
const words = ['Russia', 'may', 'not', 'deploy', 'troops', 'if', 'Seoul', 'said', ',', 'would', 'denied', 'sending', 'the', 'possibility', 'of', 'attack', 'to', 'plans', 'likely', 'never', 'according', 'it', 'whether', 'once', 'no', 'and', '"', 'refrained', 'from', 'very', 'unlikely', '.', '(', ')', "'s", 'which', 'told', 'by', 'have', 'been', 'take', 'part', 'in', 'warning', 'that', 'being', 'is', 'to', 'be', 'rule', 'out', 'after', 'ends', 'will', '\n\n', 'depending', 'on', 'stop', 'short', 'saying', 'involved'];
fc.assert(fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), (sentence, picks) => {
  const a = analyseText(sentence.join(' '), '2024-06-20', lm);
  const state = { ...a, actors: [], mentions: [], events: [] };
  const n = state.tokens.length; if (!n) return;
  state.mentions = picks.slice(0, 3).map((k) => { const t = state.tokens[k % n]; return { actor: 'a' + (k % 3), start: t.start, end: t.end, firstToken: t.i, endToken: Math.min(n, t.i + 1 + (k % 3)), sentence: t.sentence, anaphor: k % 2 === 0 }; });
  state.events = picks.map((k) => { const t = state.tokens[(k * 7) % n]; return { type: 'AID', context: [], triggerFirst: t.i, triggerEnd: t.i + 1, sentence: t.sentence, source: ['a1'], target: [], status: 'asserted', confidence: 1 }; });
  assignStatus(state, model);
}), { numRuns: 20000 });
console.log('ok');
