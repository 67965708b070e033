// Tests for stage 4: status, attribution and likelihood of hand-made events in real sentences analysed by wink-nlp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import type { PloverType } from '../core/plover.js';
import { analyseText } from './01-text.js';
import { assignStatus } from './04-status.js';
import { MODEL_DIR, readTableFrom } from './model/load.js';
import { buildStatusModel } from './model/status.js';
import type { EventDraft, Mention, PipelineState } from './types.js';

const lm = { nlp: winkNLP(winkModel) };
const model = buildStatusModel(readTableFrom(MODEL_DIR));

/** Actors named by phrase: [phrase, actor id] (the first occurrence of each, or all with '*' after the phrase). */
type ActorHint = [phrase: string, actor: string, anaphor?: boolean];
/** Events named by their trigger word: [trigger, type], optionally the occurrence and stage 3's reading as a verb. */
type EventHint = [trigger: string, type: PloverType, occurrence?: number, verbal?: boolean];

/** The token range covering the occurrence-th appearance of a phrase (case-insensitive) in the text. */
function findPhrase(state: PipelineState, phrase: string, occurrence = 0): [number, number] {
  const haystack = state.text.toLowerCase();
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    do at = haystack.indexOf(phrase.toLowerCase(), at + 1);
    while (at >= 0 && /\w/.test(haystack[at - 1] ?? '') );
  }
  const first = state.tokens.findIndex((t) => t.start === at);
  const last = state.tokens.findIndex((t) => t.end === at + phrase.length);
  if (at < 0 || first < 0 || last < 0) throw new Error(`"${phrase}" (#${occurrence}) is not a token sequence of: ${state.text}`);
  return [first, last + 1];
}

/** `people`: codes whose actor is a named person (the actors stage's kind 'person'). */
function run(text: string, actors: ActorHint[], events: EventHint[], people: string[] = []): { state: PipelineState; events: EventDraft[]; code: (id?: string) => string | undefined } {
  const analysed = analyseText(text, '2024-06-20', lm);
  const state: PipelineState = { ...analysed, actors: [], mentions: [], events: [] };
  for (const code of people) state.actors.push({ id: `a-${code}`, text: code, kind: 'person', code, name: code, mentions: [] });
  const codes = new Map<string, string>();
  const occurrences = new Map<string, number>();
  for (const [phrase, code, anaphor] of actors) {
    const k = occurrences.get(phrase) ?? 0;
    occurrences.set(phrase, k + 1);
    const [first, end] = findPhrase(state, phrase, k);
    // one actor per code, as the actors stage would resolve them
    const id = `a-${code}`;
    codes.set(id, code);
    const m: Mention = { actor: id, start: state.tokens[first].start, end: state.tokens[end - 1].end, firstToken: first, endToken: end, sentence: state.tokens[first].sentence, anaphor };
    state.mentions.push(m);
  }
  for (const [trigger, type, occurrence, verbal] of events) {
    const [first, end] = findPhrase(state, trigger, occurrence ?? 0);
    state.events.push({ type, context: [], triggerFirst: first, triggerEnd: end, verbal, sentence: state.tokens[first].sentence, source: [], target: [], status: 'asserted', confidence: 1 });
  }
  assignStatus(state, model);
  return { state, events: state.events, code: (id) => (id ? codes.get(id) : undefined) };
}

test('a modal makes a forecast with its likelihood; the warning noun attributes it to its issuer (seed article)', () => {
  const { events, code } = run(
    'South Korea’s National Intelligence Service (NIS) has issued a stark warning that North Korea may deploy troops to support Russia in the ongoing conflict in Ukraine as early as July or August. This development comes amid reports of North Korea supplying Russia with arms and ammunition.',
    [['National Intelligence Service', 'KOR'], ['North Korea', 'PRK'], ['Russia', 'RUS'], ['North Korea', 'PRK'], ['Russia', 'RUS']],
    [['deploy', 'AID'], ['supplying', 'AID']],
  );
  const [deploy, supply] = events;
  assert.equal(deploy.status, 'forecast');
  assert.equal(code(deploy.attribution?.actor), 'KOR');
  assert.equal(deploy.likelihood?.cue, 'may');
  assert.ok(deploy.likelihood!.p >= 0.2 && deploy.likelihood!.p <= 0.6);
  assert.equal(supply.status, 'asserted', 'reports of X supplying: asserted');
  assert.equal(supply.attribution, undefined);
  assert.equal(supply.likelihood, undefined);
});

test('seed article: the condemnation is asserted, the expected deployment is a forecast attributed via "according to"', () => {
  const { events, code } = run(
    'According to NIS Director Ji Jae-ryeol, who briefed lawmakers, the troop deployment is expected to involve several thousand North Korean soldiers. The United States and South Korea have condemned these shipments, citing violations of UN Security Council resolutions.',
    [['NIS Director Ji Jae-ryeol', 'KOR'], ['The United States', 'USA'], ['South Korea', 'KOR']],
    [['deployment', 'AID'], ['condemned', 'ACCUSE']],
  );
  const [deployment, condemned] = events;
  assert.equal(deployment.status, 'forecast');
  assert.equal(code(deployment.attribution?.actor), 'KOR');
  assert.equal(deployment.attribution?.cue, 'according to');
  assert.ok(deployment.likelihood && deployment.likelihood.p >= 0.55 && deployment.likelihood.p <= 0.85, JSON.stringify(deployment.likelihood));
  assert.equal(condemned.status, 'asserted');
  assert.equal(condemned.attribution, undefined);
});

