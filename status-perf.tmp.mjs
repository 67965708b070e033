import fs from 'node:fs';
const { analyseText } = await import(`./dist-status/nlp/01-text.js`);
const { findActors } = await import(`./dist-status/nlp/02-actors.js`);
const { findEvents } = await import(`./dist-status/nlp/03-events.js`);
const { assignStatus } = await import(`./dist-status/nlp/04-status.js`);
const { loadModel } = await import(`./dist-status/nlp/model/load.js`);
const model = loadModel();
const texts = [];
for (const dir of ['../shared/eval/articles/dev', 'demo/corpus']) for (const f of fs.readdirSync(dir).filter(f => /^(dev-\d|\d{3}-).*json$/.test(f))) texts.push(JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8')));
const states = texts.map(d => { const a = analyseText(d.text, d.published, model.lm); const { actors, mentions } = findActors(a, model.actors); const s = { ...a, actors, mentions, events: [] }; s.events = findEvents(s, model.events); return s; });
const sentences = states.reduce((n, s) => n + s.sentences.length, 0);
const events = states.reduce((n, s) => n + s.events.length, 0);
let t0 = performance.now();
const R = 50;
for (let r = 0; r < R; r++) for (const s of states) { for (const e of s.events) { e.why = []; e.confidence = 1; } assignStatus(s, model.status); }
const ms = (performance.now() - t0) / R;
console.log(`${sentences} sentences, ${events} events: stage 4 ${ms.toFixed(1)} ms per pass = ${(sentences / ms * 1000).toFixed(0)} sentences/s`);
