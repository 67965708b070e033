// temp: for each gold event, is there a predicted event matching type+dyad? with which status?
import fs from 'node:fs';
import path from 'node:path';
const { extract } = await import(`./dist-status/nlp/pipeline.js`);
const { loadModel } = await import(`./dist-status/nlp/model/load.js`);
const model = loadModel();
const dir = process.argv[2] ?? '../shared/eval/articles/dev';
for (const f of fs.readdirSync(dir).filter(f => /^(dev-\d|\d{3}-).*json$/.test(f))) {
  const d = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  const rec = extract({ id: d.id, text: d.text, published: d.published }, model);
  const code = id => rec.actors.find(a => a.id === id)?.code;
  for (const g of d.gold.events) {
    if (g.optional) continue;
    const types = [g.type, ...(g.alt ?? [])];
    const preds = rec.events.filter(e => types.includes(e.type) && e.source.some(s => g.source.includes(code(s))) && (!g.target.length || e.target.some(t => g.target.includes(code(t)))));
    if (!preds.length) { if (g.status !== 'asserted') console.log(`${d.id} NOEVENT ${g.type} ${g.status} | ${g.evidence.slice(0, 80)}`); continue; }
    if (preds.some(e => e.status === g.status)) continue;
    console.log(`${d.id} WRONG ${g.type} gold ${g.status} got ${preds.map(e => `${e.status}[${e.trigger.text}]`).join(',')} | ${g.evidence.slice(0, 80)}`);
  }
}