test('seed article: nominal forecasts ("the potential deployment", "the possibility of troops being deployed")', () => {
  const { events } = run(
    'The potential deployment of North Korean troops to Ukraine would likely have significant implications for the conflict. As the situation continues to unfold, the possibility of North Korean troops being deployed to Ukraine will likely remain a pressing concern for global leaders.',
    [],
    [['deployment', 'AID'], ['deployed', 'AID']],
  );
  for (const e of events) {
    assert.equal(e.status, 'forecast', e.why?.join('; '));
    assert.ok(e.confidence < 1, 'a nominal forecast is a reading, so confidence drops');
  }
});

test('cue scope is clause-local: "has sent ... and plans to dispatch", with the NIS as the reporter after the clause', () => {
  const { events, code } = run(
    "North Korea has sent about 3,000 soldiers to Russia this month and plans to dispatch a total of 10,000 by December, South Korea's National Intelligence Service (NIS) told lawmakers on Wednesday.",
    [['North Korea', 'PRK'], ['Russia', 'RUS'], ["South Korea's National Intelligence Service", 'KOR']],
    [['sent', 'AID'], ['dispatch', 'AID'], ['told', 'CONSULT']],
  );
  const [sent, dispatch, told] = events;
  assert.equal(sent.status, 'asserted');
  assert.equal(dispatch.status, 'forecast');
  assert.equal(dispatch.likelihood, undefined, 'a plan has no estimative word');
  assert.equal(code(sent.attribution?.actor), 'KOR');
  assert.equal(code(dispatch.attribution?.actor), 'KOR');
  assert.equal(dispatch.attribution?.cue, 'told');
  assert.equal(told.attribution, undefined, 'the reporting verb does not attribute itself');
});

test('denials negate and attribute to the denier', () => {
  const denied = run('Pyongyang denied sending troops.', [['Pyongyang', 'PRK']], [['sending', 'AID']]);
  assert.equal(denied.events[0].status, 'negated');
  assert.equal(denied.code(denied.events[0].attribution?.actor), 'PRK');

  const dismissed = run(
    'North Korea\'s mission to the United Nations has dismissed reports of the deployment as "groundless rumours".',
    [["North Korea's mission", 'PRK'], ['the United Nations', 'IGO']],
    [['deployment', 'AID']],
  );
  assert.equal(dismissed.events[0].status, 'negated');
  assert.equal(dismissed.code(dismissed.events[0].attribution?.actor), 'PRK', 'the mission, not the UN it is accredited to');

  const clause = run(
    "Russia's defence ministry denied that its aircraft had violated Estonian airspace, saying the jets had flown a scheduled route.",
    [["Russia's defence ministry", 'RUS']],
    [['violated', 'MOBILIZE'], ['flown', 'MOBILIZE']],
  );
  assert.equal(clause.events[0].status, 'negated');
  assert.equal(clause.code(clause.events[0].attribution?.actor), 'RUS');
  assert.equal(clause.events[1].status, 'asserted', 'the denial ends with its clause');

  const role = run('Moscow has denied any role in earlier damage to Baltic Sea cables.', [['Moscow', 'RUS']], [['damage', 'ASSAULT']]);
  assert.equal(role.events[0].status, 'negated', 'no source found: the denier is taken to be the one denied');
  for (const [source, status] of [['a-RUS', 'negated'], ['a-UNKNOWN', 'asserted']]) {
    role.events[0].source = [source];
    assignStatus(role.state, model);
    assert.equal(role.events[0].status, status, `source ${source}: a denied role negates only the denier's own part`);
  }

  const declined = run('Putin has declined to deny the reports of the deployment.', [['Putin', 'RUS']], [['deployment', 'AID']]);
  assert.equal(declined.events[0].status, 'asserted', 'a negated denial is not a denial');
});

test('negation: not yet seen, has not, refrained from, has yet to, no targets', () => {
  const seen = run(
    'The United States had not yet seen the North Koreans fighting Ukrainian troops, Blinken said.',
    [['The United States', 'USA'], ['the North Koreans', 'PRK'], ['Blinken', 'USA']],
    [['fighting', 'ASSAULT']],
  );
  assert.equal(seen.events[0].status, 'negated');
  assert.equal(seen.code(seen.events[0].attribution?.actor), 'USA');

  const { events } = run(
    'Kim has not travelled to Russia this year. The North also refrained from conducting a nuclear test around the election. Pyongyang has yet to confirm the deployment. The ministry said no targets on Polish territory had been planned.',
    [['Kim', 'PRK'], ['Russia', 'RUS'], ['The North', 'PRK'], ['Pyongyang', 'PRK'], ['The ministry', 'RUS']],
    [['travelled', 'CONSULT'], ['test', 'MOBILIZE'], ['confirm', 'AGREE'], ['targets', 'ASSAULT']],
  );
  for (const e of events) assert.equal(e.status, 'negated', e.why?.join('; '));
  assert.equal(events[3].attribution?.cue, 'said');
});

test('calling an event off negates it, as object or as subject; a cancellation only expected leaves it planned', () => {
  const cases: [string, string, string][] = [
    ['Cairo cancelled the summit with Ankara.', 'summit', 'negated'],
    ['Ankara has called off its naval drills near Cyprus.', 'drills', 'negated'],
    ['The joint patrols were scrapped last week.', 'patrols', 'negated'],
    ['The ministers\' meeting was postponed.', 'meeting', 'negated'],
    ['The summit was not cancelled.', 'summit', 'asserted'],
    ['The summit could be postponed.', 'summit', 'forecast'],
    ['Brasilia shelved plans to expel the envoy.', 'expel', 'negated'],
    ['Brasilia has plans to expel the envoy.', 'expel', 'forecast'],
  ];
  const wrong: string[] = [];
  for (const [sentence, trigger, status] of cases) {
    const { events } = run(sentence, [], [[trigger, 'CONSULT']]);
    if (events[0].status !== status) wrong.push(`${sentence} [${trigger}]: expected ${status}, got ${events[0].status} (${events[0].why?.join('; ')})`);
  }
  assert.deepEqual(wrong, []);
  const { events } = run('The summit could be postponed.', [], [['summit', 'CONSULT']]);
  assert.equal(events[0].likelihood, undefined, '"could" rates the postponement, not the summit');
});

