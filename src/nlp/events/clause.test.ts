// Tests for the light clause analyser: chunks, verb groups, tagger fixes and who the subject of a verb is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { analyseText } from '../01-text.js';
import type { Mention, Token } from '../types.js';
import { analyseClause, subjectOf, type Clause } from './clause.js';

const lm = { nlp: winkNLP(winkModel) };
const TRIGGER_VERBS = new Set(['shot', 'close', 'deploy', 'dispatch', 'talks', 'handed', 'sent', 'raids', 'supply']);
const TRIGGER_NOUNS = new Set(['hearing', 'exercises', 'combat', 'talks']);
const LIGHT_TO = new Set(['returned', 'return']);
const GIVING = new Set(['handed', 'sent']);
const words = {
  isVerbForm: (t: Token) => TRIGGER_VERBS.has(t.lower), isNounForm: (t: Token) => TRIGGER_NOUNS.has(t.lower),
  takesNounAfterTo: (t: Token) => LIGHT_TO.has(t.lower), takesTwoObjects: (t: Token) => GIVING.has(t.lower),
};

/** The clause of a one-sentence text whose listed phrases are actor mentions. */
function clauseOf(text: string, phrases: string[] = []): Clause {
  const a = analyseText(text, '2024-01-01', lm);
  const mentions: Mention[] = [];
  const mentionAt = new Int32Array(a.tokens.length).fill(-1);
  for (const phrase of phrases) {
    const start = text.indexOf(phrase);
    const toks = a.tokens.filter((t) => t.start >= start && t.end <= start + phrase.length);
    const k = mentions.push({ actor: phrase, start, end: start + phrase.length, firstToken: toks[0].i, endToken: toks[toks.length - 1].i + 1, sentence: 0 }) - 1;
    for (const t of toks) mentionAt[t.i] = k;
  }
  return analyseClause(a.tokens, 0, a.tokens.length, mentionAt, mentions, words);
}

const textOf = (c: Clause, from: number, to: number) => c.tokens.slice(from, to).map((t) => t.text).join(' ');
const chunksOf = (c: Clause) => c.chunks.map((ch) => `${ch.prep ? ch.prep + ':' : ''}${textOf(c, ch.start, ch.end)}`);
/** The subject of the verb group whose head is `verb`, as text. */
function subjectText(c: Clause, verb: string): string | null {
  const g = c.groups.find((x) => c.tokens[x.head].lower === verb);
  assert.ok(g, `no verb group headed by "${verb}"`);
  const s = subjectOf(c, g);
  return s && s.chunks.map((ch) => textOf(c, ch.start, ch.end)).join(' + ') + ` (${s.route})`;
}

test('noun chunks keep determiners, numbers, possessives and quantities together, and carry their preposition', () => {
  const c = clauseOf('Seoul on Friday imposed sanctions on 11 North Korean individuals and about 4,000 troops.', ['Seoul', 'North Korean']);
  assert.deepEqual(chunksOf(c), ['Seoul', 'on:Friday', 'sanctions', 'on:11 North Korean individuals', 'about 4,000 troops']);
  assert.deepEqual(chunksOf(clauseOf("It was Moscow's full-scale invasion of Ukraine.")), ['It', "Moscow 's full - scale invasion", 'of:Ukraine']);
});

test('a comparative after a number stays inside its noun phrase', () => {
  assert.deepEqual(chunksOf(clauseOf('Manila will send three more military nurses abroad.', ['Manila'])), ['Manila', 'three more military nurses']);
});

test('verb groups take auxiliaries and mark passives and infinitives; tagger slips are fixed', () => {
  const c = clauseOf('Two soldiers had been captured and Pyongyang plans to dispatch more.');
  const groups = c.groups.map((g) => `${textOf(c, g.start, g.end)}${g.passive ? ' P' : ''}${g.infinitive ? ' I' : ''}`);
  assert.deepEqual(groups, ['had been captured P', 'plans', 'to dispatch I']);
  const shot = clauseOf('Poland shot down drones and will close its border.', ['Poland']);
  assert.deepEqual(shot.groups.map((g) => shot.tokens[g.head].lower), ['shot', 'close']);
});

test('event nouns after a modifier are nouns, not verbs', () => {
  const c = clauseOf('The court opened a landmark hearing as they held military exercises.');
  assert.ok(chunksOf(c).includes('a landmark hearing'));
  assert.ok(chunksOf(c).includes('military exercises'));
});

test('an event noun after a name that modifies it is a noun, also past names joined by a hyphen; after a subject it is a verb', () => {
  const c = clauseOf('A fourth round of U.S.-Iranian talks on trade is scheduled for Monday.', ['U.S.', 'Iranian']);
  assert.deepEqual(c.groups.map((g) => textOf(c, g.start, g.end)), ['is scheduled']);
  const v = clauseOf('Iran talks with Oman every week.', ['Iran', 'Oman']);
  assert.deepEqual(v.groups.map((g) => textOf(v, g.start, g.end)), ['talks']);
});

