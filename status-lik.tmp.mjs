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
    if (g.status !== 'forecast' || g.optional) continue;
    const types = [g.type, ...(g.alt ?? [])];
    const preds = rec.events.filter(e => e.status === 'forecast' && types.includes(e.type) && e.source.some(s => g.source.includes(code(s))));
    if (!preds.length) continue;
    const p = preds[0];
    const attrOk = !g.attribution || code(p.attribution?.actor) === g.attribution;
    const likOk = !g.likelihood || !!p.likelihood;
    if (!attrOk || !likOk) console.log(`${d.id} ${g.type} attr gold ${g.attribution} got ${code(p.attribution?.actor)} (${p.attribution?.text}); lik gold ${g.likelihood} got ${p.likelihood?.cue} [${p.trigger.text}] | ${g.evidence.slice(0, 80)}`);
  }
}