test('holding off negates the act held off; a negative determiner on the subject negates its verb', () => {
  const { events } = run(
    'Caracas has held off on deploying troops to the border. Neither army has crossed the river. No minister has visited Bogota since March.',
    [['Caracas', 'VEN'], ['Bogota', 'COL']],
    [['deploying', 'MOBILIZE'], ['crossed', 'MOBILIZE'], ['visited', 'CONSULT']],
  );
  for (const e of events) assert.equal(e.status, 'negated', e.why?.join('; '));
  const plain = run('The army has crossed the river. No sooner had it crossed, the minister said, than fighting began.', [], [['crossed', 'MOBILIZE'], ['crossed', 'MOBILIZE', 1]]);
  assert.deepEqual(plain.events.map((e) => e.status), ['asserted', 'asserted']);
});

test('a verb whose object is determined by "no" is negated: "sent no troops"', () => {
  const { events } = run('Caracas sent no troops to the border. Caracas sent troops to the border.', [['Caracas', 'VEN']], [['sent', 'MOBILIZE'], ['sent', 'MOBILIZE', 1]]);
  assert.deepEqual(events.map((e) => e.status), ['negated', 'asserted']);
});

test('a negated infinitive is the act\'s own ("vowed never to"), or under a request a possibility warned against; "no intention of" negates', () => {
  const cases: [string, string, string][] = [
    ['Lagos vowed never to send troops into Niger.', 'send', 'negated'],
    ['Lagos decided not to send troops into Niger.', 'send', 'negated'],
    ['Lagos decided to send troops into Niger.', 'send', 'forecast'],
    ['Abuja has no intention of sending troops into Niger.', 'sending', 'negated'],
    ['Abuja has every intention of sending troops into Niger.', 'sending', 'forecast'],
    ['Paris asked Abuja not to send troops into Niger.', 'send', 'hypothetical'],
  ];
  const wrong: string[] = [];
  for (const [sentence, trigger, status] of cases) {
    const { events } = run(sentence, [], [[trigger, 'MOBILIZE']]);
    if (events[0].status !== status) wrong.push(`${sentence} [${trigger}]: expected ${status}, got ${events[0].status} (${events[0].why?.join('; ')})`);
  }
  assert.deepEqual(wrong, []);
});

test('"no evidence that", "no sign that" deny the clause after them; the reporter stays the attribution', () => {
  const { events, code } = run(
    'There is no evidence that Minsk sent troops into Ukraine. Kyiv said there was no sign that Minsk had moved its brigades. There is evidence that Minsk sent drones.',
    [['Kyiv', 'UKR']],
    [['sent', 'AID'], ['moved', 'MOBILIZE'], ['sent', 'AID', 1]],
  );
  assert.deepEqual(events.map((e) => e.status), ['negated', 'negated', 'asserted']);
  assert.equal(code(events[1].attribution?.actor), 'UKR');
});

test('"slated to", "gearing up to" plan the act; "not expected to" is a forecast with a low likelihood', () => {
  const { events } = run(
    'Hanoi is slated to host the summit. Manila is gearing up to host the games. Jakarta is not expected to host the talks.',
    [],
    [['host', 'CONSULT'], ['host', 'CONSULT', 1], ['host', 'CONSULT', 2]],
  );
  assert.deepEqual(events.map((e) => e.status), ['forecast', 'forecast', 'forecast']);
  const p = events[2].likelihood?.p ?? 1;
  assert.ok(p >= 0.1 && p <= 0.45, JSON.stringify(events[2].likelihood));
});

test('an auxiliary before its subject opens a condition without "if": "Should X ..., ...", "..., were X to ..."', () => {
  const { events } = run(
    'Should Quito expel the envoy, Lima would recall its ambassador. Lima would close the border, were Quito to send troops. Quito expelled the envoy.',
    [],
    [['expel', 'COERCE'], ['recall', 'REJECT'], ['close', 'COERCE'], ['send', 'MOBILIZE'], ['expelled', 'COERCE']],
  );
  assert.deepEqual(events.map((e) => e.status), ['hypothetical', 'hypothetical', 'hypothetical', 'hypothetical', 'asserted']);
});

test('"return to", "engage in" carry their negation to the event noun; a comment on it does not', () => {
  const { events } = run(
    'Havana would not return to negotiations with Madrid. Havana did not engage in talks with Madrid. Havana did not comment on the talks.',
    [],
    [['negotiations', 'CONSULT'], ['talks', 'CONSULT'], ['talks', 'CONSULT', 1]],
  );
  assert.deepEqual(events.map((e) => e.status), ['negated', 'negated', 'asserted']);
});

test('what one watches for ("any sign of X") is a possibility; not seeing any sign of it negates it', () => {
  const { events } = run(
    'Lima is watching closely for any sign of new deliveries to the rebels. Lima did not see any sign of new deliveries to the rebels. Lima saw signs of new deliveries to the rebels.',
    [],
    [['deliveries', 'AID'], ['deliveries', 'AID', 1], ['deliveries', 'AID', 2]],
  );
  assert.deepEqual(events.map((e) => e.status), ['forecast', 'negated', 'asserted']);
});