test('the subject of a verb: direct, past a prepositional phrase, and across a relative pronoun', () => {
  assert.equal(subjectText(clauseOf('Residents of frontline towns have staged protests.'), 'staged'), 'Residents (subject)');
  assert.equal(subjectText(clauseOf('Seoul on Friday imposed sanctions.'), 'imposed'), 'Seoul (subject)');
  assert.equal(subjectText(clauseOf('Officials met Ji, who briefed lawmakers.'), 'briefed'), 'Ji (relative)');
});

test('a shared subject: coordinated verbs, infinitive chains, object control and gerunds', () => {
  assert.equal(subjectText(clauseOf('North Korea has sent soldiers to Russia and plans to dispatch more.', ['North Korea', 'Russia']), 'dispatch'), 'North Korea (coordination)');
  assert.equal(subjectText(clauseOf('Pyongyang is believed to be preparing to dispatch soldiers.'), 'dispatch'), 'Pyongyang (infinitive)');
  assert.match(subjectText(clauseOf('The ministry asked activist groups to stop floating leaflets.'), 'stop') ?? '', /^activist groups /);
  assert.equal(subjectText(clauseOf('They urged Seoul to impose sanctions.'), 'impose'), 'Seoul (object-control)');
  assert.equal(subjectText(clauseOf('The Kremlin accused Washington of adding fuel.', ['Washington']), 'adding'), 'Washington (object-control)');
  // an object that names no one is no agent of the gerund: the subject is
  assert.equal(subjectText(clauseOf('Moscow denied any role in damaging the cables.', ['Moscow']), 'damaging'), 'Moscow (gerund)');
  assert.equal(subjectText(clauseOf('There were reports of North Korea supplying Russia with arms.', ['North Korea', 'Russia']), 'supplying'), 'North Korea (gerund)');
});

test('compound subjects are gathered only through a real list', () => {
  assert.equal(subjectText(clauseOf('The United States, South Korea and Japan condemned the launch.', ['The United States', 'South Korea', 'Japan']), 'condemned'), 'The United States + South Korea + Japan (subject)');
  assert.equal(subjectText(clauseOf('Croatia is failing its refugees, a rights group protested.'), 'protested'), 'a rights group (subject)');
});

test('tagger slips: an "-s" form after "to", a bare verb form after a preposition, a noun after "return to"', () => {
  const talks = clauseOf('Officials said Tehran was unlikely to return to talks soon.');
  assert.ok(chunksOf(talks).includes('to:talks'), chunksOf(talks).join(' | '));
  const combat = clauseOf('The brigades returned to combat in March.');
  assert.ok(chunksOf(combat).includes('to:combat'), chunksOf(combat).join(' | '));
  // the preposition still governs its phrase past an adverb
  const damage = clauseOf('Moscow denied any role in earlier damage to the cables.');
  assert.ok(chunksOf(damage).includes('in:damage'), chunksOf(damage).join(' | '));
});

test('"at least" counts what follows, and a perfect "have" is an auxiliary of its group', () => {
  const c = clauseOf('The strikes have killed at least 20 soldiers.');
  assert.ok(chunksOf(c).includes('least 20 soldiers'), chunksOf(c).join(' | '));
  const p = clauseOf('Many Syrian soldiers are believed to have been killed in fighting.', ['Syrian']);
  assert.deepEqual(p.groups.map((g) => `${textOf(p, g.start, g.end)}${g.passive ? ' P' : ''}`), ['are believed P', 'to have been killed P', 'fighting']);
  assert.equal(subjectText(p, 'fighting'), 'Many Syrian soldiers (gerund)');
});

test('a British "-ise" verb is a verb, not a participle', () => {
  const c = clauseOf('Moscow agreed to help modernise its weapons.');
  assert.ok(chunksOf(c).includes('its weapons'), chunksOf(c).join(' | '));
});

test('a participle coordinated with a passive is passive; one coordinated with an adjective before a noun is no verb', () => {
  const c = clauseOf('Hundreds of soldiers had been killed and wounded in Kursk.');
  assert.deepEqual(c.groups.map((g) => `${textOf(c, g.start, g.end)}${g.passive ? ' P' : ''}`), ['had been killed P', 'wounded P']);
  const adj = clauseOf('He called the move a significant and concerning escalation.');
  assert.deepEqual(adj.groups.map((g) => textOf(adj, g.start, g.end)), ['called']);
});

test('an "-ed" word after a perfect "have" is a verb, whatever its tag', () => {
  const c = clauseOf('It said it had informed the U.S. military by telephone.');
  assert.ok(c.groups.some((g) => c.tokens[g.head].lower === 'informed'), c.groups.map((g) => textOf(c, g.start, g.end)).join(' | '));
});

