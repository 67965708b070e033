import fs from 'node:fs';
const { analyseText } = await import(`./dist-status/nlp/01-text.js`);
const { findActors } = await import(`./dist-status/nlp/02-actors.js`);
const { findEvents } = await import(`./dist-status/nlp/03-events.js`);
const { assignStatus } = await import(`./dist-status/nlp/04-status.js`);
const { loadModel } = await import(`./dist-status/nlp/model/load.js`);
const model = loadModel();
const [id, needle] = process.argv.slice(2);
const d = JSON.parse(fs.readFileSync(`../shared/eval/articles/dev/${id}.json`, 'utf8'));
const a = analyseText(d.text, d.published, model.lm);
const { actors, mentions } = findActors(a, model.actors);
const state = { ...a, actors, mentions, events: [] };
state.events = findEvents(state, model.events);
assignStatus(state, model.status);
for (const e of state.events) {
  const s = a.sentences[e.sentence]; const st = d.text.slice(s.start, s.end);
  if (needle && !st.includes(needle)) continue;
  console.log(a.tokens[e.triggerFirst].i, a.tokens[e.triggerFirst].text, e.type, e.status, JSON.stringify(e.attribution), e.why);
}