test('"without" negates the act it governs: "without firing a shot", "without a fight"', () => {
  const { events } = run(
    'The rebels took the town without firing a shot. The garrison surrendered without a fight. The rebels took the town after firing on it.',
    [],
    [['firing', 'ASSAULT'], ['fight', 'ASSAULT'], ['firing', 'ASSAULT', 1]],
  );
  assert.deepEqual(events.map((e) => e.status), ['negated', 'negated', 'asserted']);
});

test('the nouns of refusing and failing negate the infinitive they govern', () => {
  const { events } = run(
    "Hanoi's refusal to join the patrols surprised Manila. Manila regretted the failure to hold the summit. Manila welcomed the offer to hold the summit.",
    [],
    [['join', 'COOPERATE'], ['hold', 'CONSULT'], ['hold', 'CONSULT', 1]],
  );
  assert.deepEqual(events.map((e) => e.status), ['negated', 'negated', 'forecast']);
});

test('a participle before a noun is no governing verb: "use seized assets to fund", "Lima\'s planned visit"', () => {
  const { events } = run(
    'Quito wants to use seized cartel assets to fund a new police force. Lima\'s planned visit to Quito was called off.',
    [['Quito', 'ECU'], ['Lima', 'PER']],
    [['fund', 'AID'], ['visit', 'CONSULT']],
  );
  assert.equal(events[0].status, 'forecast', events[0].why?.join('; '));
  assert.equal(events[1].status, 'negated', events[1].why?.join('; '));
});

test('"not only" and a hedged negation ("not likely") do not negate', () => {
  const { events } = run(
    'The package would hit not only the tankers. Officials said Pyongyang is not likely to return to talks soon.',
    [['Pyongyang', 'PRK']],
    [['hit', 'SANCTION'], ['return', 'CONSULT']],
  );
  assert.notEqual(events[0].status, 'negated');
  assert.equal(events[1].status, 'forecast');
  assert.ok(events[1].likelihood && events[1].likelihood.p >= 0.1 && events[1].likelihood.p <= 0.45, JSON.stringify(events[1].likelihood));
});

test('conditionals: the if-clause and a modal main clause are hypothetical; "once" is temporal', () => {
  const { events, code } = run(
    'The United States had not yet seen the North Koreans fighting Ukrainian troops, Blinken said, but if they entered combat or supported combat operations against Ukraine, they would be legitimate military targets.',
    [['The United States', 'USA'], ['the North Koreans', 'PRK'], ['Blinken', 'USA'], ['they', 'PRK', true]],
    [['entered', 'ASSAULT'], ['supported', 'ASSAULT'], ['targets', 'ASSAULT']],
  );
  for (const e of events) {
    assert.equal(e.status, 'hypothetical', e.why?.join('; '));
    assert.equal(code(e.attribution?.actor), 'USA', 'the parenthetical frame covers the whole sentence');
  }
  const trailing = run(
    'President Yoon Suk Yeol said last week that Seoul might consider supplying weapons to Ukraine, depending on how deeply North Korean forces become involved. The military said it would strike back strongly if the North staged a provocation.',
    [['President Yoon Suk Yeol', 'KOR'], ['Seoul', 'KOR'], ['Ukraine', 'UKR'], ['The military', 'KOR'], ['the North', 'PRK']],
    [['supplying', 'AID'], ['strike', 'ASSAULT'], ['provocation', 'MOBILIZE']],
  );
  for (const e of trailing.events) assert.equal(e.status, 'hypothetical', e.why?.join('; '));
  assert.equal(trailing.code(trailing.events[0].attribution?.actor), 'KOR');

  const once = run('Once the training ends, they are likely to be sent to the front line against Ukraine, the NIS said.', [['the NIS', 'KOR']], [['sent', 'ASSAULT']]);
  assert.equal(once.events[0].status, 'forecast');
  assert.equal(once.events[0].likelihood?.cue, 'likely');
  assert.equal(once.code(once.events[0].attribution?.actor), 'KOR');
});

test('"would" after a past reporting verb is a forecast; the reporter is taken per frame', () => {
  const { events, code } = run(
    'Austin said the allies were consulting closely on a response, and Blinken said Washington would announce more military assistance for Ukraine within days.',
    [['Austin', 'USA'], ['Blinken', 'USA'], ['Washington', 'USA'], ['Ukraine', 'UKR']],
    [['consulting', 'CONSULT'], ['assistance', 'AID']],
  );
  assert.equal(events[0].status, 'asserted');
  assert.equal(events[0].attribution?.text, 'Austin said');
  assert.equal(events[1].status, 'forecast');
  assert.equal(events[1].likelihood, undefined);
  assert.equal(code(events[1].attribution?.actor), 'USA');
  assert.equal(events[1].attribution?.text, 'Blinken said');
});

test('future and intent frames: will, is set to, is due to, vowed to (the one who vows is the source)', () => {
  const { events, code } = run(
    "NATO's North Atlantic Council is set to meet early next week, NATO diplomats said. Choe is due to hold talks with Lavrov in Moscow later this week. North Korea has also vowed to put three more reconnaissance satellites into orbit. NATO will step up its presence in the Baltic Sea.",
    [["NATO's North Atlantic Council", 'IGO'], ['NATO diplomats', 'IGO'], ['Choe', 'PRK'], ['Lavrov', 'RUS'], ['North Korea', 'PRK'], ['NATO', 'IGO']],
    [['meet', 'CONSULT'], ['talks', 'CONSULT'], ['put', 'MOBILIZE'], ['step up', 'MOBILIZE']],
  );
  for (const e of events) {
    assert.equal(e.status, 'forecast', e.why?.join('; '));
    assert.equal(e.likelihood, undefined, 'no estimative word');
  }
  assert.equal(code(events[0].attribution?.actor), 'IGO');
  assert.equal(events[1].attribution, undefined);
  assert.equal(code(events[2].attribution?.actor), 'PRK');
  assert.equal(events[2].attribution?.cue, 'vowed');
});

