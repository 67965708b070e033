import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
const nlp = winkNLP(model); const its = nlp.its;
for (const s of process.argv.slice(2)) {
  const d = nlp.readDoc(s);
  console.log(d.tokens().out().map((t,i)=>`${t}/${d.tokens().itemAt(i).out(its.pos)}/${d.tokens().itemAt(i).out(its.lemma)}`).join(' '));
}
