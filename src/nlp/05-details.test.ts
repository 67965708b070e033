// Tests for stage 5: each event takes the time, count and place of its own clause, read in the direction of its status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import fc from 'fast-check';
import { analyseText } from './01-text.js';
import { addDetails, directionOf } from './05-details.js';
import { detailModel } from './details/test-model.js';
import type { EventStatus } from '../core/record.js';
import type { PloverType } from '../core/plover.js';
import type { EventDraft, PipelineState } from './types.js';

const lm = { nlp: winkNLP(winkModel) };

/** A state for `text` with one event per trigger word given (its first occurrence after the previous one). */
function stateWith(text: string, referenceDate: string, events: { trigger: string; status: EventStatus; type?: PloverType }[]): PipelineState {
  const analysed = analyseText(text, referenceDate, lm);
  let from = 0;
  const drafts: EventDraft[] = events.map(({ trigger, status, type }) => {
    const i = analysed.tokens.findIndex((t, k) => k >= from && t.lower === trigger);
    assert.ok(i >= 0, `trigger "${trigger}" not in the text`);
    from = i + 1;
    return { type: type ?? 'AID', context: [], triggerFirst: i, triggerEnd: i + 1, sentence: analysed.tokens[i].sentence, source: [], target: [], status, confidence: 1 };
  });
  return { ...analysed, actors: [], mentions: [], events: drafts };
}

const SEED = 'North Korea may deploy troops to support Russia in the ongoing conflict in Ukraine as early as July or August, South Korea\'s spy agency told lawmakers on Wednesday. The troop deployment is expected to involve several thousand North Korean soldiers.';

test('the seed forecast: July or August 2024, in Ukraine; the next sentence carries several thousand troops', () => {
  const state = stateWith(SEED, '2024-06-20', [{ trigger: 'deploy', status: 'forecast' }, { trigger: 'deployment', status: 'forecast' }]);
  addDetails(state, detailModel());
  const [deploy, deployment] = state.events;
  assert.deepEqual([deploy.when?.text, deploy.when?.start, deploy.when?.end], ['as early as July or August', '2024-07-01', '2024-08-31']);
  assert.deepEqual(deploy.when?.span, [SEED.indexOf('as early'), SEED.indexOf(', South')]);
  assert.deepEqual([deploy.where?.name, deploy.where?.code], ['Ukraine', 'UKR']);
  assert.equal(deploy.magnitude, undefined);
  assert.deepEqual([deployment.magnitude?.min, deployment.magnitude?.max, deployment.magnitude?.unit], [2000, 9999, 'troops']);
  assert.equal(deployment.when, undefined, '"on Wednesday" dates the telling, not the deployment');
});

test('each of two coordinated predicates keeps its own time and count; a count without noun borrows the earlier unit', () => {
  const text = 'North Korea has sent about 3,000 soldiers to Russia this month and plans to dispatch a total of 10,000 by December, the NIS told lawmakers on Wednesday.';
  const state = stateWith(text, '2024-10-23', [{ trigger: 'sent', status: 'asserted' }, { trigger: 'dispatch', status: 'forecast' }]);
  addDetails(state, detailModel());
  const [sent, dispatch] = state.events;
  assert.deepEqual([sent.when?.start, sent.when?.end, sent.magnitude?.min, sent.magnitude?.max, sent.magnitude?.unit], ['2024-10-01', '2024-10-23', 2700, 3300, 'troops']);
  assert.deepEqual([dispatch.when?.start, dispatch.when?.end, dispatch.magnitude?.min, dispatch.magnitude?.unit], ['2024-10-23', '2024-12-31', 10000, 'troops']);
});

test('the status sets the direction of a bare weekday', () => {
  const text = 'North Korea fired missiles on Wednesday. North Korea will fire missiles on Wednesday.';
  const state = stateWith(text, '2024-10-31', [{ trigger: 'fired', status: 'asserted' }, { trigger: 'fire', status: 'forecast' }]);
  addDetails(state, detailModel());
  assert.equal(state.events[0].when?.start, '2024-10-30');
  assert.equal(state.events[1].when?.start, '2024-11-06');
  assert.equal(directionOf('hypothetical'), 'forward');
  assert.equal(directionOf('negated'), 'backward');
});

test('details behind a relative clause or another verb are not the event\'s', () => {
  const text = 'Choe, who left Pyongyang on Monday, is due to hold talks in Moscow later this week. The Commission on Friday proposed a package of sanctions.';
  const state = stateWith(text, '2024-10-31', [{ trigger: 'talks', status: 'forecast', type: 'CONSULT' }, { trigger: 'sanctions', status: 'forecast', type: 'SANCTION' }]);
  addDetails(state, detailModel());
  const [talks, sanctions] = state.events;
  assert.deepEqual([talks.when?.text, talks.where?.name], ['later this week', 'Moscow']);
  assert.equal(sanctions.when, undefined);
});