test('likelihood words: almost certainly, believed to be preparing, very likely as a predicate, could', () => {
  const { events, code } = run(
    'It will almost certainly keep shipping artillery shells for as long as the war lasts, a JCS official said. Pyongyang is believed to be preparing to dispatch about 6,000 more soldiers. Alliance officials said new steps to bolster air defences on the eastern flank were very likely within days. Leader Kim Jong Un could travel to Russia himself, the agency said.',
    [['JCS', 'KOR'], ['Pyongyang', 'PRK'], ['Leader Kim Jong Un', 'PRK'], ['Russia', 'RUS'], ['the agency', 'KOR', true]],
    [['shipping', 'AID'], ['dispatch', 'AID'], ['bolster', 'MOBILIZE'], ['travel', 'CONSULT']],
  );
  const [ship, dispatch, bolster, travel] = events;
  const within = (e: EventDraft, lo: number, hi: number) => assert.ok(e.likelihood && e.likelihood.p >= lo && e.likelihood.p <= hi, `${JSON.stringify(e.likelihood)} not in ${lo}-${hi}`);
  for (const e of events) assert.equal(e.status, 'forecast', e.why?.join('; '));
  assert.equal(ship.likelihood?.cue, 'almost certainly');
  within(ship, 0.9, 0.99);
  assert.equal(code(ship.attribution?.actor), 'KOR');
  assert.equal(dispatch.likelihood?.cue, 'believed');
  within(dispatch, 0.55, 0.85);
  assert.equal(bolster.likelihood?.cue, 'very likely');
  within(bolster, 0.8, 0.95);
  within(travel, 0.2, 0.6);
  assert.equal(code(travel.attribution?.actor), 'KOR', 'a definite description resolved by the actors stage');
});

test('a hedge over the past stays asserted: "are believed to have been killed", "may have sent"', () => {
  const { events } = run(
    'About 2,000 North Korean soldiers are believed to have been killed. Russia may have sent air defence systems to the North.',
    [['Russia', 'RUS']],
    [['killed', 'ASSAULT'], ['sent', 'AID']],
  );
  assert.equal(events[0].status, 'asserted');
  assert.equal(events[0].likelihood?.cue, 'believed');
  assert.equal(events[1].status, 'asserted');
  assert.equal(events[1].likelihood?.cue, 'may');
});

test('"It also said ..." takes the reporter of the sentence before when the pronoun is unresolved', () => {
  const { events, code } = run(
    'The agency said North Korea is likely to send more troops. It also said Kim Jong Un is likely to visit Russia in the first half of this year.',
    [['The agency', 'KOR'], ['North Korea', 'PRK'], ['Kim Jong Un', 'PRK'], ['Russia', 'RUS']],
    [['send', 'AID'], ['visit', 'CONSULT']],
  );
  for (const e of events) {
    assert.equal(e.status, 'forecast');
    assert.equal(code(e.attribution?.actor), 'KOR');
    assert.equal(e.likelihood?.cue, 'likely');
  }
  assert.ok(events[1].confidence < events[0].confidence, 'a guessed reporter lowers confidence');
});

test('a resolved pronoun reporter is used as given', () => {
  const { events, code } = run(
    'The agency said North Korea is likely to send more troops. It also said Kim Jong Un is likely to visit Russia.',
    [['The agency', 'KOR'], ['It', 'KOR', true], ['Kim Jong Un', 'PRK'], ['Russia', 'RUS']],
    [['visit', 'CONSULT']],
  );
  assert.equal(code(events[0].attribution?.actor), 'KOR');
  assert.equal(events[0].confidence, 1);
});

test('a request or invitation makes the requested act a forecast, attributed to the one who asks', () => {
  const { events, code } = run('Putin invited Kim to visit Russia.', [['Putin', 'RUS'], ['Kim', 'PRK'], ['Russia', 'RUS']], [['visit', 'CONSULT']]);
  assert.equal(events[0].status, 'forecast');
  assert.equal(code(events[0].attribution?.actor), 'RUS');
});

test('coordinated verbs share their auxiliaries; purpose clauses share the status of their verb', () => {
  const { events } = run(
    'North Korea may deploy troops and send weapons to support Russia. Pyongyang sent troops and supplied shells.',
    [],
    [['deploy', 'MOBILIZE'], ['send', 'AID'], ['support', 'SUPPORT'], ['sent', 'AID'], ['supplied', 'AID']],
  );
  assert.deepEqual(events.map((e) => e.status), ['forecast', 'forecast', 'forecast', 'asserted', 'asserted']);
});

test('every event gets a status, and sentences without cues leave events asserted at full confidence', () => {
  const { events } = run('Ukraine fired six missiles at a facility in the Bryansk region on Tuesday.', [], [['fired', 'ASSAULT']]);
  assert.equal(events[0].status, 'asserted');
  assert.equal(events[0].confidence, 1);
  assert.equal(events[0].attribution, undefined);
});

