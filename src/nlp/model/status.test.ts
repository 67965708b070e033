// Tests for the status cue tables: parsing, the errors a user sees for a bad line, and longest-phrase lookup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildStatusModel, indexPhrases, longestPhraseEndingAt, parseCues, parseLikelihood } from './status.js';
import { MODEL_DIR, readTableFrom } from './load.js';

const forms = (...words: [string, string?][]) => words.map(([lower, lemma]) => ({ lower, lemma: lemma ?? lower }));

test('the shipped tables parse, and every likelihood p lies in the range the spec accepts for its family', () => {
  const model = buildStatusModel(readTableFrom(MODEL_DIR));
  assert.ok(model.cues.get('may')?.some((c) => c.kind === 'possible'));
  const p = (cue: string) => model.likelihood.get(cue.split(' ').at(-1)!)?.find((x) => x.words.join(' ') === cue)?.p;
  const families: [string[], number, number][] = [
    [['almost certainly', 'almost certain', 'virtually certain'], 0.9, 0.99],
    [['very likely', 'highly likely', 'highly probable'], 0.8, 0.95],
    [['likely', 'probably', 'probable', 'expected', 'believed'], 0.55, 0.85],
    [['even chance', 'as likely as not'], 0.4, 0.6],
    [['may', 'might', 'could', 'possible', 'possibly'], 0.2, 0.6],
    [['unlikely', 'improbable', 'probably not'], 0.1, 0.45],
    [['very unlikely', 'highly unlikely', 'remote chance'], 0.02, 0.2],
  ];
  for (const [cues, lo, hi] of families) {
    for (const cue of cues) {
      const value = p(cue);
      assert.ok(value !== undefined && value >= lo && value <= hi, `${cue}: ${value} not in ${lo}-${hi}`);
    }
  }
});

test('the likelihood table names its sources', () => {
  const text = fs.readFileSync(path.join(MODEL_DIR, 'likelihood.tsv'), 'utf8');
  assert.match(text, /^# .*ICD 203/m);
  assert.match(text, /^# .*survey/m);
});

test('bad lines are reported with the file, the line and the problem', () => {
  assert.throws(() => parseCues('# header\nwill\tfuture\t-\n'), /cues\.tsv line 2: expected 4 tab-separated columns/);
  assert.throws(() => parseCues('will\tsoon\t-\t1\n'), /line 1: unknown kind "soon"/);
  assert.throws(() => parseCues('will\tfuture\tclause\t1\n'), /unknown complement "clause"/);
  assert.throws(() => parseCues('will\tfuture\t-\t1.5\n'), /trust must be a number from 0 to 1, got "1.5"/);
  assert.throws(() => parseLikelihood('likely\tvery\tbasis\n', 'mine.tsv'), /mine\.tsv line 1: p must be a number/);
});

test('lookup finds the longest phrase ending at a token, by form or lemma, within the floor', () => {
  const index = indexPhrases(parseCues('stop short\tneg-implicative\ting\t1\nshort\tprospective\t-\t1\nplan\tintent\tto\t1\n'));
  const tokens = forms(['they'], ['stopped', 'stop'], ['short'], ['of'], ['planned', 'plan']);
  assert.equal(longestPhraseEndingAt(index, tokens, 2, 0)?.words.join(' '), 'stop short', 'by lemma, longest first');
  assert.equal(longestPhraseEndingAt(index, tokens, 2, 2)?.words.join(' '), 'short', 'the floor cuts the longer phrase');
  assert.equal(longestPhraseEndingAt(index, tokens, 2, 0, (c) => c.kind === 'prospective')?.words.join(' '), 'short');
  assert.equal(longestPhraseEndingAt(index, tokens, 4, 0)?.kind, 'intent');
  assert.equal(longestPhraseEndingAt(index, tokens, 3, 0), undefined);
});
