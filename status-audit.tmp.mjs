// temp: compare predicted status/attribution/likelihood with gold for events whose trigger lies in the gold evidence
import fs from 'node:fs';
import path from 'node:path';
const dist = process.argv[2] ?? 'dist-status';
const { extract } = await import(`./${dist}/nlp/pipeline.js`);
const { loadModel } = await import(`./${dist}/nlp/model/load.js`);
const model = loadModel();
const dir = process.argv[3] ?? '../shared/eval/articles/dev';
let n = 0, ok = 0, attrN = 0, attrOk = 0, likN = 0, likOk = 0, noTrig = 0;
const bad = [];
for (const f of fs.readdirSync(dir).filter(f => /^(dev-\d|\d{3}-).*json$/.test(f))) {
  const d = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  const rec = extract({ id: d.id, text: d.text, published: d.published }, model);
  const code = id => rec.actors.find(a => a.id === id)?.code;
  for (const g of d.gold.events) {
    const at = d.text.indexOf(g.evidence.replace(/ \.\.\. .*/, ''));
    if (at < 0) continue;
    const endEv = at + g.evidence.replace(/ \.\.\. .*/, '').length;
    const cands = rec.events.filter(e => e.trigger.span[0] >= at && e.trigger.span[1] <= endEv);
    if (!cands.length) { noTrig++; continue; }
    const e = cands.find(e => e.type === g.type || (g.alt ?? []).includes(e.type)) ?? cands[0];
    n++;
    const sOk = e.status === g.status; if (sOk) ok++;
    let aOk = true;
    if (g.attribution) { attrN++; aOk = code(e.attribution?.actor) === g.attribution; if (aOk) attrOk++; }
    let lOk = true;
    if (g.likelihood) { likN++; lOk = !!e.likelihood; if (lOk) likOk++; }
    if (!sOk || !aOk || !lOk) bad.push(`${d.id} [${e.trigger.text}] ${e.type} gold ${g.status}/${g.attribution ?? '-'}/${g.likelihood ?? '-'} got ${e.status}/${code(e.attribution?.actor) ?? '-'}/${e.likelihood?.cue ?? '-'}${g.optional ? ' (opt)' : ''} | ${g.evidence.slice(0, 90)}`);
  }
}
console.log(bad.join('\n'));
console.log(`status ${ok}/${n}; attribution ${attrOk}/${attrN}; likelihood ${likOk}/${likN}; gold events without a trigger in evidence: ${noTrig}`);