test('"did not rule out" opens a possibility; "ruled out" negates', () => {
  const { events } = run(
    'Putin did not rule out developing military-technical cooperation with North Korea. Seoul ruled out sending troops.',
    [['Putin', 'RUS'], ['Seoul', 'KOR']],
    [['developing', 'COOPERATE'], ['sending', 'MOBILIZE']],
  );
  assert.equal(events[0].status, 'forecast');
  assert.equal(events[1].status, 'negated');
});

test('"whether" leaves its clause open: hypothetical', () => {
  const { events } = run('South Korea would review whether to supply arms to Kyiv.', [['South Korea', 'KOR']], [['supply', 'AID']]);
  assert.equal(events[0].status, 'hypothetical');
});

test('a present-tense time clause under a future main clause is future; a past one is not', () => {
  const { events } = run(
    'The treaty will take effect once both countries have ratified it. The Commission proposed new sanctions after the EU added 189 ships to its list.',
    [],
    [['ratified', 'SUPPORT'], ['added', 'SANCTION']],
  );
  assert.equal(events[0].status, 'forecast');
  assert.equal(events[1].status, 'asserted');
});

test('an event whose own word is a promise or an invitation is a forecast, attributed to the one who makes it', () => {
  const { events, code } = run(
    'Pyongyang has promised thousands of sappers to rebuild the region. He invited Kim to visit Moscow. Russia threatened retaliation.',
    [['Pyongyang', 'PRK'], ['He', 'RUS', true], ['Kim', 'PRK'], ['Russia', 'RUS']],
    [['promised', 'AGREE'], ['invited', 'CONSULT'], ['threatened', 'THREATEN']],
  );
  assert.equal(events[0].status, 'forecast');
  assert.equal(code(events[0].attribution?.actor), 'PRK');
  assert.equal(events[1].status, 'forecast');
  assert.equal(code(events[1].attribution?.actor), 'RUS');
  assert.equal(events[2].status, 'asserted', 'a threat is itself the act');
});

test('"it was possible that ..." gives the likelihood of the clause it governs', () => {
  const { events } = run('Kim said it was possible that Pyongyang would go further and send regular combat troops.', [['Kim', 'KOR'], ['Pyongyang', 'PRK']], [['send', 'MOBILIZE']]);
  assert.equal(events[0].status, 'forecast');
  assert.equal(events[0].likelihood?.cue, 'possible');
});

test('a denial word after a denial verb does not negate the rejection itself; a gerund after a noun is no subject', () => {
  const { events } = run(
    'The Kremlin rejected the suggestion as unfounded. EU leaders meeting in Brussels on Thursday failed to agree on a plan.',
    [['The Kremlin', 'RUS'], ['EU', 'IGO']],
    [['rejected', 'REJECT'], ['meeting', 'CONSULT']],
  );
  assert.equal(events[0].status, 'asserted');
  assert.equal(events[1].status, 'asserted');
});

test('not taking part negates the event only for the one who does not take part', () => {
  for (const [sentence, trigger] of [['The United States would not take part in any Israeli counter-attack on Iran.', 'counter-attack'], ['The United States was not involved in the strikes.', 'strikes']]) {
    const israeli = run(sentence, [['The United States', 'USA']], [[trigger, 'ASSAULT']]);
    israeli.events[0].source = ['a-ISR'];
    assignStatus(israeli.state, model);
    assert.notEqual(israeli.events[0].status, 'negated', `${sentence}: someone else's strikes`);
    const { state } = run(sentence, [['The United States', 'USA']], []);
    const [first, end] = findPhrase(state, trigger);
    const american: EventDraft = { type: 'ASSAULT', context: [], triggerFirst: first, triggerEnd: end, sentence: 0, source: ['a-USA'], target: [], status: 'asserted', confidence: 1 };
    state.events = [american];
    assignStatus(state, model);
    assert.equal(american.status, 'negated', `${sentence}: the United States' part`);
  }
});

