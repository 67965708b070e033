import fs from 'node:fs';
const dist = 'dist-status';
const { analyseText } = await import(`./${dist}/nlp/01-text.js`);
const { findActors } = await import(`./${dist}/nlp/02-actors.js`);
const { loadModel } = await import(`./${dist}/nlp/model/load.js`);
const model = loadModel();
const [id, needle] = process.argv.slice(2);
const d = JSON.parse(fs.readFileSync(`../shared/eval/articles/dev/${id}.json`, 'utf8'));
const a = analyseText(d.text, d.published, model.lm);
const { actors, mentions } = findActors(a, model.actors);
const at = d.text.indexOf(needle);
const s = a.sentences.find(s => s.start <= at && s.end > at);
for (let i = s.firstToken; i < s.endToken; i++) {
  const m = mentions.find(m => m.firstToken <= i && m.endToken > i);
  const act = m && actors.find(x => x.id === m.actor);
  process.stdout.write(`${a.tokens[i].text}/${a.tokens[i].pos}${m ? `[${act.code}${act.sector ? '/' + act.sector : ''}${m.anaphor ? '*' : ''}]` : ''} `);
}
console.log();