test('money measures only events about money', () => {
  const text = 'Washington pledged $1.5 billion in aid. Washington condemned the $1.5 billion deal.';
  const state = stateWith(text, '2024-10-31', [{ trigger: 'pledged', status: 'asserted', type: 'AID' }, { trigger: 'condemned', status: 'asserted', type: 'ACCUSE' }]);
  addDetails(state, detailModel());
  assert.deepEqual([state.events[0].magnitude?.min, state.events[0].magnitude?.unit], [1.5e9, 'USD']);
  assert.equal(state.events[1].magnitude, undefined);
});

test('a time that leads a clause dates only the events after it', () => {
  const text = 'The incursion came two days before Russia and Belarus are due to begin their joint exercises.';
  const state = stateWith(text, '2025-09-10', [{ trigger: 'incursion', status: 'asserted', type: 'MOBILIZE' }, { trigger: 'exercises', status: 'forecast', type: 'COOPERATE' }]);
  addDetails(state, detailModel());
  assert.equal(state.events[0].when, undefined);
  assert.deepEqual([state.events[1].when?.start, state.events[1].when?.end], ['2025-09-12', '2025-09-12']);
});

test('a denied or reported event in the future still looks ahead', () => {
  const text = 'Pyongyang denied it will attend talks on Monday. Seoul agreed to meet on Monday. Seoul met on Monday.';
  const state = stateWith(text, '2024-10-31', [{ trigger: 'attend', status: 'negated' }, { trigger: 'meet', status: 'asserted' }, { trigger: 'met', status: 'asserted' }]);
  addDetails(state, detailModel());
  assert.deepEqual(state.events.map((e) => e.when?.start), ['2024-11-04', '2024-11-04', '2024-10-28']);
});

test('a support verb passes its time to the event noun it takes as object', () => {
  const text = 'On Monday, Russian forces launched a missile attack.';
  const state = stateWith(text, '2024-10-31', [{ trigger: 'attack', status: 'asserted', type: 'ASSAULT' }]);
  addDetails(state, detailModel());
  assert.equal(state.events[0].when?.start, '2024-10-28');
});

test('a count in the subject measures the event of any verb in its clause', () => {
  const text = 'About 8,000 North Korean soldiers are now in Kursk and are expected to go into battle in the coming days.';
  const state = stateWith(text, '2024-10-31', [{ trigger: 'battle', status: 'forecast', type: 'ASSAULT' }]);
  addDetails(state, detailModel());
  const [battle] = state.events;
  assert.deepEqual([battle.magnitude?.min, battle.magnitude?.max, battle.when?.end], [7200, 8800, '2024-11-10']);
});

test('on any mix of time, count and place words: windows and ranges are ordered, and spans point at their text', () => {
  const words = ['in', 'the', 'coming', 'days', 'by', 'July', 'or', 'August', 'May', '2025', '3,000', 'troops', 'about', 'Kursk', "'s", '-', 'Monday', 'and', 'to', 'early', 'mid', 'late', 'next', 'week', 'year', 'of', 'first', 'half', 'said', 'that', 'will', 'deploy', '$', '1.5', 'billion', '12/10/2024', 'since', 'last', 'two', 'before', 'after', 'ago', 'summer', 'between', ',', '.', 'within', 'hours', 'Gulf', 'Finland', 'island'];
  fc.assert(fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }), fc.constantFrom<EventStatus>('forecast', 'asserted', 'negated'), (picked, status) => {
    const text = picked.join(' ');
    const analysed = analyseText(text, '2024-02-29', lm);
    const events: EventDraft[] = analysed.tokens.filter((t) => t.lower === 'deploy' || t.lower === 'troops')
      .map((t) => ({ type: 'AID', context: [], triggerFirst: t.i, triggerEnd: t.i + 1, sentence: t.sentence, source: [], target: [], status, confidence: 1 }));
    const state: PipelineState = { ...analysed, actors: [], mentions: [], events };
    addDetails(state, detailModel());
    for (const e of state.events) {
      if (e.when) assert.ok(e.when.start <= e.when.end, JSON.stringify(e.when));
      if (e.magnitude) assert.ok(e.magnitude.min <= e.magnitude.max, JSON.stringify(e.magnitude));
      for (const d of [e.when, e.magnitude, e.where]) if (d?.span) assert.equal(text.slice(d.span[0], d.span[1]), d.text);
    }
  }), { numRuns: 300 });
});

test('a time after an act named as the object of a reporting verb dates the report ("since acknowledging the strike in May")', () => {
  const text = 'Since acknowledging the strike in May, the ministry has paid the families. The army struck the depot in May.';
  const state = stateWith(text, '2025-09-04', [{ trigger: 'strike', status: 'asserted', type: 'ASSAULT' }, { trigger: 'struck', status: 'asserted', type: 'ASSAULT' }]);
  addDetails(state, detailModel());
  const [acknowledged, struck] = state.events;
  assert.equal(acknowledged.when, undefined);
  assert.equal(struck.when?.start, '2025-05-01');
});