test('status of event words in a range of news constructions', () => {
  // [sentence, trigger, status, likelihood cue or null]
  const cases: [string, string, string, string | null][] = [
    ['About 8,000 soldiers are in Kursk and are expected to go into battle against Ukrainian forces in the coming days.', 'battle', 'forecast', 'expected'],
    ['The blasts could be carried out as early as Monday.', 'blasts', 'forecast', 'could'],
    ['Officials in Seoul said it was unlikely to return to talks soon.', 'return', 'forecast', 'unlikely'],
    ['A 17th package, targeting dozens more tankers, is expected to be agreed before the summer.', 'package', 'forecast', 'expected'],
    ['It said it was ready to hold consultations with the defence ministry.', 'consultations', 'forecast', null],
    ['The European Commission proposed a 19th package of sanctions.', 'sanctions', 'forecast', null],
    ['Hungary and Slovakia could delay it.', 'delay', 'forecast', 'could'],
    ['Officials expected Pyongyang to seek advanced military technology in return.', 'seek', 'forecast', 'expected'],
    ['Fighting there would continue for weeks.', 'fighting', 'forecast', null],
    ['Regular direct flights between Moscow and Pyongyang are due to start later this month.', 'flights', 'forecast', null],
    ['A sixth round of talks is scheduled for Sunday.', 'talks', 'forecast', null],
    ['The truce was likely to hold for now.', 'truce', 'forecast', 'likely'],
    ['Estonia would continue to check ships that pose a risk.', 'check', 'forecast', null],
    ['Parliament had backed closing the Strait of Hormuz.', 'closing', 'forecast', null],
    ['Tehran had no plan to retaliate.', 'retaliate', 'negated', null],
    ['Tehran has no immediate plans to retaliate.', 'retaliate', 'negated', null],
    ['Russia is on the verge of launching a new offensive.', 'launching', 'forecast', null],
    ['The government is weighing sending troops to the border.', 'sending', 'forecast', null],
    // a planned event called off will not happen: the tracker must see it as the negation of the plan
    ['The scheduled talks were called off.', 'talks', 'negated', null],
    ['The European Union said it would reinstate its own nuclear-related sanctions on Iran.', 'sanctions', 'forecast', null],
    ['The vessel had not damaged the cable on purpose.', 'damaged', 'negated', null],
    ['Iran denied firing after the deadline.', 'firing', 'negated', null],
    ['There was no sign of an attack.', 'attack', 'negated', null],
    ['The attack failed to destroy the bridge.', 'attack', 'asserted', null],
    ['The deployment did not take place.', 'deployment', 'negated', null],
    ['Russia fired missiles at Kyiv overnight.', 'fired', 'asserted', null],
    ['The ministry warned of an imminent attack on the capital.', 'attack', 'forecast', null],
    ['Seoul feared a new offensive in the spring.', 'offensive', 'forecast', null],
    ['Russia may soon acquire ballistic missiles from Iran.', 'acquire', 'forecast', 'may'],
    ['Another direct exchange in the coming weeks was unlikely.', 'exchange', 'forecast', 'unlikely'],
    ['Kyiv would hand them over if Pyongyang asked.', 'hand', 'hypothetical', null],
    ['Had Seoul sent arms, Moscow would have retaliated.', 'retaliated', 'hypothetical', null],
    ['Officials agreed that their countries should cooperate on refugees.', 'cooperate', 'forecast', null],
    ['He warned Iran not to target U.S. interests or personnel.', 'target', 'hypothetical', null],
    ['Washington urged Seoul not to send arms to Kyiv.', 'send', 'hypothetical', null],
    ['Washington urged Seoul to send arms to Kyiv.', 'send', 'forecast', null],
    ['Washington warned Moscow against sending more troops to Belarus.', 'sending', 'hypothetical', null],
    ['Seoul cautioned Pyongyang against any attack on its territory.', 'attack', 'hypothetical', null],
    ['The attacks on the port must stop.', 'attacks', 'asserted', null],
    ['The attacks on the port will end soon.', 'attacks', 'asserted', null],
    ['Analysts said the launches would give North Korea rare battlefield data.', 'launches', 'asserted', null],
    ['The talks will begin in June.', 'talks', 'forecast', null],
    ['The ban will take effect next year.', 'ban', 'forecast', null],
    ['New launches would give North Korea more data.', 'launches', 'forecast', null],
    ['The ceasefire was agreed on Monday.', 'ceasefire', 'asserted', null],
    ['The two sides agreed to a ceasefire on Monday.', 'ceasefire', 'asserted', null],
  ];
  const wrong: string[] = [];
  for (const [sentence, trigger, status, cue] of cases) {
    const { events } = run(sentence, [], [[trigger, 'ASSAULT']]);
    const got = `${events[0].status} ${events[0].likelihood?.cue ?? null}`;
    if (got !== `${status} ${cue}`) wrong.push(`${sentence} [${trigger}]: expected ${status} ${cue}, got ${got} (${events[0].why?.join('; ')})`);
  }
  assert.deepEqual(wrong, []);
});

test('coordinated reporters: the first named speaks; an insert between commas does not end the reported clause', () => {
  const both = run('Ankara and Athens say Cairo has delivered drones to Libya.', [['Ankara', 'TUR'], ['Athens', 'GRC'], ['Cairo', 'EGY'], ['Libya', 'LBY']], [['delivered', 'AID']]);
  assert.equal(both.code(both.events[0].attribution?.actor), 'TUR');
  const insert = run(
    "Kenya says Sudan's new aid, including deliveries of grain and fuel, has reached the border towns.",
    [['Kenya', 'KEN'], ['Sudan', 'SDN']],
    [['aid', 'AID']],
  );
  assert.equal(insert.code(insert.events[0].attribution?.actor), 'KEN');
  assert.equal(insert.events[0].attribution?.cue, 'says');
});

