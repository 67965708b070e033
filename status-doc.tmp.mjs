import fs from 'node:fs';
const { extract } = await import(`./dist-status/nlp/pipeline.js`);
const { loadModel } = await import(`./dist-status/nlp/model/load.js`);
const model = loadModel();
const [id, needle] = process.argv.slice(2);
const d = JSON.parse(fs.readFileSync(id.includes('/') ? id : `../shared/eval/articles/dev/${id}.json`, 'utf8'));
const rec = extract({ id: d.id, text: d.text, published: d.published }, model);
const code = id => { const a = rec.actors.find(a => a.id === id); return a ? a.code + (a.sector ? '/' + a.sector : '') : '-'; };
for (const e of rec.events) {
  const s = d.text.slice(e.sentence.span[0], e.sentence.span[1]);
  if (needle && !s.includes(needle)) continue;
  console.log(`[${e.trigger.text}] ${e.type} ${e.source.map(code)}->${e.target.map(code)} ${e.status} attr=${code(e.attribution?.actor)}(${e.attribution?.text ?? ''}) lik=${e.likelihood?.cue ?? ''} conf=${e.confidence}`);
}