test('a time phrase that opens the sentence ends before its subject', () => {
  const c = clauseOf('On Sunday Ankara deployed troops to the border.', ['Ankara']);
  assert.deepEqual(chunksOf(c).slice(0, 2), ['on:Sunday', 'Ankara']);
  assert.equal(subjectText(c, 'deployed'), 'Ankara (subject)');
  const date = clauseOf('On Feb. 3 the Kremlin closed its embassy.', ['the Kremlin']);
  assert.deepEqual(chunksOf(date).slice(0, 2), ['on:Feb. 3', 'the Kremlin']);
  const last = clauseOf('Last month police officers arrested the protesters.');
  assert.equal(subjectText(last, 'arrested'), 'police officers (subject)');
  // a time phrase with a time word after it stays whole, and a bare day name still modifies a noun after a preposition
  assert.ok(chunksOf(clauseOf('On Wednesday morning Ankara deployed troops.', ['Ankara'])).includes('on:Wednesday morning'));
  assert.ok(chunksOf(clauseOf('Crowds gathered after Sunday services.')).includes('after:Sunday services'));
});

test('a name right after a verb of giving is its first object when a bare noun phrase follows, unless "to" names the recipient', () => {
  assert.deepEqual(chunksOf(clauseOf('Oslo handed Amman armoured vehicles.', ['Oslo', 'Amman'])), ['Oslo', 'Amman', 'armoured vehicles']);
  assert.deepEqual(chunksOf(clauseOf('Oslo sent Norway rifles to Amman.', ['Oslo', 'Norway', 'Amman'])), ['Oslo', 'Norway rifles', 'to:Amman']);
  // a verb that gives nothing keeps the name as a modifier
  assert.deepEqual(chunksOf(clauseOf('Oslo closed Norway ports.', ['Oslo', 'Norway'])), ['Oslo', 'Norway ports']);
});

test('a word in "-s" after names joined by "and" is the plural noun they modify, after a single name a verb', () => {
  const c = clauseOf('It followed Turkish and Iraqi raids on the camps.', ['Turkish', 'Iraqi']);
  assert.deepEqual(c.groups.map((g) => textOf(c, g.start, g.end)), ['followed']);
  const v = clauseOf('Iraq raids the camps.', ['Iraq']);
  assert.deepEqual(v.groups.map((g) => textOf(v, g.start, g.end)), ['raids']);
});

test('a modal governs a verb of the table past an adverbial phrase, whatever its tag, and the group spans both', () => {
  const c = clauseOf('Tokyo could in return supply Manila with patrol boats.', ['Tokyo', 'Manila']);
  assert.deepEqual(c.groups.map((g) => textOf(c, g.start, g.end)), ['could in return supply']);
  assert.equal(subjectText(c, 'supply'), 'Tokyo (subject)');
});

test('a participial phrase between commas: the verb after it and an active participle in it share the noun phrase before it', () => {
  const c = clauseOf('The convoy, carrying food for refugees, reached Aleppo.');
  assert.equal(subjectText(c, 'reached'), 'The convoy (subject)');
  const p = clauseOf('Lavrov, speaking in Ankara, criticised the plan.', ['Lavrov']);
  assert.equal(subjectText(p, 'speaking'), 'Lavrov (subject)');
  assert.equal(subjectText(clauseOf('Delegates of the union, arriving in Oslo, signed the accord.'), 'signed'), 'Delegates (subject)');
  // a participle after an object at the end of the clause still goes with the clause's subject
  assert.equal(subjectText(clauseOf('Troops shelled the town, killing nine people.'), 'killing'), 'Troops (coordination)');
});

test('an active participle that opens the sentence shares the subject of the main clause', () => {
  assert.equal(subjectText(clauseOf('Addressing the assembly, the minister denounced the blockade.'), 'addressing'), 'the minister (participle)');
});

test('a time phrase is no subject, no agent of a gerund and no antecedent of a relative pronoun', () => {
  assert.equal(subjectText(clauseOf('The ministers decided earlier this week to expel the envoy.'), 'expel'), 'The ministers (infinitive)');
  assert.equal(subjectText(clauseOf('Ankara issued a statement on March 3 condemning the raid.'), 'condemning'), 'a statement (subject)');
  assert.equal(subjectText(clauseOf('Oslo signed an accord on Tuesday that binds both sides.'), 'binds'), 'an accord (relative)');
});

test('an auxiliary keeps its verb past an adverbial phrase, and a negated passive is passive', () => {
  const c = clauseOf('Cairo has until now rejected the offer.', ['Cairo']);
  assert.deepEqual(c.groups.map((g) => textOf(c, g.start, g.end)), ['has until now rejected']);
  assert.equal(subjectText(c, 'rejected'), 'Cairo (subject)');
  const p = clauseOf('Cairo was not consulted.', ['Cairo']);
  assert.deepEqual(p.groups.map((g) => `${textOf(p, g.start, g.end)}${g.passive ? ' P' : ''}`), ['was not consulted P']);
});

test('a subordinate clause keeps its subject past an adverb and an "of" complement', () => {
  assert.equal(subjectText(clauseOf('Talks stalled after the head of the delegation abruptly walked out.'), 'walked'), 'the head (subject)');
});