test('reporters: appositives, relative clauses, inversion, and frames inside subordinate clauses', () => {
  const appositive = run("Ukraine's commander-in-chief, Oleksandr Syrskyi, said his forces were withdrawing to more favourable positions.", [['Oleksandr Syrskyi', 'UKR']], [['withdrawing', 'RETREAT']]);
  assert.equal(appositive.code(appositive.events[0].attribution?.actor), 'UKR');

  const described = run(
    "North Korea will send 6,000 soldiers to Kursk, Sergei Shoigu, the secretary of Russia's Security Council, said on Tuesday.",
    [['North Korea', 'PRK'], ['Sergei Shoigu', 'RUS'], ['the secretary', 'PRK', true]],
    [['send', 'AID']],
    ['RUS'],
  );
  assert.equal(described.code(described.events[0].attribution?.actor), 'RUS', 'the named person, not a description after the comma');

  const dismissed = run('Kremlin spokesman Dmitry Peskov dismissed reports that North Korea sent troops to Russia.', [['Dmitry Peskov', 'RUS'], ['North Korea', 'PRK'], ['Russia', 'RUS']], [['sent', 'AID']]);
  assert.equal(dismissed.events[0].status, 'negated', 'rejecting a report denies what it says');
  assert.equal(dismissed.code(dismissed.events[0].attribution?.actor), 'RUS');

  const agreed = run('European Union leaders agreed on Wednesday to widen sanctions on Iran.', [['European Union leaders', 'IGO'], ['Iran', 'IRN']], [['widen', 'SANCTION']]);
  assert.equal(agreed.events[0].status, 'forecast');
  assert.equal(agreed.code(agreed.events[0].attribution?.actor), 'IGO', 'those who agree to act answer for it');

  const misTagged = run('South Korean military officials fear Moscow may reward Pyongyang.', [['South Korean military officials', 'KOR'], ['Moscow', 'RUS'], ['Pyongyang', 'PRK']], [['reward', 'AID']]);
  assert.equal(misTagged.code(misTagged.events[0].attribution?.actor), 'KOR', '"fear" tagged as a noun still reports');

  const relative = run('Gyeonggi province, which borders the North, has said it will crack down on launches.', [['Gyeonggi province', 'KOR'], ['the North', 'PRK']], [['crack down', 'COERCE']]);
  assert.equal(relative.code(relative.events[0].attribution?.actor), 'KOR', 'not the North, which is inside the relative clause');

  const inverted = run('Washington will send more air defence systems, said Blinken.', [['Washington', 'USA'], ['Blinken', 'USA']], [['send', 'AID']]);
  assert.equal(inverted.events[0].attribution?.text, 'said Blinken');

  const nested = run(
    'The agency said about 1,000 engineers are already in Russia, where Moscow says they are clearing mines, and Pyongyang is believed to be preparing to dispatch 6,000 more soldiers.',
    [['The agency', 'KOR'], ['Russia', 'RUS'], ['Moscow', 'RUS'], ['Pyongyang', 'PRK']],
    [['clearing', 'COOPERATE'], ['dispatch', 'AID']],
  );
  assert.equal(nested.code(nested.events[0].attribution?.actor), 'RUS');
  assert.equal(nested.code(nested.events[1].attribution?.actor), 'KOR', 'the inner frame ends with its clause');

  const object = run('The Commission proposed the package after the EU added 189 ships to its list.', [['The Commission', 'IGO'], ['the EU', 'IGO']], [['package', 'SANCTION']]);
  assert.equal(object.events[0].attribution?.cue, 'proposed', 'an object after "added" makes it no reporting frame');

  const coordinated = run(
    "The European Commission and EU foreign policy chief Kaja Kallas condemned the attack and said Brussels would put forward further steps against the fleet.",
    [['The European Commission', 'IGO'], ['Kaja Kallas', 'IGO'], ['Brussels', 'IGO']],
    [['steps', 'SANCTION']],
  );
  assert.equal(coordinated.events[0].status, 'forecast');
  assert.equal(coordinated.code(coordinated.events[0].attribution?.actor), 'IGO');
  assert.match(coordinated.events[0].attribution?.text ?? '', /Kaja Kallas/);
});

test('any sentence and any event positions: no crash, a valid status, probabilities in 0..1', () => {
  const words = ['Russia', 'may', 'not', 'deploy', 'troops', 'if', 'Seoul', 'said', ',', 'would', 'denied', 'sending', 'the', 'possibility', 'of', 'attack', 'to', 'plans', 'likely', 'never', 'according', 'it', 'whether', 'once', 'no', 'and', '"', 'refrained', 'from', 'very', 'unlikely', '.'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 5 }), (sentence, picks) => {
      const analysed = analyseText(sentence.join(' '), '2024-06-20', lm);
      const state: PipelineState = { ...analysed, actors: [], mentions: [], events: [] };
      const n = state.tokens.length;
      if (!n) return;
      state.mentions = picks.slice(0, 2).map((k) => {
        const t = state.tokens[k % n];
        return { actor: 'a1', start: t.start, end: t.end, firstToken: t.i, endToken: t.i + 1, sentence: t.sentence, anaphor: k % 2 === 0 };
      });
      state.events = picks.map((k) => {
        const t = state.tokens[(k * 7) % n];
        return { type: 'AID', context: [], triggerFirst: t.i, triggerEnd: t.i + 1, sentence: t.sentence, source: ['a1'], target: [], status: 'asserted', confidence: 1 } as EventDraft;
      });
      assignStatus(state, model);
      for (const e of state.events) {
        assert.ok(['asserted', 'forecast', 'hypothetical', 'negated'].includes(e.status));
        assert.ok(e.confidence > 0 && e.confidence <= 1);
        if (e.likelihood) assert.ok(e.likelihood.p >= 0 && e.likelihood.p <= 1);
      }
    }),
    { numRuns: 300 },
  );
});

test('a draft pointing outside the text is left unchanged', () => {
  const { state } = run('Russia may attack.', [], []);
  const stray: EventDraft = { type: 'ASSAULT', context: [], triggerFirst: 40, triggerEnd: 41, sentence: 3, source: [], target: [], status: 'asserted', confidence: 1 };
  state.events = [stray];
  assignStatus(state, model);
  assert.equal(stray.status, 'asserted');
});

test('a time clause after the report belongs to the narrator', () => {
  const { events, code } = run(
    'NATO warned Russia on Tuesday that it would use all necessary tools to defend itself, after Estonia requested emergency consultations.',
    [['NATO', 'IGO'], ['Russia', 'RUS'], ['Estonia', 'EST']],
    [['use', 'COERCE'], ['requested', 'REQUEST']],
  );
  assert.equal(events[0].status, 'forecast');
  assert.equal(code(events[0].attribution?.actor), 'IGO');
  assert.equal(events[1].attribution, undefined);
});

test('a trigger the clause analysis reads as a verb takes the modal before an adverbial phrase ("could in return supply")', () => {
  const text = 'Tokyo could in return supply Manila with patrol boats.';
  const { events } = run(text, [['Tokyo', 'JPN'], ['Manila', 'PHL']], [['supply', 'AID', 0, true]]);
  assert.equal(events[0].status, 'forecast');
  assert.equal(events[0].likelihood?.cue, 'could');
});
